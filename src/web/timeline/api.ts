import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeyActivity } from '../../shared/plan.js';
import type { Timeline, UpdateKeyActivityBody } from '../../shared/timeline.js';
import { api } from '../api/client.js';

const timelineKey = (projectId: string) => ['projects', projectId, 'timeline'];

export const useTimeline = (projectId: string) =>
  useQuery({
    queryKey: timelineKey(projectId),
    queryFn: () => api<Timeline>('GET', `/api/projects/${projectId}/timeline`),
  });

export function useMoveKeyActivity(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keyActivityId, ...body }: UpdateKeyActivityBody & { keyActivityId: string }) =>
      api<KeyActivity>('PATCH', `/api/projects/${projectId}/key-activities/${keyActivityId}`, body),
    // The plan shows the same key activities, and the order of the timeline may change.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['projects', projectId] }),
  });
}
