import { useTranslation } from 'react-i18next';
import type { Activity } from '../../shared/checklist.js';
import { ConfirmRemovalDialog } from '../layout/ConfirmRemovalDialog.js';
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
  return (
    <ConfirmRemovalDialog
      opened={activity !== null}
      title={t('checklist.actions.removeTitle')}
      text={activity ? t('checklist.actions.removeText', { title: activity.title }) : ''}
      confirmLabel={t('checklist.actions.removeConfirm')}
      closeLabel={t('checklist.close')}
      removal={remove}
      onConfirm={() => {
        if (!activity) return;
        remove.mutate(
          { activityId: activity.id, version: activity.version },
          {
            onSuccess: () => {
              remove.reset();
              onDeleted(activity);
            },
          },
        );
      }}
      onClose={onClose}
    />
  );
}
