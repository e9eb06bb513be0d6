import { Badge, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/organisation.js';

/**
 * People with their contact details and login state; `schoolName` adds the school column (a
 * customer's people), `actions` fills the last cell of each row.
 */
export function PeopleTable({
  people,
  schoolName,
  actions,
}: {
  people: Person[];
  schoolName?: (schoolId: string | null) => string;
  actions: (person: Person) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped withTableBorder verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('customer.people.name')}</Table.Th>
            <Table.Th scope="col">{t('customer.people.email')}</Table.Th>
            <Table.Th scope="col">{t('customer.people.phone')}</Table.Th>
            <Table.Th scope="col">{t('customer.people.personTitle')}</Table.Th>
            {schoolName && <Table.Th scope="col">{t('customer.people.school')}</Table.Th>}
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
              {schoolName && <Table.Td>{schoolName(person.schoolId)}</Table.Td>}
              <Table.Td>
                {person.loginDisabled ? (
                  <Badge variant="outline" color="red.9" tt="none">
                    {t('customer.people.loginDisabled')}
                  </Badge>
                ) : person.hasLogin ? (
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
                  {actions(person)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
