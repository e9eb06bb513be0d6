import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GoalTracking, GoalTrackingList } from '../../shared/measurements.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useSaveMeasurer } from './api.js';

/** Who measures the goal: chosen among the customer's people by those who may configure, read by the rest. */
export function MeasurerField({
  projectId,
  tracking,
  people,
  mayConfigure,
  announce,
}: {
  projectId: string;
  tracking: GoalTracking;
  people: GoalTrackingList['people'];
  mayConfigure: boolean;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMeasurer(projectId, tracking.goal.id);
  const { measurer } = tracking;

  if (!mayConfigure) {
    return (
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {t('measurements.measurer.label')}
        </Text>
        <Text>{measurer?.name ?? t('measurements.measurer.none')}</Text>
      </Stack>
    );
  }

  const choose = (personId: string | null) => {
    if (personId === (measurer?.id ?? null)) return;
    save.mutate(
      { version: tracking.settingsVersion, measurerPersonId: personId },
      {
        onSuccess: () => {
          const name = people.find((person) => person.id === personId)?.name;
          announce(name ? t('measurements.measurer.saved', { name }) : t('measurements.measurer.cleared'));
        },
      },
    );
  };

  return (
    <Select
      label={t('measurements.measurer.label')}
      description={t('measurements.measurer.hint')}
      placeholder={t('measurements.measurer.placeholder')}
      data={people.map((person) => ({ value: person.id, label: person.name }))}
      value={measurer?.id ?? null}
      onChange={choose}
      clearable
      clearButtonProps={{ 'aria-label': t('measurements.measurer.clear') }}
      searchable
      disabled={save.isPending}
      error={save.error ? problemText(save.error, t) : undefined}
      maw={360}
    />
  );
}

const problemText = (error: Error, t: (key: string) => string) =>
  error instanceof ApiError && error.code === 'VERSION_CONFLICT'
    ? t('measurements.measurer.conflict')
    : errorText(error, t);
