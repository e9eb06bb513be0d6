import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Budget, BudgetLine, BudgetLineInput } from '../../shared/budget.js';
import type {
  agendaSentSchema,
  ChangeRequest,
  ChangeRequestInput,
  ChangeRequestList,
  DecideChangeRequestBody,
  Decision,
  DecisionInput,
  DecisionList,
  SteeringMeeting,
  SteeringMeetingInput,
  steeringMeetingListSchema,
} from '../../shared/steering.js';
import { api } from '../api/client.js';

export type SteeringMeetingList = z.infer<typeof steeringMeetingListSchema>;
export type AgendaSent = z.infer<typeof agendaSentSchema>;

const projectKey = (projectId: string) => ['projects', projectId];
const changeRequestsKey = (projectId: string) => [...projectKey(projectId), 'change-requests'];
const meetingsKey = (projectId: string) => [...projectKey(projectId), 'steering-meetings'];
const decisionsKey = (projectId: string) => [...projectKey(projectId), 'decisions'];
const budgetKey = (projectId: string) => [...projectKey(projectId), 'budget'];

/**
 * A steering change reaches far: an approved request moves the timeline and the goals, becomes a
 * decision and shows in the meetings, the history and the next revision. Everything of the project
 * is fetched again.
 */
function useProjectChanged(projectId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: projectKey(projectId) });
}

export const changeRequestsQuery = (projectId: string) =>
  queryOptions({
    queryKey: changeRequestsKey(projectId),
    queryFn: () => api<ChangeRequestList>('GET', `/api/projects/${projectId}/change-requests`),
  });

export const useChangeRequests = (projectId: string) => useQuery(changeRequestsQuery(projectId));

export function useSaveChangeRequest(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ requestId, ...body }: ChangeRequestInput & { requestId?: string; version?: number }) =>
      requestId
        ? api<ChangeRequest>('PATCH', `/api/projects/${projectId}/change-requests/${requestId}`, body)
        : api<ChangeRequest>('POST', `/api/projects/${projectId}/change-requests`, body),
    onSettled: changed,
  });
}

export function useDecideChangeRequest(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ requestId, ...body }: DecideChangeRequestBody & { requestId: string }) =>
      api<ChangeRequest>('POST', `/api/projects/${projectId}/change-requests/${requestId}/decision`, body),
    onSettled: changed,
  });
}

export const steeringMeetingsQuery = (projectId: string) =>
  queryOptions({
    queryKey: meetingsKey(projectId),
    queryFn: () => api<SteeringMeetingList>('GET', `/api/projects/${projectId}/steering-meetings`),
  });

export const useSteeringMeetings = (projectId: string) => useQuery(steeringMeetingsQuery(projectId));

export function useSaveMeeting(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ meetingId, ...body }: SteeringMeetingInput & { meetingId?: string; version?: number }) =>
      meetingId
        ? api<SteeringMeeting>('PATCH', `/api/projects/${projectId}/steering-meetings/${meetingId}`, body)
        : api<SteeringMeeting>('POST', `/api/projects/${projectId}/steering-meetings`, body),
    onSettled: changed,
  });
}

export function useRemoveMeeting(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ meetingId, version }: { meetingId: string; version: number }) =>
      api<void>('DELETE', `/api/projects/${projectId}/steering-meetings/${meetingId}?version=${version}`),
    onSettled: changed,
  });
}

export const agendaPath = (projectId: string, meetingId: string, format: 'docx' | 'pdf') =>
  `/api/projects/${projectId}/steering-meetings/${meetingId}/agenda?format=${format}`;

export function useSendAgenda(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: (meetingId: string) =>
      api<AgendaSent>('POST', `/api/projects/${projectId}/steering-meetings/${meetingId}/agenda/send`),
    onSettled: changed,
  });
}

/** The log as the server searches it ('' for all of it). */
export const decisionsQuery = (projectId: string, search: string) =>
  queryOptions({
    queryKey: [...decisionsKey(projectId), { q: search }],
    queryFn: () =>
      api<DecisionList>(
        'GET',
        `/api/projects/${projectId}/decisions${search === '' ? '' : `?q=${encodeURIComponent(search)}`}`,
      ),
  });

/** The previous answer stays on screen while the next search loads. */
export const useDecisions = (projectId: string, search: string) =>
  useQuery({ ...decisionsQuery(projectId, search), placeholderData: keepPreviousData });

export function useSaveDecision(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ decisionId, ...body }: DecisionInput & { decisionId?: string; version?: number }) =>
      decisionId
        ? api<Decision>('PATCH', `/api/projects/${projectId}/decisions/${decisionId}`, body)
        : api<Decision>('POST', `/api/projects/${projectId}/decisions`, body),
    onSettled: changed,
  });
}

export function useRemoveDecision(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ decisionId, version }: { decisionId: string; version: number }) =>
      api<void>('DELETE', `/api/projects/${projectId}/decisions/${decisionId}?version=${version}`),
    onSettled: changed,
  });
}

export const budgetQuery = (projectId: string) =>
  queryOptions({
    queryKey: budgetKey(projectId),
    queryFn: () => api<Budget>('GET', `/api/projects/${projectId}/budget`),
  });

export const useBudget = (projectId: string) => useQuery(budgetQuery(projectId));

export function useSaveBudgetLine(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ lineId, ...body }: BudgetLineInput & { lineId?: string; version?: number }) =>
      lineId
        ? api<BudgetLine>('PATCH', `/api/projects/${projectId}/budget-lines/${lineId}`, body)
        : api<BudgetLine>('POST', `/api/projects/${projectId}/budget-lines`, body),
    onSettled: changed,
  });
}

export function useRemoveBudgetLine(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ lineId, version }: { lineId: string; version: number }) =>
      api<void>('DELETE', `/api/projects/${projectId}/budget-lines/${lineId}?version=${version}`),
    onSettled: changed,
  });
}

export function useSaveBudgetSettings(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: (body: { overrunThresholdPercent: number; version: number }) =>
      api<Budget>('PUT', `/api/projects/${projectId}/budget-settings`, body),
    onSettled: changed,
  });
}
