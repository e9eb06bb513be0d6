import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';

export function RevisionsPage() {
  const { t } = useTranslation();
  const projectId = useParams().projectId as string;
  const project = useProject(projectId);
  if (project.error) return <ErrorMessage error={project.error} />;
  if (!project.data) return null;
  return (
    <Stack>
      <ProjectSubpageHeader project={project.data} title={t('revisions.title')} intro="" />
    </Stack>
  );
}
