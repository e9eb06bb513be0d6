import { describe, expect, it } from 'vitest';
import { type CoverageEvent, coverageFraction, createCoverage, type RosterEntry } from './coverage.js';

const term = { from: '2027-01-09', to: '2027-06-14' };

function coverageOf(roster: RosterEntry[], events: CoverageEvent[], period = term) {
  const coverage = createCoverage(period);
  for (const entry of roster) coverage.addRosterEntry(entry);
  events.forEach((event, index) => {
    coverage.addEvent(event, { file: 'bedomningar.csv', line: index + 2 });
  });
  return coverage.result();
}

const roster = [
  { student: 'Åsa Öberg', group: 'Matematik' },
  { student: 'Åsa Öberg', group: 'Svenska' },
  { student: 'Erik Ängström', group: 'Matematik' },
  { student: 'Lina Ek', group: 'Matematik' },
];

describe('coverage of a roster by events in a period', () => {
  it('counts students in every subject, students with any event and pairs, ends of the period included', () => {
    const result = coverageOf(roster, [
      { student: 'ÅSA  ÖBERG', group: 'matematik', date: '2027-01-09' },
      { student: 'erik ängström', group: ' Matematik ', date: '2027-06-14' },
      { student: 'Lina Ek', group: 'Matematik', date: '2027-06-15' },
      { student: 'Lina Ek', group: 'Matematik', date: '2027-01-08' },
      { student: 'Okänd Elev', group: 'Matematik', date: '2027-02-01' },
    ]);
    expect(coverageFraction(result, 'everyGroup')).toEqual({ numerator: 1, denominator: 3 });
    expect(coverageFraction(result, 'anyEvent')).toEqual({ numerator: 2, denominator: 3 });
    expect(coverageFraction(result, 'pairs')).toEqual({ numerator: 2, denominator: 4 });
    expect(result.uncoveredStudents).toEqual([
      { label: 'Lina Ek', missing: ['Matematik'] },
      { label: 'Åsa Öberg', missing: ['Svenska'] },
    ]);
    expect(result.studentsWithoutEvents).toEqual([{ label: 'Lina Ek', missing: ['Matematik'] }]);
    expect(result).toMatchObject({ eventsInPeriod: 3, eventsOutsidePeriod: 2, unknownEntries: 1, duplicateEntries: 0 });
    expect(result.unmatchedEvents).toEqual([
      {
        file: 'bedomningar.csv',
        line: 6,
        value: 'Okänd Elev – Matematik',
        reason: 'Eleven finns inte i elevregistret',
      },
    ]);
  });

  it('counts an event in a subject the student is not listed with for "any event" only, and names the row', () => {
    const result = coverageOf(roster, [{ student: 'Lina Ek', group: 'Idrott', date: '2027-03-01' }]);
    expect(coverageFraction(result, 'anyEvent')).toEqual({ numerator: 1, denominator: 3 });
    expect(coverageFraction(result, 'everyGroup')).toEqual({ numerator: 0, denominator: 3 });
    expect(coverageFraction(result, 'pairs')).toEqual({ numerator: 0, denominator: 4 });
    expect(result.unmatchedEvents).toEqual([
      expect.objectContaining({ line: 2, value: 'Lina Ek – Idrott', reason: expect.stringContaining('ämnet') }),
    ]);
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
    expect(result.byGroup).toBe(false);
    expect(result.duplicateEntries).toBe(1);
    expect(coverageFraction(result, 'anyEvent')).toEqual({ numerator: 1, denominator: 2 });
    expect(coverageFraction(result, 'everyGroup')).toEqual({ numerator: 1, denominator: 2 });
    expect(result.studentsWithoutEvents).toEqual([{ label: 'Bo Ek', missing: [] }]);
  });

  it('gives 0 of 0 for an empty roster', () => {
    const result = coverageOf([], [{ student: 'Bo Ek', group: null, date: '2027-03-01' }]);
    expect(coverageFraction(result, 'anyEvent')).toEqual({ numerator: 0, denominator: 0 });
    expect(result.unknownEntries).toBe(1);
  });

  it('does not depend on which file is read first', () => {
    const coverage = createCoverage(term);
    coverage.addEvent({ student: 'Bo Ek', group: null, date: '2027-03-01' }, { file: 'a.csv', line: 2 });
    coverage.addRosterEntry({ student: 'Bo Ek', group: null });
    const result = coverage.result();
    expect(coverageFraction(result, 'anyEvent')).toEqual({ numerator: 1, denominator: 1 });
    expect(result.unmatchedEvents).toEqual([]);
  });

  it('sorts the students not covered, and the subjects they lack, the Swedish way (å, ä, ö last)', () => {
    const result = coverageOf(
      ['Örjan', 'Ärla', 'Åke', 'Zack', 'Adam'].flatMap((student) =>
        ['Ämne', 'Öva', 'Bild'].map((group) => ({ student, group })),
      ),
      [],
    );
    expect(result.uncoveredStudents.map((entry) => entry.label)).toEqual(['Adam', 'Zack', 'Åke', 'Ärla', 'Örjan']);
    expect(result.uncoveredStudents[0].missing).toEqual(['Bild', 'Ämne', 'Öva']);
  });
});
