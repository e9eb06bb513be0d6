import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { choosePasswordFormSchema, type TokenInfo } from '../../shared/invitations.js';
import { isSecondFactorStep } from '../../shared/two-factor.js';
import { ApiError } from '../api/client.js';
import { useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useAcceptToken, useTokenInfo } from './api.js';
import { PublicFrame } from './PublicFrame.js';

/** What to tell about a link that does not work, by the API's error code. */
function linkProblem(error: unknown, t: (key: string) => string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'TOKEN_EXPIRED') return t('passwords.expired');
  if (error.code === 'TOKEN_USED') return t('passwords.used');
  if (error.code === 'NOT_FOUND' || error.status === 400) return t('passwords.unknown');
  return undefined;
}

/** `/valj-losenord?token=…`: the page a mailed invitation or password reset link opens. */
export function ChoosePasswordPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const info = useTokenInfo(token);

  let content: ReactNode;
  if (!token) {
    content = <LinkProblem message={t('passwords.unknown')} />;
  } else if (info.isPending) {
    content = (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  } else if (info.isError) {
    content = <LinkProblem message={linkProblem(info.error, t) ?? errorText(info.error, t)} />;
  } else {
    content = <ChoosePasswordForm token={token} info={info.data} />;
  }
  return <PublicFrame>{content}</PublicFrame>;
}

function LinkProblem({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('passwords.linkProblemTitle')}
      </Title>
      <Alert color="red" role="alert">
        {message}
      </Alert>
      <Anchor component={Link} to="/glomt-losenord">
        {t('passwords.forgotLink')}
      </Anchor>
      <Anchor component={Link} to="/logga-in">
        {t('passwords.backToLogin')}
      </Anchor>
    </Stack>
  );
}

function ChoosePasswordForm({ token, info }: { token: string; info: TokenInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptToken();
  const form = useSchemaForm(choosePasswordFormSchema, { password: '', repeat: '' });
  const invitation = info.purpose === 'invitation';

  const submit = form.onSubmit((values) =>
    accept.mutate(
      { token, password: values.password },
      {
        onSuccess: (result) =>
          isSecondFactorStep(result)
            ? navigate('/logga-in', { replace: true, state: { secondFactor: result.secondFactor } })
            : navigate('/projekt', { replace: true }),
        onError: form.showServerErrors,
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {invitation ? t('passwords.welcomeTitle', { name: info.name }) : t('passwords.resetTitle')}
        </Title>
        <Text size="sm">{invitation ? t('passwords.welcomeIntro') : t('passwords.resetIntro')}</Text>
        {accept.isError && (
          <Alert color="red" role="alert">
            {linkProblem(accept.error, t) ?? errorText(accept.error, t)}
          </Alert>
        )}
        <TextInput label={t('auth.email')} type="email" autoComplete="username" value={info.email} readOnly />
        <PasswordInput
          label={t('passwords.newPassword')}
          description={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          {...form.field('password')}
        />
        <PasswordInput
          label={t('passwords.repeatPassword')}
          autoComplete="new-password"
          required
          {...form.field('repeat')}
        />
        <Button type="submit" loading={accept.isPending}>
          {invitation ? t('passwords.saveAndStart') : t('passwords.saveNew')}
        </Button>
      </Stack>
    </form>
  );
}
