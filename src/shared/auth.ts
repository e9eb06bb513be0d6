import { z } from 'zod';

export const userRoles = ['vendor_admin', 'vendor_staff', 'customer'] as const;
export type UserRole = (typeof userRoles)[number];

const emailMessage = 'Ange en giltig e-postadress';

/**
 * Trimmed and lower-cased before it is checked: a pasted address often carries a space.
 * (`z.email().trim()` would check the format first and refuse `' anna@exempel.se'`.)
 */
export const emailSchema = z
  .string({ error: emailMessage })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: emailMessage }));

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Ange lösenordet'),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const passwordSchema = z
  .string()
  .min(10, 'Lösenordet måste vara minst 10 tecken')
  .max(200, 'Lösenordet får vara högst 200 tecken');

export const setupBodySchema = z.object({
  name: z.string().trim().min(1, 'Ange ditt namn').max(200),
  email: emailSchema,
  password: passwordSchema,
});
export type SetupBody = z.infer<typeof setupBodySchema>;

export const currentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  /** The person in the organisation this login belongs to, if any. */
  personId: z.string().nullable(),
  /** The customer whose person this is; null for the vendor's people. */
  customerId: z.string().nullable(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionSchema = z.object({
  user: currentUserSchema,
  /** Sent back in the `x-csrf-token` header on every write. */
  csrfToken: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

export const CSRF_HEADER = 'x-csrf-token';
