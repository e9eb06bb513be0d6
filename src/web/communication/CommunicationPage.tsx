import '../plan/plan.css';
import './communication.css';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { UnsavedChangesGuard } from '../plan/UnsavedChanges.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { isClosed } from '../projects/phase.js';
import { useCommunication } from './api.js';
import { CommunicationPlanSection } from './CommunicationPlanSection.js';
import { ProcessGuideSection } from './ProcessGuideSection.js';

/** `/projekt/:projectId/kommunikation`: the communication plan per audience, then the process guide. */
export function CommunicationPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const communication = useCommunication(projectId);
  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  return (
    <UnsavedChangesGuard>
      <Stack gap="xl" maw={1200} className="communication-page">
        <ProjectSubpageHeader
          project={project.data}
          title={t('communication.title')}
          intro={t('communication.intro')}
        />
        {communication.isError && <ErrorMessage error={communication.error} onRetry={() => communication.refetch()} />}
        {communication.isPending && <Text>{t('common.loading')}</Text>}
        {communication.data && (
          <>
            {/* A closed project's notice already says why nothing changes. */}
            {!communication.data.may.edit && !isClosed(project.data) && (
              <Text c="gray.7">{t('communication.readOnly')}</Text>
            )}
            <CommunicationPlanSection project={project.data} communication={communication.data} />
            <ProcessGuideSection
              projectId={projectId}
              guide={communication.data.guide}
              canEdit={communication.data.may.edit}
            />
          </>
        )}
      </Stack>
    </UnsavedChangesGuard>
  );
}
