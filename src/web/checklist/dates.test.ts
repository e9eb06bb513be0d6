import { describe, expect, it } from 'vitest';
import { isOverdue, stockholmToday } from './dates.js';

describe('stockholmToday', () => {
  it('is the day in Sweden, which starts before the day in UTC', () => {
    expect(stockholmToday(new Date('2026-11-28T22:59:00Z'))).toBe('2026-11-28');
    expect(stockholmToday(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    // Summer time: two hours ahead.
    expect(stockholmToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('isOverdue', () => {
  it('is an open activity whose deadline has passed', () => {
    expect(isOverdue('2026-11-27', false, '2026-11-28')).toBe(true);
    expect(isOverdue('2026-11-28', false, '2026-11-28')).toBe(false);
    expect(isOverdue('2026-11-27', true, '2026-11-28')).toBe(false);
    expect(isOverdue(null, false, '2026-11-28')).toBe(false);
  });
});
