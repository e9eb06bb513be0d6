import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity, Checklist, UpdateActivityBody } from '../../shared/checklist.js';
import { api } from '../api/client.js';

const checklistKey = (projectId: string) => ['projects', projectId, 'activities'];

export const useChecklist = (projectId: string) =>
  useQuery({
    queryKey: checklistKey(projectId),
    queryFn: () => api<Checklist>('GET', `/api/projects/${projectId}/activities`),
  });

export function useUpdateActivity(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, ...body }: UpdateActivityBody & { activityId: string }) =>
      api<Activity>('PATCH', `/api/projects/${projectId}/activities/${activityId}`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData<Checklist>(checklistKey(projectId), (checklist) =>
        checklist
          ? {
              ...checklist,
              groups: checklist.groups.map((group) => ({
                ...group,
                activities: group.activities.map((activity) => (activity.id === saved.id ? saved : activity)),
              })),
            }
          : checklist,
      );
    },
    // Progress is the server's to count: fetch it again after every change, and after a conflict.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['projects', projectId] }),
  });
}
