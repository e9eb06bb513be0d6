import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityProviderCheck } from '../../shared/sso.js';
import { readableTitle } from './readableTitle.js';

/** What "Testa anslutningen" found at the provider: where its users sign in, or why it could not be read. */
export function CheckResult({ check }: { check: IdentityProviderCheck }) {
  const { t } = useTranslation();
  if (check.ok) {
    return (
      <Alert color="green" title={t('sso.provider.checkOk')} styles={readableTitle}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('sso.provider.checkOkText', { endpoint: check.authorizationEndpoint })}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="orange" title={t('sso.provider.checkFailed')} styles={readableTitle}>
      <Text size="sm">{check.message}</Text>
    </Alert>
  );
}
