import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StepDecision } from '../../shared/steps.js';
import { stockholmToday } from '../checklist/dates.js';
import { Collapsible } from '../organisation/Collapsible.js';
import { formatDate } from '../plan/format.js';

/** The day a decision was taken in Sweden, as the reader's language writes it. */
function useDecisionDay() {
  const { i18n } = useTranslation();
  return (decision: StepDecision) => formatDate(stockholmToday(new Date(decision.createdAt)), i18n.language);
}

/**
 * The hold or move in force, with who took it, when and why, and the step the data gives beside
 * it: whoever reads it sees both what was decided and what the data says.
 */
export function DecisionInForce({ decision, derived }: { decision: StepDecision; derived: number }) {
  const { t } = useTranslation();
  const day = useDecisionDay();
  if (decision.stepNumber === null || decision.direction === 'follow_data') return null;
  return (
    <Stack gap={2}>
      <Text size="sm">
        <Text component="span" size="sm" fw={700}>
          {t(`steps.decision.${decision.direction}`, {
            step: decision.stepNumber,
            name: decision.decidedBy.name,
            date: day(decision),
          })}
        </Text>{' '}
        {decision.reason}
      </Text>
      <Text size="sm" c="gray.7">
        {t('steps.decision.derived', { step: derived })}
      </Text>
    </Stack>
  );
}

/** Every decision on the step, newest first, behind a button. */
export function DecisionHistory({ history }: { history: StepDecision[] }) {
  const { t } = useTranslation();
  const day = useDecisionDay();
  if (history.length === 0) return null;
  return (
    <Collapsible label={t('steps.history.toggle', { count: history.length })}>
      <Title order={3} size="h5" mb={4}>
        {t('steps.history.title')}
      </Title>
      <List spacing={6} size="sm">
        {history.map((decision) => (
          <List.Item key={decision.id}>
            <Text size="sm">
              {t(`steps.history.${decision.direction}`, {
                date: day(decision),
                name: decision.decidedBy.name,
                step: decision.stepNumber,
                derived: decision.derivedStepNumber,
              })}
            </Text>
            <Text size="sm" c="gray.7">
              {decision.reason}
            </Text>
          </List.Item>
        ))}
      </List>
    </Collapsible>
  );
}
