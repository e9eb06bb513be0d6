import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { isVersionConflict } from '../api/versioned-edit.js';
import { errorText } from './ErrorMessage.js';

// Mantine's orange title on the light orange ground falls short of WCAG AA contrast.
const readableTitle = { title: { color: 'var(--mantine-color-text)' } };

/**
 * What went wrong with a save, for the whole form: a stale version is said plainly, with a way to
 * load what is saved now; field messages are shown at their fields instead, so only other errors
 * land here.
 */
export function FormProblem({ error, onLoadLatest }: { error: unknown; onLoadLatest?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert color="orange" role="alert" title={t('customer.conflict')} mt="sm" styles={readableTitle}>
        <Text size="sm">{errorText(error, t)}</Text>
        {onLoadLatest && (
          <Button size="xs" variant="white" color="dark" mt="xs" onClick={onLoadLatest}>
            {t('customer.loadLatest')}
          </Button>
        )}
      </Alert>
    );
  }
  const onlyFields =
    error instanceof ApiError && error.code === 'VALIDATION_FAILED' && Object.keys(error.fields).length > 0;
  if (onlyFields) return null;
  return (
    <Alert color="red" role="alert" mt="sm">
      {errorText(error, t)}
    </Alert>
  );
}
