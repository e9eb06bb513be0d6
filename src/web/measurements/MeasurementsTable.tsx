import { Button, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalTracking, Measurement } from '../../shared/measurements.js';
import { ConfirmRemovalDialog } from '../layout/ConfirmRemovalDialog.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useGoalAmount } from './amount.js';
import { useComputation, useDeleteMeasurement } from './api.js';
import { ComputationResult } from './ComputationResult.js';

/** Every measurement of a goal, oldest first, as the chart above draws them. */
export function MeasurementsTable({
  projectId,
  tracking,
  mayMeasure,
  announce,
}: {
  projectId: string;
  tracking: GoalTracking;
  mayMeasure: boolean;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const amount = useGoalAmount(tracking.goal);
  const [removing, setRemoving] = useState<Measurement | null>(null);
  const [shownComputation, setShownComputation] = useState<Measurement | null>(null);

  if (tracking.measurements.length === 0) return <Text c="gray.7">{t('measurements.table.empty')}</Text>;
  return (
    <>
      <ScrollArea type="auto">
        <Table striped withTableBorder verticalSpacing="xs" miw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('measurements.table.date')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('measurements.table.value')}
              </Table.Th>
              <Table.Th scope="col">{t('measurements.table.method')}</Table.Th>
              <Table.Th scope="col">{t('measurements.table.source')}</Table.Th>
              <Table.Th scope="col">{t('measurements.table.comment')}</Table.Th>
              <Table.Th scope="col">{t('measurements.table.recordedBy')}</Table.Th>
              {mayMeasure && (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('measurements.table.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tracking.measurements.map((measurement) => (
              <Table.Tr key={measurement.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{measurement.measuredOn}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {amount(measurement.value)}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <span>{t(`measurements.methods.${measurement.method}`)}</span>
                    {measurement.computationId && (
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        px={0}
                        aria-label={t('measurements.table.showComputationOf', { date: measurement.measuredOn })}
                        onClick={() => setShownComputation(measurement)}
                      >
                        {t('measurements.table.showComputation')}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{measurement.source}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{measurement.comment}</Table.Td>
                <Table.Td>{measurement.recordedByName}</Table.Td>
                {mayMeasure && (
                  <Table.Td>
                    <Button
                      variant="default"
                      size="compact-sm"
                      aria-label={t('measurements.table.removeLabel', { date: measurement.measuredOn })}
                      onClick={() => setRemoving(measurement)}
                    >
                      {t('measurements.table.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <RemoveMeasurementDialog
        projectId={projectId}
        goalId={tracking.goal.id}
        measurement={removing}
        valueText={removing ? amount(removing.value) : ''}
        onRemoved={(measurement) => {
          setRemoving(null);
          announce(t('measurements.table.removed', { date: measurement.measuredOn }));
        }}
        onClose={() => setRemoving(null)}
      />
      <ComputationDialog
        projectId={projectId}
        tracking={tracking}
        measurement={shownComputation}
        onClose={() => setShownComputation(null)}
      />
    </>
  );
}

function RemoveMeasurementDialog({
  projectId,
  goalId,
  measurement,
  valueText,
  onRemoved,
  onClose,
}: {
  projectId: string;
  goalId: string;
  measurement: Measurement | null;
  valueText: string;
  onRemoved: (measurement: Measurement) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteMeasurement(projectId, goalId);
  return (
    <ConfirmRemovalDialog
      opened={measurement !== null}
      title={t('measurements.table.removeTitle')}
      text={measurement ? t('measurements.table.removeText', { date: measurement.measuredOn, value: valueText }) : ''}
      confirmLabel={t('measurements.table.removeConfirm')}
      closeLabel={t('measurements.close')}
      removal={remove}
      onConfirm={() => {
        if (!measurement) return;
        remove.mutate(measurement.id, {
          onSuccess: () => {
            remove.reset();
            onRemoved(measurement);
          },
        });
      }}
      onClose={onClose}
    />
  );
}

function ComputationDialog({
  projectId,
  tracking,
  measurement,
  onClose,
}: {
  projectId: string;
  tracking: GoalTracking;
  measurement: Measurement | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const computation = useComputation(projectId, tracking.goal.id, measurement?.computationId ?? null);
  return (
    <Modal
      opened={measurement !== null}
      onClose={onClose}
      title={measurement ? t('measurements.table.computationTitle', { date: measurement.measuredOn }) : ''}
      closeButtonProps={{ 'aria-label': t('measurements.close') }}
      size="lg"
      centered
    >
      {computation.isError && <ErrorMessage error={computation.error} onRetry={() => computation.refetch()} />}
      {computation.isPending && <Text>{t('common.loading')}</Text>}
      {computation.data && (
        <ComputationResult projectId={projectId} computation={computation.data} goal={tracking.goal} headingLevel={3} />
      )}
    </Modal>
  );
}
