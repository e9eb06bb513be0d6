import { Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../shared/sso.js';
import { useSession } from '../auth/session.js';
import { ConfirmRemovalDialog } from '../layout/ConfirmRemovalDialog.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { SavedNotice } from '../layout/SavedNotice.js';
import { useCustomerList } from '../organisation/api.js';
import { VendorTwoFactorPolicy } from '../two-factor/PolicySwitches.js';
import { useIdentityProviders, useRemoveIdentityProvider } from './api.js';
import { ProviderCard } from './ProviderCard.js';
import { ProviderForm } from './ProviderForm.js';
import { RedirectUri } from './RedirectUri.js';

/**
 * `/leverantor/inloggning`: the identity providers through which customers' staff (or the
 * vendor's own) sign in with their organisation's account, kept by the vendor admin.
 */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = session.data?.user.role === 'vendor_admin';

  return (
    <Stack gap="xl" maw={1100}>
      <div>
        <Title order={1}>{t('sso.title')}</Title>
        <Text mt="xs">{t('sso.intro')}</Text>
      </div>
      {isAdmin ? <Providers /> : <Text>{t('sso.adminOnly')}</Text>}
      {isAdmin && <VendorTwoFactorPolicy />}
    </Stack>
  );
}

function Providers() {
  const { t } = useTranslation();
  const providers = useIdentityProviders(true);
  const customers = useCustomerList(true);
  const remove = useRemoveIdentityProvider();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const items = providers.data?.items ?? [];
  const editing = items.find((provider) => provider.id === editingId);
  const removing = items.find((provider) => provider.id === removingId);
  const customerItems = customers.data?.items ?? [];

  const confirmRemoval = (provider: IdentityProvider) =>
    remove.mutate(provider.id, {
      onSuccess: () => {
        setRemovingId(null);
        setSaved(t('sso.form.removed', { name: provider.name }));
      },
    });

  if (providers.isError) return <ErrorMessage error={providers.error} onRetry={() => providers.refetch()} />;
  if (!providers.data) return <Text>{t('common.loading')}</Text>;

  return (
    <>
      <RedirectUri redirectUri={providers.data.redirectUri} />
      <Stack gap="md" component="section" aria-labelledby="inloggningstjanster">
        <div>
          <Title order={2} id="inloggningstjanster">
            {t('sso.list.title')}
          </Title>
          <SavedNotice message={saved} onClose={() => setSaved(null)} />
        </div>
        {items.length === 0 ? (
          <Text maw={720}>{t('sso.list.empty')}</Text>
        ) : (
          items.map((provider) => (
            <ProviderCard
              // A new version gets a fresh card: a connection test said nothing about changed settings.
              key={`${provider.id}-${provider.version}`}
              provider={provider}
              onEdit={() => setEditingId(provider.id)}
              onRemove={() => setRemovingId(provider.id)}
            />
          ))
        )}
      </Stack>
      {customers.isError && <ErrorMessage error={customers.error} onRetry={() => customers.refetch()} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ny-inloggningstjanst">
        <Title order={2} size="h4" id="ny-inloggningstjanst" mb="sm">
          {t('sso.form.addTitle')}
        </Title>
        <ProviderForm
          customers={customerItems}
          submitLabel={t('sso.form.add')}
          onSaved={(provider) => setSaved(t('sso.form.added', { name: provider.name }))}
        />
      </Paper>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditingId(null)}
        title={editing ? t('sso.form.editTitle', { name: editing.name }) : ''}
        closeButtonProps={{ 'aria-label': t('sso.close') }}
        size="lg"
      >
        {editing && (
          <ProviderForm
            key={editing.id}
            customers={customerItems}
            provider={editing}
            submitLabel={t('common.save')}
            onCancel={() => setEditingId(null)}
            onSaved={(provider) => {
              setEditingId(null);
              setSaved(t('sso.form.saved', { name: provider.name }));
            }}
          />
        )}
      </Modal>
      <ConfirmRemovalDialog
        opened={removing !== undefined}
        title={removing ? t('sso.removal.title', { name: removing.name }) : ''}
        text={removing ? t('sso.removal.text', { name: removing.name }) : ''}
        confirmLabel={t('sso.removal.confirm')}
        closeLabel={t('sso.close')}
        removal={remove}
        onConfirm={() => removing && confirmRemoval(removing)}
        onClose={() => setRemovingId(null)}
      />
    </>
  );
}
