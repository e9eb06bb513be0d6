import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { progressSchema, roleRefSchema } from './projects.js';

export const activitySchema = z.object({
  id: z.string(),
  groupKey: z.string(),
  position: z.number().int(),
  title: z.string(),
  fromTemplate: z.boolean(),
  customerResponsible: z.array(roleRefSchema),
  vendorResponsible: z.array(roleRefSchema),
  deadline: z.string().nullable(),
  done: z.object({ at: z.string(), by: z.object({ id: z.string(), name: z.string() }) }).nullable(),
  version: z.number().int(),
  /** Whether the viewer may tick this activity (editors any, others those of their roles). */
  canTick: z.boolean(),
});
export type Activity = z.infer<typeof activitySchema>;

export const checklistGroupSchema = z.object({
  key: z.string(),
  title: z.string(),
  progress: progressSchema,
  activities: z.array(activitySchema),
});
export type ChecklistGroup = z.infer<typeof checklistGroupSchema>;

export const checklistSchema = z.object({
  progress: progressSchema,
  groups: z.array(checklistGroupSchema),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const activityParamsSchema = z.object({ id: idSchema, activityId: idSchema });

export const updateActivityBodySchema = z
  .object({
    /** The version the change is based on: a stale one is refused with 409. */
    version: z.number().int().min(1),
    done: z.boolean().optional(),
    deadline: isoDateSchema.nullable().optional(),
  })
  .refine((body) => body.done !== undefined || body.deadline !== undefined, {
    message: 'Ange vad som ska ändras (klart eller deadline)',
    path: ['done'],
  });
export type UpdateActivityBody = z.infer<typeof updateActivityBodySchema>;
