import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../shared/auth.js';
import type {
  Computation,
  ComputationSettings,
  FileInspection,
  GoalTracking,
  GoalTrackingList,
  Measurement,
  RecordMeasurementBody,
} from '../../shared/measurements.js';
import { api } from '../api/client.js';
import { SESSION_KEY } from '../auth/session.js';
import { postMultipart } from './upload.js';

export const goalTrackingKey = (projectId: string) => ['projects', projectId, 'goal-tracking'];

const goalBase = (projectId: string, goalId: string) => `/api/projects/${projectId}/goals/${goalId}`;

export const useGoalTracking = (projectId: string) =>
  useQuery({
    queryKey: goalTrackingKey(projectId),
    queryFn: () => api<GoalTrackingList>('GET', `/api/projects/${projectId}/goal-tracking`),
  });

/** A change to one goal's measurements moves its status and chart, worked out by the server. */
function useTrackingMutation<Input, Output>(projectId: string, send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalTrackingKey(projectId) }),
  });
}

export const useRecordMeasurement = (projectId: string, goalId: string) =>
  useTrackingMutation(projectId, (body: RecordMeasurementBody) =>
    api<Measurement>('POST', `${goalBase(projectId, goalId)}/measurements`, body),
  );

export const useDeleteMeasurement = (projectId: string, goalId: string) =>
  useTrackingMutation(projectId, (measurementId: string) =>
    api<void>('DELETE', `${goalBase(projectId, goalId)}/measurements/${measurementId}`),
  );

export const useSaveMeasurer = (projectId: string, goalId: string) =>
  useTrackingMutation(projectId, (body: { version: number; measurerPersonId: string | null }) =>
    api<GoalTracking>('PUT', `${goalBase(projectId, goalId)}/measurement-settings`, body),
  );

/** Reads a file's columns and first rows; nothing is kept. */
export const useInspectFile = (projectId: string, goalId: string) =>
  useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<FileInspection>('POST', `${goalBase(projectId, goalId)}/measurement-files/inspect`, form);
    },
  });

export interface ComputeInput {
  settings: ComputationSettings;
  /** By multipart field name: `roster` and `events`, or `records`. */
  files: Record<string, File>;
  onProgress: (percent: number) => void;
  onUploaded: () => void;
}

/**
 * Uploads the exports and computes the figure; the computation is kept, to be saved as a
 * measurement, and the goal remembers the columns for next time.
 */
export function useCompute(projectId: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, files, onProgress, onUploaded }: ComputeInput) => {
      const form = new FormData();
      // The server reads the settings before the files stream past, so they go first.
      form.append('settings', JSON.stringify(settings));
      for (const [field, file] of Object.entries(files)) form.append(field, file, file.name);
      return postMultipart<Computation>(`${goalBase(projectId, goalId)}/computations`, form, {
        csrfToken: queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken,
        onProgress,
        onUploaded,
      });
    },
    // The result is shown at once; the remembered columns arrive with the refetch.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalTrackingKey(projectId) }),
  });
}

export const useComputation = (projectId: string, goalId: string, computationId: string | null) =>
  useQuery({
    queryKey: ['projects', projectId, 'computations', computationId],
    queryFn: () => api<Computation>('GET', `${goalBase(projectId, goalId)}/computations/${computationId}`),
    enabled: computationId !== null,
    // A computation never changes once made.
    staleTime: Number.POSITIVE_INFINITY,
  });
