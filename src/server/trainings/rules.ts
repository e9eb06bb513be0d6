import type { UserRole } from '../../shared/auth.js';
import type { SplitChoice, SplitOption, TrainingCapacity, TrainingKind } from '../../shared/trainings.js';

// The template names its training types but has no flag for how each is run, so the two that are
// not sessions for the holders of a role are known by key.
/** The user-supporters train their colleagues in workshops: counted per school, no sessions. */
export const STAFF_TRAINING_KEY = 'personalutbildning';
/** The catch-up session for whoever was absent from the session of their training. */
export const CATCH_UP_TRAINING_KEY = 'uppsamlingsheat';

export function trainingKind(trainingKey: string): TrainingKind {
  if (trainingKey === STAFF_TRAINING_KEY) return 'staff';
  if (trainingKey === CATCH_UP_TRAINING_KEY) return 'catchUp';
  return 'role';
}

/** The vendor role that arranges the trainings: told of proposed dates, confirms the sessions. */
export const TRAINING_LEADER_ROLE = 'utbildningsledare';
/** The school role whose holders train their colleagues and record the workshops. */
export const USER_SUPPORTER_ROLE = 'anvandarstodjare';

export interface TrainingViewer {
  role: UserRole;
  personId: string | null;
  /** Writes the plan: the customer's Beställare, Projektledare and Projektgrupp, and the vendor admin. */
  editsPlan: boolean;
  /** The roles the viewer holds in the project. */
  heldRoleKeys: readonly string[];
  /** The schools where the viewer is a user-supporter in the project. */
  supportedSchoolIds: ReadonlySet<string>;
}

/** The one place that says who may do what with a project's trainings; the overview's `may` comes from here. */
export function trainingRights(viewer: TrainingViewer) {
  const plan = viewer.editsPlan;
  const confirm =
    viewer.role === 'vendor_admin' ||
    (viewer.role === 'vendor_staff' && viewer.heldRoleKeys.includes(TRAINING_LEADER_ROLE));
  return {
    /** Propose dates, book and unbook, apply the split. */
    plan,
    /** Confirm, change and cancel sessions. */
    confirm,
    changeRange: plan || confirm,
    markAttendanceAt: (trainerPersonId: string | null) =>
      plan || confirm || (viewer.personId !== null && trainerPersonId === viewer.personId),
    recordWorkshopsAt: (schoolId: string) => plan || viewer.supportedSchoolIds.has(schoolId),
    recordsWorkshopsAnywhere: plan || viewer.supportedSchoolIds.size > 0,
  };
}

/** A training's participants per session; null: no limit at that end. */
export interface ParticipantRange {
  min: number | null;
  max: number | null;
}

/** "15–20", "högst 20", "minst 15". */
export function rangeWords(range: ParticipantRange): string {
  if (range.min !== null && range.max !== null) return `${range.min}–${range.max}`;
  if (range.max !== null) return `högst ${range.max}`;
  if (range.min !== null) return `minst ${range.min}`;
  return 'valfri storlek';
}

const people = (count: number) => `${count} ${count === 1 ? 'person' : 'personer'}`;
const sessionsWord = (count: number) => `${count} ${count === 1 ? 'tillfälle' : 'tillfällen'}`;

/**
 * The fewest and the most sessions that hold `trainees` with every session within the range; null
 * when no number of sessions does. k sessions do exactly when k × min ≤ trainees ≤ k × max, since
 * the sizes of an even split differ by at most one.
 */
export function sessionCountsWithin(
  trainees: number,
  range: ParticipantRange,
): { fewest: number; most: number } | null {
  if (trainees <= 0) return { fewest: 0, most: 0 };
  const fewest = range.max === null ? 1 : Math.ceil(trainees / range.max);
  const most = range.min === null ? trainees : Math.floor(trainees / range.min);
  return fewest <= most ? { fewest, most } : null;
}

/** `trainees` spread as evenly as possible over `sessions`, largest first. */
export function evenSizes(trainees: number, sessions: number): number[] {
  const base = Math.floor(trainees / sessions);
  return Array.from({ length: sessions }, (_, index) => base + (index < trainees % sessions ? 1 : 0));
}

function sizesWords(sizes: readonly number[]): string {
  const distinct = [...new Set(sizes)];
  return distinct.length === 1 ? `${distinct[0]}` : distinct.join(' eller ');
}

/**
 * The real ways to hold a training whose trainees cannot be split within the range: the fewest
 * sessions over the maximum (each at least the minimum), when there are enough trainees for one
 * session of the minimum; and the fewest sessions of at most the maximum, some under the minimum.
 */
export function splitOptions(trainees: number, range: ParticipantRange): SplitOption[] {
  if (trainees <= 0 || sessionCountsWithin(trainees, range) !== null) return [];
  const options: SplitOption[] = [];
  if (range.min !== null && range.max !== null && trainees >= range.min) {
    const sizes = evenSizes(trainees, Math.floor(trainees / range.min));
    options.push({
      choice: 'over_max',
      sessions: sizes.length,
      sizes,
      message: `${sessionsWord(sizes.length)} med ${sizesWords(sizes)} deltagare, fler än högst ${range.max}`,
    });
  }
  const sizes = evenSizes(trainees, range.max === null ? 1 : Math.ceil(trainees / range.max));
  options.push({
    choice: 'under_min',
    sessions: sizes.length,
    sizes,
    message: `${sessionsWord(sizes.length)} med ${sizesWords(sizes)} deltagare, färre än minst ${range.min}`,
  });
  return options;
}

/**
 * Whether a training's trainees can be split within its range and, when they cannot, the choices
 * and the one the project made. A choice made for other numbers than today's that is no longer among
 * the real choices counts as none.
 */
export function trainingCapacity(
  trainees: number,
  range: ParticipantRange,
  choice: SplitChoice | null,
): TrainingCapacity {
  const options = splitOptions(trainees, range);
  if (options.length === 0) return { fits: true, message: null, options: [], choice: null };
  return {
    fits: false,
    message: `${people(trainees)} kan inte delas i grupper om ${rangeWords(range)}`,
    options,
    choice: options.some((option) => option.choice === choice) ? choice : null,
  };
}

/** The range a split keeps to, and whether it uses as few of the sessions as it can rather than as many. */
export interface SplitLimits extends ParticipantRange {
  fewestSessions: boolean;
}

/**
 * The range a suggested split keeps to: the training's own when the trainees fit it, the end the
 * project chose to give up when they do not, and none (no split suggested) before that choice.
 * Sessions under the minimum are as few as the maximum allows, so each is as near the minimum as it
 * can be; otherwise the split spreads over as many of the sessions as the range allows.
 */
export function splitLimits(capacity: TrainingCapacity, range: ParticipantRange): SplitLimits | null {
  if (capacity.fits) return { ...range, fewestSessions: false };
  if (capacity.choice === 'over_max') return { min: range.min, max: null, fewestSessions: false };
  if (capacity.choice === 'under_min') return { min: null, max: range.max, fewestSessions: true };
  return null;
}

/**
 * Sessions needed for `trainees`: as many as keep every session at most the maximum, which is also
 * the number when they fit the range or the project chose sessions under the minimum; fewer when
 * the project chose sessions over the maximum. Null without a maximum.
 */
export function sessionsNeeded(trainees: number, range: ParticipantRange, choice: SplitChoice | null): number | null {
  if (range.max === null) return null;
  const chosen = trainingCapacity(trainees, range, choice).options.find((option) => option.choice === choice);
  return chosen ? chosen.sessions : Math.ceil(trainees / range.max);
}

export interface SessionWarning {
  code: 'over_max' | 'under_min';
  message: string;
}

/**
 * A session fuller than the maximum or emptier than the minimum, when the training has them. A
 * session nobody is booked on yet is not short of anyone: it is waiting for its bookings.
 */
export function sessionWarnings(participants: number, range: ParticipantRange) {
  const warnings: SessionWarning[] = [];
  if (range.max !== null && participants > range.max) {
    warnings.push({
      code: 'over_max',
      message: `${participants} deltagare, fler än högst ${range.max} per tillfälle`,
    });
  }
  if (range.min !== null && participants > 0 && participants < range.min) {
    warnings.push({ code: 'under_min', message: `${participants} deltagare, färre än minst ${range.min}` });
  }
  return warnings;
}

export interface PersonToPlace {
  id: string;
  /** People with the same key (their school) are kept in one session where they fit; null: alone. */
  groupKey: string | null;
}

export interface SessionToFill {
  id: string;
  /** People already booked on it. */
  booked: number;
}

/**
 * The size each session would reach with `count` more people spread one by one onto the smallest,
 * none past `cap` (null: no cap).
 */
function balancedSizes(booked: readonly number[], count: number, cap: number | null): number[] {
  const limit = cap ?? Number.POSITIVE_INFINITY;
  const added = (level: number) => booked.reduce((sum, size) => sum + Math.max(0, Math.min(limit, level) - size), 0);
  // The water level the smallest sessions are filled to, found by halving; then one more each for
  // the first sessions at the level below it, as filling one by one would give.
  let below = 0;
  let above = Math.max(...booked) + count;
  while (above - below > 1) {
    const middle = Math.floor((below + above) / 2);
    if (added(middle) >= count) above = middle;
    else below = middle;
  }
  const sizes = booked.map((size) => Math.max(size, Math.min(limit, below)));
  let left = count - added(below);
  for (let index = 0; index < sizes.length && left > 0; index++) {
    if (sizes[index] === below && below < limit) {
      sizes[index] += 1;
      left -= 1;
    }
  }
  return sizes;
}

/** Index of the largest score; the first one on a tie. */
function best(indexes: readonly number[], score: (index: number) => number): number {
  return indexes.reduce((chosen, index) => (score(index) > score(chosen) ? index : chosen));
}

function groupsOf<P extends PersonToPlace>(people: readonly P[]): P[][] {
  const groups = new Map<string, P[]>();
  for (const person of people) {
    const key = person.groupKey === null ? `person:${person.id}` : `group:${person.groupKey}`;
    const group = groups.get(key);
    if (group) group.push(person);
    else groups.set(key, [person]);
  }
  // Largest first: small schools fill the room the large ones leave. The sort is stable.
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/**
 * Spreads people over sessions as evenly as the sessions allow, keeping each school together:
 * largest school first, each where the sessions stay most even, split only when no session has room
 * for all of it. `placed[i]` are the people given to session i.
 */
function balancedSplit<P extends PersonToPlace>(
  groups: readonly P[][],
  booked: readonly number[],
  max: number | null,
): P[][] {
  const count = groups.reduce((sum, group) => sum + group.length, 0);
  const even = balancedSizes(booked, count, max);
  const limit = max ?? Number.POSITIVE_INFINITY;
  const sizes = [...booked];
  const placed: P[][] = booked.map(() => []);
  const place = (index: number, group: P[]) => {
    placed[index].push(...group);
    sizes[index] += group.length;
  };
  const indexes = booked.map((_, index) => index);
  for (const group of groups) {
    let remaining = group;
    while (remaining.length > 0) {
      const size = remaining.length;
      const whole = indexes.filter((index) => sizes[index] + size <= limit);
      if (whole.length > 0) {
        place(
          best(whole, (index) => even[index] - sizes[index]),
          remaining,
        );
        break;
      }
      const roomiest = best(indexes, (index) => limit - sizes[index]);
      const fitting = Math.max(1, limit - sizes[roomiest]);
      place(roomiest, remaining.slice(0, fitting));
      remaining = remaining.slice(fitting);
    }
  }
  return placed;
}

/** `sums[i]` is the sum of `values` from i on; one longer than `values`, ending in 0. */
function suffixSums(values: readonly number[]): number[] {
  const sums = new Array<number>(values.length + 1).fill(0);
  for (let index = values.length - 1; index >= 0; index--) sums[index] = sums[index + 1] + values[index];
  return sums;
}

/**
 * Fills the sessions one after the other in school order, each up to a size the rest can still
 * complete within the range, ending at a boundary between schools where the range allows one: at
 * most one school is divided between two neighbouring sessions. Succeeds whenever the sessions'
 * bounds add up to hold everyone.
 */
function sequentialSplit<P extends PersonToPlace>(
  groups: readonly P[][],
  booked: readonly number[],
  bounds: readonly { low: number; high: number }[],
): P[][] {
  const queue = groups.flat();
  const groupEnds = new Set<number>();
  let end = 0;
  for (const group of groups) {
    end += group.length;
    groupEnds.add(end);
  }
  // What the sessions from each one on can take at the least and at the most, and have booked.
  const lowFrom = suffixSums(bounds.map((bound) => bound.low));
  const highFrom = suffixSums(bounds.map((bound) => bound.high));
  const bookedFrom = suffixSums(booked);
  const placed: P[][] = [];
  let taken = 0;
  for (let index = 0; index < bounds.length; index++) {
    const remaining = queue.length - taken;
    const fewest = Math.max(bounds[index].low, remaining - highFrom[index + 1]);
    const most = Math.min(bounds[index].high, remaining - lowFrom[index + 1]);
    const sessionsLeft = bounds.length - index;
    const ideal = Math.min(
      most,
      Math.max(fewest, Math.round((remaining + bookedFrom[index]) / sessionsLeft) - booked[index]),
    );
    let count = ideal;
    for (let candidate = fewest; candidate <= most; candidate++) {
      if (
        groupEnds.has(taken + candidate) &&
        (!groupEnds.has(taken + count) || Math.abs(candidate - ideal) < Math.abs(count - ideal))
      ) {
        count = candidate;
      }
    }
    placed.push(queue.slice(taken, taken + count));
    taken += count;
  }
  return placed;
}

/**
 * Suggests how to spread people over sessions with every session that gets someone ending within
 * `range`, or null when the sessions cannot hold them so. Everyone is placed exactly once. Sessions
 * with bookings are filled first; of the empty ones, as many are used as the range allows, up to all,
 * or as few as it allows with `fewestSessions`.
 * The people of one school stay together where the range allows: a school is divided only when no
 * session has room for all of it, and at most one fewer schools are divided than sessions used.
 * Returns the sessions that get someone, in the order given; empty when there is no one to place.
 */
export function splitIntoSessions<P extends PersonToPlace>(
  people: readonly P[],
  sessions: readonly SessionToFill[],
  range: ParticipantRange & { fewestSessions?: boolean },
): { sessionId: string; people: P[] }[] | null {
  if (people.length === 0) return [];
  const min = range.min ?? 1;
  const max = range.max ?? Number.POSITIVE_INFINITY;
  // What each session can take and still end within the range; a session that cannot is left as it is.
  const candidates = sessions
    .map((session, index) => ({
      index,
      booked: session.booked,
      low: Math.max(session.booked > 0 ? 0 : 1, min - session.booked),
      high: max - session.booked,
    }))
    .filter((candidate) => candidate.low <= candidate.high)
    .sort((a, b) => Number(b.booked > 0) - Number(a.booked > 0));
  const groups = groupsOf(people);
  // Counted up from the first, not taken off the total: a session without a maximum takes Infinity.
  const lowUpTo = [0];
  const highUpTo = [0];
  for (const candidate of candidates) {
    lowUpTo.push(lowUpTo[lowUpTo.length - 1] + candidate.low);
    highUpTo.push(highUpTo[highUpTo.length - 1] + candidate.high);
  }
  const counts = candidates.map((_, index) => index + 1);
  for (const used of range.fewestSessions ? counts : counts.reverse()) {
    if (people.length < lowUpTo[used] || people.length > highUpTo[used]) continue;
    const chosen = candidates.slice(0, used);
    const booked = chosen.map((candidate) => candidate.booked);
    const balanced = balancedSplit(groups, booked, range.max);
    const withinRange = balanced.every(
      (placed, index) =>
        placed.length === 0 || (placed.length >= chosen[index].low && placed.length <= chosen[index].high),
    );
    const placed = withinRange ? balanced : sequentialSplit(groups, booked, chosen);
    const byIndex = new Map(chosen.map((candidate, position) => [candidate.index, placed[position]]));
    return sessions.flatMap((session, index) => {
      const mine = byIndex.get(index) ?? [];
      return mine.length > 0 ? [{ sessionId: session.id, people: mine }] : [];
    });
  }
  return null;
}
