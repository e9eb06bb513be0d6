import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PersonToPlace,
  type SessionToFill,
  sessionsNeeded,
  sessionWarnings,
  splitIntoSessions,
  type TrainingViewer,
  trainingKind,
  trainingRights,
} from './rules.js';

/** `counts[i]` people of school i, named after it. */
const schools = (counts: number[]): PersonToPlace[] =>
  counts.flatMap((count, school) =>
    Array.from({ length: count }, (_, index) => ({ id: `s${school}-p${index}`, groupKey: `s${school}` })),
  );

const emptySessions = (count: number): SessionToFill[] =>
  Array.from({ length: count }, (_, index) => ({ id: `t${index}`, booked: 0 }));

const sizesOf = (split: { people: unknown[] }[]) => split.map((entry) => entry.people.length);

/** How many sessions each school ended up in. */
function sessionsPerSchool(split: { people: PersonToPlace[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of split) {
    for (const school of new Set(entry.people.map((person) => person.groupKey))) {
      counts.set(String(school), (counts.get(String(school)) ?? 0) + 1);
    }
  }
  return counts;
}

describe('training kinds', () => {
  it('knows the staff training and the catch-up by key; every other type trains a role', () => {
    expect(trainingKind('personalutbildning')).toBe('staff');
    expect(trainingKind('uppsamlingsheat')).toBe('catchUp');
    expect(trainingKind('administratorer')).toBe('role');
    expect(trainingKind('rektorsutbildning')).toBe('role');
  });
});

describe('who may do what with the trainings', () => {
  const viewer = (overrides: Partial<TrainingViewer>): TrainingViewer => ({
    role: 'customer',
    personId: 'p1',
    editsPlan: false,
    heldRoleKeys: [],
    supportedSchoolIds: new Set(),
    ...overrides,
  });

  it('lets the plan writers plan, book, mark and record, but not confirm', () => {
    const rights = trainingRights(viewer({ editsPlan: true, heldRoleKeys: ['projektledare'] }));
    expect([rights.plan, rights.confirm, rights.changeRange]).toEqual([true, false, true]);
    expect([rights.markAttendanceAt(null), rights.recordWorkshopsAt('s1'), rights.recordsWorkshopsAnywhere]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('lets the vendor’s Utbildningsledare and admin confirm; other vendor staff only mark their own sessions', () => {
    const leader = trainingRights(viewer({ role: 'vendor_staff', heldRoleKeys: ['utbildningsledare'] }));
    expect([leader.plan, leader.confirm, leader.changeRange, leader.markAttendanceAt('x')]).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(leader.recordsWorkshopsAnywhere).toBe(false);
    expect(trainingRights(viewer({ role: 'vendor_admin', personId: null, editsPlan: true })).confirm).toBe(true);
    const trainer = trainingRights(viewer({ role: 'vendor_staff', heldRoleKeys: ['projektstodjare'] }));
    expect([trainer.confirm, trainer.markAttendanceAt('p1'), trainer.markAttendanceAt('p2')]).toEqual([
      false,
      true,
      false,
    ]);
    // A customer holding a vendor role's key confirms nothing.
    expect(trainingRights(viewer({ heldRoleKeys: ['utbildningsledare'] })).confirm).toBe(false);
  });

  it('lets a user-supporter record workshops at their own schools only', () => {
    const supporter = trainingRights(
      viewer({ heldRoleKeys: ['anvandarstodjare'], supportedSchoolIds: new Set(['s1']) }),
    );
    expect([
      supporter.recordWorkshopsAt('s1'),
      supporter.recordWorkshopsAt('s2'),
      supporter.recordsWorkshopsAnywhere,
    ]).toEqual([true, false, true]);
    expect(supporter.markAttendanceAt(null)).toBe(false);
    const withoutPerson = trainingRights(viewer({ personId: null }));
    expect(withoutPerson.markAttendanceAt(null)).toBe(false);
  });
});

describe('sessions needed and warnings', () => {
  it('needs enough sessions of at most the maximum, none counted without one', () => {
    expect(sessionsNeeded(38, 20)).toBe(2);
    expect(sessionsNeeded(40, 20)).toBe(2);
    expect(sessionsNeeded(41, 20)).toBe(3);
    expect(sessionsNeeded(0, 20)).toBe(0);
    expect(sessionsNeeded(38, null)).toBeNull();
  });

  it('warns of a session over the maximum or under the minimum, only where the range says so', () => {
    const range = { min: 15, max: 20 };
    expect(sessionWarnings(21, range)).toEqual([
      { code: 'over_max', message: '21 deltagare, fler än högst 20 per tillfälle' },
    ]);
    expect(sessionWarnings(12, range)).toEqual([{ code: 'under_min', message: '12 deltagare, färre än minst 15' }]);
    expect(sessionWarnings(15, range)).toEqual([]);
    expect(sessionWarnings(20, range)).toEqual([]);
    expect(sessionWarnings(300, { min: null, max: null })).toEqual([]);
    expect(sessionWarnings(0, { min: 1, max: null })).toEqual([
      { code: 'under_min', message: '0 deltagare, färre än minst 1' },
    ]);
  });
});

describe('splitting people over sessions', () => {
  it('puts 38 administrators from 12 schools in two sessions of at most 20, no school split', () => {
    const people = schools([4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2]);
    expect(people).toHaveLength(38);
    const split = splitIntoSessions(people, emptySessions(2), 20);
    expect(sizesOf(split)).toEqual([19, 19]);
    expect([...sessionsPerSchool(split).values()].every((count) => count === 1)).toBe(true);
  });

  it('splits a school only when no session has room for all of it', () => {
    const split = splitIntoSessions(schools([15, 15, 8]), emptySessions(2), 20);
    expect(sizesOf(split).every((size) => size <= 20)).toBe(true);
    expect(sessionsPerSchool(split)).toEqual(
      new Map([
        ['s0', 1],
        ['s1', 1],
        ['s2', 2],
      ]),
    );
  });

  it('fills around people already booked and leaves full sessions alone', () => {
    const split = splitIntoSessions(
      schools([3, 2]),
      [
        { id: 'full', booked: 20 },
        { id: 'half', booked: 10 },
      ],
      20,
    );
    expect(split.map((entry) => [entry.sessionId, entry.people.length])).toEqual([['half', 5]]);
  });

  it('keeps schools together and evens out without a maximum', () => {
    const split = splitIntoSessions(schools([5, 4, 3, 2]), emptySessions(2), null);
    expect(sizesOf(split)).toEqual([7, 7]);
    expect([...sessionsPerSchool(split).values()].every((count) => count === 1)).toBe(true);
  });

  it('spreads evenly past the maximum when the sessions cannot hold everyone', () => {
    const split = splitIntoSessions(schools([10, 10, 10]), emptySessions(2), 12);
    expect(sizesOf(split)).toEqual([15, 15]);
  });

  it('places nobody without sessions, and nothing without people', () => {
    expect(splitIntoSessions(schools([3]), [], 20)).toEqual([]);
    expect(splitIntoSessions([], emptySessions(2), 20)).toEqual([]);
  });

  interface Situation {
    schoolSizes: number[];
    loners: number;
    booked: number[];
    max: number | null;
  }
  const situations: fc.Arbitrary<Situation> = fc.record({
    schoolSizes: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 15 }),
    loners: fc.integer({ min: 0, max: 5 }),
    booked: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
    max: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  });

  const setUp = ({ schoolSizes, loners, booked, max }: Situation) => {
    const people: PersonToPlace[] = [
      ...schools(schoolSizes),
      ...Array.from({ length: loners }, (_, index) => ({ id: `ensam-${index}`, groupKey: null })),
    ];
    const sessions = booked.map((count, index) => ({ id: `t${index}`, booked: count }));
    return { people, sessions, max };
  };

  it('places everyone exactly once and invents no one', () => {
    fc.assert(
      fc.property(situations, (situation) => {
        const { people, sessions, max } = setUp(situation);
        const split = splitIntoSessions(people, sessions, max);
        const placed = split.flatMap((entry) => entry.people.map((person) => person.id));
        expect(placed.sort()).toEqual(people.map((person) => person.id).sort());
        const known = new Set(sessions.map((session) => session.id));
        expect(split.every((entry) => known.has(entry.sessionId))).toBe(true);
        expect(new Set(split.map((entry) => entry.sessionId)).size).toBe(split.length);
      }),
    );
  });

  it('takes no session over the maximum when the sessions have room for everyone', () => {
    fc.assert(
      fc.property(
        situations.filter(({ max }) => max !== null),
        (situation) => {
          const { people, sessions, max } = setUp(situation);
          const limit = max as number;
          const room = sessions.reduce((sum, session) => sum + Math.max(0, limit - session.booked), 0);
          fc.pre(room >= people.length);
          const split = splitIntoSessions(people, sessions, limit);
          for (const entry of split) {
            const booked = sessions.find((session) => session.id === entry.sessionId)?.booked ?? 0;
            expect(booked + entry.people.length).toBeLessThanOrEqual(limit);
          }
        },
      ),
    );
  });

  it('keeps every school that fits in an empty session whole when each school has a session of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const split = splitIntoSessions(schools(sizes), emptySessions(sizes.length), 20);
        expect([...sessionsPerSchool(split).values()].every((count) => count === 1)).toBe(true);
      }),
    );
  });
});
