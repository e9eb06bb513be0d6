import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetTotals, overrunOf, overrunReason, roundedPercent, wentOverThreshold } from './overrun.js';

const kronor = fc.integer({ min: 0, max: 1_000_000_000 });
const planned = fc.integer({ min: 1, max: 1_000_000_000 });
const threshold = fc.integer({ min: 0, max: 100 });

describe('cost overrun', () => {
  it('is the actual above planned in percent of planned', () => {
    expect(overrunOf({ plannedSek: 110_000, actualSek: 132_000 }, 10)).toEqual({ percent: 20, overThreshold: true });
    expect(overrunOf({ plannedSek: 100_000, actualSek: 105_000 }, 10)).toEqual({ percent: 5, overThreshold: false });
  });

  it('is 0 at or under plan and null when nothing is planned', () => {
    expect(overrunOf({ plannedSek: 100_000, actualSek: 100_000 }, 0)).toEqual({ percent: 0, overThreshold: false });
    expect(overrunOf({ plannedSek: 100_000, actualSek: 40_000 }, 10)).toEqual({ percent: 0, overThreshold: false });
    expect(overrunOf({ plannedSek: 0, actualSek: 40_000 }, 10)).toEqual({ percent: null, overThreshold: false });
  });

  it('passes the threshold only when strictly above it, to the krona', () => {
    expect(overrunOf({ plannedSek: 100_000, actualSek: 110_000 }, 10).overThreshold).toBe(false);
    expect(overrunOf({ plannedSek: 100_000, actualSek: 110_001 }, 10).overThreshold).toBe(true);
    expect(overrunOf({ plannedSek: 100_000, actualSek: 100_001 }, 0).overThreshold).toBe(true);
  });

  it('adds up the lines', () => {
    expect(
      budgetTotals([
        { plannedSek: 60_000, actualSek: 80_000 },
        { plannedSek: 50_000, actualSek: 52_000 },
      ]),
    ).toEqual({ plannedSek: 110_000, actualSek: 132_000 });
    expect(budgetTotals([])).toEqual({ plannedSek: 0, actualSek: 0 });
  });

  it('never falls when an actual rises', () => {
    fc.assert(
      fc.property(planned, kronor, kronor, threshold, (plannedSek, actualSek, rise, limit) => {
        const before = overrunOf({ plannedSek, actualSek }, limit);
        const after = overrunOf({ plannedSek, actualSek: actualSek + rise }, limit);
        expect(after.percent).toBeGreaterThanOrEqual(before.percent ?? 0);
        if (before.overThreshold) expect(after.overThreshold).toBe(true);
      }),
    );
  });

  it('never passes the threshold while the actual stays within it', () => {
    fc.assert(
      fc.property(planned, threshold, fc.double({ min: 0, max: 1, noNaN: true }), (plannedSek, limit, share) => {
        const allowed = Math.floor((plannedSek * (100 + limit)) / 100);
        const actualSek = Math.floor(allowed * share);
        expect(overrunOf({ plannedSek, actualSek }, limit).overThreshold).toBe(false);
      }),
    );
  });

  it('raises the risk when a change crosses the threshold, not while the budget stays over it', () => {
    const under = { percent: 5, overThreshold: false };
    const over = { percent: 20, overThreshold: true };
    expect(wentOverThreshold(under, over)).toBe(true);
    expect(wentOverThreshold(over, { percent: 30, overThreshold: true })).toBe(false);
    expect(wentOverThreshold(over, under)).toBe(false);
  });

  it('says why in kronor and percent, as Swedes write them', () => {
    expect(overrunReason({ plannedSek: 110_000, actualSek: 132_000 }, 10).replace(/\s/g, ' ')).toBe(
      'Utfallet 132 000 kr överstiger planerat 110 000 kr med 20 %, över gränsen 10 %',
    );
    expect(roundedPercent(100 / 3)).toBe(33.3);
    expect(overrunReason({ plannedSek: 3, actualSek: 4 }, 10)).toContain('med 33,3 %');
  });
});
