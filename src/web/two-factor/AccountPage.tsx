import { Alert, Button, Group, List, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentResult } from '../../shared/two-factor.js';
import { ErrorMessage, errorText } from '../layout/ErrorMessage.js';
import { useRemovePasskey, useRemoveTotp, useRenewRecoveryCodes, useTwoFactorStatus } from './api.js';
import { PasskeyEnrolment, RecoveryCodes, TotpEnrolment } from './Enrolment.js';

const day = (iso: string) => new Date(iso).toLocaleDateString('sv-SE');

type Confirming = { kind: 'totp' } | { kind: 'passkey'; id: string; name: string } | { kind: 'renew' };

/** `/konto`: the signed-in user's own account, with their second factors added and removed. */
export function AccountPage() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const added = (result: EnrolmentResult) => setCodes(result.recoveryCodes);

  return (
    <Stack gap="xl" maw={900}>
      <Title order={1}>{t('twoFactor.accountTitle')}</Title>
      <Stack component="section" aria-labelledby="tvastegsverifiering" gap="md">
        <Title order={2} id="tvastegsverifiering">
          {t('twoFactor.title')}
        </Title>
        <Text>{t('twoFactor.intro')}</Text>
        {status.isError && <ErrorMessage error={status.error} onRetry={() => status.refetch()} />}
        {status.data?.required && (
          <Alert color="blue" role="status">
            {t('twoFactor.required')}
          </Alert>
        )}
        {codes && <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} />}
        {status.data && !codes && (
          <>
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {t('twoFactor.app.title')}
                </Title>
                {status.data.totp ? (
                  <Group justify="space-between">
                    <Text>{t('twoFactor.app.enabled', { date: day(status.data.totp.enabledAt) })}</Text>
                    <Button variant="default" onClick={() => setConfirming({ kind: 'totp' })}>
                      {t('twoFactor.app.remove')}
                    </Button>
                  </Group>
                ) : (
                  <TotpEnrolment onDone={added} />
                )}
              </Stack>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {t('twoFactor.passkeys.title')}
                </Title>
                <Text size="sm">{t('twoFactor.passkeys.intro')}</Text>
                {status.data.passkeys.length === 0 ? (
                  <Text size="sm">{t('twoFactor.passkeys.empty')}</Text>
                ) : (
                  <List spacing="xs" listStyleType="none" aria-label={t('twoFactor.passkeys.title')}>
                    {status.data.passkeys.map((passkey) => (
                      <List.Item key={passkey.id}>
                        <Group justify="space-between">
                          <Text>
                            <strong>{passkey.name}</strong> ·{' '}
                            {t('twoFactor.passkeys.created', { date: day(passkey.createdAt) })}
                            {passkey.lastUsedAt &&
                              `, ${t('twoFactor.passkeys.lastUsed', { date: day(passkey.lastUsedAt) })}`}
                          </Text>
                          <Button
                            variant="default"
                            size="xs"
                            onClick={() => setConfirming({ kind: 'passkey', id: passkey.id, name: passkey.name })}
                          >
                            {t('twoFactor.passkeys.remove', { name: passkey.name })}
                          </Button>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                )}
                <PasskeyEnrolment onDone={added} />
              </Stack>
            </Paper>
            {(status.data.totp || status.data.passkeys.length > 0) && (
              <Paper withBorder p="md" radius="md">
                <Stack gap="sm" align="flex-start">
                  <Title order={3} size="h4">
                    {t('twoFactor.recovery.title')}
                  </Title>
                  <Text size="sm">{t('twoFactor.recovery.left', { count: status.data.recoveryCodesLeft })}</Text>
                  <Button variant="default" onClick={() => setConfirming({ kind: 'renew' })}>
                    {t('twoFactor.recovery.renew')}
                  </Button>
                </Stack>
              </Paper>
            )}
            {!status.data.totp && status.data.passkeys.length === 0 && <Text>{t('twoFactor.none')}</Text>}
          </>
        )}
      </Stack>
      {confirming && (
        <PasswordConfirmation
          confirming={confirming}
          onClose={() => setConfirming(null)}
          onRenewed={(renewed) => setCodes(renewed)}
        />
      )}
    </Stack>
  );
}

/** Removing a factor or renewing the codes asks for the password again: a session left open is not enough. */
function PasswordConfirmation({
  confirming,
  onClose,
  onRenewed,
}: {
  confirming: Confirming;
  onClose: () => void;
  onRenewed: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const removeTotp = useRemoveTotp();
  const removePasskey = useRemovePasskey();
  const renew = useRenewRecoveryCodes();
  const active = confirming.kind === 'totp' ? removeTotp : confirming.kind === 'passkey' ? removePasskey : renew;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirming.kind === 'totp') removeTotp.mutate(password, { onSuccess: onClose });
    else if (confirming.kind === 'passkey')
      removePasskey.mutate({ id: confirming.id, password }, { onSuccess: onClose });
    else
      renew.mutate(password, {
        onSuccess: (result) => {
          onRenewed(result.recoveryCodes);
          onClose();
        },
      });
  };

  return (
    <Modal opened onClose={onClose} title={t('twoFactor.password.removeTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {active.isError && (
            <Alert color="red" role="alert">
              {errorText(active.error, t)}
            </Alert>
          )}
          <PasswordInput
            label={t('twoFactor.password.label')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={confirming.kind === 'renew' ? undefined : 'red'} loading={active.isPending}>
              {confirming.kind === 'renew' ? t('twoFactor.password.renewConfirm') : t('twoFactor.password.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
