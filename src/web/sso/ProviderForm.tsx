import { PasswordInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../shared/customers.js';
import {
  createIdentityProviderBodySchema,
  type IdentityProvider,
  updateIdentityProviderBodySchema,
} from '../../shared/sso.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { identityProvidersQuery, useSaveIdentityProvider } from './api.js';
import { DOMAIN_SEPARATORS, separateDomains } from './domains.js';

/** The organisation choice that means the vendor's own staff (`customerId` null); ids are UUIDs. */
const VENDOR_STAFF = 'vendor';

type ProviderValues = {
  name: string;
  /** A customer's id, VENDOR_STAFF, or '' before anything is chosen. */
  customerId: string;
  issuer: string;
  clientId: string;
  /** Empty when editing: the stored secret is kept. */
  clientSecret: string;
  emailDomains: string[];
  enabled: boolean;
};

const emptyProvider: ProviderValues = {
  name: '',
  customerId: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  emailDomains: [],
  enabled: true,
};

const valuesOf = (provider: IdentityProvider): ProviderValues => ({
  name: provider.name,
  customerId: provider.customerId ?? VENDOR_STAFF,
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: '',
  emailDomains: provider.emailDomains,
  enabled: provider.enabled,
});

/** The schema reports a bad domain at its place in the list (`emailDomains.2`); the field shows the first. */
const firstErrorUnder = (errors: Record<string, string>, name: string): string | undefined =>
  errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1];

/**
 * Adds an identity provider, or edits `provider`, building on the version it was opened at; an
 * empty secret keeps the stored one.
 */
export function ProviderForm({
  customers,
  provider,
  submitLabel,
  onSaved,
  onCancel,
}: {
  customers: Customer[];
  provider?: IdentityProvider;
  submitLabel: string;
  onSaved: (provider: IdentityProvider) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveIdentityProvider();
  const form = useSchemaForm<ProviderValues>(
    provider ? updateIdentityProviderBodySchema : createIdentityProviderBodySchema,
    provider ? valuesOf(provider) : emptyProvider,
  );
  const { values, errors } = form;
  const edit = useVersionedEdit({
    entity: provider,
    valuesOf,
    form,
    save,
    latest: { query: identityProvidersQuery, find: (list) => list.items.find((item) => item.id === provider?.id) },
  });
  // The schema accepts null (the vendor's staff), so an organisation not yet chosen is caught here.
  const [organisationMissing, setOrganisationMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = values.customerId !== '';
    setOrganisationMissing(!chosen);
    const fields = {
      name: values.name,
      customerId: values.customerId === VENDOR_STAFF || !chosen ? null : values.customerId,
      issuer: values.issuer,
      clientId: values.clientId,
      emailDomains: values.emailDomains,
      enabled: values.enabled,
    };
    const options = {
      onSuccess: (saved: IdentityProvider) => {
        if (!provider) form.reset();
        onSaved(saved);
      },
      onError: form.showServerErrors,
    };
    if (provider) {
      const body = {
        ...fields,
        ...(values.clientSecret === '' ? {} : { clientSecret: values.clientSecret }),
        version: edit.version ?? provider.version,
      };
      if (form.check(body) && chosen) save.mutate({ providerId: provider.id, ...body }, options);
    } else {
      const body = { ...fields, clientSecret: values.clientSecret };
      if (form.check(body) && chosen) save.mutate(body, options);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('sso.form.name')} description={t('sso.form.nameHint')} required {...form.field('name')} />
          <Select
            label={t('sso.form.organisation')}
            required
            searchable
            allowDeselect={false}
            data={[
              { value: VENDOR_STAFF, label: t('sso.provider.vendorStaff') },
              ...customers.map((customer) => ({ value: customer.id, label: customer.name })),
            ]}
            value={values.customerId === '' ? null : values.customerId}
            error={organisationMissing ? t('sso.form.organisationMissing') : errors.customerId}
            onChange={(customerId) => {
              setOrganisationMissing(false);
              form.set('customerId', customerId ?? '');
            }}
          />
        </SimpleGrid>
        <TextInput
          label={t('sso.form.issuer')}
          description={t('sso.form.issuerHint')}
          type="url"
          required
          autoComplete="off"
          {...form.field('issuer')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('sso.form.clientId')} required autoComplete="off" {...form.field('clientId')} />
          <PasswordInput
            label={t('sso.form.clientSecret')}
            description={provider ? t('sso.form.clientSecretKeep') : t('sso.form.clientSecretHint')}
            required={!provider}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('sso.form.showSecret') }}
            {...form.field('clientSecret')}
          />
        </SimpleGrid>
        <TagsInput
          label={t('sso.form.domains')}
          description={t('sso.form.domainsHint')}
          required
          splitChars={DOMAIN_SEPARATORS}
          value={values.emailDomains}
          error={firstErrorUnder(errors, 'emailDomains')}
          onChange={(domains) => form.set('emailDomains', separateDomains(domains))}
        />
        <Switch
          label={t('sso.form.enabled')}
          checked={values.enabled}
          onChange={(event) => form.set('enabled', event.currentTarget.checked)}
        />
        <FormActions {...edit.problem} submitLabel={submitLabel} pending={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
