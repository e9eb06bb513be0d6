import type { UserRole } from '../../shared/auth.js';

/** A pending sign-in dies after this many wrong codes: the password must be given again. */
export const MAX_FAILED_ATTEMPTS = 5;
/** How long a password sign-in waits for its second factor. */
export const VERIFY_TTL_MS = 5 * 60_000;
/** Someone who must add a factor first needs time to install an app. */
export const ENROL_TTL_MS = 15 * 60_000;
export const RECOVERY_CODE_COUNT = 10;
/**
 * Wrong codes an account may see across its pending sign-ins within FAILURE_WINDOW_MS before a
 * correct password no longer leads to a second step: someone who has the password cannot keep
 * starting sign-ins to guess on.
 */
export const MAX_ACCOUNT_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** The vendor admin's requirements: for the vendor's own staff, and per customer. */
export interface TwoFactorPolicy {
  vendorStaffRequired: boolean;
  customerRequired: boolean;
}

/**
 * Whether a password sign-in of this user must end with a second factor. The vendor's staff
 * (its admin included) follow the vendor setting, a customer's people their customer's; a
 * customer login that belongs to no person yet is held to nothing it cannot know.
 */
export function secondFactorRequired(user: { role: UserRole; customerId: string | null }, policy: TwoFactorPolicy) {
  if (user.role === 'customer') return user.customerId !== null && policy.customerRequired;
  return policy.vendorStaffRequired;
}

/**
 * The time step a code is accepted for, or null. `delta` is what the TOTP check found (the code
 * matched `delta` steps from now, within ±1) and `lastUsedStep` the step of the last code
 * accepted: a code is accepted once, and never one older than the last, so a code seen over a
 * shoulder cannot be replayed within its 30 seconds.
 */
export function acceptedStep(delta: number | null, currentStep: number, lastUsedStep: number | null): number | null {
  if (delta === null) return null;
  const step = currentStep + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** Whether a factor may be removed: never the last one of a user who must have one. */
export function mayRemoveFactor(factorsAfterRemoval: number, required: boolean): boolean {
  return factorsAfterRemoval > 0 || !required;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 base32 characters (80 bits) from random bytes, shown as XXXX-XXXX-XXXX-XXXX. */
export function formatRecoveryCode(random: Uint8Array): string {
  if (random.length < 16) throw new Error('16 random bytes needed');
  const characters = [...random.subarray(0, 16)].map((byte) => BASE32[byte & 31]).join('');
  return characters.match(/.{4}/g)?.join('-') ?? characters;
}

/** The form codes are compared in: no dashes or spaces, upper case. */
export const normaliseRecoveryCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

/**
 * The WebAuthn relying party of a public address: its host name, and the origin the browser must
 * report. Browsers refuse an IP address as relying party, so a public address on a loopback IP
 * (development, the browser journeys) is served to passkeys as `localhost` on the same port;
 * nobody but this machine reaches either.
 */
export function relyingParty(publicUrl: string): { rpID: string; origin: string } {
  const url = new URL(publicUrl);
  const loopbackIp = url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (loopbackIp) url.hostname = 'localhost';
  return { rpID: url.hostname, origin: url.origin };
}
