import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcknowledgementOverview, MyRolesToConfirm, RoleText } from '../../shared/acknowledgements.js';
import { api } from '../api/client.js';

const acknowledgementsKey = (projectId: string) => ['projects', projectId, 'acknowledgements'];
const myRolesToConfirmKey = ['me', 'acknowledgements'];

export const useAcknowledgements = (projectId: string) =>
  useQuery({
    queryKey: acknowledgementsKey(projectId),
    queryFn: () => api<AcknowledgementOverview>('GET', `/api/projects/${projectId}/acknowledgements`),
  });

/** For Mina uppgifter: the viewer's roles still to confirm, project by project. */
export const useMyRolesToConfirm = () =>
  useQuery({
    queryKey: myRolesToConfirmKey,
    queryFn: () => api<MyRolesToConfirm>('GET', '/api/me/acknowledgements'),
  });

/** A confirmation or a new text shows on the organisation page, in the checklist's progress and on Mina uppgifter too. */
const refetchProject = (queryClient: QueryClient, projectId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['projects', projectId] }),
    queryClient.invalidateQueries({ queryKey: myRolesToConfirmKey }),
  ]);

/** Confirms one of the viewer's roles in any of their projects. */
export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, ...body }: { projectId: string; roleKey: string; responsibility: string }) =>
      api<AcknowledgementOverview>('POST', `/api/projects/${projectId}/acknowledgements`, body),
    onSuccess: (overview, { projectId }) => queryClient.setQueryData(acknowledgementsKey(projectId), overview),
    onSettled: (_overview, _error, { projectId }) => refetchProject(queryClient, projectId),
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
