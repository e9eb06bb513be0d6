import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

/**
 * The delivery of the system as the template describes it: the vendor delivers one main
 * administrator account for the whole project, and per school an administrator account that the
 * Beställare hands on to the school's Kontaktperson, who creates an account of their own; then all
 * the school's users get accounts. Each school goes through its steps in this order.
 */
export const schoolStepKeys = ['skolkonto-levererat', 'overlamnat', 'eget-adminkonto', 'anvandarkonton'] as const;
export const deliveryStepKeys = ['huvudkonto', ...schoolStepKeys] as const;
export type DeliveryStepKey = (typeof deliveryStepKeys)[number];

export const deliveryStepTitles: Record<DeliveryStepKey, string> = {
  huvudkonto: 'Huvudadministratörskonto levererat',
  'skolkonto-levererat': 'Skolans administratörskonto levererat',
  overlamnat: 'Överlämnat till kontaktpersonen',
  'eget-adminkonto': 'Kontaktpersonen har skapat ett eget administratörskonto',
  anvandarkonton: 'Alla användare har konton',
};

/** The checklist activities of "Leverans av systemet" that the steps stand for. */
export const deliveryActivityKeys = ['leverans-system', 'dela-ut-konton', 'anvandarkonton'] as const;
export type DeliveryActivityKey = (typeof deliveryActivityKeys)[number];

const personRefSchema = z.object({ id: z.string(), name: z.string() });
export type DeliveryPersonRef = z.infer<typeof personRefSchema>;

export const deliveryStepSchema = z.object({
  key: z.enum(deliveryStepKeys),
  title: z.string(),
  /** Whose people do the step: the vendor's or the customer's. */
  side: z.enum(['vendor', 'customer']),
  done: z
    .object({
      /** The recorded step, for undoing it. */
      id: z.string(),
      on: z.string(),
      /** The person who did it, when named. */
      by: personRefSchema.nullable(),
      /** The user who recorded it in Stegvis. */
      recordedByName: z.string(),
    })
    .nullable(),
  /** It is the next step of its school and the viewer may mark it done. */
  mayMark: z.boolean(),
  /** It is the latest step done of its school and the viewer may undo it. */
  mayUndo: z.boolean(),
  /** Who the form proposes as the one who did it: the Leveransansvarig, the Beställare or the school's Kontaktperson. */
  suggestedPerson: personRefSchema.nullable(),
});
export type DeliveryStep = z.infer<typeof deliveryStepSchema>;

export const schoolDeliverySchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  contactPerson: personRefSchema.nullable(),
  steps: z.array(deliveryStepSchema),
  /** The first step not yet done; null when the school is through. */
  nextStep: z.enum(schoolStepKeys).nullable(),
});
export type SchoolDelivery = z.infer<typeof schoolDeliverySchema>;

export const deliveryActivitySchema = z.object({
  id: z.string(),
  key: z.enum(deliveryActivityKeys),
  title: z.string(),
  done: z.boolean(),
});
export type DeliveryActivity = z.infer<typeof deliveryActivitySchema>;

export const deliverySchema = z.object({
  mainAccount: deliveryStepSchema,
  schools: z.array(schoolDeliverySchema),
  /** Schools through every step. */
  schoolsDone: z.number().int(),
  /** Schools still waiting for a step. */
  waiting: z.number().int(),
  /** The linked activities the project's checklist still has. */
  activities: z.array(deliveryActivitySchema),
  /** Whom the viewer may name as having done a step, per side; empty for a side the viewer marks nothing of. */
  people: z.object({ vendor: z.array(personRefSchema), customer: z.array(personRefSchema) }),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const markDeliveryStepBodySchema = z.object({
  /** Null for the main administrator account. */
  schoolId: idSchema.nullable(),
  stepKey: z.enum(deliveryStepKeys, { error: 'Okänt steg' }),
  /** The day it was done; today in Sweden when left out. */
  doneOn: isoDateSchema.optional(),
  /** Who did it; left out, the suggested person; null for nobody named. */
  doneByPersonId: idSchema.nullable().optional(),
});
export type MarkDeliveryStepBody = z.infer<typeof markDeliveryStepBodySchema>;

export const deliveryStepParamsSchema = z.object({ id: idSchema, stepId: idSchema });
