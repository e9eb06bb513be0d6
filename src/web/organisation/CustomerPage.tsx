import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Person, type School, schoolFormLabels } from '../../shared/organisation.js';
import { useSession } from '../auth/session.js';
import { TermsSection } from '../customers/TermsForm.js';
import { ImportPanel } from '../imports/ImportPanel.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { SavedNotice } from '../layout/SavedNotice.js';
import { useProjects } from '../projects/api.js';
import { CustomerTwoFactorPolicy } from '../two-factor/PolicySwitches.js';
import { customerKey, useCustomerList, usePeople, useSchools } from './api.js';
import { Collapsible } from './Collapsible.js';
import { useLoginSwitch } from './LoginSwitch.js';
import { PeopleTable } from './PeopleTable.js';
import { PersonForm } from './PersonForm.js';
import { SchoolForm } from './SchoolForm.js';

/** `/kunder/:customerId`: the customer's schools and people, added and edited here. */
export function CustomerPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const session = useSession();
  const isVendor = session.data ? session.data.user.role !== 'customer' : false;
  // Only the vendor lists customers; anyone else sees the page without the customer's name.
  const customers = useCustomerList(isVendor);
  const customer = customers.data?.items.find((item) => item.id === customerId);
  const projects = useProjects(customerId);
  const schools = useSchools(customerId);
  const people = usePeople(customerId);

  return (
    <Stack gap="xl" maw={1200}>
      <Breadcrumbs>
        <Anchor component={Link} to="/kunder">
          {t('customers.title')}
        </Anchor>
        <Text>{customer?.name ?? t('customer.fallbackTitle')}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{customer?.name ?? t('customer.fallbackTitle')}</Title>
        {customer && (
          <Text c="gray.7">{t('customer.organisationNumber', { number: customer.organisationNumber })}</Text>
        )}
        <Text mt="xs">{t('customer.intro')}</Text>
      </div>
      {projects.data && (
        <section aria-labelledby="kundens-projekt">
          <Title order={2} size="h3" id="kundens-projekt" mb="xs">
            {t('customer.projects')}
          </Title>
          {projects.data.items.length === 0 ? (
            <Text>{t('customer.noProjects')}</Text>
          ) : (
            <List spacing={4}>
              {projects.data.items.map((project) => (
                <List.Item key={project.id}>
                  <Anchor component={Link} to={`/projekt/${project.id}`}>
                    {project.name}
                  </Anchor>
                  {' · '}
                  <Anchor
                    component={Link}
                    to={`/projekt/${project.id}/organisation`}
                    aria-label={t('customer.projectOrganisation', { name: project.name })}
                  >
                    {t('organisation.title')}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </section>
      )}
      {schools.isError && <ErrorMessage error={schools.error} onRetry={() => schools.refetch()} />}
      {schools.data && <SchoolsSection customerId={customerId} schools={schools.data.items} />}
      {people.isError && <ErrorMessage error={people.error} onRetry={() => people.refetch()} />}
      {people.data && schools.data && (
        <PeopleSection customerId={customerId} people={people.data.items} schools={schools.data.items} />
      )}
      <TermsSection customerId={customerId} />
      {session.data?.user.role === 'vendor_admin' && <CustomerTwoFactorPolicy customerId={customerId} />}
    </Stack>
  );
}

/** After an import: the customer's schools and people are fetched again. */
function useRefreshCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
}

function SchoolsSection({ customerId, schools }: { customerId: string; schools: School[] }) {
  const { t } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editing = schools.find((school) => school.id === editingId);
  const refresh = useRefreshCustomer(customerId);

  return (
    <Stack gap="md" component="section" aria-labelledby="skolor">
      <div>
        <Title order={2} id="skolor">
          {t('customer.schools.title')}
        </Title>
        <SavedNotice message={saved} onClose={() => setSaved(null)} />
      </div>
      {schools.length === 0 ? (
        <Text>{t('customer.schools.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('customer.schools.name')}</Table.Th>
                <Table.Th scope="col">{t('customer.schools.forms')}</Table.Th>
                <Table.Th scope="col">{t('customer.schools.unitCode')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('customer.schools.staffCount')}
                </Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('customer.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schools.map((school) => (
                <Table.Tr key={school.id}>
                  <Table.Th scope="row" fw={600}>
                    {school.name}
                  </Table.Th>
                  <Table.Td>
                    <Group gap={6}>
                      {school.schoolForms.map((form) => (
                        <Badge key={form} variant="light" tt="none">
                          {schoolFormLabels[form]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{school.schoolUnitCode ?? '–'}</Table.Td>
                  <Table.Td ta="right">{school.staffCount ?? '–'}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('customer.schools.editLabel', { name: school.name })}
                      onClick={() => setEditingId(school.id)}
                    >
                      {t('customer.schools.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ny-skola">
        <Title order={3} size="h4" id="ny-skola" mb="sm">
          {t('customer.schools.addTitle')}
        </Title>
        <SchoolForm
          customerId={customerId}
          submitLabel={t('customer.schools.add')}
          onSaved={(school) => setSaved(t('customer.schools.added', { name: school.name }))}
        />
      </Paper>
      <Collapsible label={t('customer.schools.importTitle')}>
        <ImportPanel customerId={customerId} kind="schools" onImported={refresh} />
      </Collapsible>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditingId(null)}
        title={editing ? t('customer.schools.editTitle', { name: editing.name }) : ''}
        closeButtonProps={{ 'aria-label': t('customer.close') }}
        size="lg"
      >
        {editing && (
          <SchoolForm
            key={editing.id}
            customerId={customerId}
            school={editing}
            submitLabel={t('common.save')}
            onCancel={() => setEditingId(null)}
            onSaved={(school) => {
              setEditingId(null);
              setSaved(t('customer.schools.saved', { name: school.name }));
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function PeopleSection({ customerId, people, schools }: { customerId: string; people: Person[]; schools: School[] }) {
  const { t } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editing = people.find((person) => person.id === editingId);
  const refresh = useRefreshCustomer(customerId);
  const loginSwitch = useLoginSwitch(setSaved);
  const schoolName = (schoolId: string | null) => schools.find((school) => school.id === schoolId)?.name ?? '–';

  return (
    <Stack gap="md" component="section" aria-labelledby="personer">
      <div>
        <Title order={2} id="personer">
          {t('customer.people.title')}
        </Title>
        <SavedNotice message={saved} onClose={() => setSaved(null)} />
      </div>
      {people.length === 0 ? (
        <Text>{t('customer.people.empty')}</Text>
      ) : (
        <PeopleTable
          people={people}
          schoolName={schoolName}
          actions={(person) => (
            <>
              <Button
                size="xs"
                variant="light"
                aria-label={t('customer.people.editLabel', { name: person.name })}
                onClick={() => setEditingId(person.id)}
              >
                {t('customer.people.edit')}
              </Button>
              {loginSwitch.button(person)}
            </>
          )}
        />
      )}
      {loginSwitch.dialog}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ny-person">
        <Title order={3} size="h4" id="ny-person" mb="sm">
          {t('customer.people.addTitle')}
        </Title>
        <PersonForm
          customerId={customerId}
          schools={schools}
          submitLabel={t('customer.people.add')}
          onSaved={(person) => setSaved(t('customer.people.added', { name: person.name }))}
        />
      </Paper>
      <Collapsible label={t('customer.people.importTitle')}>
        <ImportPanel customerId={customerId} kind="people" onImported={refresh} />
      </Collapsible>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditingId(null)}
        title={editing ? t('customer.people.editTitle', { name: editing.name }) : ''}
        closeButtonProps={{ 'aria-label': t('customer.close') }}
        size="lg"
      >
        {editing && (
          <PersonForm
            key={editing.id}
            customerId={customerId}
            schools={schools}
            person={editing}
            submitLabel={t('common.save')}
            onCancel={() => setEditingId(null)}
            onSaved={(person) => {
              setEditingId(null);
              setSaved(t('customer.people.saved', { name: person.name }));
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
