import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../shared/plan.js';
import { formatDate, formatKronor, formatNumber } from './format.js';

/** A goal as the plan reads: what is measured from what to what by when, or what is delivered. */
export function GoalSummary({ goal }: { goal: Goal }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const amount = (value: number) =>
    goal.unit === 'percent'
      ? t('plan.goals.percentValue', { value: formatNumber(value, language) })
      : [formatNumber(value, language), goal.unitLabel].filter(Boolean).join(' ');

  return (
    <Stack gap={2}>
      <Text fw={700}>{goal.title}</Text>
      {goal.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {goal.description}
        </Text>
      )}
      {goal.kind === 'effect' ? (
        <>
          {goal.measure && <Text size="sm">{t('plan.goals.measured', { measure: goal.measure })}</Text>}
          {goal.baseline !== null && goal.target !== null && (
            <Text size="sm">
              {amount(goal.baseline)} <span aria-hidden="true">→</span>
              <span className="visually-hidden">{t('plan.goals.to')}</span> {amount(goal.target)}
              {goal.targetDate && ` ${t('plan.goals.byDate', { date: formatDate(goal.targetDate, language) })}`}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm">
          {[
            goal.deliverable &&
              t('plan.goals.delivers', { deliverable: t(`plan.goals.deliverables.${goal.deliverable}`) }),
            goal.dueDate && t('plan.goals.due', { date: formatDate(goal.dueDate, language) }),
            goal.budgetSek !== null && t('plan.goals.budgetAmount', { amount: formatKronor(goal.budgetSek) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
