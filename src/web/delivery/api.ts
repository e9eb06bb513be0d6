import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Delivery, MarkDeliveryStepBody } from '../../shared/delivery.js';
import { api } from '../api/client.js';

const deliveryKey = (projectId: string) => ['projects', projectId, 'delivery'];

export const useDelivery = (projectId: string) =>
  useQuery({
    queryKey: deliveryKey(projectId),
    queryFn: () => api<Delivery>('GET', `/api/projects/${projectId}/delivery`),
  });

/** A step may tick or reopen checklist activities: the project's checklist and progress are fetched again. */
function useRefetchProject(projectId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
    void queryClient.invalidateQueries({ queryKey: ['me', 'tasks'] });
  };
}

/*
 * What follows a change is given to the hooks rather than to `mutate`: the control that made the
 * change leaves the page as soon as the step shows its new state, and callbacks given to `mutate`
 * do not outlive their component.
 */

export function useMarkStep(projectId: string, onMarked: () => void) {
  const queryClient = useQueryClient();
  const refetch = useRefetchProject(projectId);
  return useMutation({
    mutationFn: (body: MarkDeliveryStepBody) =>
      api<Delivery>('POST', `/api/projects/${projectId}/delivery/steps`, body),
    onSuccess: (delivery) => {
      queryClient.setQueryData(deliveryKey(projectId), delivery);
      onMarked();
    },
    onSettled: refetch,
  });
}

export function useUndoStep(projectId: string, onUndone: () => void) {
  const refetch = useRefetchProject(projectId);
  return useMutation({
    mutationFn: (stepId: string) => api<void>('DELETE', `/api/projects/${projectId}/delivery/steps/${stepId}`),
    onSuccess: onUndone,
    onSettled: refetch,
  });
}
