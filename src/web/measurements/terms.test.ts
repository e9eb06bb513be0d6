import { describe, expect, it } from 'vitest';
import { termsWithin } from '../../shared/measurements.js';
import { recentTerms, termAround, termMatching } from './terms.js';

describe('termAround', () => {
  it('gives the spring term from January to June', () => {
    expect(termAround('2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-06-30' });
    expect(termAround('2027-06-30')).toEqual({ from: '2027-01-01', to: '2027-06-30' });
  });

  it('gives the autumn term from August to December', () => {
    expect(termAround('2026-08-01')).toEqual({ from: '2026-08-01', to: '2026-12-31' });
    expect(termAround('2026-12-31')).toEqual({ from: '2026-08-01', to: '2026-12-31' });
  });

  it('gives the spring term just ended in July, between terms', () => {
    expect(termAround('2027-07-15')).toEqual({ from: '2027-01-01', to: '2027-06-30' });
  });
});

describe('the terms offered', () => {
  it('goes back term by term from the one around today', () => {
    expect(recentTerms('2027-03-01', 4)).toEqual([
      { name: 'vt', year: 2027 },
      { name: 'ht', year: 2026 },
      { name: 'vt', year: 2026 },
      { name: 'ht', year: 2025 },
    ]);
  });

  it('recognises a period that is exactly a term', () => {
    const terms = recentTerms('2026-12-07', 3);
    expect(termMatching({ from: '2026-01-01', to: '2026-06-30' }, terms)).toEqual({ name: 'vt', year: 2026 });
    expect(termMatching({ from: '2026-01-02', to: '2026-06-30' }, terms)).toBeNull();
  });
});

describe('the terms within a period', () => {
  it('splits a school year into its two terms, cut to the period, July in neither', () => {
    expect(termsWithin({ from: '2026-08-15', to: '2027-07-31' })).toEqual([
      { term: { name: 'ht', year: 2026 }, from: '2026-08-15', to: '2026-12-31' },
      { term: { name: 'vt', year: 2027 }, from: '2027-01-01', to: '2027-06-30' },
    ]);
    expect(termsWithin({ from: '2027-07-01', to: '2027-07-31' })).toEqual([]);
  });
});
