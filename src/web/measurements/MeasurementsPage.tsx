import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useScrollToHash } from '../layout/useScrollToHash.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { goalIdFromHash } from './anchor.js';
import { useGoalTracking } from './api.js';
import { GoalSection } from './GoalSection.js';

/** `/projekt/:projectId/maluppfoljning`: every effect goal with its status, chart and measurements. */
export function MeasurementsPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const tracking = useGoalTracking(projectId);
  const linkedGoalId = useLinkedGoal(tracking.data !== undefined);

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack gap="xl" maw={1200}>
      <ProjectSubpageHeader project={project.data} title={t('measurements.title')} intro={t('measurements.intro')} />
      {tracking.isError && <ErrorMessage error={tracking.error} onRetry={() => tracking.refetch()} />}
      {tracking.isPending && <Text>{t('common.loading')}</Text>}
      {tracking.data?.goals.length === 0 && (
        <Text>
          {t('measurements.noGoals')}{' '}
          <Anchor component={Link} to={`/projekt/${projectId}/plan`} underline="always">
            {t('measurements.toPlan')}
          </Anchor>
        </Text>
      )}
      {tracking.data?.goals.map((goal) => (
        <GoalSection
          key={goal.goal.id}
          projectId={projectId}
          tracking={goal}
          list={tracking.data}
          highlighted={goal.goal.id === linkedGoalId}
        />
      ))}
    </Stack>
  );
}

/** The goal a reminder e-mail links to (`#mal-<goalId>`), scrolled into view once the goals are on screen. */
function useLinkedGoal(goalsShown: boolean): string | null {
  useScrollToHash(goalsShown);
  return goalIdFromHash(useLocation().hash);
}
