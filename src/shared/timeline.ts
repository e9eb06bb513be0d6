import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

export const timelineItemKinds = ['key', 'activity'] as const;

/**
 * A dated thing on the project's timeline: a key activity of the plan or a checklist activity's
 * deadline. A key activity is a moment rather than a task, so it counts as done once its day has
 * passed and is never overdue.
 */
export const timelineItemSchema = z.object({
  id: z.string(),
  kind: z.enum(timelineItemKinds),
  title: z.string(),
  /** Null for a key activity not dated yet; checklist activities appear only with a deadline. */
  date: z.string().nullable(),
  done: z.boolean(),
  overdue: z.boolean(),
  /** The checklist group of an activity. */
  groupTitle: z.string().optional(),
  /** The version a change of the date (key activity) or deadline (activity) is based on. */
  version: z.number().int(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/** Earliest first; key activities without a date last. */
export const timelineSchema = z.object({ items: z.array(timelineItemSchema) });
export type Timeline = z.infer<typeof timelineSchema>;

export const keyActivityParamsSchema = z.object({ id: idSchema, keyActivityId: idSchema });

export const updateKeyActivityBodySchema = z.object({
  /** The version the change is based on: a stale one is refused with 409. */
  version: z.number().int().min(1),
  date: isoDateSchema.nullable(),
});
export type UpdateKeyActivityBody = z.infer<typeof updateKeyActivityBodySchema>;
