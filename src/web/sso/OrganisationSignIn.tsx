import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ssoDiscoverBodySchema } from '../../shared/sso.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useDiscoverSso } from './api.js';
import { emailDomain, providerSignInUrl } from './signIn.js';

/**
 * The login page's way in through the organisation's own account: the address tells which provider
 * signs the user in, and the browser goes there, to come back to `returnTo` signed in.
 */
export function OrganisationSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const discover = useDiscoverSso();
  const form = useSchemaForm(ssoDiscoverBodySchema, { email: '' });
  const [noProviderFor, setNoProviderFor] = useState<string | null>(null);
  const [leavingFor, setLeavingFor] = useState<string | null>(null);

  const discoverProvider = form.onSubmit((values) =>
    discover.mutate(values, {
      onSuccess: ({ provider }) => {
        if (!provider) {
          setNoProviderFor(emailDomain(values.email));
          return;
        }
        setLeavingFor(provider.name);
        window.location.assign(providerSignInUrl(provider.startUrl, returnTo));
      },
      onError: form.showServerErrors,
    }),
  );
  const send = (event: FormEvent) => {
    // An answer about an earlier address must not stand beside a new one.
    setNoProviderFor(null);
    discoverProvider(event);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="organisationens-konto">
      <Title order={2} size="h4" id="organisationens-konto">
        {t('sso.login.title')}
      </Title>
      <Text size="sm">{t('sso.login.intro')}</Text>
      <form onSubmit={send} noValidate>
        <Stack gap="sm">
          <TextInput label={t('sso.login.email')} type="email" autoComplete="email" {...form.field('email')} />
          <Button type="submit" variant="default" loading={discover.isPending || leavingFor !== null}>
            {t('sso.login.continue')}
          </Button>
        </Stack>
      </form>
      <div role="status">
        {noProviderFor && (
          <Alert color="blue">
            <Text size="sm">{t('sso.login.noProvider', { domain: noProviderFor })}</Text>
          </Alert>
        )}
        {leavingFor && <Text size="sm">{t('sso.login.redirecting', { name: leavingFor })}</Text>}
      </div>
      {discover.isError && !hasFieldErrors(discover.error) && (
        <Alert color="red" role="alert">
          {errorText(discover.error, t)}
        </Alert>
      )}
    </Stack>
  );
}
