import { Alert, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../layout/ErrorMessage.js';
import { useCustomerPolicy, useSetCustomerPolicy, useSetVendorPolicy, useVendorPolicy } from './api.js';

interface PolicySwitchProps {
  id: string;
  title: string;
  /** Under another section's h2, as on the Inloggning page. */
  titleSize?: 'h3';
  label: string;
  required: boolean | undefined;
  loadError: unknown;
  save: { mutate(required: boolean): void; isPending: boolean; error: unknown };
}

/** A requirement of a second factor, switched on and off by the vendor admin. */
function PolicySwitch({ id, title, titleSize, label, required, loadError, save }: PolicySwitchProps) {
  const { t } = useTranslation();
  const error = loadError ?? save.error;
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Title order={2} size={titleSize} id={id}>
        {title}
      </Title>
      {error ? (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      ) : null}
      <Checkbox
        label={label}
        checked={required ?? false}
        disabled={required === undefined || save.isPending}
        onChange={(event) => save.mutate(event.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed">
        {t('twoFactor.policy.hint')}
      </Text>
    </Stack>
  );
}

/** The vendor admin's requirement of a second factor for the vendor's own staff. */
export function VendorTwoFactorPolicy() {
  const { t } = useTranslation();
  const policy = useVendorPolicy();
  const save = useSetVendorPolicy();
  return (
    <PolicySwitch
      id="tvasteg-leverantor"
      title={t('twoFactor.policy.vendorTitle')}
      titleSize="h3"
      label={t('twoFactor.policy.vendorLabel')}
      required={policy.data?.vendorStaffRequired}
      loadError={policy.error}
      save={{
        mutate: (required) => save.mutate({ vendorStaffRequired: required }),
        isPending: save.isPending,
        error: save.error,
      }}
    />
  );
}

/** On the customer's page: the vendor admin's requirement of a second factor for the customer's people. */
export function CustomerTwoFactorPolicy({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const policy = useCustomerPolicy(customerId);
  const save = useSetCustomerPolicy(customerId);
  return (
    <PolicySwitch
      id="tvasteg-kund"
      title={t('twoFactor.policy.customerTitle')}
      label={t('twoFactor.policy.customerLabel')}
      required={policy.data?.required}
      loadError={policy.error}
      save={{ mutate: (required) => save.mutate({ required }), isPending: save.isPending, error: save.error }}
    />
  );
}
