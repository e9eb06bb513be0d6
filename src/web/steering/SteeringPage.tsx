import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useScrollToHash } from '../layout/useScrollToHash.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { useBudget, useChangeRequests, useDecisions, useSteeringMeetings } from './api.js';
import { BudgetSection } from './BudgetSection.js';
import { ChangeRequestsSection } from './ChangeRequestsSection.js';
import { DecisionLogSection } from './DecisionLogSection.js';
import { MeetingsSection } from './MeetingsSection.js';

/** `/projekt/:projectId/styrning`: change requests, steering group meetings, the decision log and the budget. */
export function SteeringPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const meetings = useSteeringMeetings(projectId);
  // A link to a request, a meeting, a decision or the budget waits for every section to be on screen.
  const sectionsShown = [
    useChangeRequests(projectId),
    meetings,
    useDecisions(projectId, ''),
    useBudget(projectId),
  ].every((query) => !query.isPending);
  useScrollToHash(project.data !== undefined && sectionsShown);
  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  // Requests and decisions name the meeting they belong to; without the meetings they still show.
  const meetingItems = meetings.data?.items ?? [];
  const common = { projectId, meetings: meetingItems };
  return (
    <Stack gap="xl" maw={1200}>
      <ProjectSubpageHeader project={project.data} title={t('steering.title')} intro={t('steering.intro')} />
      <ChangeRequestsSection {...common} />
      <MeetingsSection projectId={projectId} query={meetings} />
      <DecisionLogSection {...common} />
      <BudgetSection projectId={projectId} />
    </Stack>
  );
}
