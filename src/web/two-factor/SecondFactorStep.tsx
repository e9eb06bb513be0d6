import { Alert, Anchor, Button, Divider, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentResult, SecondFactorStep as Step } from '../../shared/two-factor.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../layout/ErrorMessage.js';
import { rememberPendingSignIn, usePasskeySignIn, useStartedSession, useVerifyCode } from './api.js';
import { PasskeyEnrolment, RecoveryCodes, TotpEnrolment } from './Enrolment.js';

/** A pending sign-in that can no longer be finished: back to the password. */
const isOver = (error: unknown) =>
  error instanceof ApiError && (error.code === 'TOKEN_EXPIRED' || error.code === 'UNAUTHENTICATED');

/**
 * The login page after a correct password, when a second factor is asked for (a code from the
 * app, a passkey or a recovery code) or, for an account that must have one, has to be added first.
 */
export default function SecondFactorStep({ step, onBack }: { step: Step['secondFactor']; onBack: () => void }) {
  const { t } = useTranslation();
  // Before the first write of this step, whatever the session query did to the CSRF token meanwhile.
  useState(() => rememberPendingSignIn(step.csrfToken));
  const back = () => {
    rememberPendingSignIn(undefined);
    onBack();
  };
  return (
    <Stack>
      {step.purpose === 'verify' ? <Verify step={step} onBack={back} /> : <Enrol />}
      <Anchor component="button" type="button" size="sm" onClick={back} ta="left">
        {t('twoFactor.signIn.back')}
      </Anchor>
    </Stack>
  );
}

function Verify({ step, onBack }: { step: Step['secondFactor']; onBack: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyCode();
  const passkey = usePasskeySignIn();
  const [method, setMethod] = useState<'totp' | 'recovery'>(step.methods.includes('totp') ? 'totp' : 'recovery');
  const [code, setCode] = useState('');
  const failure = verify.error ?? passkey.error;
  const canType = step.methods.includes('totp') || step.methods.includes('recovery');

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('twoFactor.signIn.title')}
      </Title>
      {failure && (
        <Alert color="red" role="alert">
          {failure instanceof Error && failure.name === 'NotAllowedError'
            ? t('twoFactor.passkeys.cancelled')
            : errorText(failure, t)}
          {isOver(failure) && (
            <Anchor component="button" type="button" display="block" mt="xs" onClick={onBack}>
              {t('twoFactor.signIn.back')}
            </Anchor>
          )}
        </Alert>
      )}
      {step.methods.includes('passkey') && (
        <Button variant="light" onClick={() => passkey.mutate()} loading={passkey.isPending}>
          {t('twoFactor.signIn.usePasskey')}
        </Button>
      )}
      {step.methods.includes('passkey') && canType && <Divider />}
      {canType && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            verify.mutate({ method, code });
          }}
          noValidate
        >
          <Stack>
            {method === 'totp' && <Text size="sm">{t('twoFactor.signIn.codeIntro')}</Text>}
            <TextInput
              key={method}
              label={method === 'totp' ? t('twoFactor.signIn.code') : t('twoFactor.signIn.recoveryCode')}
              inputMode={method === 'totp' ? 'numeric' : 'text'}
              autoComplete="one-time-code"
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              data-autofocus
            />
            <Button type="submit" loading={verify.isPending}>
              {t('twoFactor.signIn.verify')}
            </Button>
            {step.methods.includes('totp') && step.methods.includes('recovery') && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="left"
                onClick={() => {
                  setMethod(method === 'totp' ? 'recovery' : 'totp');
                  setCode('');
                }}
              >
                {method === 'totp' ? t('twoFactor.signIn.useRecovery') : t('twoFactor.signIn.useCode')}
              </Anchor>
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** An account that must have a second factor: add one, see the recovery codes, then in. */
function Enrol() {
  const { t } = useTranslation();
  const started = useStartedSession();
  const [result, setResult] = useState<EnrolmentResult | null>(null);

  if (result?.recoveryCodes) {
    return <RecoveryCodes codes={result.recoveryCodes} onSaved={() => result.session && started(result.session)} />;
  }
  const done = (added: EnrolmentResult) => {
    if (added.recoveryCodes) setResult(added);
    else if (added.session) started(added.session);
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('twoFactor.signIn.enrolTitle')}
      </Title>
      <Text size="sm">{t('twoFactor.signIn.enrolIntro')}</Text>
      <Title order={2} size="h4">
        {t('twoFactor.app.title')}
      </Title>
      <TotpEnrolment onDone={done} />
      <Divider />
      <Title order={2} size="h4">
        {t('twoFactor.passkeys.title')}
      </Title>
      <PasskeyEnrolment onDone={done} />
    </Stack>
  );
}
