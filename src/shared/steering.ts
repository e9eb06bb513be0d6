import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

/**
 * Steering the project as the template describes it: the Styrgrupp "beslutar om förändringar i
 * projektet avseende resultat, tid och budget", the Projektledare "förbereder ärenden för beslut i
 * styrgruppen samt verkställer beslut", and the project group takes decisions of its own.
 */
const text = (max: number) => z.string().trim().max(max, `Högst ${max} tecken`);

export const deciders = ['styrgrupp', 'projektgrupp', 'bestallare'] as const;
export type Decider = (typeof deciders)[number];

export const decisionLinkKinds = ['activity', 'keyActivity', 'goal', 'section'] as const;

/** What a decision concerns: a checklist activity, a key activity, a goal (by id) or a plan section (by key). */
export const decisionLinkSchema = z.object({
  kind: z.enum(decisionLinkKinds),
  targetId: z.string().min(1),
});
export type DecisionLink = z.infer<typeof decisionLinkSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  /** 1, 2, 3 … per project, in the order taken. */
  number: z.number().int(),
  title: z.string(),
  background: z.string(),
  decision: z.string(),
  decidedBy: z.enum(deciders),
  decidedOn: z.string(),
  links: z.array(decisionLinkSchema.extend({ title: z.string() })),
  /** The change request it came from, if any. */
  changeRequest: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  meeting: z.object({ id: z.string(), date: z.string() }).nullable(),
  recordedBy: z.object({ name: z.string() }),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const decisionListSchema = z.object({
  items: z.array(decisionSchema),
  may: z.object({ record: z.boolean() }),
});
export type DecisionList = z.infer<typeof decisionListSchema>;

export const decisionListQuerySchema = z.object({
  /** Words searched in number, title, background and decision, case-insensitively. */
  q: z.string().trim().max(200).optional(),
});

export const decisionInputSchema = z.object({
  title: text(300).min(3, 'Ge beslutet en rubrik'),
  background: text(8000).default(''),
  decision: text(8000).min(3, 'Skriv vad som beslutades'),
  decidedBy: z.enum(deciders, { error: 'Välj vem som beslutade' }),
  decidedOn: isoDateSchema,
  links: z.array(decisionLinkSchema).max(50).default([]),
  meetingId: idSchema.nullable().default(null),
});
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const decisionUpdateBodySchema = decisionInputSchema.extend({ version: z.number().int().min(1) });

export const decisionParamsSchema = z.object({ id: idSchema, decisionId: idSchema });

// ---- Change requests ----

export const changeAreas = ['result', 'time', 'budget'] as const;
export const changeRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];

/** A key activity's date moved by the request, applied when it is approved. */
export const dateChangeSchema = z.object({
  keyActivityId: idSchema,
  to: isoDateSchema,
});

export const goalChangeFields = ['target', 'targetDate', 'dueDate', 'budgetSek'] as const;

/** A goal's target, target date, due date or budget changed by the request, applied when it is approved. */
export const goalChangeSchema = z.object({
  goalId: idSchema,
  field: z.enum(goalChangeFields),
  /** A number for target and budgetSek, a date (YYYY-MM-DD) for targetDate and dueDate. */
  to: z.union([z.number().finite(), isoDateSchema]),
});

export const changeRequestSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  areas: z.array(z.enum(changeAreas)),
  /** What changes. */
  change: z.string(),
  reason: z.string(),
  consequence: z.string(),
  proposal: z.string(),
  /** With the value before, so the request reads "från 1 mars till 15 mars". */
  dateChanges: z.array(
    z.object({ keyActivityId: z.string(), title: z.string(), from: z.string().nullable(), to: z.string() }),
  ),
  goalChanges: z.array(
    z.object({
      goalId: z.string(),
      title: z.string(),
      field: z.enum(goalChangeFields),
      from: z.union([z.number(), z.string()]).nullable(),
      to: z.union([z.number(), z.string()]),
    }),
  ),
  status: z.enum(changeRequestStatuses),
  preparedBy: z.object({ name: z.string() }),
  createdAt: z.string(),
  decision: z
    .object({
      by: z.object({ name: z.string() }),
      at: z.string(),
      comment: z.string(),
      /** The decision the approval became; null for a rejection. */
      decisionId: z.string().nullable(),
    })
    .nullable(),
  meeting: z.object({ id: z.string(), date: z.string() }).nullable(),
  version: z.number().int(),
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const changeRequestListSchema = z.object({
  items: z.array(changeRequestSchema),
  may: z.object({
    /** The Projektledare and other plan writers prepare requests. */
    prepare: z.boolean(),
    /** A member of the Styrgrupp or the Beställare decides. */
    decide: z.boolean(),
  }),
});
export type ChangeRequestList = z.infer<typeof changeRequestListSchema>;

export const changeRequestInputSchema = z
  .object({
    title: text(300).min(3, 'Ge ändringen en rubrik'),
    areas: z.array(z.enum(changeAreas)).min(1, 'Välj vad som ändras: resultat, tid eller budget'),
    change: text(8000).min(3, 'Beskriv vad som ändras'),
    reason: text(8000).min(3, 'Beskriv varför'),
    consequence: text(8000).default(''),
    proposal: text(8000).min(3, 'Skriv förslaget till beslut'),
    dateChanges: z.array(dateChangeSchema).max(50).default([]),
    goalChanges: z.array(goalChangeSchema).max(50).default([]),
    meetingId: idSchema.nullable().default(null),
  })
  .superRefine((request, context) => {
    request.goalChanges.forEach((goalChange, index) => {
      const wantsDate = goalChange.field === 'targetDate' || goalChange.field === 'dueDate';
      if (wantsDate !== (typeof goalChange.to === 'string')) {
        context.addIssue({
          code: 'custom',
          path: ['goalChanges', index, 'to'],
          message: wantsDate ? 'Ange ett datum' : 'Ange ett tal',
        });
      }
    });
  });
export type ChangeRequestInput = z.input<typeof changeRequestInputSchema>;

export const changeRequestUpdateBodySchema = z.intersection(
  changeRequestInputSchema,
  z.object({ version: z.number().int().min(1) }),
);

export const decideChangeRequestBodySchema = z.object({
  outcome: z.enum(['approved', 'rejected'], { error: 'Välj godkänn eller avslå' }),
  comment: text(4000).default(''),
  /** The meeting where it was decided, if any. */
  meetingId: idSchema.nullable().default(null),
  version: z.number().int().min(1),
});
export type DecideChangeRequestBody = z.input<typeof decideChangeRequestBodySchema>;

export const changeRequestParamsSchema = z.object({ id: idSchema, requestId: idSchema });

// ---- Steering group meetings ----

export const agendaItemSchema = z.object({ title: text(300).min(1, 'Skriv punkten'), note: text(4000).default('') });

export const steeringMeetingSchema = z.object({
  id: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  place: z.string(),
  /** Free agenda items; the change requests on the agenda are listed separately. */
  agendaItems: z.array(z.object({ title: z.string(), note: z.string() })),
  changeRequests: z.array(
    z.object({ id: z.string(), number: z.number().int(), title: z.string(), status: z.enum(changeRequestStatuses) }),
  ),
  minutes: z.string(),
  /** The decisions recorded at the meeting. */
  decisions: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string() })),
  /** When the agenda was last mailed to the Styrgrupp. */
  agendaSentAt: z.string().nullable(),
  version: z.number().int(),
});
export type SteeringMeeting = z.infer<typeof steeringMeetingSchema>;

export const steeringMeetingListSchema = z.object({
  items: z.array(steeringMeetingSchema),
  may: z.object({ edit: z.boolean() }),
});

export const steeringMeetingInputSchema = z.object({
  date: isoDateSchema,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange tiden som TT:MM')
    .nullable()
    .default(null),
  place: text(300).default(''),
  agendaItems: z.array(agendaItemSchema).max(50).default([]),
  minutes: text(20000).default(''),
});
export type SteeringMeetingInput = z.input<typeof steeringMeetingInputSchema>;

export const steeringMeetingUpdateBodySchema = steeringMeetingInputSchema.extend({ version: z.number().int().min(1) });

export const meetingParamsSchema = z.object({ id: idSchema, meetingId: idSchema });

export const agendaExportQuerySchema = z.object({ format: z.enum(['docx', 'pdf']) });

export const agendaSentSchema = z.object({
  /** The Styrgrupp members (and the Beställare) mailed. */
  recipients: z.array(z.object({ name: z.string(), email: z.string() })),
  /** Members without an e-mail address, who could not be reached. */
  unreachable: z.array(z.object({ name: z.string() })),
  meeting: steeringMeetingSchema,
});
