import { readableKronor, readableNumber } from '../revisions/readable.js';

/**
 * Cost overrun, one of the template's risk causes, judged on the budget lines together: the
 * actual amounts above the planned ones, in percent of what was planned.
 */
export interface BudgetTotals {
  plannedSek: number;
  actualSek: number;
}

export interface Overrun {
  /** Actual above planned in percent of planned: 0 when at or under plan, null when nothing is planned. */
  percent: number | null;
  /** The overrun passes the threshold (strictly more than it). */
  overThreshold: boolean;
}

export const budgetTotals = (lines: readonly BudgetTotals[]): BudgetTotals => ({
  plannedSek: lines.reduce((sum, line) => sum + line.plannedSek, 0),
  actualSek: lines.reduce((sum, line) => sum + line.actualSek, 0),
});

/**
 * Without a plan there is nothing to overrun: a budget of nothing but actuals is not judged. The
 * threshold is compared in whole kronor rather than on the rounded percentage, so that 10.004 %
 * passes a threshold of 10 % and 10 % exactly does not.
 */
export function overrunOf(totals: BudgetTotals, thresholdPercent: number): Overrun {
  const { plannedSek, actualSek } = totals;
  if (plannedSek <= 0) return { percent: null, overThreshold: false };
  const excessSek = Math.max(0, actualSek - plannedSek);
  return {
    percent: (excessSek / plannedSek) * 100,
    overThreshold: excessSek * 100 > thresholdPercent * plannedSek,
  };
}

/** A change raises the cost-overrun risk when it takes the budget over the threshold, not while it stays there. */
export const wentOverThreshold = (before: Overrun, after: Overrun): boolean =>
  !before.overThreshold && after.overThreshold;

/** One decimal is as exact as anyone reads a percentage of a budget. */
export const roundedPercent = (percent: number): number => Math.round(percent * 10) / 10;

/** Why the cost-overrun risk was raised: "Utfallet 132 000 kr överstiger planerat 110 000 kr med 20 %, över gränsen 10 %". */
export function overrunReason(totals: BudgetTotals, thresholdPercent: number): string {
  const percent = overrunOf(totals, thresholdPercent).percent ?? 0;
  return `Utfallet ${readableKronor(totals.actualSek)} överstiger planerat ${readableKronor(totals.plannedSek)} med ${readableNumber(roundedPercent(percent))} %, över gränsen ${thresholdPercent} %`;
}
