import { z } from 'zod';

/** ISO weekdays, 1 = måndag … 7 = söndag. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** The earliest a reminder may go out before a deadline; the job looks no further ahead than this. */
export const MAX_DAYS_BEFORE = 60;

export const reminderPreferencesSchema = z.object({
  enabled: z.boolean(),
  /** How many days before a deadline the first reminder goes out. */
  daysBefore: z.number().int().min(0, 'Minst 0 dagar').max(MAX_DAYS_BEFORE, `Högst ${MAX_DAYS_BEFORE} dagar`),
  /** ISO weekday of the weekly digest: 1 = måndag … 7 = söndag. */
  digestWeekday: z.number().int().min(1).max(7),
});
export type ReminderPreferences = z.infer<typeof reminderPreferencesSchema>;

/** What a person gets until they say otherwise. */
export const defaultReminderPreferences: ReminderPreferences = { enabled: true, daysBefore: 3, digestWeekday: 1 };
