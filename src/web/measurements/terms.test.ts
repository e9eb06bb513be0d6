import { describe, expect, it } from 'vitest';
import { termAround } from './terms.js';

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
