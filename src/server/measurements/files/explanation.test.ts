import { describe, expect, it } from 'vitest';
import { createCoverage } from './coverage.js';
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
  /** 2,000 students each in one subject, 1,842 assessed; Per Ek also in Svenska, not assessed there. */
  function coverage(outsidePeriod = 0) {
    const accumulator = createCoverage({ from: '2027-01-09', to: '2027-06-14' });
    for (let index = 0; index < 2000; index++)
      accumulator.addRosterEntry({ student: `Elev ${index}`, group: 'Matematik' });
    accumulator.addRosterEntry({ student: 'Elev 0', group: 'Svenska' });
    for (let index = 0; index < 1842; index++) {
      accumulator.addEvent({ student: `Elev ${index}`, group: 'Matematik', date: '2027-02-01' });
    }
    for (let index = 0; index < outsidePeriod; index++) {
      accumulator.addEvent({ student: 'Elev 1999', group: 'Matematik', date: '2027-08-01' });
    }
    return accumulator.result();
  }
  const facts = {
    period: { from: '2027-01-09', to: '2027-06-14' },
    rosterRows: 2001,
    eventRows: 1842,
    rejectedRows: 3,
  };

  it('says what was counted for the measure, over which rows, with Swedish digit grouping', () => {
    expect(coverageExplanation({ ...facts, result: coverage(), measure: 'everyGroup' })).toEqual([
      `1${NBSP}841 av 2${NBSP}000 elever i elevregistret har minst en bedömning i varje ämne de står på mellan 2027-01-09 och 2027-06-14 (92,1${NBSP}%).`,
      `Beräkningen bygger på 2${NBSP}001 rader i elevregistret och 1${NBSP}842 rader i bedömningsexporten; 3 rader kunde inte läsas.`,
      '159 elever saknar bedömning i minst ett ämne under perioden.',
    ]);
    expect(coverageExplanation({ ...facts, result: coverage(), measure: 'pairs' })[0]).toBe(
      `1${NBSP}842 av 2${NBSP}001 elev–ämne-par i elevregistret har minst en bedömning mellan 2027-01-09 och 2027-06-14 (92,1${NBSP}%).`,
    );
    expect(coverageExplanation({ ...facts, result: coverage(), measure: 'anyEvent' })[0]).toBe(
      `1${NBSP}842 av 2${NBSP}000 elever i elevregistret har minst en bedömning mellan 2027-01-09 och 2027-06-14 (92,1${NBSP}%).`,
    );
  });

  it('counts in the singular when there is one', () => {
    const accumulator = createCoverage({ from: '2027-01-09', to: '2027-06-14' });
    accumulator.addRosterEntry({ student: 'Bo Ek', group: null });
    accumulator.addEvent({ student: 'Bo Ek', group: null, date: '2027-08-01' });
    const lines = coverageExplanation({
      result: accumulator.result(),
      measure: 'anyEvent',
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
