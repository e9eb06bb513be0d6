import type { Measurement } from '../../shared/measurements.js';
import type { MailGoal } from './mails.js';
import type { EffectGoalRow, MeasurementRow } from './repository.js';
import type { GoalPath } from './status.js';

// PostgreSQL may hand numeric columns back as strings; SQLite as numbers.
const numberOrNull = (value: number | null) => (value === null ? null : Number(value));

export const toGoalPath = (row: EffectGoalRow, startDate: string): GoalPath => ({
  baseline: numberOrNull(row.baseline),
  target: numberOrNull(row.target),
  targetDate: row.target_date,
  startDate,
  unit: row.unit,
  unitLabel: row.unit_label,
});

export const toMailGoal = (row: EffectGoalRow): MailGoal => ({
  id: row.id,
  title: row.title,
  measure: row.measure,
  unit: row.unit,
  unitLabel: row.unit_label,
  target: numberOrNull(row.target),
  targetDate: row.target_date,
});

export const toMeasurement = (row: MeasurementRow): Measurement => ({
  id: row.id,
  measuredOn: row.measured_on,
  value: Number(row.value),
  method: row.method,
  source: row.source,
  comment: row.comment,
  recordedByName: row.recorded_by_name,
  createdAt: row.created_at,
  computationId: row.computation_id,
});
