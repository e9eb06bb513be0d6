import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

export function errorText(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ApiError)) return t('common.error');
  if (error.code === 'NETWORK') return t('common.networkError');
  return error.requestId ? `${error.message} ${t('common.errorReference')} ${error.requestId}` : error.message;
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('common.error')} role="alert">
      {errorText(error, t)}
      {onRetry && (
        <Button variant="light" color="red" size="xs" ml="md" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
