import { describe, expect, it } from 'vitest';
import { coverageExplanation, figureValue, shareByDateExplanation } from './explanation.js';

const NBSP = '\u00a0';

describe('the figure in the goal unit', () => {
  it('gives a percentage with one decimal, or the count', () => {
    expect(figureValue('percent', 1842, 2000)).toBe(92.1);
    expect(figureValue('percent', 2, 3)).toBe(66.7);
    expect(figureValue('percent', 0, 0)).toBe(0);
    expect(figureValue('count', 1842, 2000)).toBe(1842);
  });
});

describe('the computation in Swedish', () => {
  const coverage = {
    covered: 1842,
    total: 2000,
    share: 0.921,
    uncovered: Array.from({ length: 158 }, (_, index) => ({ label: `Elev ${index}` })),
    duplicateEntries: 0,
    eventsInPeriod: 15_310,
    eventsOutsidePeriod: 0,
    unknownEntries: 0,
  };

  it('says what was counted, over which rows, with Swedish digit grouping', () => {
    expect(
      coverageExplanation({
        result: coverage,
        byGroup: true,
        period: { from: '2027-01-09', to: '2027-06-14' },
        rosterRows: 2000,
        eventRows: 15_310,
        rejectedRows: 3,
      }),
    ).toEqual([
      `1${NBSP}842 av 2${NBSP}000 elev–ämne-par i elevregistret har minst en bedömning mellan 2027-01-09 och 2027-06-14 (92,1${NBSP}%).`,
      `Beräkningen bygger på 2${NBSP}000 rader i elevregistret och 15${NBSP}310 rader i bedömningsexporten; 3 rader kunde inte läsas.`,
      '158 elev–ämne-par saknar bedömning under perioden.',
    ]);
  });

  it('counts in the singular when there is one', () => {
    const lines = coverageExplanation({
      result: { ...coverage, covered: 0, total: 1, share: 0, uncovered: [{ label: 'Bo Ek' }], eventsOutsidePeriod: 1 },
      byGroup: false,
      period: { from: '2027-01-09', to: '2027-06-14' },
      rosterRows: 1,
      eventRows: 1,
      rejectedRows: 0,
    });
    expect(lines).toEqual([
      `0 av 1 elev i elevregistret har minst en bedömning mellan 2027-01-09 och 2027-06-14 (0,0${NBSP}%).`,
      'Beräkningen bygger på 1 rad i elevregistret och 1 rad i bedömningsexporten; alla rader kunde läsas.',
      '1 bedömning låg utanför perioden och räknades inte.',
      '1 elev saknar bedömning under perioden.',
    ]);
  });

  it('says how many rows were registered by the date and why the others were not', () => {
    expect(
      shareByDateExplanation({
        result: {
          registered: 1620,
          total: 1800,
          share: 0.9,
          neverRegistered: 120,
          registeredLater: 60,
          notRegistered: [],
        },
        byDate: '2027-03-31',
        fileName: 'vardnadshavare.csv',
        rejectedRows: 1,
      }),
    ).toEqual([
      `1${NBSP}620 av 1${NBSP}800 rader var registrerade i systemet senast 2027-03-31 (90,0${NBSP}%).`,
      `Beräkningen bygger på 1${NBSP}800 rader i vardnadshavare.csv; 1 rad kunde inte läsas.`,
      '120 rader saknar registreringsdatum.',
      '60 rader registrerades efter 2027-03-31.',
    ]);
  });
});
