/** One counted key (a client address, an account, an e-mail address) as stored. */
export interface Counter {
  attempts: number;
  windowStart: string;
  blockedUntil: string | null;
}

/**
 * How a key is limited. `window`: `max` attempts per window, then it waits until the window ends.
 * `account`: failures are free up to `backoffAfter`, each further one doubles the wait (2 s, 4 s,
 * 8 s …), and the `lockAfter`-th locks the account for `lockMs`; a lock starts a new count.
 */
export type Policy =
  | { kind: 'window'; windowMs: number; max: number }
  | { kind: 'account'; windowMs: number; backoffAfter: number; lockAfter: number; lockMs: number };

/** Whole seconds until the key may try again; 0 when it may now. */
export function retryAfterSeconds(counter: Counter | undefined, now: Date): number {
  if (!counter?.blockedUntil) return 0;
  const waitMs = Date.parse(counter.blockedUntil) - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/**
 * The counter after one more counted attempt (the caller has checked that the key was not
 * blocked), and whether this attempt locked the account. A window that has passed starts over.
 */
export function afterAttempt(
  counter: Counter | undefined,
  now: Date,
  policy: Policy,
): { counter: Counter; locked: boolean } {
  // Attempts that raced past the check while another one set the block leave it as it is: a lock
  // is neither lifted nor locked (and mailed) twice.
  if (counter && retryAfterSeconds(counter, now) > 0) return { counter, locked: false };
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const current =
    counter && Date.parse(counter.windowStart) + policy.windowMs > nowMs
      ? counter
      : { attempts: 0, windowStart: nowIso, blockedUntil: null };
  const attempts = current.attempts + 1;

  if (policy.kind === 'window') {
    const blockedUntil =
      attempts >= policy.max ? new Date(Date.parse(current.windowStart) + policy.windowMs).toISOString() : null;
    return { counter: { attempts, windowStart: current.windowStart, blockedUntil }, locked: false };
  }

  if (attempts >= policy.lockAfter) {
    const until = new Date(nowMs + policy.lockMs).toISOString();
    // The count starts again when the lock is over: its window begins as the lock ends.
    return {
      counter: {
        attempts: 0,
        windowStart: new Date(nowMs + policy.lockMs - policy.windowMs).toISOString(),
        blockedUntil: until,
      },
      locked: true,
    };
  }
  const beyond = attempts - policy.backoffAfter;
  const blockedUntil = beyond > 0 ? new Date(nowMs + 1000 * 2 ** beyond).toISOString() : null;
  return { counter: { attempts, windowStart: current.windowStart, blockedUntil }, locked: false };
}
