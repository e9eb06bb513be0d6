import { Alert, Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TermDates, termDatesSchema } from '../../shared/customers.js';
import { defaultTermDates } from '../../shared/measurements.js';
import { useSchemaForm } from '../api/forms.js';
import { ErrorMessage, errorText } from '../layout/ErrorMessage.js';
import { useCustomerTerms, useSetCustomerTerms } from './api.js';

/** The customer's own school terms, what goals followed per term are computed over. */
export function TermsSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const terms = useCustomerTerms(customerId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="kundens-terminer">
      <Title order={2} size="h4" id="kundens-terminer" mb="xs">
        {t('customer.terms.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('customer.terms.intro')}
      </Text>
      {terms.isError && <ErrorMessage error={terms.error} onRetry={() => terms.refetch()} />}
      {terms.data && (
        <TermsForm key={JSON.stringify(terms.data.terms)} customerId={customerId} terms={terms.data.terms} />
      )}
    </Paper>
  );
}

function TermsForm({ customerId, terms }: { customerId: string; terms: TermDates | null }) {
  const { t } = useTranslation();
  const save = useSetCustomerTerms(customerId);
  const form = useSchemaForm(termDatesSchema, terms ?? defaultTermDates);
  const [saved, setSaved] = useState(false);

  const send = form.onSubmit((values) => {
    setSaved(false);
    save.mutate({ terms: values }, { onSuccess: () => setSaved(true) });
  });

  return (
    <form onSubmit={send} noValidate>
      <Group align="flex-start" wrap="wrap">
        <TextInput label={t('customer.terms.htStart')} placeholder="08-18" w={150} {...form.field('htStart')} />
        <TextInput label={t('customer.terms.htEnd')} placeholder="12-22" w={150} {...form.field('htEnd')} />
        <TextInput label={t('customer.terms.vtStart')} placeholder="01-09" w={150} {...form.field('vtStart')} />
        <TextInput label={t('customer.terms.vtEnd')} placeholder="06-14" w={150} {...form.field('vtEnd')} />
      </Group>
      <Group mt="sm">
        <Button type="submit" loading={save.isPending}>
          {t('customer.terms.save')}
        </Button>
        {terms && (
          <Button
            variant="subtle"
            loading={save.isPending}
            onClick={() => {
              setSaved(false);
              save.mutate({ terms: null }, { onSuccess: () => setSaved(true) });
            }}
          >
            {t('customer.terms.useDefaults')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.7" mt="xs">
        {terms ? t('customer.terms.own') : t('customer.terms.defaults')}
      </Text>
      {save.isError && (
        <Alert color="red" mt="sm" role="alert">
          {errorText(save.error, t)}
        </Alert>
      )}
      {saved && (
        <Alert color="green" mt="sm" role="status">
          {t('customer.terms.saved')}
        </Alert>
      )}
    </form>
  );
}
