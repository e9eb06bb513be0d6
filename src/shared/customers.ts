import { z } from 'zod';
import { organisationNumberSchema } from './common.js';

export const createCustomerBodySchema = z.object({
  name: z.string().trim().min(2, 'Ange kundens namn').max(200, 'Namnet får vara högst 200 tecken'),
  organisationNumber: organisationNumberSchema,
});
export type CreateCustomerBody = z.input<typeof createCustomerBodySchema>;

/** A day of the year as 'MM-DD' (never 29 February: a term must start and end every year). */
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const monthDaySchema = z
  .string()
  .trim()
  .regex(/^\d{2}-\d{2}$/, 'Ange datumet som MM-DD, till exempel 08-18')
  .refine((value) => {
    const [month, day] = value.split('-').map(Number);
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth[month - 1];
  }, 'Det datumet finns inte');

/**
 * A customer's own school terms: the autumn term (ht) and the spring term (vt), each from its first
 * to its last day as 'MM-DD'. Each term lies within one calendar year, and the spring term ends
 * before the autumn term starts.
 */
export const termDatesSchema = z
  .object({ htStart: monthDaySchema, htEnd: monthDaySchema, vtStart: monthDaySchema, vtEnd: monthDaySchema })
  .superRefine((dates, ctx) => {
    // Compared only when each day is a day: a wrong one is told on its own field.
    if (!Object.values(dates).every((day) => monthDaySchema.safeParse(day).success)) return;
    if (dates.htEnd < dates.htStart) {
      ctx.addIssue({ code: 'custom', path: ['htEnd'], message: 'Höstterminen slutar före den börjar' });
    }
    if (dates.vtEnd < dates.vtStart) {
      ctx.addIssue({ code: 'custom', path: ['vtEnd'], message: 'Vårterminen slutar före den börjar' });
    }
    if (dates.htStart <= dates.vtEnd) {
      ctx.addIssue({ code: 'custom', path: ['htStart'], message: 'Höstterminen börjar före vårterminen slutar' });
    }
  });
export type TermDates = z.infer<typeof termDatesSchema>;

/** The body and the answer of setting a customer's terms: null goes back to Stegvis's default terms. */
export const customerTermsSchema = z.object({ terms: termDatesSchema.nullable() });
export type CustomerTerms = z.infer<typeof customerTermsSchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisationNumber: z.string(),
  createdAt: z.string(),
  projectCount: z.number().int(),
  /** The customer's own term dates; null: Stegvis's default terms (ht 1 Aug–31 Dec, vt 1 Jan–30 Jun). */
  terms: termDatesSchema.nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerListSchema = z.object({ items: z.array(customerSchema) });
