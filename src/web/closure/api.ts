import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApproveClosureBody, ClosureOverview, PlanFollowUpBody, StartFollowOnBody } from '../../shared/closure.js';
import { api } from '../api/client.js';

const closureKey = (projectId: string) => ['projects', projectId, 'closure'];

export const useClosure = (projectId: string) =>
  useQuery({
    queryKey: closureKey(projectId),
    queryFn: () => api<ClosureOverview>('GET', `/api/projects/${projectId}/closure`),
  });

/**
 * The approval changes the project's phase and permissions everywhere: in its own pages, in the
 * project list and in the vendor's portfolio. A refused approval (the open items changed) fetches
 * the list again so the approver sees what changed.
 */
export function useApproveClosure(projectId: string, onApproved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApproveClosureBody) => api<ClosureOverview>('POST', `/api/projects/${projectId}/closure`, body),
    onSuccess: onApproved,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      void queryClient.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}

/** The follow-up meeting is a key activity: the timeline and the steps show the new date too. */
export function usePlanFollowUp(projectId: string, onPlanned: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanFollowUpBody) => api<ClosureOverview>('PUT', `/api/projects/${projectId}/follow-up`, body),
    onSuccess: onPlanned,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['projects', projectId] }),
  });
}

export function useStartFollowOn(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartFollowOnBody) =>
      api<{ id: string; name: string }>('POST', `/api/projects/${projectId}/follow-ons`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      void queryClient.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}
