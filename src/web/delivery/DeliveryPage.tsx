import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { stockholmToday } from '../checklist/dates.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { useDelivery } from './api.js';
import { DeliverySummary } from './DeliverySummary.js';
import { LinkedActivities } from './LinkedActivities.js';
import { SchoolStepsTable } from './SchoolStepsTable.js';
import { type FocusRequest, StepCell } from './StepCell.js';

/** `/projekt/:projectId/leverans`: the delivery of accounts school by school. */
export function DeliveryPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const delivery = useDelivery(projectId);
  const status = useStatusMessage();
  const [focus, requestFocus] = useState<FocusRequest>(null);
  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  const data = delivery.data;
  const context = data && {
    projectId,
    people: data.people,
    today: stockholmToday(),
    announce: status.announce,
    focus,
    requestFocus,
  };

  return (
    <Stack gap="xl" maw={1280}>
      <ProjectSubpageHeader project={project.data} title={t('delivery.title')} intro={t('delivery.intro')} />
      {delivery.isError && <ErrorMessage error={delivery.error} onRetry={() => delivery.refetch()} />}
      {data && context && (
        <>
          {/* The live region stays on the page; only a message takes room. */}
          <Stack gap={status.message ? 'md' : 0}>
            <StatusMessage message={status.message} onClose={status.clear} />
            <DeliverySummary
              delivery={data}
              addSchoolsLink={project.data.permissions.edit ? `/kunder/${project.data.customer.id}` : null}
            />
          </Stack>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="leverans-huvudkonto">
            <Title order={2} id="leverans-huvudkonto" mb={4}>
              {t('delivery.main.title')}
            </Title>
            <Text size="sm" c="gray.7" mb="sm">
              {t('delivery.main.text')}
            </Text>
            <StepCell
              step={data.mainAccount}
              schoolId={null}
              where={t('delivery.step.wholeProject')}
              isNext={data.mainAccount.done === null}
              context={context}
            />
          </Paper>
          {data.schools.length > 0 && <SchoolStepsTable schools={data.schools} context={context} />}
          <LinkedActivities projectId={projectId} activities={data.activities} />
        </>
      )}
    </Stack>
  );
}
