import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

/**
 * The template's training types, three kinds: sessions for the holders of a role (principals,
 * administrators, user-supporters); the catch-up session for whoever missed theirs; and the staff
 * training the user-supporters give their colleagues in workshops, counted per school.
 */
export const trainingKinds = ['role', 'catchUp', 'staff'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

export const partsOfDay = ['heldag', 'formiddag', 'eftermiddag'] as const;
export const sessionModes = ['on_site', 'web'] as const;
export const attendanceStates = ['booked', 'attended', 'absent'] as const;
export type Attendance = (typeof attendanceStates)[number];

const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const traineeSchema = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** The school the person holds the training's role at (the first, when several). */
  schoolName: z.string().nullable(),
});
export type Trainee = z.infer<typeof traineeSchema>;

export const proposalSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  date: z.string(),
  partOfDay: z.enum(partsOfDay),
  note: z.string(),
  proposedByName: z.string(),
  createdAt: z.string(),
  /** The session confirmed from this proposal, if any. */
  sessionId: z.string().nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const sessionWarningSchema = z.object({
  code: z.enum(['over_max', 'under_min']),
  message: z.string(),
});

export const sessionParticipantSchema = traineeSchema.extend({
  attendance: z.enum(attendanceStates),
  markedByName: z.string().nullable(),
  markedAt: z.string().nullable(),
});
export type SessionParticipant = z.infer<typeof sessionParticipantSchema>;

export const trainingSessionSchema = z.object({
  id: z.string(),
  trainingKey: z.string(),
  proposalId: z.string().nullable(),
  date: z.string(),
  /** Swedish local time, `HH:mm`. */
  startTime: z.string(),
  endTime: z.string(),
  mode: z.enum(sessionModes),
  place: z.string(),
  link: z.string(),
  trainer: personRefSchema.nullable(),
  confirmedByName: z.string(),
  version: z.number().int(),
  participants: z.array(sessionParticipantSchema),
  warnings: z.array(sessionWarningSchema),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

/** Someone who was absent from a session of a training and has not attended a catch-up since. */
export const missedTrainingSchema = traineeSchema.extend({
  sessionId: z.string(),
  sessionDate: z.string(),
  /** The catch-up session the person is booked on, if any. */
  catchUpSessionId: z.string().nullable(),
});
export type MissedTraining = z.infer<typeof missedTrainingSchema>;

/**
 * How a training is held when its trainees cannot be split into sessions within its range: fewer
 * sessions over the maximum, or more sessions under the minimum. A different range is the third way,
 * chosen by changing the range itself.
 */
export const splitChoices = ['over_max', 'under_min'] as const;
export type SplitChoice = (typeof splitChoices)[number];

export const splitOptionSchema = z.object({
  choice: z.enum(splitChoices),
  /** Sessions the trainees take this way. */
  sessions: z.number().int(),
  /** The sizes of those sessions, largest first. */
  sizes: z.array(z.number().int()),
  /** In words: "1 tillfälle med 22 deltagare, fler än högst 20". */
  message: z.string(),
});
export type SplitOption = z.infer<typeof splitOptionSchema>;

/** Whether the trainees fit the participant range, and the choices when they do not. */
export const trainingCapacitySchema = z.object({
  /** True when the trainees can be split into sessions that all keep within the range. */
  fits: z.boolean(),
  /** When they cannot, in words: "22 personer kan inte delas i grupper om 15–20"; else null. */
  message: z.string().nullable(),
  /** The real ways to hold the training anyway; empty when it fits. */
  options: z.array(splitOptionSchema),
  /** The way the project chose; null when none is chosen or none is needed. */
  choice: z.enum(splitChoices).nullable(),
});
export type TrainingCapacity = z.infer<typeof trainingCapacitySchema>;

export const trainingSchema = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.enum(trainingKinds),
  /** The project's range when it has set one, else the template's. */
  minParticipants: z.number().int().nullable(),
  maxParticipants: z.number().int().nullable(),
  templateMinParticipants: z.number().int().nullable(),
  templateMaxParticipants: z.number().int().nullable(),
  /** Version of the project's own range; 0 while the template's range applies. */
  version: z.number().int(),
  participantRole: z.object({ key: z.string(), title: z.string() }).nullable(),
  /** Who should attend: the role's holders (role), those who missed a session (catchUp), none (staff). */
  trainees: z.array(traineeSchema),
  /**
   * Sessions the trainees need at most `maxParticipants` per session, or as the project chose when
   * they cannot be split within the range (see `capacity`); null without a maximum.
   */
  sessionsNeeded: z.number().int().nullable(),
  /** Whether the trainees can be split within the range; null for the staff training, which has no sessions. */
  capacity: trainingCapacitySchema.nullable(),
  proposals: z.array(proposalSchema),
  sessions: z.array(trainingSessionSchema),
  /** Trainees not booked on any session of this training. */
  unbooked: z.array(traineeSchema),
  /**
   * How the unbooked would be spread over the coming sessions, every session within the range (or as
   * the project chose); empty when nothing to place or no such split exists on the sessions there are.
   */
  suggestedSplit: z.array(z.object({ sessionId: z.string(), people: z.array(traineeSchema) })),
  missed: z.array(missedTrainingSchema),
});
export type Training = z.infer<typeof trainingSchema>;

export const workshopSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  staffCount: z.number().int(),
  heldBy: personRefSchema.nullable(),
  note: z.string(),
  recordedByName: z.string(),
});
export type Workshop = z.infer<typeof workshopSchema>;

export const schoolStaffTrainingSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  /** Staff to train at the school, from the organisation; null when not entered. */
  staffCount: z.number().int().nullable(),
  /** Staff counted in the school's workshops so far. */
  trainedCount: z.number().int(),
  workshops: z.array(workshopSchema),
});
export type SchoolStaffTraining = z.infer<typeof schoolStaffTrainingSchema>;

export const trainingsOverviewSchema = z.object({
  trainings: z.array(trainingSchema),
  staffTraining: z.array(schoolStaffTrainingSchema),
  /** What the viewer may do here. */
  may: z.object({
    /**
     * Propose dates, book and unbook (the customer's plan writers, the vendor admin). A training's
     * range may be changed with `plan` or `confirm`.
     */
    plan: z.boolean(),
    /** Confirm, change and cancel sessions (the vendor's Utbildningsledare, the vendor admin). */
    confirm: z.boolean(),
    /** Mark attendance (the session's trainer, the Utbildningsledare, the plan writers). */
    markAttendance: z.boolean(),
    /** Record staff workshops (user-supporters for their school, the plan writers). */
    recordWorkshops: z.boolean(),
  }),
  /** The vendor's people who may train (Utbildningsledare of the project first). */
  trainers: z.array(personRefSchema),
});
export type TrainingsOverview = z.infer<typeof trainingsOverviewSchema>;

export const trainingParamsSchema = z.object({ id: idSchema, trainingKey: z.string().min(1).max(80) });
export const proposalParamsSchema = z.object({ id: idSchema, proposalId: idSchema });
export const sessionParamsSchema = z.object({ id: idSchema, sessionId: idSchema });
export const participantParamsSchema = z.object({ id: idSchema, sessionId: idSchema, personId: idSchema });
export const workshopParamsSchema = z.object({ id: idSchema, workshopId: idSchema });

const participantCount = z.number().int().min(1, 'Minst 1 deltagare').max(500, 'Högst 500 deltagare');

export const updateTrainingRangeBodySchema = z
  .object({
    version: z.number().int().min(0),
    minParticipants: participantCount.nullable(),
    maxParticipants: participantCount.nullable(),
  })
  .refine(
    (body) =>
      body.minParticipants === null || body.maxParticipants === null || body.minParticipants <= body.maxParticipants,
    { message: 'Minsta antalet kan inte vara större än högsta', path: ['maxParticipants'] },
  );
export type UpdateTrainingRangeBody = z.infer<typeof updateTrainingRangeBodySchema>;

/** The project's way to hold a training whose trainees cannot be split within the range; null takes it back. */
export const chooseSplitBodySchema = z.object({
  version: z.number().int().min(0),
  choice: z.enum(splitChoices).nullable(),
});
export type ChooseSplitBody = z.infer<typeof chooseSplitBodySchema>;

export const MIN_PROPOSED_DATES = 3;

export const proposeDatesBodySchema = z.object({
  dates: z
    .array(
      z.object({
        date: isoDateSchema,
        partOfDay: z.enum(partsOfDay),
        note: z.string().trim().max(500, 'Högst 500 tecken').default(''),
      }),
    )
    .min(MIN_PROPOSED_DATES, `Föreslå minst ${MIN_PROPOSED_DATES} datum så att leverantören kan välja`)
    .max(20, 'Högst 20 datum åt gången')
    .refine((dates) => new Set(dates.map((entry) => `${entry.date}/${entry.partOfDay}`)).size === dates.length, {
      message: 'Samma datum och tid på dagen finns två gånger',
    }),
});
export type ProposeDatesBody = z.input<typeof proposeDatesBodySchema>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange tiden som TT:MM');

const sessionFieldsSchema = z.object({
  date: isoDateSchema,
  startTime: timeOfDay,
  endTime: timeOfDay,
  mode: z.enum(sessionModes),
  place: z.string().trim().max(300, 'Högst 300 tecken').default(''),
  link: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Ange en webbadress som börjar med https://' })])
    .default(''),
  trainerPersonId: idSchema.nullable(),
});

function sessionRules<T extends { startTime?: string; endTime?: string; mode?: string; place?: string; link?: string }>(
  body: T,
  context: z.RefinementCtx,
): void {
  if (body.startTime && body.endTime && body.endTime <= body.startTime) {
    context.addIssue({ code: 'custom', message: 'Sluttiden måste vara efter starttiden', path: ['endTime'] });
  }
  if (body.mode === 'on_site' && !body.place) {
    context.addIssue({ code: 'custom', message: 'Ange platsen för utbildningen', path: ['place'] });
  }
  if (body.mode === 'web' && !body.link) {
    context.addIssue({ code: 'custom', message: 'Ange länken till webbutbildningen', path: ['link'] });
  }
}

/** Confirming a session: from one of the customer's proposals, or on a date of the vendor's own. */
export const confirmSessionBodySchema = sessionFieldsSchema
  .extend({ proposalId: idSchema.nullable() })
  .superRefine(sessionRules);
export type ConfirmSessionBody = z.input<typeof confirmSessionBodySchema>;

export const updateSessionBodySchema = sessionFieldsSchema
  .extend({ version: z.number().int().min(1) })
  .superRefine(sessionRules);
export type UpdateSessionBody = z.input<typeof updateSessionBodySchema>;

export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const bookParticipantBodySchema = z.object({ personId: idSchema });

export const markAttendanceBodySchema = z.object({
  entries: z
    .array(z.object({ personId: idSchema, attendance: z.enum(attendanceStates) }))
    .min(1)
    .max(500),
});
export type MarkAttendanceBody = z.infer<typeof markAttendanceBodySchema>;

export const recordWorkshopBodySchema = z.object({
  schoolId: idSchema,
  heldOn: isoDateSchema,
  staffCount: z.number().int().min(1, 'Minst 1 person').max(2000, 'Högst 2000 personer'),
  heldByPersonId: idSchema.nullable().default(null),
  note: z.string().trim().max(1000, 'Högst 1000 tecken').default(''),
});
export type RecordWorkshopBody = z.input<typeof recordWorkshopBodySchema>;
