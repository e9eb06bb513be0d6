import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createShareByDate, type RegistrationRow } from './share-by-date.js';

function shareOf(rows: RegistrationRow[], byDate = '2027-03-31', exampleLimit?: number) {
  const accumulator = createShareByDate(byDate, exampleLimit);
  const rejected = rows.map((row) => accumulator.addRow(row)).filter((reason) => reason !== null);
  return { ...accumulator.result(), rejected };
}

describe('share registered by a date', () => {
  it('counts rows registered on or before the date; empty dates are not registered', () => {
    expect(
      shareOf([
        { label: 'Åsa Öberg', registeredOn: '2027-03-31' },
        { label: 'Erik  Ängström', registeredOn: '14/2/2027' },
        { label: 'Lina Ek', registeredOn: '2027-04-01 08:00' },
        { label: 'Bo Ek', registeredOn: '  ' },
      ]),
    ).toEqual({
      registered: 2,
      total: 4,
      share: 0.5,
      neverRegistered: 1,
      registeredLater: 1,
      notRegistered: [{ label: 'Lina Ek (registrerad 2027-04-01)' }, { label: 'Bo Ek' }],
      rejected: [],
    });
  });

  it('refuses a row whose date cannot be read, and leaves it out of the count', () => {
    const result = shareOf([
      { label: 'Åsa Öberg', registeredOn: '31/31/2027' },
      { label: 'Bo Ek', registeredOn: '2027-01-10' },
    ]);
    expect(result.rejected).toEqual(["Datumet '31/31/2027' kunde inte läsas"]);
    expect(result).toMatchObject({ registered: 1, total: 1, share: 1 });
  });

  it('keeps only the first examples but counts them all', () => {
    const rows = Array.from({ length: 10 }, (_, index) => ({ label: `Elev ${index}`, registeredOn: '' }));
    const result = shareOf(rows, '2027-03-31', 3);
    expect(result.notRegistered).toEqual([{ label: 'Elev 0' }, { label: 'Elev 1' }, { label: 'Elev 2' }]);
    expect(result.neverRegistered).toBe(10);
    expect(result.share).toBe(0);
  });

  it('gives a share of 0 when no row was read', () => {
    expect(shareOf([])).toMatchObject({ registered: 0, total: 0, share: 0 });
  });
});

const day = fc
  .integer({ min: 0, max: 365 })
  .map((offset) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
const row = fc.record({
  label: fc.constantFrom('Åsa Öberg', 'Bo Ek', 'Lina Ek'),
  registeredOn: fc.oneof(day, fc.constant(''), fc.constant('31/31/2027')),
});

describe('share by date properties', () => {
  it('keeps the share between 0 and 1 and counts every readable row once', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), day, (rows, byDate) => {
        const result = shareOf(rows, byDate);
        expect(result.share).toBeGreaterThanOrEqual(0);
        expect(result.share).toBeLessThanOrEqual(1);
        expect(result.total + result.rejected.length).toBe(rows.length);
        expect(result.registered + result.notRegistered.length).toBe(result.total);
      }),
    );
  });

  it('never lowers the share when a row registered by the date is added, never raises it for one that is not', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), row, day, (rows, extra, byDate) => {
        const before = shareOf(rows, byDate).share;
        const after = shareOf([...rows, extra], byDate).share;
        // An unreadable date is refused and changes nothing, so either comparison holds for it.
        if (/^\d{4}-/.test(extra.registeredOn) && extra.registeredOn <= byDate)
          expect(after).toBeGreaterThanOrEqual(before);
        else expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('never lowers the share when the date moves later', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), day, day, (rows, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(shareOf(rows, later).share).toBeGreaterThanOrEqual(shareOf(rows, earlier).share);
      }),
    );
  });
});
