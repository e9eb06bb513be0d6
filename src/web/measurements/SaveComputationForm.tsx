import { Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Computation, computedMeasurementBodySchema, type GoalTracking } from '../../shared/measurements.js';
import { useSchemaForm } from '../api/forms.js';
import { stockholmToday } from '../checklist/dates.js';
import { FormActions } from '../layout/FormActions.js';
import { useGoalAmount } from './amount.js';
import { useRecordMeasurement } from './api.js';

/** Records a computation as the goal's measurement on a date; the files are not sent again. */
export function SaveComputationForm({
  projectId,
  goal,
  computation,
  onSaved,
}: {
  projectId: string;
  goal: GoalTracking['goal'];
  computation: Computation;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const amount = useGoalAmount(goal);
  const record = useRecordMeasurement(projectId, goal.id);
  const form = useSchemaForm(computedMeasurementBodySchema, { measuredOn: stockholmToday(), comment: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { computationId: computation.id, ...form.values };
    if (!form.check(body)) return;
    record.mutate(computedMeasurementBodySchema.parse(body), {
      onSuccess: (saved) =>
        onSaved(t('measurements.record.saved', { value: amount(saved.value), date: saved.measuredOn })),
      onError: form.showServerErrors,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
          <TextInput
            type="date"
            label={t('measurements.record.measuredOn')}
            required
            maw={220}
            {...form.field('measuredOn')}
          />
          <Textarea label={t('measurements.record.comment')} autosize minRows={1} {...form.field('comment')} />
        </Group>
        <FormActions error={record.error} submitLabel={t('measurements.result.save')} pending={record.isPending} />
      </Stack>
    </form>
  );
}
