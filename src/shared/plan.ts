import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { richTextSchema } from './rich-text.js';

/**
 * The plan document as the template lays it out. Free-text fields are formatted text; the parts
 * the template asks to be concrete (goals, evaluation, risks, success factors, the person informed,
 * the project meeting) are structured so that they can be measured, compared and exported.
 */

export const riskLevels = ['low', 'medium', 'high'] as const;
export const riskStatuses = ['open', 'mitigating', 'occurred', 'closed'] as const;
export const goalKinds = ['effect', 'project'] as const;
export const goalUnits = ['percent', 'count'] as const;
export const deliverables = ['organisation', 'function', 'integration', 'other'] as const;
export const meetingModes = ['on_site', 'web'] as const;

export const planSectionKeyParamsSchema = z.object({ id: idSchema, sectionKey: z.string().min(1).max(80) });

const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const planFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The template's example text: shown in an empty field, never saved as content. */
  hint: z.string(),
  /** `text`: written as formatted text here; `structured`: filled in through goals, risks, … */
  kind: z.enum(['text', 'structured']),
  content: richTextSchema.nullable(),
});
export type PlanField = z.infer<typeof planFieldSchema>;

export const projectMeetingSchema = z.object({
  date: z.string().nullable(),
  mode: z.enum(meetingModes).nullable(),
});
export type ProjectMeeting = z.infer<typeof projectMeetingSchema>;

export const planSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  instruction: z.string(),
  fields: z.array(planFieldSchema),
  /** Mål: who is informed when a goal cannot be reached. */
  informedPerson: personRefSchema.nullable().optional(),
  /** Projektmöte med leverantören: when and how. */
  meeting: projectMeetingSchema.optional(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type PlanSection = z.infer<typeof planSectionSchema>;

export const updatePlanSectionBodySchema = z.object({
  /** The version the change is based on: a stale one is refused with 409. */
  version: z.number().int().min(1),
  /** Field key → text; fields left out keep their text. */
  texts: z.record(z.string(), richTextSchema).optional(),
  informedPersonId: idSchema.nullable().optional(),
  meeting: z.object({ date: isoDateSchema.nullable(), mode: z.enum(meetingModes).nullable() }).optional(),
});
export type UpdatePlanSectionBody = z.infer<typeof updatePlanSectionBodySchema>;

const plainText = (max: number) => z.string().trim().max(max, `Högst ${max} tecken`);

export const goalSchema = z.object({
  id: z.string(),
  kind: z.enum(goalKinds),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  measure: z.string().nullable(),
  unit: z.enum(goalUnits).nullable(),
  unitLabel: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  deliverable: z.enum(deliverables).nullable(),
  dueDate: z.string().nullable(),
  budgetSek: z.number().int().nullable(),
  version: z.number().int(),
});
export type Goal = z.infer<typeof goalSchema>;

const MEASURABLE = 'Ett effektmål måste vara mätbart';

export const effectGoalInputSchema = z
  .object({
    kind: z.literal('effect'),
    title: plainText(300).min(3, 'Beskriv målet'),
    description: plainText(4000).default(''),
    measure: z
      .string({ error: `${MEASURABLE}: ange vad som mäts` })
      .trim()
      .min(3, `${MEASURABLE}: ange vad som mäts`)
      .max(300, 'Högst 300 tecken'),
    unit: z.enum(goalUnits, { error: `${MEASURABLE}: välj procent eller antal` }),
    unitLabel: plainText(40).nullable().default(null),
    baseline: z.number({ error: 'Ange utgångsvärdet (0 om inget är gjort än)' }).finite(),
    target: z.number({ error: `${MEASURABLE}: ange målvärdet` }).finite(),
    targetDate: isoDateSchema.or(z.undefined()).refine((value) => value !== undefined, {
      message: `${MEASURABLE}: ange när målvärdet ska vara nått`,
    }),
  })
  .superRefine((goal, context) => {
    if (goal.unit !== 'percent') return;
    for (const field of ['baseline', 'target'] as const) {
      if (goal[field] < 0 || goal[field] > 100) {
        context.addIssue({ code: 'custom', path: [field], message: 'En procentsats ligger mellan 0 och 100' });
      }
    }
  });

export const projectGoalInputSchema = z.object({
  kind: z.literal('project'),
  title: plainText(300).min(3, 'Beskriv vad projektet ska leverera'),
  description: plainText(4000).default(''),
  deliverable: z.enum(deliverables, { error: 'Välj vad som levereras' }),
  dueDate: isoDateSchema.nullable().default(null),
  budgetSek: z
    .number()
    .int('Ange budgeten i hela kronor')
    .min(0, 'Budgeten kan inte vara negativ')
    .nullable()
    .default(null),
});

export const goalInputSchema = z.discriminatedUnion('kind', [effectGoalInputSchema, projectGoalInputSchema], {
  error: 'Välj om målet är ett effektmål eller ett projektmål',
});
export type GoalInput = z.input<typeof goalInputSchema>;

export const goalUpdateBodySchema = z.intersection(goalInputSchema, z.object({ version: z.number().int().min(1) }));
export type GoalUpdateBody = z.input<typeof goalUpdateBodySchema>;

export const goalParamsSchema = z.object({ id: idSchema, goalId: idSchema });
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const evaluationItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  why: z.string(),
  what: z.string(),
  how: z.string(),
  collectionDates: z.array(z.string()),
  goalIds: z.array(z.string()),
  version: z.number().int(),
});
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

export const evaluationItemInputSchema = z.object({
  why: plainText(4000).min(3, 'Beskriv varför utvärderingen görs'),
  what: plainText(4000).min(3, 'Beskriv vad som ska utvärderas'),
  how: plainText(4000).min(3, 'Beskriv hur det ska mätas'),
  collectionDates: z.array(isoDateSchema).min(1, 'Ange minst ett datum då data samlas in').max(50),
  goalIds: z.array(idSchema).min(1, 'Koppla utvärderingen till minst ett av målen').max(50),
});
export type EvaluationItemInput = z.input<typeof evaluationItemInputSchema>;
export const evaluationItemUpdateBodySchema = evaluationItemInputSchema.extend({ version: z.number().int().min(1) });
export const evaluationItemParamsSchema = z.object({ id: idSchema, itemId: idSchema });

export const riskSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  /** The template's risk cause it was preloaded from; null when the project added it. */
  causeKey: z.string().nullable(),
  title: z.string(),
  leadershipIssue: z.boolean(),
  likelihood: z.enum(riskLevels).nullable(),
  impact: z.enum(riskLevels).nullable(),
  mitigation: z.string(),
  owner: personRefSchema.nullable(),
  status: z.enum(riskStatuses),
  version: z.number().int(),
});
export type Risk = z.infer<typeof riskSchema>;

export const riskInputSchema = z.object({
  title: plainText(300).min(3, 'Beskriv risken'),
  leadershipIssue: z.boolean().default(false),
  likelihood: z.enum(riskLevels).nullable().default(null),
  impact: z.enum(riskLevels).nullable().default(null),
  mitigation: plainText(4000).default(''),
  ownerPersonId: idSchema.nullable().default(null),
  status: z.enum(riskStatuses).default('open'),
});
export type RiskInput = z.input<typeof riskInputSchema>;
export const riskUpdateBodySchema = riskInputSchema.extend({ version: z.number().int().min(1) });
export const riskParamsSchema = z.object({ id: idSchema, riskId: idSchema });

export const successFactorSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  keywordKey: z.string().nullable(),
  title: z.string(),
  /** How the project works on this keyword. */
  approach: z.string(),
  version: z.number().int(),
});
export type SuccessFactor = z.infer<typeof successFactorSchema>;
export const successFactorUpdateBodySchema = z.object({
  version: z.number().int().min(1),
  approach: plainText(4000),
});
export const successFactorParamsSchema = z.object({ id: idSchema, factorId: idSchema });

export const keyActivitySchema = z.object({
  id: z.string(),
  position: z.number().int(),
  templateKey: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  date: z.string().nullable(),
  version: z.number().int(),
});
export type KeyActivity = z.infer<typeof keyActivitySchema>;

/** The whole plan as it stands now (the draft). */
export const planSchema = z.object({
  sections: z.array(planSectionSchema),
  goals: z.array(goalSchema),
  evaluation: z.array(evaluationItemSchema),
  risks: z.array(riskSchema),
  successFactors: z.array(successFactorSchema),
  keyActivities: z.array(keyActivitySchema),
});
export type Plan = z.infer<typeof planSchema>;
