import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CoverageEvent, createCoverage, entryKey, entryLabel, type RosterEntry } from './coverage.js';

const term = { from: '2027-01-09', to: '2027-06-14' };

function coverageOf(roster: RosterEntry[], events: CoverageEvent[], period = term) {
  const coverage = createCoverage(period);
  for (const entry of roster) coverage.addRosterEntry(entry);
  for (const event of events) coverage.addEvent(event);
  return coverage.result();
}

describe('coverage of a roster by events in a period', () => {
  it('counts each student × subject covered by an event in the period, ends included', () => {
    const roster = [
      { student: 'Åsa Öberg', group: 'Matematik' },
      { student: 'Åsa Öberg', group: 'Svenska' },
      { student: 'Erik Ängström', group: 'Matematik' },
      { student: 'Lina Ek', group: 'Matematik' },
    ];
    const result = coverageOf(roster, [
      { student: 'ÅSA  ÖBERG', group: 'matematik', date: '2027-01-09' },
      { student: 'erik ängström', group: ' Matematik ', date: '2027-06-14' },
      { student: 'Lina Ek', group: 'Matematik', date: '2027-06-15' },
      { student: 'Lina Ek', group: 'Matematik', date: '2027-01-08' },
      { student: 'Okänd Elev', group: 'Matematik', date: '2027-02-01' },
    ]);
    expect(result).toEqual({
      covered: 2,
      total: 4,
      share: 0.5,
      uncovered: [{ label: 'Lina Ek – Matematik' }, { label: 'Åsa Öberg – Svenska' }],
      duplicateEntries: 0,
      eventsInPeriod: 3,
      eventsOutsidePeriod: 2,
      unknownEntries: 1,
    });
  });

  it('counts a repeated roster row once, and works per student when no group is mapped', () => {
    const result = coverageOf(
      [
        { student: 'Åsa Öberg', group: null },
        { student: 'åsa öberg', group: null },
        { student: 'Bo Ek', group: null },
      ],
      [{ student: 'Åsa Öberg', group: null, date: '2027-03-01' }],
    );
    expect(result).toMatchObject({ covered: 1, total: 2, share: 0.5, duplicateEntries: 1 });
    expect(result.uncovered).toEqual([{ label: 'Bo Ek' }]);
  });

  it('gives a share of 0 for an empty roster', () => {
    expect(coverageOf([], [{ student: 'Bo Ek', group: null, date: '2027-03-01' }])).toMatchObject({
      covered: 0,
      total: 0,
      share: 0,
      unknownEntries: 1,
    });
  });

  it('does not depend on which file is read first', () => {
    const coverage = createCoverage(term);
    coverage.addEvent({ student: 'Bo Ek', group: null, date: '2027-03-01' });
    coverage.addRosterEntry({ student: 'Bo Ek', group: null });
    expect(coverage.result()).toMatchObject({ covered: 1, total: 1, unknownEntries: 0 });
  });

  it('sorts the uncovered entries the Swedish way (å, ä, ö last)', () => {
    const result = coverageOf(
      ['Örjan', 'Ärla', 'Åke', 'Zack', 'Adam'].map((student) => ({ student, group: null })),
      [],
    );
    expect(result.uncovered.map((entry) => entry.label)).toEqual(['Adam', 'Zack', 'Åke', 'Ärla', 'Örjan']);
  });
});

// A small alphabet so that generated events often hit roster entries, written in different cases and spacing.
const names = ['Åsa Öberg', 'Erik Ängström', 'Lina Ek', 'Bo Ek', 'Mira Ström'];
const subjects = ['Matematik', 'Svenska', 'Engelska'];
const written = (text: string) =>
  fc.constantFrom(text, text.toLocaleUpperCase('sv'), text.toLocaleLowerCase('sv'), ` ${text.replace(' ', '  ')} `);
const day = fc
  .integer({ min: 0, max: 365 })
  .map((offset) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));

const entryArbitrary = (withGroup: boolean) =>
  fc.record({
    student: fc.constantFrom(...names).chain(written),
    group: withGroup ? fc.constantFrom(...subjects).chain(written) : fc.constant(null),
  });
const eventArbitrary = (withGroup: boolean) =>
  fc.tuple(entryArbitrary(withGroup), day).map(([entry, date]) => ({ ...entry, date }));
const periodArbitrary = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

const scenario = fc.boolean().chain((withGroup) =>
  fc.record({
    roster: fc.array(entryArbitrary(withGroup), { maxLength: 20 }),
    events: fc.array(eventArbitrary(withGroup), { maxLength: 30 }),
    extraEvent: eventArbitrary(withGroup),
    extraEntry: entryArbitrary(withGroup),
    period: periodArbitrary,
  }),
);

describe('coverage properties', () => {
  it('keeps the share between 0 and 1, and covered + uncovered = total', () => {
    fc.assert(
      fc.property(scenario, ({ roster, events, period }) => {
        const result = coverageOf(roster, events, period);
        expect(result.share).toBeGreaterThanOrEqual(0);
        expect(result.share).toBeLessThanOrEqual(1);
        expect(result.covered + result.uncovered.length).toBe(result.total);
      }),
    );
  });

  it('never lowers the share when an event is added', () => {
    fc.assert(
      fc.property(scenario, ({ roster, events, extraEvent, period }) => {
        const before = coverageOf(roster, events, period);
        const after = coverageOf(roster, [...events, extraEvent], period);
        expect(after.share).toBeGreaterThanOrEqual(before.share);
        expect(after.covered).toBeGreaterThanOrEqual(before.covered);
      }),
    );
  });

  it('never raises the share when a roster entry without events is added', () => {
    fc.assert(
      fc.property(scenario, ({ roster, events, extraEntry, period }) => {
        const withoutEvents = events.filter((event) => entryKey(event) !== entryKey(extraEntry));
        const before = coverageOf(roster, withoutEvents, period);
        const after = coverageOf([...roster, extraEntry], withoutEvents, period);
        expect(after.share).toBeLessThanOrEqual(before.share);
        expect(after.covered).toBe(before.covered);
      }),
    );
  });

  it('lists as uncovered only roster entries that no event in the period covers', () => {
    fc.assert(
      fc.property(scenario, ({ roster, events, period }) => {
        const result = coverageOf(roster, events, period);
        const rosterKeys = new Set(roster.map((entry) => entryKey(entry)));
        const coveredKeys = new Set(
          events
            .filter((event) => event.date >= period.from && event.date <= period.to)
            .map((event) => entryKey(event)),
        );
        const labelToKey = new Map(roster.map((entry) => [entryLabel(entry), entryKey(entry)]));
        for (const { label } of result.uncovered) {
          const key = labelToKey.get(label);
          expect(key).toBeDefined();
          expect(rosterKeys.has(key as string)).toBe(true);
          expect(coveredKeys.has(key as string)).toBe(false);
        }
      }),
    );
  });
});
