import { findLoginByEmail, hasUsablePassword } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, RateLimitedError } from '../core/errors.js';
import { accountLockedMail } from './mails.js';
import { throttlingRepository } from './repository.js';
import { afterAttempt, type Policy, retryAfterSeconds } from './rules.js';

/**
 * Login throttling shared by every instance (the counters are rows in the database): failed logins
 * per client address whatever the e-mail (password spraying), failed logins per account whatever
 * the address (back-off, then a lock mailed to the holder), and forgotten-password requests per
 * address and per e-mail. An e-mail address is counted whether or not it has an account, so the
 * answers tell nothing about which addresses do.
 */

const minutes = (count: number) => count * 60_000;

function policies(context: AppContext) {
  const limits = context.config.loginThrottle;
  const windowMs = minutes(limits.windowMinutes);
  return {
    loginAddress: { kind: 'window', windowMs, max: limits.perAddress } satisfies Policy,
    account: {
      kind: 'account',
      windowMs,
      backoffAfter: limits.accountBackoffAfter,
      lockAfter: limits.accountLockAfter,
      lockMs: minutes(limits.lockMinutes),
    } satisfies Policy,
    forgotAddress: { kind: 'window', windowMs, max: limits.forgotPerAddress } satisfies Policy,
    forgotEmail: { kind: 'window', windowMs, max: limits.forgotPerEmail } satisfies Policy,
  };
}

const keys = {
  loginAddress: (address: string) => `login:address:${address}`,
  account: (email: string) => `login:account:${email.trim().toLowerCase()}`,
  forgotAddress: (address: string) => `forgot:address:${address}`,
  forgotEmail: (email: string) => `forgot:email:${email.trim().toLowerCase()}`,
};

/** "2 minuter", "40 sekunder": how long to wait, in the neutral message every throttled answer gets. */
function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`;
  const wholeMinutes = Math.ceil(seconds / 60);
  return `${wholeMinutes} ${wholeMinutes === 1 ? 'minut' : 'minuter'}`;
}

const throttled = (seconds: number) =>
  new RateLimitedError(`För många försök. Vänta ${waitText(seconds)} och försök igen.`, seconds);

async function assertNotBlocked(context: AppContext, counted: string[]): Promise<void> {
  const counters = await throttlingRepository.findCounters(context.db, counted);
  const now = context.clock.now();
  const wait = Math.max(0, ...[...counters.values()].map((counter) => retryAfterSeconds(counter, now)));
  if (wait > 0) throw throttled(wait);
}

/** Counts one attempt on each key in one transaction; true when it locked an account. */
async function count(context: AppContext, counted: [string, Policy][]): Promise<boolean> {
  const now = context.clock.now();
  const nowIso = now.toISOString();
  const locked = await context.db.transaction().execute(async (trx) => {
    let lockedNow = false;
    for (const [key, policy] of counted) {
      const result = afterAttempt(
        await throttlingRepository.lockCounter(trx, context.databaseKind, key, nowIso),
        now,
        policy,
      );
      await throttlingRepository.saveCounter(trx, key, result.counter, nowIso);
      lockedNow ||= result.locked;
    }
    return lockedNow;
  });
  await prune(context);
  return locked;
}

/** Counters that would start over anyway are removed, so that an attack leaves no rows behind. */
async function prune(context: AppContext): Promise<void> {
  const limits = context.config.loginThrottle;
  const now = context.clock.now();
  const before = new Date(now.getTime() - minutes(limits.windowMinutes + limits.lockMinutes)).toISOString();
  await throttlingRepository.pruneCounters(context.db, before, now.toISOString());
}

/** The holder of a locked account hears of it; an address without a usable login gets nothing. */
async function mailLockedAccount(context: AppContext, email: string, until: Date): Promise<void> {
  const user = await findLoginByEmail(context, email);
  if (!user || user.disabled_at || !hasUsablePassword(user.password_hash)) return;
  context.mailer.sendInBackground(
    accountLockedMail({
      to: user.email,
      name: user.name,
      until,
      loginLink: `${context.config.publicUrl.replace(/\/$/, '')}/`,
    }),
  );
}

/**
 * Runs one password check under the login throttle. A blocked address or account is refused with
 * 429 before the password is looked at, so a right password during a lock does not get in. A
 * wrong password (INVALID_CREDENTIALS) counts against both; the failure that locks the account
 * mails its holder. A success ends
 * the account's count.
 */
export async function throttledLogin<T>(
  context: AppContext,
  request: { address: string; email: string },
  attempt: () => Promise<T>,
): Promise<T> {
  const policy = policies(context);
  const addressKey = keys.loginAddress(request.address);
  const accountKey = keys.account(request.email);
  await assertNotBlocked(context, [addressKey, accountKey]);
  try {
    const result = await attempt();
    await throttlingRepository.deleteCounter(context.db, accountKey);
    return result;
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
      const locked = await count(context, [
        [addressKey, policy.loginAddress],
        [accountKey, policy.account],
      ]);
      if (locked) {
        await mailLockedAccount(
          context,
          request.email,
          new Date(context.clock.now().getTime() + policy.account.lockMs),
        );
      }
    }
    throw error;
  }
}

/** Counts a forgotten-password request per client address and per e-mail; 429 when either is used up. */
export async function throttleForgotPassword(
  context: AppContext,
  request: { address: string; email: string },
): Promise<void> {
  const policy = policies(context);
  const addressKey = keys.forgotAddress(request.address);
  const emailKey = keys.forgotEmail(request.email);
  await assertNotBlocked(context, [addressKey, emailKey]);
  await count(context, [
    [addressKey, policy.forgotAddress],
    [emailKey, policy.forgotEmail],
  ]);
}
