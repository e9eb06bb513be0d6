import { Blockquote, Paper, Stack, Text, Title } from '@mantine/core';
import { type RefObject, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ClosureOverview } from '../../shared/closure.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { formatDateTime } from '../plan/format.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { ApproveClosureForm } from './ApproveClosureForm.js';
import { useClosure } from './api.js';
import { FollowUpSection } from './FollowUpSection.js';
import { NextStepSection } from './NextStepSection.js';
import { OpenItems } from './OpenItems.js';

/** `/projekt/:projectId/avslut`: what is still open, the Beställare's approval, the follow-up and the next step. */
export function ClosurePage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const closure = useClosure(projectId);
  const status = useStatusMessage();
  const phaseHeading = useRef<HTMLHeadingElement>(null);

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;

  return (
    <Stack gap="xl" maw={1200}>
      <ProjectSubpageHeader project={project.data} title={t('closure.title')} intro={t('closure.intro')} />
      {closure.isError && <ErrorMessage error={closure.error} onRetry={() => closure.refetch()} />}
      {closure.isPending && <Text>{t('common.loading')}</Text>}
      {closure.data && (
        <>
          <Stack gap="sm">
            <StatusMessage message={status.message} onClose={status.clear} />
            <PhaseSection closure={closure.data} headingRef={phaseHeading} />
          </Stack>
          <OpenItems projectId={projectId} closure={closure.data} />
          {closure.data.may.approve && (
            <ApproveClosureForm
              projectId={projectId}
              closure={closure.data}
              onApproved={() => {
                status.announce(t('closure.approve.done'));
                // The form leaves the page with the approval; the keyboard goes to what it changed.
                phaseHeading.current?.focus();
              }}
            />
          )}
          <FollowUpSection projectId={projectId} closure={closure.data} />
          <NextStepSection projectId={projectId} closure={closure.data} />
        </>
      )}
    </Stack>
  );
}

/** The template's words on closure, the phase the project is in, and the approval when given. */
function PhaseSection({
  closure,
  headingRef,
}: {
  closure: ClosureOverview;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, i18n } = useTranslation();
  const { approval } = closure;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="projektets-fas">
      <Stack gap="sm">
        <Title order={2} id="projektets-fas" ref={headingRef} tabIndex={-1}>
          {t('closure.phase.title')}
        </Title>
        <Blockquote color="blue.9" p="sm" m={0}>
          {closure.closureText}
        </Blockquote>
        <Text size="lg" fw={700}>
          {t('closure.phase.now', { phase: t(`projects.phases.${closure.phase}`) })}
        </Text>
        {approval ? (
          <>
            <Text>
              {t('closure.phase.approved', {
                name: approval.approvedBy.name,
                time: formatDateTime(approval.approvedAt, i18n.language),
              })}
            </Text>
            {approval.openCount > 0 && (
              <Text size="sm" c="gray.7">
                {t('closure.phase.openWhenApproved', { count: approval.openCount })}
              </Text>
            )}
          </>
        ) : (
          <Text>{t('closure.phase.notApproved')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
