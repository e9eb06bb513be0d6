import type { UserRole } from '../../shared/auth.js';
import type { TrainingKind } from '../../shared/trainings.js';

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

/** Sessions needed for `trainees` at most `max` per session; null when there is no maximum. */
export const sessionsNeeded = (trainees: number, max: number | null): number | null =>
  max === null ? null : Math.ceil(trainees / max);

export interface SessionWarning {
  code: 'over_max' | 'under_min';
  message: string;
}

/** A session fuller than the maximum or emptier than the minimum, when the training has them. */
export function sessionWarnings(participants: number, range: { min: number | null; max: number | null }) {
  const warnings: SessionWarning[] = [];
  if (range.max !== null && participants > range.max) {
    warnings.push({
      code: 'over_max',
      message: `${participants} deltagare, fler än högst ${range.max} per tillfälle`,
    });
  }
  if (range.min !== null && participants < range.min) {
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
  const sizes = [...booked];
  for (let placed = 0; placed < count; placed++) {
    let smallest = -1;
    for (let index = 0; index < sizes.length; index++) {
      if (cap !== null && sizes[index] >= cap) continue;
      if (smallest === -1 || sizes[index] < sizes[smallest]) smallest = index;
    }
    sizes[smallest] += 1;
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
 * Spreads people over sessions. Everyone is placed exactly once. No session goes past `max` when
 * the sessions together have room for everyone; when they have not, the sessions are filled
 * evenly past it. The people of one school stay together in a session where they fit, and a school
 * is split only when no session has room for all of it; each school goes where the sessions stay
 * most even. Returns the sessions that get someone, in the order given.
 */
export function splitIntoSessions<P extends PersonToPlace>(
  people: readonly P[],
  sessions: readonly SessionToFill[],
  max: number | null,
): { sessionId: string; people: P[] }[] {
  if (people.length === 0 || sessions.length === 0) return [];
  const booked = sessions.map((session) => session.booked);
  const room = max === null ? Number.POSITIVE_INFINITY : booked.reduce((sum, size) => sum + Math.max(0, max - size), 0);
  const fitsUnderMax = room >= people.length;
  const even = balancedSizes(booked, people.length, fitsUnderMax ? max : null);
  const limit = (index: number) => (max === null ? Number.POSITIVE_INFINITY : fitsUnderMax ? max : even[index]);

  const sizes = [...booked];
  const placed: P[][] = sessions.map(() => []);
  const place = (index: number, group: P[]) => {
    placed[index].push(...group);
    sizes[index] += group.length;
  };
  const indexes = sessions.map((_, index) => index);
  for (const group of groupsOf(people)) {
    let remaining = group;
    while (remaining.length > 0) {
      const count = remaining.length;
      const whole = indexes.filter((index) => sizes[index] + count <= limit(index));
      if (whole.length > 0) {
        place(
          best(whole, (index) => even[index] - sizes[index]),
          remaining,
        );
        break;
      }
      const roomiest = best(indexes, (index) => limit(index) - sizes[index]);
      const fitting = Math.max(1, limit(roomiest) - sizes[roomiest]);
      place(roomiest, remaining.slice(0, fitting));
      remaining = remaining.slice(fitting);
    }
  }
  return sessions
    .map((session, index) => ({ sessionId: session.id, people: placed[index] }))
    .filter((entry) => entry.people.length > 0);
}
