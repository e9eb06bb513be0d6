import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { stockholmToday } from '../checklist/dates.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { useTrainings } from './api.js';
import type { TrainingControls } from './controls.js';
import { StaffTrainingSection } from './StaffTrainingSection.js';
import { TrainingSection } from './TrainingSection.js';

/** `/projekt/:projectId/utbildningar`: one section per training type, in the template's order. */
export function TrainingsPage() {
  const { t, i18n } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const overview = useTrainings(projectId);
  const status = useStatusMessage();
  const [problem, setProblem] = useState<string | null>(null);

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;

  const controls: TrainingControls | null = overview.data
    ? {
        projectId,
        may: overview.data.may,
        trainers: overview.data.trainers,
        today: stockholmToday(),
        language: i18n.language,
        announce: (message) => {
          setProblem(null);
          status.announce(message);
        },
        fail: (error) =>
          setProblem(
            error instanceof ApiError && error.code === 'VERSION_CONFLICT'
              ? t('trainings.conflict')
              : t('trainings.saveFailed', { message: error.message }),
          ),
      }
    : null;

  return (
    <Stack gap="xl" maw={1200}>
      <ProjectSubpageHeader project={project.data} title={t('trainings.title')} intro={t('trainings.intro')} />
      <StatusMessage message={status.message} onClose={status.clear} />
      {problem && (
        <Alert
          color="orange"
          role="alert"
          withCloseButton
          onClose={() => setProblem(null)}
          closeButtonLabel={t('trainings.close')}
        >
          {problem}
        </Alert>
      )}
      {overview.isError && <ErrorMessage error={overview.error} onRetry={() => overview.refetch()} />}
      {overview.isPending && <Text>{t('common.loading')}</Text>}
      {overview.data && controls && (
        <>
          {overview.data.trainings.length === 0 && <Text>{t('trainings.none')}</Text>}
          {overview.data.trainings.map((training) =>
            training.kind === 'staff' ? (
              <StaffTrainingSection
                key={training.key}
                training={training}
                schools={overview.data.staffTraining}
                controls={controls}
              />
            ) : (
              <TrainingSection
                key={training.key}
                training={training}
                trainings={overview.data.trainings}
                controls={controls}
              />
            ),
          )}
        </>
      )}
    </Stack>
  );
}
