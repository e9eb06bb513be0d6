import type { GoalStatus, GoalStatusResult } from '../../shared/measurements.js';
import type { Goal } from '../../shared/plan.js';
import { daysBetween, swedishDate } from '../core/days.js';

/** An effect goal as far as judging its progress goes. */
export interface GoalPath {
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  /** The project's start: where the straight path from the baseline begins. */
  startDate: string;
  /** Only for writing the figures in the explanation. */
  unit?: Goal['unit'];
  unitLabel?: string | null;
}

export interface MeasuredValue {
  value: number;
  measuredOn: string;
  createdAt: string;
}

/** How a reader of the plan names each state. */
export const goalStatusLabels: Record<GoalStatus, string> = {
  not_measured: 'Inte mätt än',
  on_track: 'I fas',
  at_risk: 'Riskerar att inte nås',
  achieved: 'Uppnått',
  missed: 'Inte uppnått',
};

/** The measurement with the latest date; of several on that day, the one recorded last. */
export function latestMeasurement<Measurement extends MeasuredValue>(
  measurements: readonly Measurement[],
): Measurement | null {
  let latest: Measurement | null = null;
  for (const measurement of measurements) {
    if (
      latest === null ||
      measurement.measuredOn > latest.measuredOn ||
      (measurement.measuredOn === latest.measuredOn && measurement.createdAt >= latest.createdAt)
    ) {
      latest = measurement;
    }
  }
  return latest;
}

type CompletePath = GoalPath & { baseline: number; target: number; targetDate: string };

const isComplete = (goal: GoalPath): goal is CompletePath =>
  goal.baseline !== null && goal.target !== null && goal.targetDate !== null;

/** A goal whose target lies below its baseline is met by going down, such as fewer absences. */
const isDecreasing = (goal: CompletePath) => goal.target < goal.baseline;

/** Whether `value` is at `reference` or past it in the goal's direction. */
const reaches = (goal: CompletePath, value: number, reference: number) =>
  isDecreasing(goal) ? value <= reference : value >= reference;

/**
 * Where the straight path from (start, baseline) to (target date, target) stands on `day`,
 * clamped to its ends. Rounded to a tenth as it is shown, so that a measurement read as equal to
 * the path is judged equal to it; rounding cannot step outside baseline and target.
 */
function pathValueOn(goal: CompletePath, day: string): number {
  let value: number;
  if (day >= goal.targetDate) value = goal.target;
  else if (day <= goal.startDate) value = goal.baseline;
  else {
    const share = daysBetween(goal.startDate, day) / daysBetween(goal.startDate, goal.targetDate);
    value = goal.baseline + (goal.target - goal.baseline) * share;
  }
  const rounded = Math.round(value * 10) / 10;
  return Math.min(Math.max(rounded, Math.min(goal.baseline, goal.target)), Math.max(goal.baseline, goal.target));
}

const swedishNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const dayAndMonth = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "72 %", "340 elever" or "340". */
export function readableValue(goal: Pick<GoalPath, 'unit' | 'unitLabel'>, value: number): string {
  const number = swedishNumber.format(value);
  if (goal.unit === 'percent') return `${number} %`;
  return goal.unitLabel ? `${number} ${goal.unitLabel}` : number;
}

/** "12 mars" within the year of `today`, "12 mars 2026" otherwise. */
const readableDayOf = (day: string, today: string) =>
  day.slice(0, 4) === today.slice(0, 4) ? dayAndMonth.format(new Date(`${day}T00:00:00Z`)) : swedishDate(day);

/**
 * How an effect goal stands on `today`, with one Swedish sentence saying why:
 * - `achieved` exactly when the latest measurement meets the target;
 * - `missed` when it does not (or nothing is measured) and the target date has passed;
 * - otherwise `on_track` when the latest measurement is at or past the straight path from the
 *   baseline at the project's start to the target at the target date, on the measurement's date,
 *   `at_risk` when it falls short of it, and `not_measured` without measurements.
 * A goal without a baseline, target or target date cannot be judged and counts as not measured.
 */
export function goalStatus(goal: GoalPath, measurements: readonly MeasuredValue[], today: string): GoalStatusResult {
  const latest = latestMeasurement(measurements);
  const latestOut = latest && { value: latest.value, measuredOn: latest.measuredOn };
  if (!isComplete(goal)) {
    return {
      state: 'not_measured',
      expected: null,
      latest: latestOut,
      explanation: 'Målet saknar utgångsvärde, målvärde eller datum för målvärdet, så läget går inte att bedöma.',
    };
  }
  const figure = (value: number) => readableValue(goal, value);
  const targetText = `målvärdet ${figure(goal.target)}`;
  const deadline = swedishDate(goal.targetDate);
  const pastTargetDate = today > goal.targetDate;

  if (!latest) {
    return {
      state: pastTargetDate ? 'missed' : 'not_measured',
      expected: null,
      latest: null,
      explanation: pastTargetDate
        ? `Ingen mätning är gjord, och ${targetText} skulle ha varit nått ${deadline}.`
        : `Ingen mätning är gjord än; ${targetText} ska vara nått ${deadline}.`,
    };
  }

  const expected = pathValueOn(goal, latest.measuredOn);
  const measured = `Senaste mätningen ${figure(latest.value)} (${readableDayOf(latest.measuredOn, today)})`;
  const result = (state: GoalStatus, explanation: string): GoalStatusResult => ({
    state,
    expected,
    latest: latestOut,
    explanation,
  });
  if (reaches(goal, latest.value, goal.target)) return result('achieved', `${measured} når ${targetText}.`);
  if (pastTargetDate) {
    return result('missed', `${measured} når inte ${targetText}, som skulle ha varit nått ${deadline}.`);
  }
  const pathAt = `den raka vägen mot målet, ${figure(expected)} vid det datumet`;
  if (reaches(goal, latest.value, expected)) {
    return result('on_track', `${measured} ligger på eller ${isDecreasing(goal) ? 'under' : 'över'} ${pathAt}.`);
  }
  return result('at_risk', `${measured} ligger ${isDecreasing(goal) ? 'över' : 'under'} ${pathAt}.`);
}
