import { type SsoFailureReason, ssoFailureReasons } from '../../shared/sso.js';

/**
 * Where the browser goes to sign in through a provider: its start address, told which page of the
 * app to come back to afterwards.
 */
export function providerSignInUrl(startUrl: string, returnTo: string): string {
  const separator = startUrl.includes('?') ? '&' : '?';
  return `${startUrl}${separator}returnTo=${encodeURIComponent(returnTo)}`;
}

/** `anna@Exempelby.se` → `exempelby.se`; what the user is told has no provider. */
export const emailDomain = (email: string): string =>
  email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();

/** A reason the server named, or 'unknown' for one this version of the page does not know. */
export type SsoFailure = SsoFailureReason | 'unknown';

/**
 * Why a sign-in through a provider came back to the login page (`?sso=<reason>`); null when the
 * page was opened the ordinary way.
 */
export function ssoFailureOf(search: URLSearchParams): SsoFailure | null {
  const reason = search.get('sso');
  if (reason === null) return null;
  return (ssoFailureReasons as readonly string[]).includes(reason) ? (reason as SsoFailureReason) : 'unknown';
}
