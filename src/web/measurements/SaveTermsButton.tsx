import { Button, List, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Computation, GoalTracking } from '../../shared/measurements.js';
import { stockholmToday } from '../checklist/dates.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useGoalAmount } from './amount.js';
import { useRecordMeasurement } from './api.js';

/**
 * Each term's figure of a computation followed per term, and a button that records each as its
 * own measurement, dated at the term's end (or today, for the term still running).
 */
export function SaveTermsButton({
  projectId,
  goal,
  computation,
  headingLevel,
  onSaved,
}: {
  projectId: string;
  goal: GoalTracking['goal'];
  computation: Computation;
  headingLevel: TitleOrder;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const amount = useGoalAmount(goal);
  const record = useRecordMeasurement(projectId, goal.id);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  if (computation.terms.length === 0) return null;

  const saveAll = async () => {
    setPending(true);
    setError(null);
    const today = stockholmToday();
    try {
      for (const term of computation.terms) {
        // ISO dates compare as text: the earlier of the term's end and today.
        const [measuredOn] = [term.to, today].sort();
        await record.mutateAsync({ computationId: term.computationId, measuredOn });
      }
      onSaved(t('measurements.terms.saved', { count: computation.terms.length }));
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="xs">
      <Title order={headingLevel} size="h5">
        {t('measurements.terms.perTermTitle')}
      </Title>
      <List size="sm" spacing={2}>
        {computation.terms.map((term) => (
          <List.Item key={term.computationId}>
            {t('measurements.terms.figure', {
              term: t(`measurements.terms.${term.name}`, { year: term.year }),
              value: amount(term.value),
              numerator: term.numerator,
              denominator: term.denominator,
            })}
          </List.Item>
        ))}
      </List>
      {error && <ErrorMessage error={error} />}
      <Text size="sm">{t('measurements.terms.saveHint')}</Text>
      <Button variant="light" onClick={saveAll} loading={pending} w="fit-content">
        {t('measurements.terms.saveAll')}
      </Button>
    </Stack>
  );
}
