import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationItem, Goal } from '../../shared/plan.js';
import { formatDate } from './format.js';

/** An evaluation as the plan reads: why, what, how, when, and the goals it follows up. */
export function EvaluationSummary({ item, goals }: { item: EvaluationItem; goals: Goal[] }) {
  const { t, i18n } = useTranslation();
  const goalTitles = item.goalIds
    .map((goalId) => goals.find((goal) => goal.id === goalId)?.title)
    .filter((title): title is string => Boolean(title));
  const rows: [string, string][] = [
    [t('plan.evaluation.why'), item.why],
    [t('plan.evaluation.what'), item.what],
    [t('plan.evaluation.how'), item.how],
    [t('plan.evaluation.when'), item.collectionDates.map((date) => formatDate(date, i18n.language)).join(', ')],
    [t('plan.evaluation.goals'), goalTitles.join('; ')],
  ];
  return (
    <dl className="plan-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>
            <Text size="sm" component="span" style={{ whiteSpace: 'pre-line' }}>
              {value || '–'}
            </Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
