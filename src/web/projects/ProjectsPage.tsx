import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { unreadColor } from '../revisions/colors.js';
import { useProjects } from './api.js';
import { ProgressBar } from './ProgressBar.js';

export function ProjectsPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const projects = useProjects(search.get('kund') ?? undefined);

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t('projects.title')}</Title>
        <Text c="gray.7">{t('projects.intro')}</Text>
      </div>
      {projects.isError && <ErrorMessage error={projects.error} onRetry={() => projects.refetch()} />}
      {projects.data &&
        (projects.data.items.length === 0 ? (
          <Text>
            {t('projects.empty')}{' '}
            <Anchor component={Link} to="/kunder">
              {t('projects.goToCustomers')}
            </Anchor>
          </Text>
        ) : (
          <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.name')}</Table.Th>
                <Table.Th scope="col">{t('projects.customer')}</Table.Th>
                <Table.Th scope="col">{t('projects.phase')}</Table.Th>
                <Table.Th scope="col">{t('projects.startDate')}</Table.Th>
                <Table.Th scope="col">{t('projects.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projects.data.items.map((project) => (
                <Table.Tr key={project.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/projekt/${project.id}`} fw={600}>
                      {project.name}
                    </Anchor>
                    {project.unreadRevisions > 0 && (
                      <Anchor
                        component={Link}
                        to={`/projekt/${project.id}/revisioner`}
                        display="block"
                        size="sm"
                        fw={600}
                        c={unreadColor}
                      >
                        {t('revisions.unreadOnProjects', { count: project.unreadRevisions })}
                      </Anchor>
                    )}
                  </Table.Th>
                  <Table.Td>{project.customer.name}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant={project.phase === 'implementation' ? 'light' : 'filled'}
                      color={project.phase === 'implementation' ? 'blue' : 'teal.9'}
                    >
                      {t(`projects.phases.${project.phase}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{project.startDate}</Table.Td>
                  <Table.Td>
                    <ProgressBar progress={project.progress} label={`${t('projects.progress')}: ${project.name}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Stack>
  );
}
