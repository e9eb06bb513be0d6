import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { type TermDates, termDatesSchema } from './customers.js';
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

/**
 * What a computed figure counts, named as the goal names it:
 * - `everyGroup`: the share of students with at least one event in every subject (group) they are
 *   listed with in the roster ("i varje ämne");
 * - `anyEvent`: the share of students with at least one event;
 * - `pairs`: the share of student × subject pairs with an event (never offered first for a goal
 *   about students);
 * - `byDate`: the share of rows registered by a date.
 * The first three are computed by coverage, `byDate` by share by date.
 */
export const goalMeasures = ['everyGroup', 'anyEvent', 'pairs', 'byDate'] as const;
export type GoalMeasure = (typeof goalMeasures)[number];
export const coverageMeasureNames = ['everyGroup', 'anyEvent', 'pairs'] as const;
export const methodOfMeasure = (measure: GoalMeasure): ComputationMethod =>
  measure === 'byDate' ? 'share_by_date' : 'coverage';

/** School terms: ht (autumn) and vt (spring), each with its dates. */
export const termNames = ['ht', 'vt'] as const;
export type TermName = (typeof termNames)[number];
export const termSchema = z.object({ name: z.enum(termNames), year: z.number().int().min(2000).max(2199) });
export type Term = z.infer<typeof termSchema>;

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

export const rejectedRowSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  /** The offending value as written ('' when the row as a whole could not be read). */
  value: z.string().default(''),
  reason: z.string(),
});
export type UnusedRow = z.infer<typeof rejectedRowSchema>;

/** One measure's figure from a computation, shown side by side with the others that apply. */
export const measureFigureSchema = z.object({
  measure: z.enum(goalMeasures),
  value: z.number(),
  numerator: z.number().int(),
  denominator: z.number().int(),
});
export type MeasureFigure = z.infer<typeof measureFigureSchema>;

export const uncoveredExampleSchema = z.object({
  label: z.string(),
  /** The subjects the student lacks an event in (coverage with subjects); empty otherwise. */
  missing: z.array(z.string()).default([]),
});

export const computationSchema = z.object({
  id: z.string(),
  method: z.enum(computationMethods),
  /** Which measure `value`, `numerator` and `denominator` are: the one the computation was asked for. */
  measure: z.enum(goalMeasures),
  /** The figure in the goal's unit: percent 0–100, or a count. */
  value: z.number(),
  /** Every measure that applies to the files as mapped, the asked-for one among them. */
  figures: z.array(measureFigureSchema),
  /** Covered (or registered) entries, of all the entries counted. */
  numerator: z.number().int(),
  denominator: z.number().int(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  byDate: z.string().nullable(),
  fileNames: z.array(z.string()),
  rowsRead: z.number().int(),
  /** Rows that could not be read, with the first ones and why. */
  rejected: z.object({ count: z.number().int(), examples: z.array(rejectedRowSchema) }),
  /**
   * Every row not used: unreadable, outside the period, or for a student the roster does not list;
   * the first ones here, all of them as CSV from the computation's `unused-rows.csv`.
   */
  unused: z.object({ count: z.number().int(), examples: z.array(rejectedRowSchema) }),
  /**
   * Who is not covered by the measure: students (with the subjects they lack), student × subject
   * pairs, or rows not registered by the date.
   */
  uncovered: z.object({ count: z.number().int(), examples: z.array(uncoveredExampleSchema) }),
  /** The computation in Swedish sentences, shown under the figure. */
  explanation: z.array(z.string()),
  /**
   * With `perTerm`: each school term the period overlaps, computed on its own and kept as its own
   * computation, so that each term's figure can be recorded as its own measurement.
   */
  terms: z
    .array(
      z.object({
        name: z.enum(termNames),
        year: z.number().int(),
        from: z.string(),
        to: z.string(),
        computationId: z.string(),
        value: z.number(),
        numerator: z.number().int(),
        denominator: z.number().int(),
      }),
    )
    .default([]),
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
/** The goal's measure is remembered with its columns: it is what the goal's figures mean. */
export const mappingSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('coverage'),
    columns: coverageMappingSchema,
    measure: z.enum(coverageMeasureNames).optional(),
  }),
  z.object({
    method: z.literal('share_by_date'),
    columns: shareByDateMappingSchema,
    measure: z.literal('byDate').optional(),
  }),
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
  /**
   * What the goal's figures measure: the measure chosen for it, or else the one its wording
   * suggests (`suggested` true) — students, never student × subject pairs.
   */
  measure: z.object({ value: z.enum(goalMeasures), suggested: z.boolean() }),
});
export type GoalTracking = z.infer<typeof goalTrackingSchema>;

export const goalTrackingListSchema = z.object({
  /** The project's start: where the straight path to each target begins. */
  startDate: z.string(),
  goals: z.array(goalTrackingSchema),
  /** The customer's people, to choose who measures. */
  people: z.array(personRefSchema),
  /** The customer's own school terms, or null for the default terms (see `termPeriod`). */
  termDates: termDatesSchema.nullable(),
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
    measure: z.enum(coverageMeasureNames, { error: 'Välj vad som mäts: i varje ämne, minst en händelse eller par' }),
    columns: coverageMappingSchema,
    /** Also each school term the period overlaps on its own, to record each term's figure. */
    perTerm: z.boolean().default(false),
    period: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .refine((period) => period.from <= period.to, { message: 'Perioden slutar före den börjar', path: ['to'] }),
  }),
  z.object({
    method: z.literal('share_by_date'),
    measure: z.literal('byDate', { error: 'Andel registrerade senast ett datum mäts som byDate' }),
    columns: shareByDateMappingSchema,
    byDate: isoDateSchema,
    /**
     * What the share is of: each row (each event), or each student the rows name (a student with
     * any row registered by the date counts as registered), as the goal says.
     */
    countBy: z.enum(['rows', 'students']).default('rows'),
  }),
]);
export type ComputationSettings = z.infer<typeof computationSettingsSchema>;
export type ComputationSettingsInput = z.input<typeof computationSettingsSchema>;

/**
 * The measure a goal's wording asks for, offered until one is chosen: every subject when it says
 * so (even of registered assessments), registration by a date when it speaks of registering by a
 * date, otherwise students with at least one event. Student × subject pairs are never suggested: a goal about students means students.
 */
export function suggestedMeasure(...texts: (string | null)[]): GoalMeasure {
  const wording = texts.filter(Boolean).join(' ').toLocaleLowerCase('sv');
  if (/varje ämne|alla ämnen|varje kurs|alla kurser/.test(wording)) return 'everyGroup';
  if (/registrer|senast den|senast \d/.test(wording)) return 'byDate';
  return 'anyEvent';
}

/**
 * Swedish school terms as Stegvis counts them until a customer's own term dates are known: the
 * autumn term (ht) 1 August–31 December and the spring term (vt) 1 January–30 June. They are
 * wider than the weeks of teaching so that an assessment registered in the first days of August
 * or the last of June still counts for its term; July belongs to neither.
 */
export const defaultTermDates: TermDates = { htStart: '08-01', htEnd: '12-31', vtStart: '01-01', vtEnd: '06-30' };

/** A term's dates: the customer's own when given, else the default terms. */
export function termPeriod(term: Term, dates: TermDates | null = null): { from: string; to: string } {
  const { htStart, htEnd, vtStart, vtEnd } = dates ?? defaultTermDates;
  return term.name === 'ht'
    ? { from: `${term.year}-${htStart}`, to: `${term.year}-${htEnd}` }
    : { from: `${term.year}-${vtStart}`, to: `${term.year}-${vtEnd}` };
}

/**
 * The term around `day` ('YYYY-MM-DD'): the autumn term from its first day to the new year, else
 * the spring term; between terms in the summer, the spring term just ended.
 */
export function termOf(day: string, dates: TermDates | null = null): Term {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= (dates ?? defaultTermDates).htStart ? { name: 'ht', year } : { name: 'vt', year };
}

const nextTerm = (term: Term): Term =>
  term.name === 'vt' ? { name: 'ht', year: term.year } : { name: 'vt', year: term.year + 1 };

/** The terms a period overlaps, each with its dates cut to the period, oldest first. */
export function termsWithin(
  period: { from: string; to: string },
  dates: TermDates | null = null,
): { term: Term; from: string; to: string }[] {
  const terms: { term: Term; from: string; to: string }[] = [];
  for (let term = termOf(period.from, dates); termPeriod(term, dates).from <= period.to; term = nextTerm(term)) {
    const termDates = termPeriod(term, dates);
    // ISO dates compare as text; Math.max would not take them.
    const [, from] = [termDates.from, period.from].sort();
    const [to] = [termDates.to, period.to].sort();
    if (from <= to) terms.push({ term, from, to });
  }
  return terms;
}
