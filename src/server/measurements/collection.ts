import { daysBetween } from '../core/days.js';

/**
 * When data is collected for each effect goal: the dates of the evaluation items the goal is
 * linked to in the Utvärdering section.
 */

/** How late a collection reminder may still go out, e.g. after the job could not run for a while. */
const COLLECTION_REMINDER_GRACE_DAYS = 7;

/** Goal id → its collection dates, ascending and each once. */
export function collectionDatesByGoal(
  items: readonly { id: string; collectionDates: readonly string[] }[],
  links: readonly { evaluationItemId: string; goalId: string }[],
): Map<string, string[]> {
  const datesOfItem = new Map(items.map((item) => [item.id, item.collectionDates]));
  const dates = new Map<string, Set<string>>();
  for (const link of links) {
    const goalDates = dates.get(link.goalId) ?? new Set<string>();
    for (const date of datesOfItem.get(link.evaluationItemId) ?? []) goalDates.add(date);
    dates.set(link.goalId, goalDates);
  }
  return new Map([...dates].map(([goalId, goalDates]) => [goalId, [...goalDates].sort()]));
}

/** The first collection date from today on; null when all have passed. */
export const nextCollectionDate = (dates: readonly string[], today: string): string | null =>
  dates.find((date) => date >= today) ?? null;

/**
 * The collection dates to remind of today: those that have come, up to a week back, so that a
 * reminder missed on the day (the job was not running) still goes out on the first run after,
 * while a project set up with dates long past is not flooded with reminders.
 */
export const dueCollectionDates = (dates: readonly string[], today: string): string[] =>
  dates.filter((date) => date <= today && daysBetween(date, today) <= COLLECTION_REMINDER_GRACE_DAYS);
