import { useTranslation } from 'react-i18next';
import type { CommunicationItem } from '../../shared/communication.js';
import { ConfirmRemovalDialog } from '../layout/ConfirmRemovalDialog.js';
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
  return (
    <ConfirmRemovalDialog
      opened={item !== null}
      title={t('communication.plan.removeTitle')}
      text={item ? t('communication.plan.removeText', { title: item.title }) : ''}
      confirmLabel={t('communication.plan.removeConfirm')}
      closeLabel={t('communication.close')}
      removal={remove}
      onConfirm={() => {
        if (!item) return;
        remove.mutate(
          { itemId: item.id, version: item.version },
          {
            onSuccess: () => {
              remove.reset();
              onDeleted(item);
            },
          },
        );
      }}
      onClose={onClose}
    />
  );
}
