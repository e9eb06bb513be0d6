import type { SsoFailureReason } from '../../shared/sso.js';

/** Where a sign-in through a provider that failed lands: the login page says why. */
export const failurePath = (reason: SsoFailureReason) => `/logga-in?sso=${reason}`;

/**
 * The page to land on after signing in, when it is a path inside the app; otherwise the start
 * page. The start address is a link anyone can craft and send, so it must never lead away:
 * `//host` and `/\host` (browsers read a backslash as a slash) do, and browsers drop tabs and
 * newlines while parsing, so `/<tab>/host` would become `//host`. Only visible ASCII is kept, which
 * is also all that a Location header may carry; the app's own paths are ASCII.
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 2000 || !/^\/[\x21-\x7e]*$/.test(value)) return '/';
  if (value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}

/** `Anna@Exempelby.SE` → `exempelby.se`; undefined for something that is no address. */
export function domainOfAddress(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

export interface ProviderDomains {
  id: string;
  name: string;
  enabled: boolean;
  emailDomains: string[];
}

/** The enabled provider that vouches for addresses of this one's domain, if any. */
export function providerForAddress<T extends ProviderDomains>(providers: T[], email: string): T | undefined {
  const domain = domainOfAddress(email);
  if (!domain) return undefined;
  return providers.find((provider) => provider.enabled && provider.emailDomains.includes(domain));
}

/**
 * The first of `domains` that another enabled provider already vouches for: two providers for
 * one domain would make it a matter of chance which of them signs an address in.
 */
export function domainTakenByAnother(
  domains: string[],
  providerId: string | undefined,
  providers: ProviderDomains[],
): { domain: string; providerName: string } | undefined {
  for (const other of providers) {
    if (other.id === providerId || !other.enabled) continue;
    const domain = domains.find((candidate) => other.emailDomains.includes(candidate));
    if (domain) return { domain, providerName: other.name };
  }
  return undefined;
}

/** What an ID token (or the userinfo answer) said about who signed in. */
export interface AssertedIdentity {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/**
 * The address a provider vouches for, or why it cannot be trusted to name an account: an address
 * it says it has not verified, or one outside the domains it is responsible for. The domain check
 * is what keeps one organisation's provider from signing in as another organisation's people.
 */
export function vouchedAddress(
  identity: AssertedIdentity,
  emailDomains: string[],
): { email: string } | { failure: Extract<SsoFailureReason, 'no_email' | 'wrong_domain'> } {
  if (typeof identity.email !== 'string' || identity.email_verified === false || identity.email_verified === 'false') {
    return { failure: 'no_email' };
  }
  const email = identity.email.trim().toLowerCase();
  const domain = domainOfAddress(email);
  if (!domain) return { failure: 'no_email' };
  if (!emailDomains.includes(domain)) return { failure: 'wrong_domain' };
  return { email };
}

/**
 * How Stegvis authenticates at the token endpoint: HTTP Basic, which every provider must accept
 * and which discovery assumes when it lists nothing, unless the provider lists only the form post.
 */
export function clientAuthenticationMethod(
  supported: string[] | undefined,
): 'client_secret_basic' | 'client_secret_post' {
  if (supported && !supported.includes('client_secret_basic') && supported.includes('client_secret_post')) {
    return 'client_secret_post';
  }
  return 'client_secret_basic';
}

/**
 * What an administrator is told when a provider's discovery document cannot be used, whatever the
 * reason (no answer, no provider there, another issuer, an address Stegvis may not fetch from): one
 * text, so that the answers do not map which addresses the server reaches. The log has the reason.
 */
export function discoveryFailureMessage(issuer: string): string {
  return `Stegvis kunde inte läsa någon OpenID Connect-beskrivning från ${issuer}. Kontrollera att adressen är leverantörens issuer, exakt som i dess .well-known/openid-configuration, och att leverantören nås över internet.`;
}
