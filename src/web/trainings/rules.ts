import type { partsOfDay, Trainee, Training, TrainingSession } from '../../shared/trainings.js';

export type PartOfDay = (typeof partsOfDay)[number];

export type TrainingStatus =
  | 'noTrainees'
  | 'noneMissed'
  | 'needsDates'
  | 'awaitingConfirmation'
  | 'needsMoreSessions'
  | 'needsSplitChoice'
  | 'needsBooking'
  | 'booked'
  | 'someMissed'
  | 'completed';

const isOver = (session: TrainingSession, today: string) => session.date <= today;

/**
 * Where a session-based training stands, as one word for its badge: first dates, then enough
 * confirmed sessions, then everyone booked, and finally held with attendance marked throughout,
 * where anyone absent still has a catch-up to attend.
 * Without a maximum per session one session is enough. Trainees who cannot be split within the
 * range wait for the project's choice of how to hold the training before anything else.
 */
export function trainingStatus(training: Training, today: string): TrainingStatus {
  const { sessions, trainees, unbooked, proposals } = training;
  const allHeldAndMarked =
    sessions.length > 0 &&
    sessions.every(
      (session) =>
        isOver(session, today) && session.participants.every((participant) => participant.attendance !== 'booked'),
    );
  if (allHeldAndMarked && unbooked.length === 0) return training.missed.length > 0 ? 'someMissed' : 'completed';
  if (trainees.length === 0) return training.kind === 'catchUp' ? 'noneMissed' : 'noTrainees';
  if (needsSplitChoice(training)) return 'needsSplitChoice';
  const needed = training.sessionsNeeded ?? 1;
  if (sessions.length < needed) {
    if (proposals.some((proposal) => proposal.sessionId === null)) return 'awaitingConfirmation';
    return sessions.length === 0 ? 'needsDates' : 'needsMoreSessions';
  }
  return unbooked.length > 0 ? 'needsBooking' : 'booked';
}

/** The trainees cannot be split within the range and nobody has chosen how to hold the training instead. */
export const needsSplitChoice = (training: Training): boolean =>
  training.capacity !== null && !training.capacity.fits && training.capacity.choice === null;

/** Why the unbooked have no suggested split: no session to come, no choice made yet, or too little room. */
export function noSplitReason(training: Training, today: string): 'needsSession' | 'needsChoice' | 'noRoom' {
  if (needsSplitChoice(training)) return 'needsChoice';
  return training.sessions.some((session) => session.date >= today) ? 'noRoom' : 'needsSession';
}

export const sessionsInOrder = (sessions: TrainingSession[]): TrainingSession[] =>
  [...sessions].sort((a, b) => `${a.date} ${a.startTime}`.localeCompare(`${b.date} ${b.startTime}`));

/** Attendance can be marked from the day of the session, not before it has happened. */
export const attendanceOpen = (session: TrainingSession, today: string): boolean => isOver(session, today);

/** The catch-up sessions still to come, earliest first: the first is the one to book on by default. */
export const upcomingCatchUpSessions = (trainings: Training[], today: string): TrainingSession[] =>
  sessionsInOrder(
    trainings.filter((training) => training.kind === 'catchUp').flatMap((training) => training.sessions),
  ).filter((session) => session.date >= today);

/** The schools of the people, each once, in the order they first appear. */
export const schoolsOf = (people: Trainee[]): string[] => [
  ...new Set(people.flatMap((person) => (person.schoolName ? [person.schoolName] : []))),
];

export interface SplitLine {
  sessionNumber: number;
  session: TrainingSession;
  people: Trainee[];
  schools: string[];
}

/** The server's suggested split, each part numbered as its session is on the page. */
export function splitLines(training: Training): SplitLine[] {
  const ordered = sessionsInOrder(training.sessions);
  return training.suggestedSplit.flatMap((part) => {
    const index = ordered.findIndex((session) => session.id === part.sessionId);
    if (index === -1) return [];
    return [
      { sessionNumber: index + 1, session: ordered[index], people: part.people, schools: schoolsOf(part.people) },
    ];
  });
}

/** The share of a school's staff trained so far, whole percent, at most 100; null without a staff count. */
export const trainedPercent = (trained: number, staffCount: number | null): number | null =>
  staffCount === null || staffCount <= 0 ? null : Math.min(100, Math.round((trained / staffCount) * 100));

/** Times a confirmation form starts from, after the part of the day the municipality proposed. */
export const defaultTimes: Record<PartOfDay, { startTime: string; endTime: string }> = {
  heldag: { startTime: '09:00', endTime: '16:00' },
  formiddag: { startTime: '09:00', endTime: '12:00' },
  eftermiddag: { startTime: '13:00', endTime: '16:00' },
};
