import { Anchor, Breadcrumbs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectDetail } from '../../shared/projects.js';
import { ClosedNotice } from '../closure/ClosedNotice.js';
import { ProjectNav } from './ProjectNav.js';

/** Breadcrumbs, heading and the project's tabs, as every page of one project starts. */
export function ProjectSubpageHeader({
  project,
  title,
  intro,
}: {
  project: ProjectDetail;
  title: string;
  intro: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs>
        <Anchor component={Link} to="/projekt">
          {t('projects.title')}
        </Anchor>
        <Anchor component={Link} to={`/projekt/${project.id}`}>
          {project.name}
        </Anchor>
        <Text>{title}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{title}</Title>
        <Text size="lg">
          {project.name} · {project.customer.name}
        </Text>
        <Text c="gray.7" mt={4}>
          {intro}
        </Text>
      </div>
      <ClosedNotice project={project} />
      <ProjectNav projectId={project.id} />
    </>
  );
}
