import type { OpenItems } from '../../shared/closure.js';
import type { Training } from '../../shared/trainings.js';

type OpenTraining = OpenItems['trainings'][number];
type TrainingCounts = Pick<Training, 'key' | 'title' | 'trainees' | 'sessionsNeeded' | 'sessions' | 'missed'>;

/**
 * The trainings not yet done with: those with a maximum per session and people to train that have
 * fewer confirmed sessions than they need, and those where someone was absent and is not booked on
 * a catch-up session yet. A training without a maximum counts as needing only what it has booked.
 */
export function openTrainings(trainings: readonly TrainingCounts[]): OpenTraining[] {
  return trainings.flatMap((training) => {
    const booked = training.sessions.length;
    const short = training.sessionsNeeded !== null && training.trainees.length > 0 && booked < training.sessionsNeeded;
    const missed = training.missed.filter((person) => person.catchUpSessionId === null).length;
    if (!short && missed === 0) return [];
    return [{ key: training.key, title: training.title, booked, needed: training.sessionsNeeded ?? booked, missed }];
  });
}

/** What the approver confirms having seen: every open activity, training and goal. */
export const openItemCount = (open: OpenItems): number =>
  open.activities.length + open.trainings.length + open.goals.length;
