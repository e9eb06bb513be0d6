import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrainingSession } from '../../shared/trainings.js';
import { FormProblem } from '../layout/FormProblem.js';
import { useCancelSession } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';

/** Asks before a session is cancelled: its participants lose their booking. */
export function CancelSessionDialog({
  session,
  controls,
  onClose,
}: {
  session: TrainingSession | null;
  controls: TrainingControls;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelSession(controls.projectId);
  const date = session ? formatSessionDate(session.date, controls.language) : '';
  const close = () => {
    cancel.reset();
    onClose();
  };
  return (
    <Modal
      opened={session !== null}
      onClose={close}
      title={t('trainings.session.cancelTitle', { date })}
      closeButtonProps={{ 'aria-label': t('trainings.close') }}
      centered
    >
      {session && (
        <Stack gap="md">
          <Text>
            {t('trainings.session.cancelText', { count: session.participants.length })}
            {session.proposalId && ` ${t('trainings.session.cancelProposal')}`}
          </Text>
          <FormProblem error={cancel.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('trainings.session.keep')}
            </Button>
            <Button
              color="red.9"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(
                  { sessionId: session.id, version: session.version },
                  {
                    onSuccess: () => {
                      controls.announce(t('trainings.session.cancelled', { date }));
                      close();
                    },
                  },
                )
              }
            >
              {t('trainings.session.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
