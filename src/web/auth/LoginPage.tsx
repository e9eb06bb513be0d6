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
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { loginBodySchema, setupBodySchema } from '../../shared/auth.js';
import { useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { OrganisationSignIn } from '../sso/OrganisationSignIn.js';
import { SsoFailureAlert } from '../sso/SsoFailureAlert.js';
import { type SsoFailure, ssoFailureOf } from '../sso/signIn.js';
import { useLogin, useSession, useSetup, useSetupStatus } from './session.js';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const setup = useSetupStatus();
  const location = useLocation();
  const returnTo = (location.state as { from?: string } | null)?.from ?? '/projekt';

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
        ) : (
          <>
            <LoginForm ssoFailure={ssoFailureOf(new URLSearchParams(location.search))} />
            <Divider my="xl" />
            <OrganisationSignIn returnTo={returnTo} />
          </>
        )}
      </Paper>
    </Center>
  );
}

function LoginForm({ ssoFailure }: { ssoFailure: SsoFailure | null }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useSchemaForm(loginBodySchema, { email: '', password: '' });

  return (
    <form onSubmit={form.onSubmit((values) => login.mutate(values, { onError: form.showServerErrors }))} noValidate>
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
