import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PROPOSED_DATES, partsOfDay, proposeDatesBodySchema } from '../../shared/trainings.js';
import { ApiError } from '../api/client.js';
import { useSchemaForm } from '../api/forms.js';
import { FormProblem } from '../layout/FormProblem.js';
import { useProposeDates } from './api.js';
import type { TrainingControls } from './controls.js';
import type { PartOfDay } from './rules.js';

type DateRow = { date: string; partOfDay: PartOfDay; note: string };
type ProposalValues = { dates: DateRow[] };

const emptyRow = (): DateRow => ({ date: '', partOfDay: 'heldag', note: '' });
const emptyProposal = (): ProposalValues => ({ dates: Array.from({ length: MIN_PROPOSED_DATES }, emptyRow) });

/**
 * The municipality proposes dates for a training, at least three at a time so the vendor can
 * choose. Each row's mistakes show at the row; the rules about the whole list show under it.
 */
export function ProposeDatesForm({
  trainingKey,
  controls,
  label,
}: {
  trainingKey: string;
  controls: TrainingControls;
  label: string;
}) {
  const { t } = useTranslation();
  const propose = useProposeDates(controls.projectId);
  const form = useSchemaForm<ProposalValues>(proposeDatesBodySchema, emptyProposal());
  const rows = form.values.dates;
  const changeRow = (index: number, change: Partial<DateRow>) =>
    form.set(
      'dates',
      rows.map((row, at) => (at === index ? { ...row, ...change } : row)),
    );
  // Field messages name their row (`dates.1.date`), from the form's own check or from the server.
  const serverFields = propose.error instanceof ApiError ? propose.error.fields : {};
  const problemAt = (path: string): string | undefined => form.errors[path] ?? serverFields[path];
  const listProblem = problemAt('dates');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    propose.reset();
    if (!form.check(form.values)) return;
    propose.mutate(
      { trainingKey, dates: rows },
      {
        onSuccess: () => {
          controls.announce(t('trainings.proposals.sent', { count: rows.length }));
          form.reset(emptyProposal());
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={label}>
        <Stack gap="sm">
          <Text size="sm">{t('trainings.proposals.proposeHint')}</Text>
          {rows.map((row, index) => {
            const number = index + 1;
            return (
              // The rows have no identity of their own; their place in the list is what they are.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={index} align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('trainings.proposals.dateLabel', { number })}
                  required
                  w={180}
                  value={row.date}
                  min={controls.today}
                  error={problemAt(`dates.${index}.date`)}
                  onChange={(event) => changeRow(index, { date: event.currentTarget.value })}
                />
                <NativeSelect
                  label={t('trainings.proposals.partOfDayLabel', { number })}
                  w={220}
                  value={row.partOfDay}
                  onChange={(event) => changeRow(index, { partOfDay: event.currentTarget.value as PartOfDay })}
                  data={partsOfDay.map((part) => ({ value: part, label: t(`trainings.partOfDay.${part}`) }))}
                />
                <TextInput
                  label={t('trainings.proposals.noteLabel', { number })}
                  style={{ flex: 1 }}
                  miw={220}
                  value={row.note}
                  error={problemAt(`dates.${index}.note`)}
                  onChange={(event) => changeRow(index, { note: event.currentTarget.value })}
                />
                {rows.length > 1 && (
                  <Button
                    variant="default"
                    mt={25}
                    onClick={() =>
                      form.set(
                        'dates',
                        rows.filter((_, at) => at !== index),
                      )
                    }
                  >
                    {t('trainings.proposals.removeDate', { number })}
                  </Button>
                )}
              </Group>
            );
          })}
          {listProblem && (
            <Alert color="red" role="alert">
              {listProblem}
            </Alert>
          )}
          <FormProblem error={propose.error} />
          <Group>
            <Button variant="default" onClick={() => form.set('dates', [...rows, emptyRow()])}>
              {t('trainings.proposals.addDate')}
            </Button>
            <Button type="submit" loading={propose.isPending}>
              {t('trainings.proposals.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
