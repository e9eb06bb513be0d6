import { z } from 'zod';
import { idSchema } from './common.js';
import { snapshotCommunicationPlanSchema, snapshotProcessGuideSchema } from './communication.js';
import { goalStatusSchema, measurementSchema } from './measurements.js';
import { planSchema } from './plan.js';
import { projectPhases } from './projects.js';
import { deciders } from './steering.js';

/**
 * A revision is the whole plan frozen when the customer sends it to the vendor: the plan itself and
 * what it rests on (organisation, timeline, checklist). Stored as this snapshot and never changed,
 * so every revision reads, compares and exports exactly as it was sent.
 */
export const snapshotRoleSchema = z.object({
  side: z.enum(['customer', 'vendor']),
  roleKey: z.string(),
  roleTitle: z.string(),
  responsibility: z.string(),
  school: z.object({ id: z.string(), name: z.string() }).nullable(),
  people: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SnapshotRole = z.infer<typeof snapshotRoleSchema>;

export const snapshotActivitySchema = z.object({
  id: z.string(),
  groupKey: z.string(),
  groupTitle: z.string(),
  title: z.string(),
  /** Who answers for it at the customer: role titles with the names of their holders. */
  customerResponsible: z.string(),
  vendorResponsible: z.string(),
  deadline: z.string().nullable(),
  done: z.object({ at: z.string(), byName: z.string() }).nullable(),
});
export type SnapshotActivity = z.infer<typeof snapshotActivitySchema>;

/** An effect goal's measurements, oldest first, and how it stood when the snapshot was taken. */
export const snapshotGoalMeasurementsSchema = z.object({
  goalId: z.string(),
  status: goalStatusSchema,
  measurements: z.array(measurementSchema),
});
export type SnapshotGoalMeasurements = z.infer<typeof snapshotGoalMeasurementsSchema>;

/** A decision of the decision log as the plan carries it. */
export const snapshotDecisionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  decision: z.string(),
  decidedBy: z.enum(deciders),
  decidedOn: z.string(),
});
export type SnapshotDecision = z.infer<typeof snapshotDecisionSchema>;

export const planSnapshotSchema = z.object({
  formatVersion: z.literal(1),
  takenAt: z.string(),
  project: z.object({
    id: z.string(),
    name: z.string(),
    customerName: z.string(),
    startDate: z.string(),
    phase: z.enum(projectPhases),
    templateName: z.string(),
    templateVersion: z.number().int(),
  }),
  vendorName: z.string(),
  introduction: z.string(),
  plan: planSchema,
  organisation: z.array(snapshotRoleSchema),
  checklist: z.array(snapshotActivitySchema),
  /** Absent from revisions sent before the communication plan and the process guide existed. */
  communicationPlan: snapshotCommunicationPlanSchema.optional(),
  processGuide: snapshotProcessGuideSchema.optional(),
  /** Absent from revisions sent before effect goals were measured. */
  goalMeasurements: z.array(snapshotGoalMeasurementsSchema).optional(),
  /** The decision log, oldest first; absent from revisions sent before decisions were logged. */
  decisions: z.array(snapshotDecisionSchema).optional(),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

export const revisionSummarySchema = z.object({
  number: z.number().int(),
  createdAt: z.string(),
  sender: z.object({ name: z.string() }),
  message: z.string(),
  /** Whether the viewer has opened this revision. */
  readByMe: z.boolean(),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const revisionListSchema = z.object({
  items: z.array(revisionSummarySchema),
  unreadCount: z.number().int(),
});
export type RevisionList = z.infer<typeof revisionListSchema>;

export const revisionDetailSchema = revisionSummarySchema.extend({ snapshot: planSnapshotSchema });
export type RevisionDetail = z.infer<typeof revisionDetailSchema>;

export const sendRevisionBodySchema = z.object({
  message: z
    .string()
    .trim()
    .min(3, 'Skriv några ord om vad som är nytt, så att leverantören vet vad de ska titta på')
    .max(4000, 'Högst 4000 tecken'),
});
export type SendRevisionBody = z.infer<typeof sendRevisionBodySchema>;

export const revisionParamsSchema = z.object({ id: idSchema, number: z.coerce.number().int().min(1) });

/** `to` may be a revision number or `draft`, the plan as it stands now. */
export const compareQuerySchema = z.object({
  from: z.coerce.number().int().min(1),
  to: z.union([z.literal('draft'), z.coerce.number().int().min(1)]),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

/** A run of words that is unchanged, added or removed between two texts. */
export const textPartSchema = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type TextPart = z.infer<typeof textPartSchema>;

export const fieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
  /** Word-level diff of before → after. */
  parts: z.array(textPartSchema),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const entityChangeSchema = z.object({
  id: z.string(),
  /** How the item is named to a reader, e.g. the goal's title. */
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(fieldChangeSchema),
});
export type EntityChange = z.infer<typeof entityChangeSchema>;

export const sectionDiffSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** Only the fields whose text or details changed. */
  fields: z.array(fieldChangeSchema),
});
export type SectionDiff = z.infer<typeof sectionDiffSchema>;

export const diffSideSchema = z.object({
  /** Null for the current draft. */
  number: z.number().int().nullable(),
  takenAt: z.string(),
});

export const planDiffSchema = z.object({
  from: diffSideSchema,
  to: diffSideSchema,
  sections: z.array(sectionDiffSchema),
  goals: z.array(entityChangeSchema),
  evaluation: z.array(entityChangeSchema),
  risks: z.array(entityChangeSchema),
  successFactors: z.array(entityChangeSchema),
  timeline: z.array(entityChangeSchema),
  checklist: z.array(entityChangeSchema),
  organisation: z.array(entityChangeSchema),
  /** The communication plan's items; all added when the older side was sent before it existed. */
  communication: z.array(entityChangeSchema),
  /** The decision log's decisions; all added when the older side was sent before decisions were logged. */
  decisions: z.array(entityChangeSchema),
  /** The process guide's (lathund's) introduction and each effect goal's texts that changed. */
  processGuide: z.array(fieldChangeSchema),
  /** How many things changed in all; zero when the two are the same. */
  changeCount: z.number().int(),
});
export type PlanDiff = z.infer<typeof planDiffSchema>;
