import { z } from 'zod';
import { sessionSchema } from './auth.js';

/** The ways a password sign-in can be completed. */
export const secondFactorMethods = ['totp', 'passkey', 'recovery'] as const;
export type SecondFactorMethod = (typeof secondFactorMethods)[number];

/**
 * A password sign-in that is not a session yet: `verify` waits for a second factor, `enrol` for a
 * user who must have one and has none (they can do nothing but add one). The pending sign-in
 * itself travels in an httpOnly cookie; the CSRF token comes back on its writes.
 */
export const secondFactorStepSchema = z.object({
  secondFactor: z.object({
    purpose: z.enum(['verify', 'enrol']),
    methods: z.array(z.enum(secondFactorMethods)),
    expiresAt: z.string(),
    csrfToken: z.string(),
  }),
});
export type SecondFactorStep = z.infer<typeof secondFactorStepSchema>;

export const loginResultSchema = z.union([sessionSchema, secondFactorStepSchema]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const isSecondFactorStep = (result: LoginResult): result is SecondFactorStep => 'secondFactor' in result;

/** Six digits from the authenticator app; spaces (as apps show "123 456") are ignored. */
export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Ange de sex siffrorna från appen'));

/** A recovery code as shown (XXXX-XXXX-XXXX-XXXX); case, spaces and dashes are ignored. */
export const recoveryCodeSchema = z
  .string()
  .max(64)
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{16}$/, 'Ange en återställningskod, till exempel ABCD-EFGH-IJKL-MNOP'));

export const verifyCodeBodySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: totpCodeSchema }),
  z.object({ method: z.literal('recovery'), code: recoveryCodeSchema }),
]);
export type VerifyCodeBody = z.input<typeof verifyCodeBodySchema>;

const base64url = z.string().max(20_000);

/** What `@simplewebauthn/browser`'s startRegistration gives back, sent as it is. */
export const registrationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z
      .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
      .max(10)
      .optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  type: z.literal('public-key'),
});

/** What `@simplewebauthn/browser`'s startAuthentication gives back, sent as it is. */
export const authenticationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  type: z.literal('public-key'),
});

export const passkeySignInBodySchema = z.object({ response: authenticationResponseSchema });

/** WebAuthn options for the browser, passed to `startRegistration` / `startAuthentication` as they are. */
export const webAuthnOptionsSchema = z.object({ options: z.record(z.string(), z.unknown()) });

export const passkeyNameSchema = z.string().trim().min(1, 'Ge nyckeln ett namn').max(100);

export const registerPasskeyBodySchema = z.object({
  name: passkeyNameSchema,
  response: registrationResponseSchema,
});

export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type Passkey = z.infer<typeof passkeySchema>;

/** A user's second factors as their account page shows them. */
export const twoFactorStatusSchema = z.object({
  totp: z.object({ enabledAt: z.string() }).nullable(),
  passkeys: z.array(passkeySchema),
  recoveryCodesLeft: z.number().int(),
  /** The vendor admin requires a second factor of this user: the last one cannot be removed. */
  required: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

export const totpSetupSchema = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  /** otpauth://totp/… for apps that read a link or a QR code of it. */
  uri: z.string(),
});
export type TotpSetup = z.infer<typeof totpSetupSchema>;

export const confirmTotpBodySchema = z.object({ code: totpCodeSchema });

/**
 * A factor added: the recovery codes when they were made now (shown once), and the session when the
 * factor was added from a sign-in that could do nothing else.
 */
export const enrolmentResultSchema = z.object({
  recoveryCodes: z.array(z.string()).nullable(),
  session: sessionSchema.nullable(),
});
export type EnrolmentResult = z.infer<typeof enrolmentResultSchema>;

export const passwordConfirmationBodySchema = z.object({ password: z.string().min(1, 'Ange ditt lösenord') });
export type PasswordConfirmationBody = z.infer<typeof passwordConfirmationBodySchema>;

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const vendorTwoFactorPolicySchema = z.object({ vendorStaffRequired: z.boolean() });
export type VendorTwoFactorPolicy = z.infer<typeof vendorTwoFactorPolicySchema>;

export const customerTwoFactorPolicySchema = z.object({ required: z.boolean() });
export type CustomerTwoFactorPolicy = z.infer<typeof customerTwoFactorPolicySchema>;
