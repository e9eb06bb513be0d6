import { Alert, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../shared/sso.js';
import { errorText } from '../layout/ErrorMessage.js';
import { formatDateTime } from '../plan/format.js';
import { useCheckIdentityProvider } from './api.js';
import { CheckResult } from './CheckResult.js';

function Detail({ label, children }: { label: string; children: string }) {
  return (
    <Box>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Text style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </Box>
  );
}

/** One identity provider: whose staff it signs in, for which domains, how much it is used, and its actions. */
export function ProviderCard({
  provider,
  onEdit,
  onRemove,
}: {
  provider: IdentityProvider;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const check = useCheckIdentityProvider();
  const headingId = `inloggningstjanst-${provider.id}`;
  const signIns =
    provider.linkedUserCount > 0 && provider.lastSignInAt
      ? t('sso.provider.signedIn', {
          count: provider.linkedUserCount,
          time: formatDateTime(provider.lastSignInAt, i18n.language),
        })
      : t('sso.provider.noSignIns');

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id={headingId}>
              {provider.name}
            </Title>
            <Text c="gray.7" size="sm">
              {provider.customerName ?? t('sso.provider.vendorStaff')}
            </Text>
          </div>
          <Badge
            color={provider.enabled ? 'teal.9' : 'gray.8'}
            variant={provider.enabled ? 'filled' : 'outline'}
            size="lg"
            tt="none"
          >
            {provider.enabled ? t('sso.provider.enabled') : t('sso.provider.disabled')}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Detail label={t('sso.provider.domains')}>{provider.emailDomains.join(', ')}</Detail>
          <Detail label={t('sso.provider.issuer')}>{provider.issuer}</Detail>
          <Detail label={t('sso.provider.signIns')}>{signIns}</Detail>
        </SimpleGrid>
        <Group gap="sm">
          <Button
            variant="light"
            size="xs"
            aria-label={t('sso.provider.checkLabel', { name: provider.name })}
            loading={check.isPending}
            onClick={() => check.mutate(provider.id)}
          >
            {t('sso.provider.check')}
          </Button>
          <Button
            variant="default"
            size="xs"
            aria-label={t('sso.provider.editLabel', { name: provider.name })}
            onClick={onEdit}
          >
            {t('sso.provider.edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            c="red.9"
            size="xs"
            aria-label={t('sso.provider.removeLabel', { name: provider.name })}
            onClick={onRemove}
          >
            {t('sso.provider.remove')}
          </Button>
        </Group>
        <div role="status">{check.data && <CheckResult check={check.data} />}</div>
        {check.isError && (
          <Alert color="red" role="alert">
            {errorText(check.error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
