import type { Health, HealthFactor, HealthFactorKey, HealthLevel } from '../../shared/portfolio.js';
import { addDays, daysBetween } from '../core/days.js';

/** What the health of one project is judged on, as plain figures. */
export interface HealthInput {
  overdueCustomer: number;
  overdueVendor: number;
  goalsAtRisk: number;
  goalsMissed: number;
  /** Sessions still to confirm for trainings that are near or past (see `sessionsShortOfDueTrainings`). */
  trainingSessionsShort: number;
  organisationGaps: number;
  unreadRevisions: number;
  /** Days the customer has changed nothing (see `customerSilentDays`). */
  customerSilentDays: number;
}

/**
 * Points off a score of 100. Each factor is capped at 30 or less, so no single kind of trouble makes
 * a project "critical" on its own: it takes two at the least.
 * - Overdue activities are the commonest sign of a project slipping. The vendor's own weigh more
 *   (5 against 4): they are promises the vendor can keep without waiting for anyone.
 * - Goals are why the municipality bought the system. A missed goal (12) is past saving, a goal at
 *   risk (8) can still be turned; together they take at most 30, the largest cap, because a project
 *   that delivers everything but its effect has still failed. Missed goals are counted first.
 * - Missing training sessions (5, max 15) matter only once the training is within six weeks: booking
 *   further ahead is not yet late.
 * - Organisation gaps (3, max 15): a school without its two administrators stalls at go-live, but
 *   each gap is quick to fill.
 * - Unread revisions (5, max 10): the customer waits for the vendor to read the plan they sent.
 * - A silent customer (10 after three weeks, 20 after six) is the template's "oengagerad ledning"
 *   risk: nothing is overdue yet, but nothing moves either.
 */
const COUNTED: { key: HealthFactorKey; count: (input: HealthInput) => number; each: number; max: number }[] = [
  { key: 'overdueCustomer', count: (input) => input.overdueCustomer, each: 4, max: 24 },
  { key: 'overdueVendor', count: (input) => input.overdueVendor, each: 5, max: 25 },
  { key: 'trainingsShort', count: (input) => input.trainingSessionsShort, each: 5, max: 15 },
  { key: 'organisationGaps', count: (input) => input.organisationGaps, each: 3, max: 15 },
  { key: 'unreadRevisions', count: (input) => input.unreadRevisions, each: 5, max: 10 },
];
const GOALS = { missedEach: 12, atRiskEach: 8, max: 30 };
const SILENCE = [
  { afterDays: 42, points: 20 },
  { afterDays: 21, points: 10 },
];
const LEVELS: { level: HealthLevel; from: number }[] = [
  { level: 'good', from: 80 },
  { level: 'watch', from: 55 },
  { level: 'critical', from: 0 },
];
/** A training is due for booking this many days before its key activity. */
export const TRAINING_BOOKING_DAYS = 42;

/**
 * A project's health from 0 to 100 with the factors that pulled it down, largest first. Only
 * factors that took points are listed, so a score of 100 has none.
 */
export function projectHealth(input: HealthInput): Health {
  const factors: HealthFactor[] = [];
  const add = (key: HealthFactorKey, points: number, count: number) => {
    if (points > 0) factors.push({ key, points, count });
  };
  for (const factor of COUNTED) {
    const count = Math.max(0, factor.count(input));
    add(factor.key, Math.min(factor.each * count, factor.max), count);
  }
  const missed = Math.max(0, input.goalsMissed);
  const atRisk = Math.max(0, input.goalsAtRisk);
  const missedPoints = Math.min(GOALS.missedEach * missed, GOALS.max);
  add('goalsMissed', missedPoints, missed);
  add('goalsAtRisk', Math.min(GOALS.atRiskEach * atRisk, GOALS.max - missedPoints), atRisk);
  const silentDays = Math.max(0, input.customerSilentDays);
  add('customerSilent', SILENCE.find((step) => silentDays > step.afterDays)?.points ?? 0, silentDays);

  factors.sort((a, b) => b.points - a.points);
  const score = Math.max(0, 100 - factors.reduce((sum, factor) => sum + factor.points, 0));
  const level = LEVELS.find((candidate) => score >= candidate.from)?.level ?? 'critical';
  return { score, level, factors };
}

/**
 * Sessions still missing, counted only for trainings whose key activity is at most
 * `TRAINING_BOOKING_DAYS` ahead or already past; a training without a date is not yet judged.
 */
export function sessionsShortOfDueTrainings(
  trainings: readonly { booked: number; needed: number; keyActivityDate: string | null }[],
  today: string,
): number {
  const horizon = addDays(today, TRAINING_BOOKING_DAYS);
  return trainings
    .filter((training) => training.keyActivityDate !== null && training.keyActivityDate <= horizon)
    .reduce((sum, training) => sum + Math.max(0, training.needed - training.booked), 0);
}

/**
 * How long the customer has changed nothing: since their last change, or since the project's start
 * when they never have (a customer who never began is the most silent of all). Never negative.
 */
export function customerSilentDays(lastChangeDay: string | null, startDate: string, today: string): number {
  return Math.max(0, daysBetween(lastChangeDay ?? startDate, today));
}
