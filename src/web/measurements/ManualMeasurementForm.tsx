import { NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type GoalTracking, manualMeasurementBodySchema } from '../../shared/measurements.js';
import { useSchemaForm } from '../api/forms.js';
import { stockholmToday } from '../checklist/dates.js';
import { FormActions } from '../layout/FormActions.js';
import { useGoalAmount } from './amount.js';
import { useRecordMeasurement } from './api.js';

type ManualValues = { measuredOn: string; value: number | string; source: string; comment: string };

const emptyValues = (): ManualValues => ({ measuredOn: stockholmToday(), value: '', source: '', comment: '' });

/** A figure measured some other way, typed in with where it came from. */
export function ManualMeasurementForm({
  projectId,
  goal,
  announce,
}: {
  projectId: string;
  goal: GoalTracking['goal'];
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const amount = useGoalAmount(goal);
  const record = useRecordMeasurement(projectId, goal.id);
  const form = useSchemaForm<ManualValues>(manualMeasurementBodySchema, emptyValues());
  const { values, errors } = form;
  const unit = goal.unit === 'percent' ? '%' : goal.unitLabel;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      measuredOn: values.measuredOn,
      // Left out when empty, so that the shared schema asks for it.
      value: typeof values.value === 'number' ? values.value : undefined,
      source: values.source,
      comment: values.comment,
    };
    if (!form.check(body)) return;
    record.mutate(manualMeasurementBodySchema.parse(body), {
      onSuccess: (saved) => {
        form.reset(emptyValues());
        announce(t('measurements.record.saved', { value: amount(saved.value), date: saved.measuredOn }));
      },
      onError: form.showServerErrors,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput type="date" label={t('measurements.record.measuredOn')} required {...form.field('measuredOn')} />
          <NumberInput
            label={unit ? t('measurements.record.valueWithUnit', { unit }) : t('measurements.record.value')}
            required
            // The value typed is the value checked and sent, never silently clamped.
            clampBehavior="none"
            decimalSeparator=","
            value={values.value}
            error={errors.value}
            onChange={(value) => form.set('value', value)}
          />
          <TextInput
            label={t('measurements.record.source')}
            description={t('measurements.record.sourceHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.field('source')}
          />
        </SimpleGrid>
        <Textarea label={t('measurements.record.comment')} autosize minRows={2} {...form.field('comment')} />
        <FormActions error={record.error} submitLabel={t('measurements.record.save')} pending={record.isPending} />
      </Stack>
    </form>
  );
}
