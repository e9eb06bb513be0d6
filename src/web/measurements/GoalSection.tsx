import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GoalTracking, GoalTrackingList } from '../../shared/measurements.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { useGoalAmount } from './amount.js';
import { goalAnchor } from './anchor.js';
import { GoalChart } from './GoalChart.js';
import { MeasurementsTable } from './MeasurementsTable.js';
import { MeasurerField } from './MeasurerField.js';
import { NewMeasurement } from './NewMeasurement.js';
import { StatusBadge } from './StatusBadge.js';

/** One effect goal followed up: where it stands, who measures, the chart, the measurements, a new one. */
export function GoalSection({
  projectId,
  tracking,
  list,
  highlighted,
}: {
  projectId: string;
  tracking: GoalTracking;
  list: GoalTrackingList;
  highlighted: boolean;
}) {
  const { t } = useTranslation();
  const status = useStatusMessage();
  const anchor = goalAnchor(tracking.goal.id);
  const headingId = `${anchor}-rubrik`;
  const measurementsHeadingId = `${anchor}-matningar`;
  return (
    <Paper
      id={anchor}
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="lg"
      style={highlighted ? { outline: '3px solid var(--mantine-color-blue-8)', outlineOffset: 2 } : undefined}
    >
      <Stack gap="lg">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Title order={2} id={headingId} size="h3">
              {tracking.goal.title}
            </Title>
            <StatusBadge state={tracking.status.state} />
          </Group>
          <Text>{tracking.status.explanation}</Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <GoalFacts tracking={tracking} />
          <MeasurerField
            projectId={projectId}
            tracking={tracking}
            people={list.people}
            mayConfigure={list.may.configure}
            announce={status.announce}
          />
          <Text fw={600}>
            {tracking.nextCollectionDate
              ? t('measurements.goal.nextCollection', { date: tracking.nextCollectionDate })
              : t('measurements.goal.noNextCollection')}
          </Text>
        </SimpleGrid>
        <GoalChart tracking={tracking} startDate={list.startDate} />
        <StatusMessage message={status.message} onClose={status.clear} />
        <Stack gap="sm" component="section" aria-labelledby={measurementsHeadingId}>
          <Title order={3} id={measurementsHeadingId}>
            {t('measurements.table.title')}
          </Title>
          <MeasurementsTable
            projectId={projectId}
            tracking={tracking}
            mayMeasure={list.may.measure}
            announce={status.announce}
          />
        </Stack>
        {list.may.measure && (
          <NewMeasurement
            projectId={projectId}
            tracking={tracking}
            termDates={list.termDates}
            announce={status.announce}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** What is measured, and from which value to which by when. */
function GoalFacts({ tracking }: { tracking: GoalTracking }) {
  const { t } = useTranslation();
  const amount = useGoalAmount(tracking.goal);
  const { measure, baseline, target, targetDate } = tracking.goal;
  return (
    <Stack gap={6}>
      {measure && (
        <div>
          <Text size="sm" fw={600}>
            {t('measurements.goal.measure')}
          </Text>
          <Text>{measure}</Text>
        </div>
      )}
      <div>
        <Text size="sm" fw={600}>
          {t('measurements.goal.target')}
        </Text>
        {baseline !== null && target !== null && targetDate ? (
          <Text>
            <span aria-hidden="true">
              {t('measurements.goal.targetPath', {
                baseline: amount(baseline),
                target: amount(target),
                date: targetDate,
              })}
            </span>
            <span className="visually-hidden">
              {t('measurements.goal.targetPathSpoken', {
                baseline: amount(baseline),
                target: amount(target),
                date: targetDate,
              })}
            </span>
          </Text>
        ) : (
          <Text c="gray.7">{t('measurements.goal.noTarget')}</Text>
        )}
      </div>
    </Stack>
  );
}
