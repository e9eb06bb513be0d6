import { useTranslation } from 'react-i18next';
import type { GoalTracking } from '../../shared/measurements.js';
import { formatNumber } from '../plan/format.js';

/** Writes a goal's values in its unit: "62 %", or "140 elever" for a count. */
export function useGoalAmount(goal: GoalTracking['goal']): (value: number) => string {
  const { t, i18n } = useTranslation();
  return (value) =>
    goal.unit === 'percent'
      ? t('measurements.percent', { value: formatNumber(value, i18n.language) })
      : [formatNumber(value, i18n.language), goal.unitLabel].filter(Boolean).join(' ');
}
