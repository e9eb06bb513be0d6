import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { richTextSchema } from './rich-text.js';

/**
 * The communication plan (who is told what, how, when and by whom, per audience the template
 * names) and the process guide (lathund): how the system is used for each of the plan's effect
 * goals and which statistics are to be taken out of it.
 */

/** Offered while a channel is typed; any other channel may be written. */
export const channelSuggestions = [
  'E-post',
  'Möte',
  'Intranät',
  'Plattformens anslagstavla',
  'Brev',
  'Informationsblad',
] as const;

const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const audienceSchema = z.object({ key: z.string(), title: z.string() });
export type Audience = z.infer<typeof audienceSchema>;

export const scheduleKeyActivitySchema = z.object({ id: z.string(), title: z.string(), date: z.string().nullable() });
export type ScheduleKeyActivity = z.infer<typeof scheduleKeyActivitySchema>;

export const communicationItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  message: z.string(),
  channel: z.string(),
  /** The template's audience keys, in the template's order. */
  audienceKeys: z.array(z.string()),
  /** The item's own date; null when it follows the timeline or is not dated yet. */
  plannedOn: z.string().nullable(),
  /** The timeline's activity the item follows: its date is the item's date, as it stands now. */
  keyActivity: scheduleKeyActivitySchema.nullable(),
  /** When it happens: the own date, or the key activity's; null while not planned. */
  date: z.string().nullable(),
  responsible: personRefSchema.nullable(),
  done: z.object({ at: z.string(), byName: z.string() }).nullable(),
  /** Whether the viewer may mark it done: plan writers, and the responsible person their own. */
  canTick: z.boolean(),
  version: z.number().int(),
});
export type CommunicationItem = z.infer<typeof communicationItemSchema>;

export const processGuideGoalSchema = z.object({
  goalId: z.string(),
  goalTitle: z.string(),
  /** What the effect goal measures, shown beside it as the guide is written from it. */
  goalMeasure: z.string().nullable(),
  usage: richTextSchema,
  statistics: richTextSchema,
  /** 0 until the first save. */
  version: z.number().int(),
});
export type ProcessGuideGoal = z.infer<typeof processGuideGoalSchema>;

export const processGuideSchema = z.object({
  introduction: richTextSchema,
  /** 0 until the first save. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** One per effect goal of the plan, in the plan's order. */
  goals: z.array(processGuideGoalSchema),
});
export type ProcessGuide = z.infer<typeof processGuideSchema>;

export const communicationSchema = z.object({
  audiences: z.array(audienceSchema),
  /** Soonest first; those without a date last. */
  items: z.array(communicationItemSchema),
  /** What an item can follow on the timeline. */
  keyActivities: z.array(scheduleKeyActivitySchema),
  guide: processGuideSchema,
  may: z.object({ edit: z.boolean() }),
});
export type Communication = z.infer<typeof communicationSchema>;

const text = (max: number) => z.string().trim().max(max, `Högst ${max} tecken`);

const ONE_DATE = 'Välj antingen ett eget datum eller en aktivitet i tidplanen, inte båda';

const itemFields = {
  title: text(300).min(3, 'Beskriv vad som ska kommuniceras'),
  message: text(4000),
  channel: text(100),
  audienceKeys: z.array(z.string().min(1).max(80)).min(1, 'Välj minst en målgrupp').max(20),
  plannedOn: isoDateSchema.nullable(),
  keyActivityId: idSchema.nullable(),
  responsiblePersonId: idSchema.nullable(),
};

const notBothDates = (item: { plannedOn?: string | null; keyActivityId?: string | null }) =>
  !(item.plannedOn && item.keyActivityId);

export const createCommunicationItemBodySchema = z
  .object({
    ...itemFields,
    message: itemFields.message.default(''),
    channel: itemFields.channel.default(''),
    plannedOn: itemFields.plannedOn.default(null),
    keyActivityId: itemFields.keyActivityId.default(null),
    responsiblePersonId: itemFields.responsiblePersonId.default(null),
  })
  .refine(notBothDates, { path: ['plannedOn'], message: ONE_DATE });
export type CreateCommunicationItemBody = z.input<typeof createCommunicationItemBodySchema>;

/**
 * Fields left out keep their value. `plannedOn` and `keyActivityId` are one choice, when it
 * happens: sending either replaces both, the one left out becoming null.
 */
export const updateCommunicationItemBodySchema = z
  .object({
    version: z.number().int().min(1),
    title: itemFields.title.optional(),
    message: itemFields.message.optional(),
    channel: itemFields.channel.optional(),
    audienceKeys: itemFields.audienceKeys.optional(),
    plannedOn: itemFields.plannedOn.optional(),
    keyActivityId: itemFields.keyActivityId.optional(),
    responsiblePersonId: itemFields.responsiblePersonId.optional(),
  })
  .refine(notBothDates, { path: ['plannedOn'], message: ONE_DATE });
export type UpdateCommunicationItemBody = z.input<typeof updateCommunicationItemBodySchema>;

export const markCommunicationItemDoneBodySchema = z.object({
  version: z.number().int().min(1),
  done: z.boolean(),
});
export type MarkCommunicationItemDoneBody = z.infer<typeof markCommunicationItemDoneBodySchema>;

export const communicationItemParamsSchema = z.object({ id: idSchema, itemId: idSchema });

export const updateProcessGuideBodySchema = z.object({
  /** The version the text builds on; 0 for the first save. */
  version: z.number().int().min(0),
  introduction: richTextSchema,
});
export type UpdateProcessGuideBody = z.infer<typeof updateProcessGuideBodySchema>;

export const updateProcessGuideGoalBodySchema = z.object({
  /** The version the texts build on; 0 for the first save. */
  version: z.number().int().min(0),
  usage: richTextSchema,
  statistics: richTextSchema,
});
export type UpdateProcessGuideGoalBody = z.infer<typeof updateProcessGuideGoalBodySchema>;

export const processGuideGoalParamsSchema = z.object({ id: idSchema, goalId: idSchema });

// ---- In a revision ----

/** An item as a revision freezes it: names and dates as they were, nothing to look up later. */
export const snapshotCommunicationItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  message: z.string(),
  channel: z.string(),
  audiences: z.array(audienceSchema),
  date: z.string().nullable(),
  /** The timeline's activity the date came from, when it did. */
  keyActivityTitle: z.string().nullable(),
  responsibleName: z.string().nullable(),
  done: z.object({ at: z.string(), byName: z.string() }).nullable(),
});
export type SnapshotCommunicationItem = z.infer<typeof snapshotCommunicationItemSchema>;

export const snapshotCommunicationPlanSchema = z.object({
  audiences: z.array(audienceSchema),
  items: z.array(snapshotCommunicationItemSchema),
});
export type SnapshotCommunicationPlan = z.infer<typeof snapshotCommunicationPlanSchema>;

export const snapshotProcessGuideSchema = z.object({
  introduction: richTextSchema,
  goals: z.array(
    z.object({ goalId: z.string(), goalTitle: z.string(), usage: richTextSchema, statistics: richTextSchema }),
  ),
});
export type SnapshotProcessGuide = z.infer<typeof snapshotProcessGuideSchema>;
