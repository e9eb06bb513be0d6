import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComputationSettingsInput } from '../../../shared/measurements.js';
import { computeFromUploads, type UploadPart } from './compute.js';
import {
  type CoverageEvent,
  coverageFraction,
  coverageMeasures,
  createCoverage,
  type RosterEntry,
} from './coverage.js';
import { createShareByDate, type RegistrationRow } from './share-by-date.js';

/**
 * Every measure against a brute-force reference written straight from its definition, and the
 * promise that more events never lower a figure. Seeded, so that a failure comes back the same.
 */
const SEED = 20_261_207;
const runs = { seed: SEED, numRuns: 300 };

// A small alphabet so that generated events often hit roster entries, written in different cases and spacing.
const names = ['Åsa Öberg', 'Erik Ängström', 'Lina Ek', 'Bo Ek', 'Mira Ström', 'Okänd Elev'];
const subjects = ['Matematik', 'Svenska', 'Engelska', 'Idrott'];
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
  fc.tuple(entryArbitrary(withGroup), day).map(([entry, date]): CoverageEvent => ({ ...entry, date }));
const periodArbitrary = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
const scenario = fc.boolean().chain((withGroup) =>
  fc.record({
    withGroup: fc.constant(withGroup),
    roster: fc.array(entryArbitrary(withGroup), { maxLength: 20 }),
    events: fc.array(eventArbitrary(withGroup), { maxLength: 40 }),
    extraEvent: eventArbitrary(withGroup),
    period: periodArbitrary,
  }),
);

// ---- The reference: each measure as its definition reads, nothing shared with the accumulator ----

const same = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean).join(' ').toLocaleLowerCase('sv');

function reference(roster: RosterEntry[], events: CoverageEvent[], period: { from: string; to: string }) {
  const students = [...new Set(roster.map((entry) => same(entry.student)))];
  const subjectsOf = (student: string) => [
    ...new Set(
      roster
        .filter((entry) => same(entry.student) === student && entry.group !== null)
        .map((entry) => same(entry.group as string)),
    ),
  ];
  const inPeriod = events.filter((event) => event.date >= period.from && event.date <= period.to);
  const hasEvent = (student: string, subject?: string) =>
    inPeriod.some(
      (event) => same(event.student) === student && (subject === undefined || same(event.group ?? '') === subject),
    );
  const pairs = students.flatMap((student) => subjectsOf(student).map((subject) => [student, subject] as const));
  const byGroup = roster.some((entry) => entry.group !== null);
  return {
    everyGroup: {
      numerator: students.filter((student) =>
        subjectsOf(student).length === 0 ? hasEvent(student) : subjectsOf(student).every((s) => hasEvent(student, s)),
      ).length,
      denominator: students.length,
    },
    anyEvent: { numerator: students.filter((student) => hasEvent(student)).length, denominator: students.length },
    pairs: byGroup
      ? {
          numerator: pairs.filter(([student, subject]) => hasEvent(student, subject)).length,
          denominator: pairs.length,
        }
      : { numerator: students.filter((student) => hasEvent(student)).length, denominator: students.length },
  };
}

function coverageOf(roster: RosterEntry[], events: CoverageEvent[], period: { from: string; to: string }) {
  const coverage = createCoverage(period);
  for (const entry of roster) coverage.addRosterEntry(entry);
  for (const event of events) coverage.addEvent(event);
  return coverage.result();
}

const share = ({ numerator, denominator }: { numerator: number; denominator: number }) =>
  denominator === 0 ? 0 : numerator / denominator;

describe('coverage measures', () => {
  it('each equals the brute-force reference', () => {
    fc.assert(
      fc.property(scenario, ({ roster, events, period }) => {
        const result = coverageOf(roster, events, period);
        const expected = reference(roster, events, period);
        for (const measure of coverageMeasures) expect(coverageFraction(result, measure)).toEqual(expected[measure]);
      }),
      runs,
    );
  });

  it('never falls when an event is added, whichever measure', () => {
    fc.assert(
      fc.property(scenario, ({ roster, events, extraEvent, period }) => {
        const before = coverageOf(roster, events, period);
        const after = coverageOf(roster, [...events, extraEvent], period);
        for (const measure of coverageMeasures) {
          expect(coverageFraction(after, measure).denominator).toBe(coverageFraction(before, measure).denominator);
          expect(coverageFraction(after, measure).numerator).toBeGreaterThanOrEqual(
            coverageFraction(before, measure).numerator,
          );
          expect(share(coverageFraction(after, measure))).toBeGreaterThanOrEqual(
            share(coverageFraction(before, measure)),
          );
        }
      }),
      runs,
    );
  });

  it('lists each student not covered in every subject with exactly the subjects lacked', () => {
    fc.assert(
      fc.property(scenario, ({ roster, events, period }) => {
        const result = coverageOf(roster, events, period);
        const expected = reference(roster, events, period);
        expect(result.uncoveredStudents).toHaveLength(expected.everyGroup.denominator - expected.everyGroup.numerator);
        const missingPairs = result.uncoveredStudents.reduce((sum, student) => sum + student.missing.length, 0);
        if (result.byGroup) expect(missingPairs).toBe(expected.pairs.denominator - expected.pairs.numerator);
      }),
      runs,
    );
  });
});

// ---- Share by date ----

const registrationArbitrary = fc.record({
  label: fc.constantFrom(...names),
  registeredOn: fc.oneof(fc.constant(''), day),
});

describe('share registered by a date', () => {
  const shareOf = (rows: RegistrationRow[], byDate: string) => {
    const accumulator = createShareByDate(byDate);
    for (const row of rows) accumulator.addRow(row);
    return accumulator.result();
  };

  it('equals the brute-force reference, and never falls when a row is registered', () => {
    fc.assert(
      fc.property(
        fc.array(registrationArbitrary, { maxLength: 30 }),
        day,
        fc.nat(),
        day,
        (rows, byDate, which, registeredOn) => {
          const result = shareOf(rows, byDate);
          const registered = rows.filter((row) => row.registeredOn !== '' && row.registeredOn <= byDate).length;
          expect({ numerator: result.registered, denominator: result.total }).toEqual({
            numerator: registered,
            denominator: rows.length,
          });
          const unregistered = rows.findIndex(
            (row, index) => index >= which % (rows.length || 1) && row.registeredOn === '',
          );
          if (unregistered === -1) return;
          const later = rows.map((row, index) => (index === unregistered ? { ...row, registeredOn } : row));
          expect(shareOf(later, byDate).share).toBeGreaterThanOrEqual(result.share);
        },
      ),
      runs,
    );
  });
});

// ---- The whole computation, files to figures ----

const csv = (header: string[], rows: string[][]) =>
  [header, ...rows].map((cells) => cells.map((cell) => `"${cell}"`).join(';')).join('\r\n');

async function computeCsv(settings: ComputationSettingsInput, files: Record<string, string>) {
  async function* parts(): AsyncGenerator<UploadPart> {
    yield { type: 'field', name: 'settings', value: JSON.stringify(settings) };
    for (const [name, content] of Object.entries(files)) {
      yield { type: 'file', name, fileName: `${name}.csv`, stream: Readable.from([Buffer.from(content, 'utf8')]) };
    }
  }
  return computeFromUploads(parts(), 'percent');
}

describe('a computation from generated exports', () => {
  it('gives each measure as the reference does, and accounts for every event row not used', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          roster: fc.array(entryArbitrary(true), { minLength: 1, maxLength: 15 }),
          events: fc.array(eventArbitrary(true), { maxLength: 25 }),
          period: periodArbitrary,
        }),
        async ({ roster, events, period }) => {
          const files = {
            roster: csv(
              ['Elev', 'Ämne'],
              roster.map((entry) => [entry.student.trim(), (entry.group as string).trim()]),
            ),
            events: csv(
              ['Elev', 'Ämne', 'Datum'],
              events.map((event) => [event.student.trim(), (event.group as string).trim(), event.date]),
            ),
          };
          const expected = reference(roster, events, period);
          for (const measure of coverageMeasures) {
            const { figure, unusedRows } = await computeCsv(
              {
                method: 'coverage',
                measure,
                columns: {
                  roster: { student: 'Elev', group: 'Ämne' },
                  events: { student: 'Elev', group: 'Ämne', date: 'Datum' },
                },
                period,
              },
              files,
            );
            expect({ numerator: figure.numerator, denominator: figure.denominator }).toEqual(expected[measure]);
            expect(figure.measure).toBe(measure);
            expect(figure.figures.map((each) => each.measure)).toEqual(['everyGroup', 'anyEvent', 'pairs']);
            // Each event row outside the period, or for an entry the roster lacks, is listed once by its line.
            const rosterKeys = new Set(roster.map((entry) => `${same(entry.student)}|${same(entry.group as string)}`));
            const unusedLines = events.flatMap((event, index) =>
              event.date < period.from ||
              event.date > period.to ||
              !rosterKeys.has(`${same(event.student)}|${same(event.group as string)}`)
                ? [index + 2]
                : [],
            );
            expect(unusedRows.filter((row) => row.file === 'events.csv').map((row) => row.line)).toEqual(unusedLines);
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
