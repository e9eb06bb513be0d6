import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/organisation.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useVendorPeople } from './api.js';
import { usePersonInviteControls } from './InviteControls.js';
import { PersonForm } from './PersonForm.js';

/**
 * `/leverantor/personer`: the vendor's own people, who take the vendor's roles in the customers'
 * projects. The vendor admin adds them here and invites them to a vendor staff login.
 */
export function VendorPeoplePage() {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = session.data?.user.role === 'vendor_admin';
  const people = useVendorPeople(isAdmin);
  const [saved, setSaved] = useState<string | null>(null);

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
              <div role="status">
                {saved && (
                  <Alert
                    color="green"
                    mt="sm"
                    withCloseButton
                    closeButtonLabel={t('customer.close')}
                    onClose={() => setSaved(null)}
                  >
                    {saved}
                  </Alert>
                )}
              </div>
            </div>
            {people.isError && <ErrorMessage error={people.error} onRetry={() => people.refetch()} />}
            {people.isPending && <Text>{t('common.loading')}</Text>}
            {people.data &&
              (people.data.items.length === 0 ? (
                <Text>{t('vendorPeople.empty')}</Text>
              ) : (
                <PeopleTable people={people.data.items} />
              ))}
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

function PeopleTable({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  const inviteControls = usePersonInviteControls();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped withTableBorder verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('customer.people.name')}</Table.Th>
            <Table.Th scope="col">{t('customer.people.email')}</Table.Th>
            <Table.Th scope="col">{t('customer.people.phone')}</Table.Th>
            <Table.Th scope="col">{t('customer.people.personTitle')}</Table.Th>
            <Table.Th scope="col">{t('customer.people.login')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('customer.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Th scope="row" fw={600}>
                {person.name}
              </Table.Th>
              <Table.Td>{person.email ?? '–'}</Table.Td>
              <Table.Td>{person.phone ?? '–'}</Table.Td>
              <Table.Td>{person.title ?? '–'}</Table.Td>
              <Table.Td>
                {person.hasLogin ? (
                  <Badge variant="light" tt="none">
                    {t('customer.people.hasLogin')}
                  </Badge>
                ) : person.invited ? (
                  <Badge variant="outline" color="gray.8" tt="none">
                    {t('customer.people.invited')}
                  </Badge>
                ) : (
                  '–'
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Group gap="xs" justify="flex-end" wrap="wrap">
                  {inviteControls(person)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
