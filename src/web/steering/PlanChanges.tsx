import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeRequest } from '../../shared/steering.js';
import { formatDate, formatKronor, formatNumber } from '../plan/format.js';
import { FromTo } from './FromTo.js';
import { type GoalChangeField, isDateField } from './view.js';

/** A goal's value as the plan writes it: a date, kronor or a number; "inget värde" when it has none. */
export function useGoalValueText() {
  const { t, i18n } = useTranslation();
  return (field: GoalChangeField, value: number | string | null) => {
    if (value === null) return isDateField(field) ? t('steering.requests.noDate') : t('steering.requests.noValue');
    if (isDateField(field)) return formatDate(String(value), i18n.language);
    return field === 'budgetSek' ? formatKronor(Number(value)) : formatNumber(Number(value), i18n.language);
  };
}

/** The dates and goals a request changes, each "from → to": "Skarp start: 1 mars 2027 → 15 mars 2027". */
export function PlanChanges({ request }: { request: Pick<ChangeRequest, 'dateChanges' | 'goalChanges'> }) {
  const { t, i18n } = useTranslation();
  const goalValue = useGoalValueText();
  const date = (value: string | null) =>
    value === null ? t('steering.requests.noDate') : formatDate(value, i18n.language);
  if (request.dateChanges.length === 0 && request.goalChanges.length === 0) return null;
  return (
    <List size="sm" spacing={2}>
      {request.dateChanges.map((change) => (
        <List.Item key={change.keyActivityId}>
          {change.title}: <FromTo from={date(change.from)} to={date(change.to)} />
        </List.Item>
      ))}
      {request.goalChanges.map((change) => (
        <List.Item key={`${change.goalId}-${change.field}`}>
          {t('steering.requests.goalChange', {
            title: change.title,
            field: t(`steering.requests.fields.${change.field}`),
          })}
          : <FromTo from={goalValue(change.field, change.from)} to={goalValue(change.field, change.to)} />
        </List.Item>
      ))}
    </List>
  );
}
