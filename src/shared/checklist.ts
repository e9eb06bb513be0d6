import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { progressSchema, roleRefSchema } from './projects.js';

const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const dependencyRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  deadline: z.string().nullable(),
  done: z.boolean(),
});
export type DependencyRef = z.infer<typeof dependencyRefSchema>;

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
  description: z.string(),
  /** The template's wording, only when the project has rewritten the title since. */
  templateTitle: z.string().nullable(),
  /** The named person answering for the activity at the customer, beside the responsible roles. */
  customerPerson: personRefSchema.nullable(),
  vendorPerson: personRefSchema.nullable(),
  /** Activities of the same project this one waits for. */
  dependsOn: z.array(dependencyRefSchema),
  /** Its deadline comes before the deadline of something it waits for. */
  dueBeforeDependency: z.boolean(),
  commentCount: z.number().int(),
  /** Files attached to the activity, such as an import file for the vendor's support. */
  attachmentCount: z.number().int(),
  /**
   * On "Säkerställ att alla i projektgruppen förstår sin roll och sitt ansvar" only: how many role
   * holdings are confirmed against the current responsibility text.
   */
  roleAcknowledgements: z.object({ confirmed: z.number().int(), total: z.number().int() }).optional(),
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

const roleKeys = z.array(z.string().min(1).max(80)).max(20);

/** What an activity is: shared by adding one and changing one. */
const activityFieldsSchema = z.object({
  title: z.string().trim().min(3, 'Beskriv aktiviteten').max(500, 'Högst 500 tecken'),
  description: z.string().trim().max(4000, 'Högst 4000 tecken'),
  customerRoleKeys: roleKeys,
  vendorRoleKeys: roleKeys,
  customerPersonId: idSchema.nullable(),
  vendorPersonId: idSchema.nullable(),
  deadline: isoDateSchema.nullable(),
  /** Activities of the same project this one waits for. */
  dependsOn: z.array(idSchema).max(50),
});

export const createActivityBodySchema = activityFieldsSchema.partial().extend({
  groupKey: z.string().min(1, 'Välj grupp'),
  title: activityFieldsSchema.shape.title,
});
export type CreateActivityBody = z.input<typeof createActivityBodySchema>;

export const updateActivityBodySchema = activityFieldsSchema
  .partial()
  .extend({
    /** The version the change is based on: a stale one is refused with 409. */
    version: z.number().int().min(1),
    done: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Ange vad som ska ändras',
    path: ['done'],
  });
export type UpdateActivityBody = z.infer<typeof updateActivityBodySchema>;

/** Moves an activity to a place in a group (its own or another). */
export const moveActivityBodySchema = z.object({
  version: z.number().int().min(1),
  groupKey: z.string().min(1),
  /** Zero-based place among the group's activities after the move. */
  index: z.number().int().min(0),
});
export type MoveActivityBody = z.infer<typeof moveActivityBodySchema>;

export const activityFilters = ['mine', 'overdue', 'soon'] as const;

/** `soon` is the next two weeks; dates are compared in Europe/Stockholm. */
export const checklistQuerySchema = z.object({
  filter: z.enum(activityFilters).optional(),
  group: z.string().optional(),
  side: z.enum(['customer', 'vendor']).optional(),
  status: z.enum(['open', 'done']).optional(),
});
export type ChecklistQuery = z.infer<typeof checklistQuerySchema>;

export const commentSchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string().nullable(), name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;
export const commentListSchema = z.object({
  items: z.array(commentSchema),
  /** Anyone who reads the project comments on it, until it is closed. */
  mayComment: z.boolean(),
});
export type CommentList = z.infer<typeof commentListSchema>;
export const createCommentBodySchema = z.object({
  body: z.string().trim().min(1, 'Skriv en kommentar').max(4000, 'Högst 4000 tecken'),
});
export type CreateCommentBody = z.infer<typeof createCommentBodySchema>;

/** One of the viewer's open activities, on "Mina uppgifter". */
/**
 * What Mina uppgifter shows of an activity: enough to name it, link to it and tick it. The whole
 * activity is on its project's checklist; a supporter of every project would otherwise load every
 * description and dependency in the country with their list.
 */
export const myTaskActivitySchema = activitySchema.pick({
  id: true,
  title: true,
  deadline: true,
  version: true,
  canTick: true,
});

export const myTaskSchema = z.object({
  project: z.object({ id: z.string(), name: z.string(), customerName: z.string() }),
  activity: myTaskActivitySchema,
  overdue: z.boolean(),
});
export type MyTask = z.infer<typeof myTaskSchema>;
export const myTaskListSchema = z.object({ items: z.array(myTaskSchema) });
