import { z } from 'zod';
import { emailSchema, passwordSchema } from './auth.js';
import { idSchema } from './common.js';

/** How a mail left: by SMTP, or into the outbox folder because SMTP_URL is not set. */
export const mailDeliveries = ['smtp', 'outbox'] as const;
export type MailDelivery = (typeof mailDeliveries)[number];

export const tokenPurposes = ['invitation', 'password_reset'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** The page that the mailed links open: `/valj-losenord?token=…`. */
export const CHOOSE_PASSWORD_PATH = '/valj-losenord';

export const personIdParamsSchema = z.object({ personId: idSchema });

export const invitationResultSchema = z.object({
  delivery: z.enum(mailDeliveries),
  /** When the link in the mail stops working. */
  expiresAt: z.string(),
});
export type InvitationResult = z.infer<typeof invitationResultSchema>;

const tokenSchema = z.string({ error: 'Länken saknar token' }).min(20, 'Länken är ofullständig').max(200);

export const tokenParamsSchema = z.object({ token: tokenSchema });

/** Whose account a mailed link sets the password of. */
export const tokenInfoSchema = z.object({
  purpose: z.enum(tokenPurposes),
  email: z.string(),
  name: z.string(),
  expiresAt: z.string(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const acceptBodySchema = z.object({ token: tokenSchema, password: passwordSchema });
export type AcceptBody = z.infer<typeof acceptBodySchema>;

export const forgotBodySchema = z.object({ email: emailSchema });

/** Switches a person's login off (they have left) or on again. */
export const loginSwitchBodySchema = z.object({ disabled: z.boolean() });
export type LoginSwitchBody = z.infer<typeof loginSwitchBodySchema>;
export const loginSwitchResultSchema = z.object({ disabled: z.boolean() });
export type LoginSwitchResult = z.infer<typeof loginSwitchResultSchema>;
export type ForgotBody = z.infer<typeof forgotBodySchema>;

/** The choose-password form: the password twice. */
export const choosePasswordFormSchema = z
  .object({ password: passwordSchema, repeat: z.string() })
  .refine((values) => values.password === values.repeat, {
    path: ['repeat'],
    message: 'Lösenorden är inte lika',
  });
