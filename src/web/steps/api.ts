import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProjectSteps, SetStepBody } from '../../shared/steps.js';
import { api } from '../api/client.js';

const stepsKey = (projectId: string) => ['projects', projectId, 'steps'];

export const useProjectSteps = (projectId: string) =>
  useQuery({
    queryKey: stepsKey(projectId),
    queryFn: () => api<ProjectSteps>('GET', `/api/projects/${projectId}/steps`),
  });

/**
 * Holds the project at a step, moves it on, or lets the data decide again. The steps are fetched
 * again whatever the answer: after a conflict they show the decision someone else took.
 */
export function useSetStep(projectId: string, onSet: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetStepBody) => api<ProjectSteps>('PUT', `/api/projects/${projectId}/step`, body),
    onSuccess: onSet,
    onSettled: () => queryClient.invalidateQueries({ queryKey: stepsKey(projectId) }),
  });
}
