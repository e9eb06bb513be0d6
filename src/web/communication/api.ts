import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Communication,
  CommunicationItem,
  CreateCommunicationItemBody,
  MarkCommunicationItemDoneBody,
  ProcessGuide,
  ProcessGuideGoal,
  UpdateCommunicationItemBody,
  UpdateProcessGuideBody,
  UpdateProcessGuideGoalBody,
} from '../../shared/communication.js';
import { api } from '../api/client.js';

export const communicationKey = (projectId: string) => ['projects', projectId, 'communication'];

export const communicationQuery = (projectId: string) =>
  queryOptions({
    queryKey: communicationKey(projectId),
    queryFn: () => api<Communication>('GET', `/api/projects/${projectId}/communication`),
  });

export const useCommunication = (projectId: string) => useQuery(communicationQuery(projectId));

/** Fetched anew after a version conflict, to show what is saved now. */
export function useReloadCommunication(projectId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...communicationQuery(projectId), staleTime: 0 });
}

/** A change shows in the plan, the project history and what a new revision would hold. */
function useProjectChanged(projectId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
}

const itemsUrl = (projectId: string) => `/api/projects/${projectId}/communication-items`;

export function useSaveCommunicationItem(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: (
      variables:
        | ({ itemId: string } & UpdateCommunicationItemBody)
        | ({ itemId?: undefined } & CreateCommunicationItemBody),
    ) => {
      const { itemId, ...body } = variables;
      return itemId
        ? api<CommunicationItem>('PATCH', `${itemsUrl(projectId)}/${itemId}`, body)
        : api<CommunicationItem>('POST', itemsUrl(projectId), body);
    },
    onSettled: changed,
  });
}

export function useDeleteCommunicationItem(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ itemId, version }: { itemId: string; version: number }) =>
      api<void>('DELETE', `${itemsUrl(projectId)}/${itemId}?version=${version}`),
    onSettled: changed,
  });
}

export function useMarkCommunicationItemDone(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ itemId, ...body }: MarkCommunicationItemDoneBody & { itemId: string }) =>
      api<CommunicationItem>('PUT', `${itemsUrl(projectId)}/${itemId}/done`, body),
    onSettled: changed,
  });
}

export function useSaveGuideIntroduction(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: (body: UpdateProcessGuideBody) =>
      api<ProcessGuide>('PUT', `/api/projects/${projectId}/process-guide`, body),
    onSettled: changed,
  });
}

export function useSaveGuideGoal(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ goalId, ...body }: UpdateProcessGuideGoalBody & { goalId: string }) =>
      api<ProcessGuideGoal>('PUT', `/api/projects/${projectId}/process-guide/goals/${goalId}`, body),
    onSettled: changed,
  });
}
