import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MyResponsibilityPrompt } from '../acknowledgements/MyResponsibilityPrompt.js';
import { ChecklistSection } from '../checklist/ChecklistSection.js';
import { ClosedNotice } from '../closure/ClosedNotice.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { BudgetSummary } from '../steering/BudgetSummary.js';
import { StepBar } from '../steps/StepBar.js';
import { useProject } from './api.js';
import { ProgressBar } from './ProgressBar.js';
import { ProjectNav } from './ProjectNav.js';

export function ProjectPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  const data = project.data;

  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        <Anchor component={Link} to="/projekt">
          {t('projects.title')}
        </Anchor>
        <Text>{data.customer.name}</Text>
      </Breadcrumbs>
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1}>{data.name}</Title>
            <Text size="lg">{data.customer.name}</Text>
            <Group gap="sm" mt="xs">
              <Badge
                variant={data.phase === 'implementation' ? 'light' : 'filled'}
                color={data.phase === 'implementation' ? 'blue' : 'teal.9'}
              >
                {t(`projects.phases.${data.phase}`)}
              </Badge>
              <Text size="sm">{t('projects.startedOn', { date: data.startDate })}</Text>
              <BudgetSummary projectId={data.id} />
              <Text size="sm" c="gray.7">
                {t('projects.template', { name: data.template.name, version: data.template.version })}
              </Text>
            </Group>
          </div>
          <ProgressBar progress={data.progress} label={t('projects.progress')} width={220} />
        </Group>
      </Paper>
      <ClosedNotice project={data} />
      <MyResponsibilityPrompt project={data} />
      <StepBar project={data} />
      <ProjectNav projectId={data.id} />
      <ChecklistSection project={data} />
    </Stack>
  );
}
