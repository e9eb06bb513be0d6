import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed } from '../../shared/calendar.js';
import type { Activity, MyTask } from '../../shared/checklist.js';
import type { ReminderPreferences } from '../../shared/reminders.js';
import { api } from '../api/client.js';

const tasksKey = ['me', 'tasks'];
const remindersKey = ['me', 'reminders'];

export const useMyTasks = () =>
  useQuery({ queryKey: tasksKey, queryFn: () => api<{ items: MyTask[] }>('GET', '/api/me/tasks') });

/** Ticks one of the viewer's tasks (or takes the tick back), on the version it was read at. */
export function useTickTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      projectId,
      activityId,
      ...body
    }: {
      projectId: string;
      activityId: string;
      version: number;
      done: boolean;
    }) => api<Activity>('PATCH', `/api/projects/${projectId}/activities/${activityId}`, body),
    onSuccess: (saved, { done }) => {
      if (done) {
        queryClient.setQueryData<{ items: MyTask[] }>(
          tasksKey,
          (tasks) => tasks && { items: tasks.items.filter((task) => task.activity.id !== saved.id) },
        );
      }
    },
    onSettled: (_saved, _error, { projectId }) => {
      void queryClient.invalidateQueries({ queryKey: tasksKey });
      void queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
    },
  });
}

/** The viewer's reminder settings; a login without a person is answered 400, which no retry mends. */
export const useReminderPreferences = () =>
  useQuery({
    queryKey: remindersKey,
    queryFn: () => api<ReminderPreferences>('GET', '/api/me/reminders'),
    retry: false,
  });

export function useSaveReminderPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: ReminderPreferences) => api<ReminderPreferences>('PUT', '/api/me/reminders', preferences),
    onSuccess: (saved) => queryClient.setQueryData(remindersKey, saved),
  });
}

/** A new secret address for a calendar; the one before stops working. */
export const useRenewCalendarFeed = (url: string) => useMutation({ mutationFn: () => api<CalendarFeed>('POST', url) });
