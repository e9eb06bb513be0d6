import { describe, expect, it } from 'vitest';
import { afterAttempt, type Counter, type Policy, retryAfterSeconds } from './rules.js';

const start = new Date('2027-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const minutes = (count: number) => count * 60_000;

/** Counts `times` attempts at the given second, as the service does when the key is not blocked. */
function attempts(policy: Policy, times: number, second = 0, counter?: Counter) {
  let current = counter;
  let locked = false;
  for (let i = 0; i < times; i++) {
    const result = afterAttempt(current, at(second), policy);
    current = result.counter;
    locked = result.locked;
  }
  return { counter: current as Counter, locked };
}

describe('a window policy', () => {
  const policy: Policy = { kind: 'window', windowMs: minutes(15), max: 3 };

  it('lets max attempts through, then blocks until the window that began with the first one ends', () => {
    const two = attempts(policy, 2);
    expect(retryAfterSeconds(two.counter, at(0))).toBe(0);
    const third = afterAttempt(two.counter, at(60), policy);
    expect(third.counter.blockedUntil).toBe(at(15 * 60).toISOString());
    expect(retryAfterSeconds(third.counter, at(60))).toBe(14 * 60);
    expect(third.locked).toBe(false);
  });

  it('starts over once the window has passed', () => {
    const full = attempts(policy, 3);
    expect(retryAfterSeconds(full.counter, at(15 * 60))).toBe(0);
    expect(afterAttempt(full.counter, at(15 * 60), policy).counter).toEqual({
      attempts: 1,
      windowStart: at(15 * 60).toISOString(),
      blockedUntil: null,
    });
  });
});

describe('an account policy', () => {
  const policy: Policy = { kind: 'account', windowMs: minutes(15), backoffAfter: 2, lockAfter: 5, lockMs: minutes(10) };

  it('lets the first failures through, then doubles the wait, then locks once', () => {
    const free = attempts(policy, 2);
    expect(free.counter.blockedUntil).toBeNull();
    const waits: number[] = [];
    let counter = free.counter;
    let second = 0;
    for (let failure = 3; failure <= 4; failure++) {
      const result = afterAttempt(counter, at(second), policy);
      counter = result.counter;
      expect(result.locked).toBe(false);
      waits.push(retryAfterSeconds(counter, at(second)));
      second += waits[waits.length - 1];
    }
    expect(waits).toEqual([2, 4]);

    const lock = afterAttempt(counter, at(second), policy);
    expect(lock.locked).toBe(true);
    expect(retryAfterSeconds(lock.counter, at(second))).toBe(10 * 60);
    // After the lock the count starts again: the next failure is free.
    const after = afterAttempt(lock.counter, at(second + 10 * 60), policy);
    expect(after).toEqual({
      counter: { attempts: 1, windowStart: at(second + 10 * 60).toISOString(), blockedUntil: null },
      locked: false,
    });
  });

  it('keeps a block that attempts counted at the same time meet, and locks only once', () => {
    const noBackoff: Policy = { ...policy, backoffAfter: 5 };
    const lock = attempts(noBackoff, 5);
    expect(lock.locked).toBe(true);
    expect(afterAttempt(lock.counter, at(1), noBackoff)).toEqual({ counter: lock.counter, locked: false });
    // So does a back-off: the attempt that meets it is not counted.
    const backedOff = attempts(policy, 3).counter;
    expect(afterAttempt(backedOff, at(1), policy).counter).toBe(backedOff);
  });

  it('forgets failures older than the window', () => {
    const old = attempts(policy, 4);
    expect(afterAttempt(old.counter, at(15 * 60), policy).counter.attempts).toBe(1);
  });
});
