import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../shared/checklist.js';
import { FormProblem } from '../organisation/FormProblem.js';
import { useDeleteActivity } from './api.js';

/** Asks before an activity is removed for good. */
export function DeleteActivityDialog({
  projectId,
  activity,
  onDeleted,
  onClose,
}: {
  projectId: string;
  activity: Activity | null;
  onDeleted: (activity: Activity) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteActivity(projectId);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={activity !== null}
      onClose={close}
      title={t('checklist.actions.removeTitle')}
      closeButtonProps={{ 'aria-label': t('checklist.close') }}
      centered
    >
      {activity && (
        <Stack gap="md">
          <Text>{t('checklist.actions.removeText', { title: activity.title })}</Text>
          <FormProblem error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { activityId: activity.id, version: activity.version },
                  {
                    onSuccess: () => {
                      remove.reset();
                      onDeleted(activity);
                    },
                  },
                )
              }
            >
              {t('checklist.actions.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
