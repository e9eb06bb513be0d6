import { describe, expect, it } from 'vitest';
import { termDatesSchema } from './customers.js';
import { termOf, termPeriod, termsWithin } from './measurements.js';

const own = { htStart: '08-18', htEnd: '12-22', vtStart: '01-09', vtEnd: '06-14' };

describe("school terms with a customer's own dates", () => {
  it('gives each term the customer’s first and last day', () => {
    expect(termPeriod({ name: 'ht', year: 2026 }, own)).toEqual({ from: '2026-08-18', to: '2026-12-22' });
    expect(termPeriod({ name: 'vt', year: 2027 }, own)).toEqual({ from: '2027-01-09', to: '2027-06-14' });
  });

  it('keeps the default terms without the customer’s dates', () => {
    expect(termPeriod({ name: 'ht', year: 2026 })).toEqual({ from: '2026-08-01', to: '2026-12-31' });
    expect(termPeriod({ name: 'vt', year: 2027 }, null)).toEqual({ from: '2027-01-01', to: '2027-06-30' });
  });

  it('places a day in the autumn term from its first day to the new year, else the spring term', () => {
    expect(termOf('2026-08-17', own)).toEqual({ name: 'vt', year: 2026 });
    expect(termOf('2026-08-18', own)).toEqual({ name: 'ht', year: 2026 });
    expect(termOf('2026-12-28', own)).toEqual({ name: 'ht', year: 2026 });
    expect(termOf('2027-01-02', own)).toEqual({ name: 'vt', year: 2027 });
    expect(termOf('2026-08-10')).toEqual({ name: 'ht', year: 2026 });
  });

  it('cuts a school year into the customer’s terms, leaving out the days between them', () => {
    expect(termsWithin({ from: '2026-08-01', to: '2027-06-30' }, own)).toEqual([
      { term: { name: 'ht', year: 2026 }, from: '2026-08-18', to: '2026-12-22' },
      { term: { name: 'vt', year: 2027 }, from: '2027-01-09', to: '2027-06-14' },
    ]);
    // A period starting in the Christmas break begins with the spring term.
    expect(termsWithin({ from: '2026-12-27', to: '2027-03-01' }, own)).toEqual([
      { term: { name: 'vt', year: 2027 }, from: '2027-01-09', to: '2027-03-01' },
    ]);
    // A period wholly between the terms covers none.
    expect(termsWithin({ from: '2027-06-15', to: '2027-08-17' }, own)).toEqual([]);
    expect(termsWithin({ from: '2026-08-01', to: '2027-06-30' })).toEqual([
      { term: { name: 'ht', year: 2026 }, from: '2026-08-01', to: '2026-12-31' },
      { term: { name: 'vt', year: 2027 }, from: '2027-01-01', to: '2027-06-30' },
    ]);
  });

  it('takes only real days in terms that do not overlap', () => {
    expect(termDatesSchema.safeParse(own).success).toBe(true);
    expect(termDatesSchema.safeParse({ ...own, vtEnd: '02-29' }).success).toBe(false);
    expect(termDatesSchema.safeParse({ ...own, htStart: '13-01' }).success).toBe(false);
    expect(termDatesSchema.safeParse({ ...own, vtEnd: '09-01' }).success).toBe(false);
    expect(termDatesSchema.safeParse({ ...own, htEnd: '08-17' }).success).toBe(false);
  });
});
