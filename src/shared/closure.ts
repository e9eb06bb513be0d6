import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { goalStatuses } from './measurements.js';
import { projectPhases } from './projects.js';

/**
 * The end of an implementation: the Beställare approves the closure after seeing what is still
 * open, and the project moves from the implementation phase to the operations phase, where only
 * the goal follow-up and the follow-up meeting still change.
 */
export const openActivitySchema = z.object({
  id: z.string(),
  title: z.string(),
  groupTitle: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
});

export const openTrainingSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** Confirmed sessions. */
  booked: z.number().int(),
  /** Sessions the organisation needs, from the number of participants and the range. */
  needed: z.number().int(),
  /** People marked absent and not yet booked on a catch-up session. */
  missed: z.number().int(),
});

export const openGoalSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(goalStatuses),
  /** The status sentence with its figures. */
  explanation: z.string(),
});

export const openItemsSchema = z.object({
  activities: z.array(openActivitySchema),
  trainings: z.array(openTrainingSchema),
  goals: z.array(openGoalSchema),
});
export type OpenItems = z.infer<typeof openItemsSchema>;

export const closureOverviewSchema = z.object({
  phase: z.enum(projectPhases),
  /** The template's words on closure. */
  closureText: z.string(),
  approval: z
    .object({
      approvedBy: z.object({ name: z.string() }),
      approvedAt: z.string(),
      /** How many items were open when it was approved. */
      openCount: z.number().int(),
    })
    .nullable(),
  open: openItemsSchema,
  /** activities + trainings + goals still open: the approver confirms having seen this many. */
  openCount: z.number().int(),
  followUp: z.object({
    keyActivityId: z.string().nullable(),
    title: z.string(),
    date: z.string().nullable(),
    version: z.number().int().nullable(),
  }),
  followOns: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })),
  /** The template's "Nästa steg", offered as the follow-on project's name. */
  suggestedFollowOnName: z.string(),
  may: z.object({ approve: z.boolean(), planFollowUp: z.boolean(), startFollowOn: z.boolean() }),
});
export type ClosureOverview = z.infer<typeof closureOverviewSchema>;

export const approveClosureBodySchema = z.object({
  /** The number of open items the approver saw; a different count now means the list changed. */
  openItemsSeen: z.number().int().min(0),
});
export type ApproveClosureBody = z.infer<typeof approveClosureBodySchema>;

export const planFollowUpBodySchema = z.object({
  date: isoDateSchema,
  /** The follow-up meeting's version on the timeline, when it exists. */
  version: z.number().int().min(1).optional(),
});
export type PlanFollowUpBody = z.infer<typeof planFollowUpBodySchema>;

export const startFollowOnBodySchema = z.object({
  name: z.string().trim().min(2, 'Ange projektets namn').max(200),
  /** Defaults to the default template's newest version. */
  templateId: idSchema.optional(),
  startDate: isoDateSchema.optional(),
});
export type StartFollowOnBody = z.infer<typeof startFollowOnBodySchema>;

export const followOnCreatedSchema = z.object({ id: z.string(), name: z.string() });
