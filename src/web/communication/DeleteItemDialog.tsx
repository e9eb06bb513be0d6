import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommunicationItem } from '../../shared/communication.js';
import { FormProblem } from '../organisation/FormProblem.js';
import { useDeleteCommunicationItem } from './api.js';

/** Asks before an item leaves the communication plan, for every audience at once. */
export function DeleteItemDialog({
  projectId,
  item,
  onDeleted,
  onClose,
}: {
  projectId: string;
  item: CommunicationItem | null;
  onDeleted: (item: CommunicationItem) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteCommunicationItem(projectId);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={item !== null}
      onClose={close}
      title={t('communication.plan.removeTitle')}
      closeButtonProps={{ 'aria-label': t('communication.close') }}
      centered
    >
      {item && (
        <Stack gap="md">
          <Text>{t('communication.plan.removeText', { title: item.title })}</Text>
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
                  { itemId: item.id, version: item.version },
                  {
                    onSuccess: () => {
                      remove.reset();
                      onDeleted(item);
                    },
                  },
                )
              }
            >
              {t('communication.plan.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
