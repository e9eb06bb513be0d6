import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDiff, RevisionList, RevisionSummary, SendRevisionBody } from '../../shared/revisions.js';
import { api } from '../api/client.js';
import type { Comparison } from './comparison.js';

const revisionsKey = (projectId: string) => ['projects', projectId, 'revisions'];

/** The project list carries each project's unread count; its keys are ['projects', { customerId }]. */
const refreshProjectLists = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({
    queryKey: ['projects'],
    predicate: (query) => typeof query.queryKey[1] !== 'string',
  });

export const useRevisions = (projectId: string) =>
  useQuery({
    queryKey: revisionsKey(projectId),
    queryFn: () => api<RevisionList>('GET', `/api/projects/${projectId}/revisions`),
  });

export function useSendRevision(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendRevisionBody) => api<RevisionSummary>('POST', `/api/projects/${projectId}/revisions`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: revisionsKey(projectId), exact: true });
      void refreshProjectLists(queryClient);
    },
  });
}

export const useComparison = (projectId: string, comparison: Comparison | null) =>
  useQuery({
    queryKey: [...revisionsKey(projectId), 'compare', comparison?.from, comparison?.to],
    queryFn: () =>
      api<PlanDiff>(
        'GET',
        `/api/projects/${projectId}/revisions/compare?from=${comparison?.from}&to=${comparison?.to}`,
      ),
    enabled: comparison !== null,
    // The last comparison stays on screen while the next one loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });

export function useMarkRevisionRead(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => api<void>('POST', `/api/projects/${projectId}/revisions/${number}/read`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: revisionsKey(projectId), exact: true });
      void refreshProjectLists(queryClient);
    },
  });
}

/** The Word or PDF file of a revision, or of the current draft when `revision` is absent. */
export const exportUrl = (projectId: string, format: 'docx' | 'pdf', revision?: number) =>
  `/api/projects/${projectId}/plan/export.${format}${revision === undefined ? '' : `?revision=${revision}`}`;
