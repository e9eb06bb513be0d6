import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveryPersonRef, type DeliveryStep, markDeliveryStepBodySchema } from '../../shared/delivery.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useMarkStep } from './api.js';

type MarkValues = {
  doneOn: string;
  /** '' for nobody named. */
  doneByPersonId: string;
};

/** The day a step was done and who did it, proposed as today and the step's suggested person. */
export function MarkStepForm({
  projectId,
  schoolId,
  step,
  where,
  people,
  today,
  titleId,
  onMarked,
  onCancel,
}: {
  projectId: string;
  schoolId: string | null;
  step: DeliveryStep;
  where: string;
  people: DeliveryPersonRef[];
  today: string;
  titleId: string;
  onMarked: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const mark = useMarkStep(projectId, onMarked);
  const form = useSchemaForm<MarkValues>(markDeliveryStepBodySchema, {
    doneOn: today,
    doneByPersonId: step.suggestedPerson?.id ?? '',
  });
  const stepTitle = t(`delivery.steps.${step.key}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      schoolId,
      stepKey: step.key,
      doneOn: form.values.doneOn,
      doneByPersonId: form.values.doneByPersonId === '' ? null : form.values.doneByPersonId,
    };
    if (!form.check(body)) return;
    mark.mutate(body, { onError: form.showServerErrors });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={700} id={titleId}>
          {t('delivery.form.title', { step: stepTitle, where })}
        </Text>
        <TextInput type="date" label={t('delivery.form.date')} max={today} required {...form.field('doneOn')} />
        <NativeSelect
          label={t('delivery.form.who')}
          value={form.values.doneByPersonId}
          error={form.errors.doneByPersonId}
          onChange={(event) => form.set('doneByPersonId', event.currentTarget.value)}
          data={[
            { value: '', label: t('delivery.form.nobody') },
            ...people.map((person) => ({ value: person.id, label: person.name })),
          ]}
        />
        {mark.isError && !hasFieldErrors(mark.error) && (
          <Alert color="red" role="alert">
            {errorText(mark.error, t)}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={mark.isPending}>
            {t('delivery.form.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
