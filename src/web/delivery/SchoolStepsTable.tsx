import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type SchoolDelivery, schoolStepKeys } from '../../shared/delivery.js';
import { StepCell, type StepContext } from './StepCell.js';

/** Every school as a row, its four steps as columns in the order they are done. */
export function SchoolStepsTable({ schools, context }: { schools: SchoolDelivery[]; context: StepContext }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="leverans-skolor">
      <Title order={2} id="leverans-skolor" mb="sm">
        {t('delivery.schools.title')}
      </Title>
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing="sm" layout="fixed" striped>
          <Table.Caption className="visually-hidden">{t('delivery.schools.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={220}>
                {t('delivery.schools.school')}
              </Table.Th>
              {schoolStepKeys.map((key, index) => (
                <Table.Th scope="col" key={key}>
                  {index + 1}. {t(`delivery.steps.${key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schools.map((school) => (
              <Table.Tr key={school.schoolId}>
                <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                  <Stack gap={2}>
                    <Text size="sm" fw={700}>
                      {school.schoolName}
                    </Text>
                    <Text size="xs" c="gray.7" fw={400}>
                      {school.contactPerson
                        ? t('delivery.schools.contact', { name: school.contactPerson.name })
                        : t('delivery.schools.noContact')}
                    </Text>
                  </Stack>
                </Table.Th>
                {school.steps.map((step) => (
                  <Table.Td key={step.key} style={{ verticalAlign: 'top' }}>
                    <StepCell
                      step={step}
                      schoolId={school.schoolId}
                      where={school.schoolName}
                      isNext={school.nextStep === step.key}
                      context={context}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
