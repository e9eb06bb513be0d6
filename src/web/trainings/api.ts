import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Attendance,
  ChooseSplitBody,
  ConfirmSessionBody,
  ProposeDatesBody,
  RecordWorkshopBody,
  Training,
  TrainingSession,
  TrainingsOverview,
  UpdateSessionBody,
  UpdateTrainingRangeBody,
  Workshop,
} from '../../shared/trainings.js';
import { api } from '../api/client.js';

const trainingsKey = (projectId: string) => ['projects', projectId, 'trainings'];

export const trainingsQuery = (projectId: string) =>
  queryOptions({
    queryKey: trainingsKey(projectId),
    queryFn: () => api<TrainingsOverview>('GET', `/api/projects/${projectId}/trainings`),
  });

export const useTrainings = (projectId: string) => useQuery(trainingsQuery(projectId));

/**
 * Every change moves counts the server works out (needed sessions, the split, who missed what),
 * so the overview is fetched again after each one, and after a failure too.
 */
function useTrainingsMutation<Input, Output>(projectId: string, send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: trainingsKey(projectId) }),
  });
}

const base = (projectId: string) => `/api/projects/${projectId}`;

export const useUpdateRange = (projectId: string) =>
  useTrainingsMutation(projectId, ({ trainingKey, ...body }: UpdateTrainingRangeBody & { trainingKey: string }) =>
    api<Training>('PUT', `${base(projectId)}/trainings/${trainingKey}`, body),
  );

export const useChooseSplit = (projectId: string) =>
  useTrainingsMutation(projectId, ({ trainingKey, ...body }: ChooseSplitBody & { trainingKey: string }) =>
    api<Training>('PUT', `${base(projectId)}/trainings/${trainingKey}/split-choice`, body),
  );

export const useProposeDates = (projectId: string) =>
  useTrainingsMutation(projectId, ({ trainingKey, ...body }: ProposeDatesBody & { trainingKey: string }) =>
    api<Training>('POST', `${base(projectId)}/trainings/${trainingKey}/proposals`, body),
  );

export const useDeleteProposal = (projectId: string) =>
  useTrainingsMutation(projectId, (proposalId: string) =>
    api<void>('DELETE', `${base(projectId)}/training-proposals/${proposalId}`),
  );

export const useConfirmSession = (projectId: string) =>
  useTrainingsMutation(projectId, ({ trainingKey, ...body }: ConfirmSessionBody & { trainingKey: string }) =>
    api<TrainingSession>('POST', `${base(projectId)}/trainings/${trainingKey}/sessions`, body),
  );

export const useUpdateSession = (projectId: string) =>
  useTrainingsMutation(projectId, ({ sessionId, ...body }: UpdateSessionBody & { sessionId: string }) =>
    api<TrainingSession>('PATCH', `${base(projectId)}/training-sessions/${sessionId}`, body),
  );

export const useCancelSession = (projectId: string) =>
  useTrainingsMutation(projectId, ({ sessionId, version }: { sessionId: string; version: number }) =>
    api<void>('DELETE', `${base(projectId)}/training-sessions/${sessionId}?version=${version}`),
  );

export const useBookSplit = (projectId: string) =>
  useTrainingsMutation(projectId, (trainingKey: string) =>
    api<Training>('POST', `${base(projectId)}/trainings/${trainingKey}/split`),
  );

export const useBookParticipant = (projectId: string) =>
  useTrainingsMutation(projectId, ({ sessionId, personId }: { sessionId: string; personId: string }) =>
    api<TrainingSession>('POST', `${base(projectId)}/training-sessions/${sessionId}/participants`, { personId }),
  );

export const useUnbookParticipant = (projectId: string) =>
  useTrainingsMutation(projectId, ({ sessionId, personId }: { sessionId: string; personId: string }) =>
    api<void>('DELETE', `${base(projectId)}/training-sessions/${sessionId}/participants/${personId}`),
  );

export const useMarkAttendance = (projectId: string) =>
  useTrainingsMutation(
    projectId,
    ({ sessionId, entries }: { sessionId: string; entries: { personId: string; attendance: Attendance }[] }) =>
      api<TrainingSession>('PUT', `${base(projectId)}/training-sessions/${sessionId}/attendance`, { entries }),
  );

export const useRecordWorkshop = (projectId: string) =>
  useTrainingsMutation(projectId, (body: RecordWorkshopBody) =>
    api<Workshop>('POST', `${base(projectId)}/staff-workshops`, body),
  );

export const useDeleteWorkshop = (projectId: string) =>
  useTrainingsMutation(projectId, (workshopId: string) =>
    api<void>('DELETE', `${base(projectId)}/staff-workshops/${workshopId}`),
  );
