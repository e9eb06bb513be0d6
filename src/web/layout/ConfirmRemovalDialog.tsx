import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormProblem } from './FormProblem.js';

/**
 * Asks "are you sure" before something is removed for good: the question, what went wrong with the
 * last try, Cancel and a red button that confirms. The caller owns the removal and starts it in
 * `onConfirm`; closing the dialog (Cancel, the close button, Escape) forgets its error first.
 */
export function ConfirmRemovalDialog({
  opened,
  title,
  text,
  confirmLabel,
  closeLabel,
  removal,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  /** The accessible name of the close button in the corner. */
  closeLabel: string;
  /** The state of the removal, e.g. the mutation that does it. */
  removal: { isPending: boolean; error: unknown; reset: () => void };
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = () => {
    removal.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': closeLabel }} centered>
      {opened && (
        <Stack gap="md">
          <Text>{text}</Text>
          <FormProblem error={removal.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={removal.isPending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
