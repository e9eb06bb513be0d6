import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createCustomerBodySchema } from '../../shared/customers.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { ErrorMessage, errorText } from '../layout/ErrorMessage.js';
import { useCreateCustomer, useCreateProject, useCustomers } from './api.js';

export function CustomersPage() {
  const { t } = useTranslation();
  const customers = useCustomers();
  const createProject = useCreateProject();
  const navigate = useNavigate();

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t('customers.title')}</Title>
        <Text c="gray.7">{t('customers.intro')}</Text>
      </div>
      <NewCustomerForm />
      {customers.isError && <ErrorMessage error={customers.error} onRetry={() => customers.refetch()} />}
      {createProject.isError && <ErrorMessage error={createProject.error} />}
      {customers.data &&
        (customers.data.items.length === 0 ? (
          <Text>{t('customers.empty')}</Text>
        ) : (
          <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('customers.name')}</Table.Th>
                <Table.Th scope="col">{t('customers.organisationNumber')}</Table.Th>
                <Table.Th scope="col">{t('customers.projects')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('customers.createProject')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.data.items.map((customer) => (
                <Table.Tr key={customer.id}>
                  <Table.Th scope="row" fw={600}>
                    <Anchor component={Link} to={`/kunder/${customer.id}`} fw={600}>
                      {customer.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{customer.organisationNumber}</Table.Td>
                  <Table.Td>
                    {customer.projectCount > 0 ? (
                      <Anchor component={Link} to={`/projekt?kund=${customer.id}`}>
                        {customer.projectCount} {t('customers.projects').toLowerCase()}
                      </Anchor>
                    ) : (
                      0
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('customers.createProjectFor', { name: customer.name })}
                      loading={createProject.isPending && createProject.variables?.customerId === customer.id}
                      onClick={() =>
                        createProject.mutate(
                          { customerId: customer.id },
                          { onSuccess: (project) => navigate(`/projekt/${project.id}`) },
                        )
                      }
                    >
                      {t('customers.createProject')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Stack>
  );
}

function NewCustomerForm() {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  const form = useSchemaForm(createCustomerBodySchema, { name: '', organisationNumber: '' });
  const [created, setCreated] = useState<string | null>(null);

  const send = form.onSubmit((values) => {
    setCreated(null);
    create.mutate(values, {
      onSuccess: (customer) => {
        setCreated(customer.name);
        form.reset();
      },
      onError: form.showServerErrors,
    });
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ny-kund">
      <form onSubmit={send} noValidate>
        <Title order={2} size="h4" id="ny-kund" mb="sm">
          {t('customers.addTitle')}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t('customers.name')} required w={320} {...form.field('name')} />
          <TextInput
            label={t('customers.organisationNumber')}
            placeholder={t('customers.organisationNumberHint')}
            required
            w={220}
            {...form.field('organisationNumber')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('customers.add')}
          </Button>
        </Group>
        {create.isError && !hasFieldErrors(create.error) && (
          <Alert color="red" mt="sm" role="alert">
            {errorText(create.error, t)}
          </Alert>
        )}
        {created && (
          <Alert color="green" mt="sm" role="status">
            {t('customers.created', { name: created })}
          </Alert>
        )}
      </form>
    </Paper>
  );
}
