import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDefaultTemplateFile } from '../templates/service.js';
import {
  evenSizes,
  type ParticipantRange,
  type PersonToPlace,
  rangeWords,
  type SessionToFill,
  sessionCountsWithin,
  sessionsNeeded,
  sessionWarnings,
  splitIntoSessions,
  splitLimits,
  type TrainingViewer,
  trainingCapacity,
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
  const range = { min: 15, max: 20 };

  it('needs enough sessions of at most the maximum, none counted without one', () => {
    expect(sessionsNeeded(38, range, null)).toBe(2);
    expect(sessionsNeeded(40, range, null)).toBe(2);
    expect(sessionsNeeded(41, range, null)).toBe(3);
    expect(sessionsNeeded(0, range, null)).toBe(0);
    expect(sessionsNeeded(38, { min: null, max: null }, null)).toBeNull();
  });

  it('needs as many sessions as the project chose when the trainees cannot be split within the range', () => {
    expect(sessionsNeeded(22, range, null)).toBe(2);
    expect(sessionsNeeded(22, range, 'under_min')).toBe(2);
    expect(sessionsNeeded(22, range, 'over_max')).toBe(1);
    expect(sessionsNeeded(41, range, 'over_max')).toBe(2);
    // A choice does not count where the trainees fit the range.
    expect(sessionsNeeded(30, range, 'over_max')).toBe(2);
  });

  it('warns of a session over the maximum or under the minimum, only where the range says so', () => {
    expect(sessionWarnings(21, range)).toEqual([
      { code: 'over_max', message: '21 deltagare, fler än högst 20 per tillfälle' },
    ]);
    expect(sessionWarnings(12, range)).toEqual([{ code: 'under_min', message: '12 deltagare, färre än minst 15' }]);
    expect(sessionWarnings(15, range)).toEqual([]);
    expect(sessionWarnings(20, range)).toEqual([]);
    expect(sessionWarnings(300, { min: null, max: null })).toEqual([]);
  });

  it('does not warn of too few on a session nobody is booked on yet', () => {
    expect(sessionWarnings(0, range)).toEqual([]);
    expect(sessionWarnings(0, { min: 1, max: null })).toEqual([]);
    expect(sessionWarnings(1, { min: 2, max: null })).toEqual([
      { code: 'under_min', message: '1 deltagare, färre än minst 2' },
    ]);
  });
});

describe('whether the trainees can be split within the range', () => {
  it('says in words that 22 cannot be split into groups of 15–20, and offers the real choices', () => {
    expect(trainingCapacity(22, { min: 15, max: 20 }, null)).toEqual({
      fits: false,
      message: '22 personer kan inte delas i grupper om 15–20',
      options: [
        {
          choice: 'over_max',
          sessions: 1,
          sizes: [22],
          message: '1 tillfälle med 22 deltagare, fler än högst 20',
        },
        {
          choice: 'under_min',
          sessions: 2,
          sizes: [11, 11],
          message: '2 tillfällen med 11 deltagare, färre än minst 15',
        },
      ],
      choice: null,
    });
  });

  it('offers no session over the maximum when there are fewer trainees than the minimum', () => {
    const capacity = trainingCapacity(10, { min: 15, max: 20 }, 'over_max');
    expect(capacity.options.map((option) => option.choice)).toEqual(['under_min']);
    expect(capacity.choice).toBeNull();
    expect(capacity.message).toBe('10 personer kan inte delas i grupper om 15–20');
    expect(trainingCapacity(1, { min: 2, max: null }, null).message).toBe(
      '1 person kan inte delas i grupper om minst 2',
    );
  });

  it('names both sizes when the sessions differ by one', () => {
    const capacity = trainingCapacity(41, { min: 15, max: 20 }, 'under_min');
    expect(capacity.options.map((option) => option.message)).toEqual([
      '2 tillfällen med 21 eller 20 deltagare, fler än högst 20',
      '3 tillfällen med 14 eller 13 deltagare, färre än minst 15',
    ]);
    expect(capacity.choice).toBe('under_min');
  });

  it('fits, with nothing to choose, when a split within the range exists or there is no range', () => {
    for (const [count, range] of [
      [30, { min: 15, max: 20 }],
      [45, { min: 15, max: 20 }],
      [0, { min: 15, max: 20 }],
      [7, { min: null, max: null }],
      [7, { min: null, max: 2 }],
    ] as const) {
      expect(trainingCapacity(count, range, 'over_max')).toEqual({
        fits: true,
        message: null,
        options: [],
        choice: null,
      });
    }
  });

  it('keeps a suggested split to the range, or to the end the project chose to give up', () => {
    const range = { min: 15, max: 20 };
    expect(splitLimits(trainingCapacity(30, range, null), range)).toEqual({ ...range, fewestSessions: false });
    expect(splitLimits(trainingCapacity(22, range, null), range)).toBeNull();
    expect(splitLimits(trainingCapacity(22, range, 'over_max'), range)).toEqual({
      min: 15,
      max: null,
      fewestSessions: false,
    });
    expect(splitLimits(trainingCapacity(22, range, 'under_min'), range)).toEqual({
      min: null,
      max: 20,
      fewestSessions: true,
    });
  });
});

describe('splitting people over sessions', () => {
  const upTo20 = { min: null, max: 20 };

  it('puts 38 administrators from 12 schools in two sessions of at most 20, no school split', () => {
    const people = schools([4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2]);
    expect(people).toHaveLength(38);
    const split = splitIntoSessions(people, emptySessions(2), upTo20) ?? [];
    expect(sizesOf(split)).toEqual([19, 19]);
    expect([...sessionsPerSchool(split).values()].every((count) => count === 1)).toBe(true);
  });

  it('splits a school only when no session has room for all of it', () => {
    const split = splitIntoSessions(schools([15, 15, 8]), emptySessions(2), upTo20) ?? [];
    expect(sizesOf(split).every((size) => size <= 20)).toBe(true);
    expect(sessionsPerSchool(split)).toEqual(
      new Map([
        ['s0', 1],
        ['s1', 1],
        ['s2', 2],
      ]),
    );
  });

  it('keeps two schools of 20 and 15 apart rather than evening them out below the minimum', () => {
    const split = splitIntoSessions(schools([20, 15]), emptySessions(2), { min: 15, max: 20 }) ?? [];
    expect(sizesOf(split).sort()).toEqual([15, 20]);
    expect([...sessionsPerSchool(split).values()]).toEqual([1, 1]);
  });

  it('fills around people already booked and leaves full sessions alone', () => {
    const split = splitIntoSessions(
      schools([3, 2]),
      [
        { id: 'full', booked: 20 },
        { id: 'half', booked: 10 },
      ],
      upTo20,
    );
    expect(split?.map((entry) => [entry.sessionId, entry.people.length])).toEqual([['half', 5]]);
  });

  it('keeps schools together and evens out without a maximum', () => {
    const split = splitIntoSessions(schools([5, 4, 3, 2]), emptySessions(2), { min: null, max: null }) ?? [];
    expect(sizesOf(split)).toEqual([7, 7]);
    expect([...sessionsPerSchool(split).values()].every((count) => count === 1)).toBe(true);
  });

  it('uses fewer of the sessions when all of them would fall under the minimum', () => {
    const split = splitIntoSessions(schools([10, 10, 10]), emptySessions(3), { min: 15, max: 20 }) ?? [];
    expect(sizesOf(split)).toEqual([15, 15]);
  });

  it('suggests nothing when the sessions cannot hold everyone within the range', () => {
    expect(splitIntoSessions(schools([10, 10, 10]), emptySessions(2), { min: null, max: 12 })).toBeNull();
    expect(splitIntoSessions(schools([11, 11]), emptySessions(2), { min: 15, max: 20 })).toBeNull();
  });

  it('puts sessions under the minimum in as few sessions as the maximum allows', () => {
    const split = splitIntoSessions(schools([2, 2]), emptySessions(2), { min: null, max: 20, fewestSessions: true });
    expect(sizesOf(split ?? [])).toEqual([4]);
    const more = splitIntoSessions(schools([9, 8, 5, 3]), emptySessions(3), {
      min: null,
      max: 20,
      fewestSessions: true,
    });
    expect(sizesOf(more ?? []).length).toBe(2);
  });

  it('spreads evenly past the maximum when the project chose sessions over it', () => {
    const split = splitIntoSessions(schools([10, 10, 10]), emptySessions(2), { min: 12, max: null }) ?? [];
    expect(sizesOf(split)).toEqual([15, 15]);
  });

  it('places nobody without sessions, and nothing without people', () => {
    expect(splitIntoSessions(schools([3]), [], upTo20)).toBeNull();
    expect(splitIntoSessions([], emptySessions(2), upTo20)).toEqual([]);
  });

  interface Situation {
    schoolSizes: number[];
    loners: number;
    booked: number[];
    min: number | null;
    max: number | null;
  }
  const situations: fc.Arbitrary<Situation> = fc.record({
    schoolSizes: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 15 }),
    loners: fc.integer({ min: 0, max: 5 }),
    booked: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
    min: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
    max: fc.option(fc.integer({ min: 15, max: 30 }), { nil: null }),
  });

  const setUp = ({ schoolSizes, loners, booked, min, max }: Situation) => {
    const people: PersonToPlace[] = [
      ...schools(schoolSizes),
      ...Array.from({ length: loners }, (_, index) => ({ id: `ensam-${index}`, groupKey: null })),
    ];
    const sessions = booked.map((count, index) => ({ id: `t${index}`, booked: count }));
    return { people, sessions, range: { min, max } };
  };

  it('places everyone exactly once and invents no one, with every session it fills within the range', () => {
    fc.assert(
      fc.property(situations, (situation) => {
        const { people, sessions, range } = setUp(situation);
        const split = splitIntoSessions(people, sessions, range);
        fc.pre(split !== null);
        const placed = (split ?? []).flatMap((entry) => entry.people.map((person) => person.id));
        expect(placed.sort()).toEqual(people.map((person) => person.id).sort());
        const known = new Set(sessions.map((session) => session.id));
        expect((split ?? []).every((entry) => known.has(entry.sessionId))).toBe(true);
        expect(new Set((split ?? []).map((entry) => entry.sessionId)).size).toBe(split?.length);
        for (const entry of split ?? []) {
          const size = (sessions.find((session) => session.id === entry.sessionId)?.booked ?? 0) + entry.people.length;
          expect(size).toBeLessThanOrEqual(range.max ?? Number.POSITIVE_INFINITY);
          expect(size).toBeGreaterThanOrEqual(range.min ?? 1);
        }
      }),
    );
  });

  it('keeps every school that fits in an empty session whole when each school has a session of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const split = splitIntoSessions(schools(sizes), emptySessions(sizes.length), upTo20) ?? [];
        expect([...sessionsPerSchool(split).values()].every((count) => count === 1)).toBe(true);
      }),
    );
  });
});

// Some 20,000 splits: a few seconds alone, longer on a machine shared with other test runs.
const EXHAUSTIVE_TIMEOUT = 120_000;

describe('every count from 1 to 300 over every range', () => {
  /** A small seeded generator (mulberry32), so a failure is the same failure on every run. */
  function seeded(seed: number) {
    let state = seed >>> 0;
    return (below: number) => {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = state;
      mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * below);
    };
  }
  const random = seeded(16);

  const templateRanges: ParticipantRange[] = readDefaultTemplateFile().content.trainingTypes.map((type) => ({
    min: type.minParticipants ?? null,
    max: type.maxParticipants ?? null,
  }));
  const randomRanges: ParticipantRange[] = Array.from({ length: 30 }, () => {
    const min = 1 + random(40);
    return { min: random(6) === 0 ? null : min, max: random(6) === 0 ? null : min + random(25) };
  });
  const ranges = [...templateRanges, ...randomRanges];

  /** The counts split at random into schools of 1 to 25, some people without a school. */
  function peopleOf(count: number): PersonToPlace[] {
    const people: PersonToPlace[] = [];
    let school = 0;
    while (people.length < count) {
      const size = Math.min(count - people.length, 1 + random(25));
      const loner = random(10) === 0;
      for (let index = 0; index < size; index++) {
        people.push({ id: `p${people.length}`, groupKey: loner ? null : `s${school}` });
      }
      school++;
    }
    return people;
  }

  /** By definition: some number of sessions holds everyone with every session within the range. */
  function splitExists(count: number, sessionCount: number, range: ParticipantRange): boolean {
    for (let sessions = 1; sessions <= sessionCount; sessions++) {
      const smallest = Math.floor(count / sessions);
      const largest = Math.ceil(count / sessions);
      if (smallest >= (range.min ?? 1) && largest <= (range.max ?? count)) return true;
    }
    return false;
  }

  it('includes the template’s ranges and checks the even split the rule reasons from', () => {
    expect(templateRanges).toContainEqual({ min: 15, max: 20 });
    expect(templateRanges).toContainEqual({ min: 15, max: 25 });
    expect(evenSizes(41, 3)).toEqual([14, 14, 13]);
  });

  /** What is wrong with a split of `count` people in `range`; empty when nothing is. */
  function problemsOf(split: { people: PersonToPlace[] }[], count: number, range: ParticipantRange): string[] {
    const problems: string[] = [];
    const placed = split.flatMap((entry) => entry.people.map((person) => person.id));
    if (placed.length !== count || new Set(placed).size !== count) problems.push(`placed ${placed.length}`);
    const sizes = sizesOf(split);
    if (sizes.some((size) => size < (range.min ?? 1) || size > (range.max ?? count))) {
      problems.push(`sizes ${sizes.join(', ')}`);
    }
    const divided = [...sessionsPerSchool(split).entries()].filter(
      ([school, sessions]) => school !== 'null' && sessions > 1,
    );
    if (divided.length > split.length - 1) problems.push(`${divided.length} schools divided`);
    return problems;
  }

  it(
    'proposes a split exactly when one exists within the range, placing everyone once, schools together where possible',
    () => {
      // Checked case by case and reported together: 10,000 cases with an assertion each is slow.
      const problems: string[] = [];
      for (const range of ranges) {
        for (let count = 1; count <= 300; count++) {
          const label = `${count} in ${rangeWords(range)}`;
          const within = sessionCountsWithin(count, range);
          if ((within !== null) !== splitExists(count, count, range)) problems.push(`${label}: within ${within}`);
          const capacity = trainingCapacity(count, range, null);
          if (capacity.fits !== (within !== null) || capacity.options.length > 0 === capacity.fits) {
            problems.push(`${label}: capacity ${JSON.stringify(capacity)}`);
          }
          // Sessions enough for any split, and sometimes too few.
          const sessionCount = 1 + random(within ? within.most + 2 : 12);
          const split = splitIntoSessions(peopleOf(count), emptySessions(sessionCount), range);
          if ((split !== null) !== splitExists(count, sessionCount, range)) {
            problems.push(`${label} over ${sessionCount} sessions: ${split === null ? 'no split' : 'a split'}`);
          }
          for (const problem of split ? problemsOf(split, count, range) : []) {
            problems.push(`${label} over ${sessionCount} sessions: ${problem}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
    EXHAUSTIVE_TIMEOUT,
  );

  it(
    'proposes, when the project chose, a split that gives up only the end it chose',
    () => {
      const problems: string[] = [];
      for (const range of ranges.filter((candidate) => candidate.min !== null && candidate.max !== null)) {
        for (let count = 1; count <= 300; count++) {
          for (const option of trainingCapacity(count, range, null).options) {
            const label = `${count} in ${rangeWords(range)}, ${option.choice}`;
            const limits = splitLimits(trainingCapacity(count, range, option.choice), range);
            const split = limits && splitIntoSessions(peopleOf(count), emptySessions(option.sessions), limits);
            if (!limits || !split) {
              problems.push(`${label}: no split`);
              continue;
            }
            if (split.length > option.sessions) problems.push(`${label}: ${split.length} sessions`);
            for (const problem of problemsOf(split, count, limits)) problems.push(`${label}: ${problem}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
    EXHAUSTIVE_TIMEOUT,
  );
});
