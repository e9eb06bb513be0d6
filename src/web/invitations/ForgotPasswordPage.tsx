import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { forgotBodySchema } from '../../shared/invitations.js';
import { useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useForgotPassword } from './api.js';
import { PublicFrame } from './PublicFrame.js';

/** `/glomt-losenord`: asks for a link to choose a new password. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const form = useSchemaForm(forgotBodySchema, { email: '' });

  return (
    <PublicFrame>
      <form onSubmit={form.onSubmit((values) => forgot.mutate(values, { onError: form.showServerErrors }))} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('passwords.forgotTitle')}
          </Title>
          {forgot.isSuccess ? (
            <Alert color="green" role="status">
              {t('passwords.forgotSent')}
            </Alert>
          ) : (
            <>
              <Text size="sm">{t('passwords.forgotIntro')}</Text>
              {forgot.isError && (
                <Alert color="red" role="alert">
                  {errorText(forgot.error, t)}
                </Alert>
              )}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                required
                {...form.field('email')}
              />
              <Button type="submit" loading={forgot.isPending}>
                {t('passwords.sendLink')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/logga-in">
            {t('passwords.backToLogin')}
          </Anchor>
        </Stack>
      </form>
    </PublicFrame>
  );
}
