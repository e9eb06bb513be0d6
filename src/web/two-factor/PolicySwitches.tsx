import { Alert, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../layout/ErrorMessage.js';
import { useCustomerPolicy, useSetCustomerPolicy, useSetVendorPolicy, useVendorPolicy } from './api.js';

/** The vendor admin's requirement of a second factor for the vendor's own staff. */
export function VendorTwoFactorPolicy() {
  const { t } = useTranslation();
  const policy = useVendorPolicy();
  const save = useSetVendorPolicy();
  return (
    <Stack component="section" aria-labelledby="tvasteg-leverantor" gap="xs">
      <Title order={2} size="h3" id="tvasteg-leverantor">
        {t('twoFactor.policy.vendorTitle')}
      </Title>
      {(policy.isError || save.isError) && (
        <Alert color="red" role="alert">
          {errorText(policy.error ?? save.error, t)}
        </Alert>
      )}
      <Checkbox
        label={t('twoFactor.policy.vendorLabel')}
        checked={policy.data?.vendorStaffRequired ?? false}
        disabled={!policy.data || save.isPending}
        onChange={(event) => save.mutate({ vendorStaffRequired: event.currentTarget.checked })}
      />
      <Text size="sm" c="dimmed">
        {t('twoFactor.policy.hint')}
      </Text>
    </Stack>
  );
}

/** On the customer's page: the vendor admin's requirement of a second factor for the customer's people. */
export function CustomerTwoFactorPolicy({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const policy = useCustomerPolicy(customerId);
  const save = useSetCustomerPolicy(customerId);
  return (
    <Stack component="section" aria-labelledby="tvasteg-kund" gap="xs">
      <Title order={2} id="tvasteg-kund">
        {t('twoFactor.policy.customerTitle')}
      </Title>
      {(policy.isError || save.isError) && (
        <Alert color="red" role="alert">
          {errorText(policy.error ?? save.error, t)}
        </Alert>
      )}
      <Checkbox
        label={t('twoFactor.policy.customerLabel')}
        checked={policy.data?.required ?? false}
        disabled={!policy.data || save.isPending}
        onChange={(event) => save.mutate({ required: event.currentTarget.checked })}
      />
      <Text size="sm" c="dimmed">
        {t('twoFactor.policy.hint')}
      </Text>
    </Stack>
  );
}
