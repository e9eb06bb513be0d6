import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readableTitle } from './readableTitle.js';
import type { SsoFailure } from './signIn.js';

/** Why the sign-in through the organisation's account ended back on the login page, and what to do. */
export function SsoFailureAlert({ reason }: { reason: SsoFailure }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('sso.failure.title')} styles={readableTitle}>
      {t(`sso.failure.${reason}`)}
    </Alert>
  );
}
