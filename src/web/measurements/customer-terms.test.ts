import { describe, expect, it } from 'vitest';
import { recentTerms, termAround, termMatching, termPeriod } from './terms.js';

const own = { htStart: '08-18', htEnd: '12-22', vtStart: '01-09', vtEnd: '06-14' };

describe("the term picker with the customer's own term dates", () => {
  it('offers the term around today with the customer’s dates', () => {
    expect(termAround('2027-03-01', own)).toEqual({ from: '2027-01-09', to: '2027-06-14' });
    expect(termAround('2026-09-01', own)).toEqual({ from: '2026-08-18', to: '2026-12-22' });
    // Before the autumn term starts, the spring term just ended.
    expect(termAround('2026-08-10', own)).toEqual({ from: '2026-01-09', to: '2026-06-14' });
  });

  it('lists the recent terms and recognises a period that is one of them', () => {
    const terms = recentTerms('2026-08-10', 3, own);
    expect(terms).toEqual([
      { name: 'vt', year: 2026 },
      { name: 'ht', year: 2025 },
      { name: 'vt', year: 2025 },
    ]);
    expect(termMatching(termPeriod({ name: 'ht', year: 2025 }, own), terms, own)).toEqual({ name: 'ht', year: 2025 });
    // The default dates are not the customer's term.
    expect(termMatching({ from: '2025-08-01', to: '2025-12-31' }, terms, own)).toBeNull();
  });
});
