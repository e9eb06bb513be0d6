import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Activity,
  Checklist,
  ChecklistQuery,
  Comment,
  CommentList,
  CreateActivityBody,
  CreateCommentBody,
  MoveActivityBody,
  UpdateActivityBody,
} from '../../shared/checklist.js';
import { api } from '../api/client.js';
import { apiQueryString } from './filters.js';

/** Every view of a project's checklist, filtered or not, sits under this key. */
const activitiesKey = (projectId: string) => ['projects', projectId, 'activities'];
const checklistKey = (projectId: string, query: ChecklistQuery) => [...activitiesKey(projectId), query];
const commentsKey = (projectId: string, activityId: string) => ['projects', projectId, 'comments', activityId];

/** The checklist as the server filters it (`{}` for all of it). */
export const checklistQuery = (projectId: string, query: ChecklistQuery = {}) =>
  queryOptions({
    queryKey: checklistKey(projectId, query),
    queryFn: () => api<Checklist>('GET', `/api/projects/${projectId}/activities${apiQueryString(query)}`),
  });

/** The previous view stays on screen while the next filter loads. */
export const useChecklist = (projectId: string, query: ChecklistQuery = {}) =>
  useQuery({ ...checklistQuery(projectId, query), placeholderData: keepPreviousData });

const replaceActivity = (checklist: Checklist | undefined, saved: Activity): Checklist | undefined =>
  checklist && {
    ...checklist,
    groups: checklist.groups.map((group) => ({
      ...group,
      activities: group.activities.map((activity) => (activity.id === saved.id ? saved : activity)),
    })),
  };

/**
 * Progress, filters, the timeline and "Mina uppgifter" are the server's to work out: fetch them
 * again after every change, and after a conflict.
 */
function refetchAfterChange(queryClient: QueryClient, projectId: string) {
  void queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
  void queryClient.invalidateQueries({ queryKey: ['me', 'tasks'] });
}

export function useUpdateActivity(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, ...body }: UpdateActivityBody & { activityId: string }) =>
      api<Activity>('PATCH', `/api/projects/${projectId}/activities/${activityId}`, body),
    onSuccess: (saved) => {
      queryClient.setQueriesData<Checklist>({ queryKey: activitiesKey(projectId) }, (checklist) =>
        replaceActivity(checklist, saved),
      );
    },
    onSettled: () => refetchAfterChange(queryClient, projectId),
  });
}

export function useCreateActivity(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActivityBody) => api<Activity>('POST', `/api/projects/${projectId}/activities`, body),
    onSettled: () => refetchAfterChange(queryClient, projectId),
  });
}

export function useMoveActivity(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, ...body }: MoveActivityBody & { activityId: string }) =>
      api<Checklist>('POST', `/api/projects/${projectId}/activities/${activityId}/move`, body),
    onSuccess: (checklist) => queryClient.setQueryData(checklistKey(projectId, {}), checklist),
    onSettled: () => refetchAfterChange(queryClient, projectId),
  });
}

export function useDeleteActivity(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, version }: { activityId: string; version: number }) =>
      api<void>('DELETE', `/api/projects/${projectId}/activities/${activityId}?version=${version}`),
    onSettled: () => refetchAfterChange(queryClient, projectId),
  });
}

export const useComments = (projectId: string, activityId: string) =>
  useQuery({
    queryKey: commentsKey(projectId, activityId),
    queryFn: () => api<CommentList>('GET', `/api/projects/${projectId}/activities/${activityId}/comments`),
  });

export function useAddComment(projectId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) =>
      api<Comment>('POST', `/api/projects/${projectId}/activities/${activityId}/comments`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commentsKey(projectId, activityId) });
      // The rows show how many comments each activity has.
      void queryClient.invalidateQueries({ queryKey: activitiesKey(projectId) });
    },
  });
}
