import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatKronor } from '../plan/format.js';
import { useBudget } from './api.js';

/** "Budget: 132 000 kr av 110 000 kr" on the project page, linking to the budget; nothing before there is a budget. */
export function BudgetSummary({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const budget = useBudget(projectId);
  const data = budget.data;
  if (!data || data.lines.length === 0) return null;
  const summary = t('steering.budget.summary', {
    actual: formatKronor(data.actualSek),
    planned: formatKronor(data.plannedSek),
  });
  return (
    <Anchor
      component={Link}
      to={`/projekt/${projectId}/styrning#budget`}
      size="sm"
      c={data.overThreshold ? 'red.9' : undefined}
    >
      {data.overThreshold ? `${summary} – ${t('steering.budget.summaryOver')}` : summary}
    </Anchor>
  );
}
