import {
  Alert,
  Anchor,
  Button,
  Center,
  Divider,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { loginBodySchema, setupBodySchema } from '../../shared/auth.js';
import { isSecondFactorStep, type SecondFactorStep as Step } from '../../shared/two-factor.js';
import { useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { OrganisationSignIn } from '../sso/OrganisationSignIn.js';
import { SsoFailureAlert } from '../sso/SsoFailureAlert.js';
import { type SsoFailure, ssoFailureOf } from '../sso/signIn.js';
import { useLogin, useSession, useSetup, useSetupStatus } from './session.js';

// Fetched when a second factor is asked for: most sign-ins never need its code.
const SecondFactorStep = lazy(() => import('../two-factor/SecondFactorStep.js'));

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const setup = useSetupStatus();
  const location = useLocation();
  const state = location.state as { from?: string; secondFactor?: Step['secondFactor'] } | null;
  const returnTo = state?.from ?? '/projekt';
  // A mailed password link that led to a second factor arrives with that step.
  const [step, setStep] = useState<Step['secondFactor'] | null>(state?.secondFactor ?? null);

  if (session.data) return <Navigate to={returnTo} replace />;
  if (session.isPending || setup.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} radius="md">
        <Stack gap="xs" mb="lg">
          <Text fw={700} c="blue.9" size="lg">
            {t('app.name')}
          </Text>
          <Text size="sm" c="gray.7">
            {t('app.tagline')}
          </Text>
        </Stack>
        {setup.data?.needsSetup ? (
          <SetupForm />
        ) : step ? (
          <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
            <SecondFactorStep step={step} onBack={() => setStep(null)} />
          </Suspense>
        ) : (
          <>
            <LoginForm ssoFailure={ssoFailureOf(new URLSearchParams(location.search))} onSecondFactor={setStep} />
            <Divider my="xl" />
            <OrganisationSignIn returnTo={returnTo} />
          </>
        )}
      </Paper>
    </Center>
  );
}

function LoginForm({
  ssoFailure,
  onSecondFactor,
}: {
  ssoFailure: SsoFailure | null;
  onSecondFactor: (step: Step['secondFactor']) => void;
}) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useSchemaForm(loginBodySchema, { email: '', password: '' });
  const send = (values: typeof form.values) =>
    login.mutate(values, {
      onError: form.showServerErrors,
      onSuccess: (result) => isSecondFactorStep(result) && onSecondFactor(result.secondFactor),
    });

  return (
    <form onSubmit={form.onSubmit(send)} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.loginTitle')}
        </Title>
        {ssoFailure && <SsoFailureAlert reason={ssoFailure} />}
        {login.isError && (
          <Alert color="red" role="alert">
            {errorText(login.error, t)}
          </Alert>
        )}
        <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.field('email')} />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <Button type="submit" loading={login.isPending}>
          {t('auth.login')}
        </Button>
        <Anchor component={Link} to="/glomt-losenord" size="sm">
          {t('passwords.forgotLink')}
        </Anchor>
      </Stack>
    </form>
  );
}

function SetupForm() {
  const { t } = useTranslation();
  const setup = useSetup();
  const form = useSchemaForm(setupBodySchema, { name: '', email: '', password: '' });

  return (
    <form onSubmit={form.onSubmit((values) => setup.mutate(values, { onError: form.showServerErrors }))} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.setupTitle')}
        </Title>
        <Text size="sm">{t('auth.setupIntro')}</Text>
        {setup.isError && (
          <Alert color="red" role="alert">
            {errorText(setup.error, t)}
          </Alert>
        )}
        <TextInput label={t('auth.name')} autoComplete="name" required {...form.field('name')} />
        <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.field('email')} />
        <PasswordInput
          label={t('auth.password')}
          description={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          {...form.field('password')}
        />
        <Button type="submit" loading={setup.isPending}>
          {t('auth.createAdmin')}
        </Button>
      </Stack>
    </form>
  );
}
