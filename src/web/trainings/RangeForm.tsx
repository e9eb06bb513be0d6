import { Group, Paper, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Training, updateTrainingRangeBodySchema } from '../../shared/trainings.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { trainingsQuery, useUpdateRange } from './api.js';
import type { TrainingControls } from './controls.js';

type RangeValues = { minParticipants: string; maxParticipants: string };

const valuesOf = (training: Training): RangeValues => ({
  minParticipants: training.minParticipants === null ? '' : String(training.minParticipants),
  maxParticipants: training.maxParticipants === null ? '' : String(training.maxParticipants),
});

const countOf = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/** The project's own participant range for a training, in place of the template's. */
export function RangeForm({
  training,
  controls,
  label,
  onDone,
}: {
  training: Training;
  controls: TrainingControls;
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useUpdateRange(controls.projectId);
  const form = useSchemaForm<RangeValues>(updateTrainingRangeBodySchema, valuesOf(training));
  const edit = useVersionedEdit({
    entity: training,
    valuesOf,
    form,
    save,
    latest: {
      query: trainingsQuery(controls.projectId),
      find: (overview) => overview.trainings.find((candidate) => candidate.key === training.key),
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      version: edit.version,
      minParticipants: countOf(form.values.minParticipants),
      maxParticipants: countOf(form.values.maxParticipants),
    };
    if (!form.check(body)) return;
    save.mutate(
      { trainingKey: training.key, ...body, version: body.version as number },
      {
        onSuccess: () => {
          controls.announce(t('trainings.range.saved', { title: training.title }));
          onDone();
        },
        onError: form.showServerErrors,
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={label}>
        <Stack gap="sm">
          <Group align="flex-start" gap="md">
            <TextInput
              label={t('trainings.range.min')}
              description={t('trainings.range.hint')}
              type="number"
              inputMode="numeric"
              min={1}
              w={200}
              {...form.field('minParticipants')}
            />
            <TextInput
              label={t('trainings.range.max')}
              description={t('trainings.range.hint')}
              type="number"
              inputMode="numeric"
              min={1}
              w={200}
              {...form.field('maxParticipants')}
            />
          </Group>
          <FormActions {...edit.problem} submitLabel={t('common.save')} pending={save.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
