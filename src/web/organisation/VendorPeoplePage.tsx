import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { SavedNotice } from '../layout/SavedNotice.js';
import { useVendorPeople } from './api.js';
import { usePersonInviteControls } from './InviteControls.js';
import { useLoginSwitch } from './LoginSwitch.js';
import { PeopleTable } from './PeopleTable.js';
import { PersonForm } from './PersonForm.js';

/**
 * `/leverantor/personer`: the vendor's own people, who take the vendor's roles in the customers'
 * projects. The vendor admin adds them here and invites them to a vendor staff login.
 */
export function VendorPeoplePage() {
  const { t } = useTranslation();
  const inviteControls = usePersonInviteControls();
  const session = useSession();
  const isAdmin = session.data?.user.role === 'vendor_admin';
  const people = useVendorPeople(isAdmin);
  const [saved, setSaved] = useState<string | null>(null);
  const loginSwitch = useLoginSwitch(setSaved);

  return (
    <Stack gap="xl" maw={1200}>
      <div>
        <Title order={1}>{t('vendorPeople.title')}</Title>
        <Text mt="xs">{t('vendorPeople.intro')}</Text>
      </div>
      {!isAdmin ? (
        <Text>{t('vendorPeople.adminOnly')}</Text>
      ) : (
        <>
          <Stack gap="md" component="section" aria-labelledby="leverantorens-personer">
            <div>
              <Title order={2} id="leverantorens-personer">
                {t('vendorPeople.listTitle')}
              </Title>
              <Text c="gray.7" size="sm">
                {t('vendorPeople.inviteHint')}
              </Text>
              <SavedNotice message={saved} onClose={() => setSaved(null)} />
            </div>
            {people.isError && <ErrorMessage error={people.error} onRetry={() => people.refetch()} />}
            {people.isPending && <Text>{t('common.loading')}</Text>}
            {people.data &&
              (people.data.items.length === 0 ? (
                <Text>{t('vendorPeople.empty')}</Text>
              ) : (
                <PeopleTable
                  people={people.data.items}
                  actions={(person) => (
                    <>
                      {inviteControls(person)}
                      {loginSwitch.button(person)}
                    </>
                  )}
                />
              ))}
            {loginSwitch.dialog}
          </Stack>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ny-leverantorsperson">
            <Title order={2} size="h4" id="ny-leverantorsperson" mb="sm">
              {t('vendorPeople.addTitle')}
            </Title>
            <PersonForm
              customerId={null}
              submitLabel={t('vendorPeople.add')}
              onSaved={(person) => setSaved(t('vendorPeople.added', { name: person.name }))}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
