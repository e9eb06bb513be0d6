import { z } from 'zod';
import { emailSchema } from './auth.js';
import { idSchema } from './common.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A provider's issuer: https, or http on this machine's loopback only (a provider run for
 * development or tests); nothing after the path, as OpenID Connect discovery requires.
 */
export const issuerSchema = z
  .string()
  .trim()
  .min(1, 'Ange inloggningstjänstens adress (issuer)')
  // Aborts: the checks after it parse the address and would throw on one that is not.
  .refine((value) => URL.canParse(value), {
    message: 'Ange en fullständig adress, till exempel https://login.exempel.se',
    abort: true,
  })
  .refine(
    (value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    },
    { message: 'Adressen ska börja med https://' },
  )
  .refine((value) => !new URL(value).search && !new URL(value).hash, {
    message: 'Adressen får inte ha frågedel (?) eller fragment (#)',
  });

/** `Exempelby.se, @skola.exempelby.se` → `['exempelby.se', 'skola.exempelby.se']`. */
export const emailDomainsSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .transform((domain) => domain.replace(/^@/, ''))
      .refine((domain) => /^(?=.{1,253}$)([a-z0-9åäö](-*[a-z0-9åäö])*\.)+[a-z]{2,}$/.test(domain), {
        message: 'Ange domäner som exempelby.se',
      }),
  )
  .min(1, 'Ange minst en e-postdomän')
  .max(20, 'Högst 20 domäner')
  .transform((domains) => [...new Set(domains)]);

const providerFields = {
  name: z.string().trim().min(2, 'Ange ett namn som användarna känner igen').max(100, 'Högst 100 tecken'),
  /** null: the vendor's own staff sign in through it. */
  customerId: idSchema.nullable(),
  issuer: issuerSchema,
  clientId: z.string().trim().min(1, 'Ange klient-id').max(300, 'Högst 300 tecken'),
  emailDomains: emailDomainsSchema,
  enabled: z.boolean(),
};

export const createIdentityProviderBodySchema = z.object({
  ...providerFields,
  clientSecret: z.string().min(1, 'Ange klienthemligheten').max(500, 'Högst 500 tecken'),
});
export type CreateIdentityProviderBody = z.input<typeof createIdentityProviderBodySchema>;

/** Without `clientSecret` the stored secret is kept: it is never sent back to be edited. */
export const updateIdentityProviderBodySchema = z.object({
  ...providerFields,
  clientSecret: z.string().min(1, 'Ange klienthemligheten').max(500, 'Högst 500 tecken').optional(),
  version: z.number().int().min(1),
});
export type UpdateIdentityProviderBody = z.input<typeof updateIdentityProviderBodySchema>;

export const identityProviderSchema = z.object({
  id: idSchema,
  name: z.string(),
  customerId: idSchema.nullable(),
  /** The customer's name, or null for the vendor's own provider. */
  customerName: z.string().nullable(),
  issuer: z.string(),
  clientId: z.string(),
  emailDomains: z.array(z.string()),
  enabled: z.boolean(),
  /** How many people have signed in through it at least once. */
  linkedUserCount: z.number().int(),
  lastSignInAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

export const identityProviderListSchema = z.object({
  items: z.array(identityProviderSchema),
  /** The address to register as redirect URI at every provider. */
  redirectUri: z.string(),
});
export type IdentityProviderList = z.infer<typeof identityProviderListSchema>;

/** What the provider's discovery document said, or why it could not be read. */
export const identityProviderCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), authorizationEndpoint: z.string(), scopesSupported: z.array(z.string()) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type IdentityProviderCheck = z.infer<typeof identityProviderCheckSchema>;

export const ssoDiscoverBodySchema = z.object({ email: emailSchema });
export type SsoDiscoverBody = z.input<typeof ssoDiscoverBodySchema>;

/** The provider that signs in addresses of this domain, if any. */
export const ssoDiscoverResultSchema = z.object({
  provider: z.object({ id: idSchema, name: z.string(), startUrl: z.string() }).nullable(),
});
export type SsoDiscoverResult = z.infer<typeof ssoDiscoverResultSchema>;

export const ssoStartQuerySchema = z.object({
  provider: idSchema,
  /** A path inside the app; anything else lands on the start page. */
  returnTo: z.string().optional(),
});

export const ssoCallbackQuerySchema = z.object({
  state: z.string().optional(),
  code: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/**
 * Why a sign-in through a provider ended back on the login page (`/logga-in?sso=<reason>`); the
 * page explains each in Swedish.
 */
export const ssoFailureReasons = [
  /** The sign-in took too long or its link was used twice. */
  'expired',
  /** The provider refused or the user cancelled there. */
  'refused',
  /** The provider answered something that did not hold up (token, signature, nonce). */
  'provider_error',
  /** The provider gave no e-mail address, or one it has not verified. */
  'no_email',
  /** The address is outside the domains this provider vouches for. */
  'wrong_domain',
  /** Nobody with this address is known to Stegvis. */
  'no_account',
  /** The provider is turned off. */
  'disabled',
  /** The user's login is switched off in Stegvis (they have left). */
  'login_disabled',
] as const;
export type SsoFailureReason = (typeof ssoFailureReasons)[number];
