import { Alert, Group } from '@mantine/core';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A polite status line for what a change did ("Aktiviteten är tillagd"), with room for a follow-up
 * such as "Ångra". The live region is on the page from the start, so screen readers announce each
 * message as it arrives.
 */
export function StatusMessage({
  message,
  onClose,
  children,
}: {
  message: string | null;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {message && (
        <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('checklist.close')} onClose={onClose}>
          <Group gap="sm">
            <span>{message}</span>
            {children}
          </Group>
        </Alert>
      )}
    </div>
  );
}

export function useStatusMessage() {
  const [message, setMessage] = useState<string | null>(null);
  const clear = useCallback(() => setMessage(null), []);
  return { message, announce: setMessage, clear };
}
