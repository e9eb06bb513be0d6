import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { CurrentUser } from '../../shared/auth.js';
import type { SecondFactorMethod, SecondFactorStep } from '../../shared/two-factor.js';
import type { AppContext } from '../core/context.js';
import { RateLimitedError } from '../core/errors.js';
import { vendorStaffTwoFactorRequired } from '../settings/service.js';
import { twoFactorRepository } from './repository.js';
import { ENROL_TTL_MS, FAILURE_WINDOW_MS, MAX_ACCOUNT_FAILURES, secondFactorRequired, VERIFY_TTL_MS } from './rules.js';

/**
 * The gate a password sign-in passes before it becomes a session. Kept apart from the two-factor
 * service, which starts sessions itself: the login path imports this without a cycle.
 */

/** Holds a pending sign-in's token: httpOnly and same-site only, so that no script or other site reads it. */
export const PENDING_COOKIE = 'stegvis_second_factor';

export const hashPendingToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface PendingStep {
  token: string;
  expiresAt: Date;
  body: SecondFactorStep;
}

export const isPendingStep = (outcome: object): outcome is PendingStep => 'body' in outcome && 'token' in outcome;

export interface FactorSummary {
  totpConfirmedAt: string | null;
  passkeyCount: number;
  recoveryCodesLeft: number;
}

export async function factorSummary(context: AppContext, userId: string): Promise<FactorSummary> {
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    twoFactorRepository.findTotp(context.db, userId),
    twoFactorRepository.listPasskeys(context.db, userId),
    twoFactorRepository.countUnusedRecoveryCodes(context.db, userId),
  ]);
  return { totpConfirmedAt: totp?.confirmed_at ?? null, passkeyCount: passkeys.length, recoveryCodesLeft };
}

/** Factors that count: a confirmed app and each passkey. Recovery codes only stand in for them. */
export const factorCount = (summary: FactorSummary): number => (summary.totpConfirmedAt ? 1 : 0) + summary.passkeyCount;

export async function isSecondFactorRequired(context: AppContext, user: CurrentUser): Promise<boolean> {
  const policy = {
    vendorStaffRequired: user.role === 'customer' ? false : await vendorStaffTwoFactorRequired(context),
    customerRequired:
      user.role === 'customer' && user.customerId
        ? await twoFactorRepository.customerRequired(context.db, user.customerId)
        : false,
  };
  return secondFactorRequired(user, policy);
}

/**
 * After a correct password: null when the user may have a session at once; otherwise a pending
 * sign-in that waits for a second factor (`verify`), or, for a user who must have one and has
 * none, for one to be added (`enrol`). Any earlier pending sign-in of the user ends.
 */
export async function secondFactorStep(context: AppContext, user: CurrentUser): Promise<PendingStep | null> {
  const summary = await factorSummary(context, user.id);
  const hasFactor = factorCount(summary) > 0;
  if (!hasFactor && !(await isSecondFactorRequired(context, user))) return null;

  const methods: SecondFactorMethod[] = [];
  if (summary.totpConfirmedAt) methods.push('totp');
  if (summary.passkeyCount > 0) methods.push('passkey');
  if (hasFactor && summary.recoveryCodesLeft > 0) methods.push('recovery');
  const purpose = hasFactor ? 'verify' : 'enrol';
  const now = context.clock.now();
  const expiresAt = new Date(now.getTime() + (purpose === 'verify' ? VERIFY_TTL_MS : ENROL_TTL_MS));
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  await twoFactorRepository.deleteOldPending(context.db, windowStart, now.toISOString());
  if ((await twoFactorRepository.recentFailures(context.db, user.id, windowStart)) >= MAX_ACCOUNT_FAILURES) {
    throw new RateLimitedError(
      'För många felaktiga koder för kontot. Vänta en kvart och försök igen.',
      Math.ceil(FAILURE_WINDOW_MS / 1000),
    );
  }
  await twoFactorRepository.expirePendingOfUser(context.db, user.id, now.toISOString());
  await twoFactorRepository.insertPending(context.db, {
    id: hashPendingToken(token),
    user_id: user.id,
    purpose,
    csrf_token: csrfToken,
    failed_attempts: 0,
    challenge: null,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
  });
  return {
    token,
    expiresAt,
    body: { secondFactor: { purpose, methods, expiresAt: expiresAt.toISOString(), csrfToken } },
  };
}

/** Answers 202 with the step and gives the browser the pending sign-in's cookie. */
export function sendSecondFactorStep(context: AppContext, reply: FastifyReply, step: PendingStep) {
  reply.setCookie(PENDING_COOKIE, step.token, {
    path: '/api/',
    httpOnly: true,
    sameSite: 'strict',
    secure: context.config.cookieSecure,
    expires: step.expiresAt,
  });
  reply.status(202);
  return step.body;
}
