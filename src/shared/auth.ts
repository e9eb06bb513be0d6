import { z } from 'zod';

export const userRoles = ['vendor_admin', 'vendor_staff', 'customer'] as const;
export type UserRole = (typeof userRoles)[number];

export const loginBodySchema = z.object({
  email: z.email({ message: 'Ange en giltig e-postadress' }).trim().toLowerCase(),
  password: z.string().min(1, 'Ange lösenordet'),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const passwordSchema = z
  .string()
  .min(10, 'Lösenordet måste vara minst 10 tecken')
  .max(200, 'Lösenordet får vara högst 200 tecken');

export const setupBodySchema = z.object({
  name: z.string().trim().min(1, 'Ange ditt namn').max(200),
  email: z.email({ message: 'Ange en giltig e-postadress' }).trim().toLowerCase(),
  password: passwordSchema,
});
export type SetupBody = z.infer<typeof setupBodySchema>;

export const currentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
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
