import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcknowledgementOverview, RoleText } from '../../shared/acknowledgements.js';
import { api } from '../api/client.js';

const acknowledgementsKey = (projectId: string) => ['projects', projectId, 'acknowledgements'];

export const useAcknowledgements = (projectId: string) =>
  useQuery({
    queryKey: acknowledgementsKey(projectId),
    queryFn: () => api<AcknowledgementOverview>('GET', `/api/projects/${projectId}/acknowledgements`),
  });

/** A confirmation shows on the organisation page and in the checklist's progress too. */
const refetchProject = (queryClient: ReturnType<typeof useQueryClient>, projectId: string) =>
  queryClient.invalidateQueries({ queryKey: ['projects', projectId] });

export function useAcknowledge(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { roleKey: string; responsibility: string }) =>
      api<AcknowledgementOverview>('POST', `/api/projects/${projectId}/acknowledgements`, body),
    onSuccess: (overview) => queryClient.setQueryData(acknowledgementsKey(projectId), overview),
    onSettled: () => refetchProject(queryClient, projectId),
  });
}

export function useSaveRoleText(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roleKey, ...body }: { roleKey: string; responsibility: string; version: number }) =>
      api<RoleText>('PUT', `/api/projects/${projectId}/role-texts/${encodeURIComponent(roleKey)}`, body),
    onSettled: () => refetchProject(queryClient, projectId),
  });
}
