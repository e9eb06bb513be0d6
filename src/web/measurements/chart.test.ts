import { describe, expect, it } from 'vitest';
import { monthTicks, timeOf } from './chart.js';

const dates = (ticks: number[]) => ticks.map((tick) => new Date(tick).toISOString().slice(0, 10));

describe('monthTicks', () => {
  it('puts a tick on every first of a month within a short span', () => {
    expect(dates(monthTicks(timeOf('2026-08-20'), timeOf('2026-12-01')))).toEqual([
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
  });

  it('starts on the first day itself when the span begins on one', () => {
    expect(dates(monthTicks(timeOf('2027-01-01'), timeOf('2027-02-15')))).toEqual(['2027-01-01', '2027-02-01']);
  });

  it('spaces the ticks out over a long span so that at most eight remain', () => {
    const ticks = dates(monthTicks(timeOf('2026-08-01'), timeOf('2028-06-30')));
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.slice(0, 3)).toEqual(['2026-08-01', '2026-11-01', '2027-02-01']);
  });
});
