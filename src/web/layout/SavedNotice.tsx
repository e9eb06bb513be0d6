import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The confirmation of a save, until closed. The live region is rendered even while empty: a screen
 * reader announces only changes inside a region that already existed.
 */
export function SavedNotice({ message, onClose }: { message: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {message && (
        <Alert color="green" mt="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={onClose}>
          {message}
        </Alert>
      )}
    </div>
  );
}
