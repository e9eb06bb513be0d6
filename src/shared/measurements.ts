import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { goalUnits } from './plan.js';

/**
 * Effect goals measured over time. A measurement is entered by hand or computed from exports of
 * the school platform: *coverage* (the share of a roster — students, or student × subject — that
 * has an event such as an assessment in a period) or *share by date* (the share of rows registered
 * by a date). The goal's status compares the latest value with a straight path from the baseline
 * at the project's start to the target at the target date.
 */
export const goalStatuses = ['not_measured', 'on_track', 'at_risk', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const computationMethods = ['coverage', 'share_by_date'] as const;
export type ComputationMethod = (typeof computationMethods)[number];
export const measurementMethods = ['manual', ...computationMethods] as const;

const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const goalStatusSchema = z.object({
  state: z.enum(goalStatuses),
  /** Where the straight path from baseline to target stands on the latest measurement's date. */
  expected: z.number().nullable(),
  latest: z.object({ value: z.number(), measuredOn: z.string() }).nullable(),
  /** One Swedish sentence saying why, with the figures. */
  explanation: z.string(),
});
export type GoalStatusResult = z.infer<typeof goalStatusSchema>;

export const rejectedRowSchema = z.object({ file: z.string(), line: z.number().int(), reason: z.string() });

export const computationSchema = z.object({
  id: z.string(),
  method: z.enum(computationMethods),
  /** The figure in the goal's unit: percent 0–100, or a count. */
  value: z.number(),
  /** Covered (or registered) entries, of all the entries counted. */
  numerator: z.number().int(),
  denominator: z.number().int(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  byDate: z.string().nullable(),
  fileNames: z.array(z.string()),
  rowsRead: z.number().int(),
  /** Rows that could not be read, with the first ones and why. */
  rejected: z.object({ count: z.number().int(), examples: z.array(rejectedRowSchema) }),
  /** Roster entries with no event in the period (coverage) or rows not registered by the date. */
  uncovered: z.object({ count: z.number().int(), examples: z.array(z.object({ label: z.string() })) }),
  /** The computation in Swedish sentences, shown under the figure. */
  explanation: z.array(z.string()),
  createdAt: z.string(),
});
export type Computation = z.infer<typeof computationSchema>;

export const measurementSchema = z.object({
  id: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  method: z.enum(measurementMethods),
  source: z.string(),
  comment: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
  computationId: z.string().nullable(),
});
export type Measurement = z.infer<typeof measurementSchema>;

/** Which file column holds each field a method needs; remembered per goal. */
export const coverageMappingSchema = z.object({
  roster: z.object({ student: z.string().min(1, 'Välj kolumnen med eleven'), group: z.string().nullable() }),
  events: z.object({
    student: z.string().min(1, 'Välj kolumnen med eleven'),
    group: z.string().nullable(),
    date: z.string().min(1, 'Välj kolumnen med datumet'),
  }),
});
export const shareByDateMappingSchema = z.object({
  records: z.object({
    label: z.string().min(1, 'Välj kolumnen som namnger raden'),
    date: z.string().min(1, 'Välj kolumnen med registreringsdatumet'),
  }),
});
export const mappingSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('coverage'), columns: coverageMappingSchema }),
  z.object({ method: z.literal('share_by_date'), columns: shareByDateMappingSchema }),
]);
export type Mapping = z.infer<typeof mappingSchema>;

export const goalTrackingSchema = z.object({
  goal: z.object({
    id: z.string(),
    title: z.string(),
    measure: z.string().nullable(),
    unit: z.enum(goalUnits).nullable(),
    unitLabel: z.string().nullable(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    targetDate: z.string().nullable(),
  }),
  measurer: personRefSchema.nullable(),
  /** Version of the goal's measurement settings; 0 before any were saved. */
  settingsVersion: z.number().int(),
  /** The evaluation's collection dates for this goal, ascending. */
  collectionDates: z.array(z.string()),
  nextCollectionDate: z.string().nullable(),
  status: goalStatusSchema,
  /** Oldest first. */
  measurements: z.array(measurementSchema),
  /** The mapping used last time, offered again. */
  mapping: mappingSchema.nullable(),
});
export type GoalTracking = z.infer<typeof goalTrackingSchema>;

export const goalTrackingListSchema = z.object({
  /** The project's start: where the straight path to each target begins. */
  startDate: z.string(),
  goals: z.array(goalTrackingSchema),
  /** The customer's people, to choose who measures. */
  people: z.array(personRefSchema),
  may: z.object({
    /** Record and delete measurements, upload exports (plan writers, the goal's measurer, the vendor admin). */
    measure: z.boolean(),
    /** Choose who measures (plan writers, the vendor admin). */
    configure: z.boolean(),
  }),
});
export type GoalTrackingList = z.infer<typeof goalTrackingListSchema>;

export const goalTrackingParamsSchema = z.object({ id: idSchema, goalId: idSchema });
export const measurementParamsSchema = z.object({ id: idSchema, goalId: idSchema, measurementId: idSchema });
export const computationParamsSchema = z.object({ id: idSchema, goalId: idSchema, computationId: idSchema });

export const manualMeasurementBodySchema = z.object({
  measuredOn: isoDateSchema,
  value: z.number({ error: 'Ange värdet' }).finite().min(0, 'Värdet kan inte vara negativt'),
  source: z.string().trim().max(300, 'Högst 300 tecken').default(''),
  comment: z.string().trim().max(2000, 'Högst 2000 tecken').default(''),
});
export const computedMeasurementBodySchema = z.object({
  computationId: idSchema,
  measuredOn: isoDateSchema,
  comment: z.string().trim().max(2000, 'Högst 2000 tecken').default(''),
});
export const recordMeasurementBodySchema = z.union([computedMeasurementBodySchema, manualMeasurementBodySchema]);
export type RecordMeasurementBody = z.input<typeof recordMeasurementBodySchema>;

export const updateMeasurementSettingsBodySchema = z.object({
  version: z.number().int().min(0),
  measurerPersonId: idSchema.nullable(),
});

/** What the first rows of an uploaded file look like, to map its columns. */
export const fileInspectionSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** The CSV separator found (`;` in Swedish Excel, `,` or tab). */
  delimiter: z.string().nullable(),
  columns: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
});
export type FileInspection = z.infer<typeof fileInspectionSchema>;

/** The non-file fields of a computation upload (multipart field `settings`, JSON). */
export const computationSettingsSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('coverage'),
    columns: coverageMappingSchema,
    period: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .refine((period) => period.from <= period.to, { message: 'Perioden slutar före den börjar', path: ['to'] }),
  }),
  z.object({ method: z.literal('share_by_date'), columns: shareByDateMappingSchema, byDate: isoDateSchema }),
]);
export type ComputationSettings = z.infer<typeof computationSettingsSchema>;
