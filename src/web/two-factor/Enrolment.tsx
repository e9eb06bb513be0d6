import { Alert, Button, Code, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentResult } from '../../shared/two-factor.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useConfirmTotp, useRegisterPasskey, useStartTotp } from './api.js';

/** Adding an authenticator app: the secret to type in, then a code from the app to prove it works. */
export function TotpEnrolment({ onDone }: { onDone: (result: EnrolmentResult) => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');

  if (!start.data) {
    return (
      <Stack gap="xs" align="flex-start">
        {start.isError && (
          <Alert color="red" role="alert">
            {errorText(start.error, t)}
          </Alert>
        )}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('twoFactor.app.add')}
        </Button>
      </Stack>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate(code, { onSuccess: onDone });
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">{t('twoFactor.app.setupIntro')}</Text>
        <div>
          <Text size="sm" fw={600} id="totp-secret-label">
            {t('twoFactor.app.secret')}
          </Text>
          <Code aria-labelledby="totp-secret-label" data-testid="totp-secret" fz="md">
            {start.data.secret}
          </Code>
        </div>
        <Text size="sm">
          {t('twoFactor.app.uri')}: <a href={start.data.uri}>{start.data.uri.split('?')[0]}</a>
        </Text>
        {confirm.isError && (
          <Alert color="red" role="alert">
            {errorText(confirm.error, t)}
          </Alert>
        )}
        <TextInput
          label={t('twoFactor.app.code')}
          description={t('twoFactor.app.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maw={220}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            {t('twoFactor.app.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Registering a passkey in this browser (the browser asks for the fingerprint, face or PIN). */
export function PasskeyEnrolment({ onDone }: { onDone: (result: EnrolmentResult) => void }) {
  const { t } = useTranslation();
  const register = useRegisterPasskey();
  const [name, setName] = useState(() => t('twoFactor.passkeys.nameDefault'));
  const supported = typeof window !== 'undefined' && 'PublicKeyCredential' in window;

  if (!supported) return <Text size="sm">{t('twoFactor.passkeys.unsupported')}</Text>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        register.mutate(name, { onSuccess: onDone });
      }}
      noValidate
    >
      <Stack gap="xs">
        {register.isError && (
          <Alert color="red" role="alert">
            {register.error instanceof Error && register.error.name === 'NotAllowedError'
              ? t('twoFactor.passkeys.cancelled')
              : errorText(register.error, t)}
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput
            label={t('twoFactor.passkeys.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={100}
          />
          <Button type="submit" variant="light" loading={register.isPending}>
            {t('twoFactor.passkeys.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The recovery codes, shown once: the user confirms having saved them before going on. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="aterstallningskoder">
      <Stack gap="sm">
        <Title order={2} size="h4" id="aterstallningskoder">
          {t('twoFactor.recovery.title')}
        </Title>
        <Text size="sm">{t('twoFactor.recovery.shownOnce')}</Text>
        <List spacing={2} data-testid="recovery-codes" listStyleType="none">
          {codes.map((code) => (
            <List.Item key={code}>
              <Code fz="md">{code}</Code>
            </List.Item>
          ))}
        </List>
        <Group>
          <Button onClick={onSaved}>{t('twoFactor.recovery.saved')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
