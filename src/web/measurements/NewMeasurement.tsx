import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TermDates } from '../../shared/customers.js';
import type { GoalTracking } from '../../shared/measurements.js';
import { FileMeasurementForm } from './FileMeasurementForm.js';
import { ManualMeasurementForm } from './ManualMeasurementForm.js';

/** "Ny mätning": typed in by hand, or computed from the platform's exports. */
export function NewMeasurement({
  projectId,
  tracking,
  termDates,
  announce,
}: {
  projectId: string;
  tracking: GoalTracking;
  /** The customer's own school terms, or null for the default terms. */
  termDates: TermDates | null;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `ny-matning-${tracking.goal.id}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} id={headingId}>
        {t('measurements.record.title')}
      </Title>
      <Tabs defaultValue="manual" keepMounted={false}>
        <Tabs.List aria-label={t('measurements.record.title')}>
          <Tabs.Tab value="manual">{t('measurements.record.manualTab')}</Tabs.Tab>
          <Tabs.Tab value="file">{t('measurements.record.fileTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="manual" pt="md">
          <ManualMeasurementForm projectId={projectId} goal={tracking.goal} announce={announce} />
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="md">
          <FileMeasurementForm projectId={projectId} tracking={tracking} termDates={termDates} announce={announce} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
