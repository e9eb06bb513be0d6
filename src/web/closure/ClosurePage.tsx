import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';

/** `/projekt/:projectId/avslut`: what is still open, the Beställare's approval, the follow-up and the next step. */
export function ClosurePage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  return <ProjectSubpageHeader project={project.data} title={t('closure.title')} intro="" />;
}
