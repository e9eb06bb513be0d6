import { z } from 'zod';
import { acknowledgementStateSchema } from './acknowledgements.js';
import { emailSchema } from './auth.js';
import { idSchema } from './common.js';

export const schoolForms = [
  'forskola',
  'forskoleklass',
  'grundskola',
  'anpassad-grundskola',
  'gymnasieskola',
  'anpassad-gymnasieskola',
  'fritidshem',
  'vuxenutbildning',
] as const;
export type SchoolForm = (typeof schoolForms)[number];

export const schoolFormLabels: Record<SchoolForm, string> = {
  forskola: 'Förskola',
  forskoleklass: 'Förskoleklass',
  grundskola: 'Grundskola',
  'anpassad-grundskola': 'Anpassad grundskola',
  gymnasieskola: 'Gymnasieskola',
  'anpassad-gymnasieskola': 'Anpassad gymnasieskola',
  fritidshem: 'Fritidshem',
  vuxenutbildning: 'Vuxenutbildning',
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const schoolInputSchema = z.object({
  name: z.string().trim().min(2, 'Ange skolans namn').max(200, 'Högst 200 tecken'),
  schoolForms: z.array(z.enum(schoolForms)).min(1, 'Välj minst en skolform'),
  /** Skolenhetskod from the national school register: eight digits. */
  schoolUnitCode: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null)
    .refine((value) => value === null || /^\d{8}$/.test(value), 'Skolenhetskoden har åtta siffror'),
  /**
   * Staff the user-supporters are to train at the school; null when not known. Left out, a change
   * keeps the number the school has.
   */
  staffCount: z
    .number()
    .int('Ange ett heltal')
    .min(0, 'Antalet kan inte vara negativt')
    .max(100_000, 'Högst 100 000')
    .nullable()
    .optional(),
});
export type SchoolInput = z.input<typeof schoolInputSchema>;

export const schoolSchema = z.object({
  id: z.string(),
  name: z.string(),
  schoolForms: z.array(z.enum(schoolForms)),
  schoolUnitCode: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  version: z.number().int(),
});
export type School = z.infer<typeof schoolSchema>;

export const personInputSchema = z.object({
  name: z.string().trim().min(2, 'Ange namnet').max(200, 'Högst 200 tecken'),
  email: z
    .union([z.literal(''), emailSchema])
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  phone: optionalText(40),
  title: optionalText(200),
  schoolId: idSchema
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});
export type PersonInput = z.input<typeof personInputSchema>;

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  schoolId: z.string().nullable(),
  /** Has chosen a password and can log in. */
  hasLogin: z.boolean(),
  /** Has been invited but not yet chosen a password. */
  invited: z.boolean(),
  /** The login is switched off (the person has left): no sign-in, no session. */
  loginDisabled: z.boolean(),
  version: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;

/** A change carries the version it was based on: a stale one is refused with 409. */
const basedOnVersion = { version: z.number().int().min(1) };
export const schoolUpdateSchema = schoolInputSchema.extend(basedOnVersion);
export const personUpdateSchema = personInputSchema.extend(basedOnVersion);

export const customerParamsSchema = z.object({ customerId: idSchema });
export const schoolParamsSchema = z.object({ customerId: idSchema, schoolId: idSchema });
export const personParamsSchema = z.object({ customerId: idSchema, personId: idSchema });

export const assignRoleBodySchema = z.object({
  roleKey: z.string().min(1),
  personId: idSchema,
  /** Required for a school-level role, absent for a project-level one. */
  schoolId: idSchema.nullable().optional(),
});
export type AssignRoleBody = z.infer<typeof assignRoleBodySchema>;

export const assignmentParamsSchema = z.object({ id: idSchema, assignmentId: idSchema });

export const holderSchema = z.object({
  assignmentId: z.string(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    hasLogin: z.boolean(),
    invited: z.boolean(),
  }),
  /** Whether the holder has confirmed the role's responsibility text in force. */
  acknowledgement: z.object({ state: acknowledgementStateSchema, acknowledgedAt: z.string().nullable() }),
});

export const roleWithHoldersSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** The project's own wording when it has one, else the template's. */
  responsibility: z.string(),
  /** Version of the project's own wording; 0 while the template's text applies. */
  responsibilityVersion: z.number().int(),
  group: z.boolean(),
  minHolders: z.number().int(),
  holders: z.array(holderSchema),
});
export type RoleWithHolders = z.infer<typeof roleWithHoldersSchema>;

export const gapSchema = z.object({
  roleKey: z.string(),
  roleTitle: z.string(),
  /** The title in plural ("Administratörer"), so a count of holders agrees in number. */
  roleTitlePlural: z.string(),
  schoolId: z.string().nullable(),
  have: z.number().int(),
  need: z.number().int(),
  /** Swedish sentence for the user, e.g. "Skolan har 1 av 2 administratörer". */
  message: z.string(),
});
export type Gap = z.infer<typeof gapSchema>;

export const readinessSchema = z.object({
  ready: z.boolean(),
  gaps: z.array(gapSchema),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const organisationSchema = z.object({
  customerRoles: z.array(roleWithHoldersSchema),
  vendorRoles: z.array(roleWithHoldersSchema),
  schools: z.array(
    z.object({
      school: schoolSchema,
      roles: z.array(roleWithHoldersSchema),
      readiness: readinessSchema,
    }),
  ),
  readiness: readinessSchema.extend({ schoolsReady: z.number().int(), schoolsTotal: z.number().int() }),
});
export type Organisation = z.infer<typeof organisationSchema>;
