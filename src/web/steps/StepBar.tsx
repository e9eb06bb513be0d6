import './steps.css';
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../shared/projects.js';
import type { ProjectStep, ProjectSteps } from '../../shared/steps.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProjectSteps } from './api.js';
import { ChangeStepButton } from './ChangeStepButton.js';
import { DecisionHistory, DecisionInForce } from './Decisions.js';
import { RequirementList } from './RequirementList.js';
import { StepList } from './StepList.js';

/** The ten implementation steps on the project page: where the project is and what it lacks to move on. */
export function StepBar({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const steps = useProjectSteps(project.id);
  const [openStep, setOpenStep] = useState<number | null>(null);
  const panelId = useId();
  const headingId = useId();
  const status = useStatusMessage();

  if (steps.isError) return <ErrorMessage error={steps.error} onRetry={() => steps.refetch()} />;
  if (!steps.data) return <Text>{t('common.loading')}</Text>;
  const data = steps.data;
  const opened = data.steps.find((step) => step.number === openStep);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id={headingId}>
            {t('steps.title')}
          </Title>
          {data.may.decide && (
            <ChangeStepButton
              projectId={project.id}
              steps={data}
              onChanged={() => status.announce(t('steps.change.saved'))}
            />
          )}
        </Group>
        <StepList
          steps={data.steps}
          openStep={openStep}
          panelId={panelId}
          onToggle={(stepNumber) => setOpenStep((current) => (current === stepNumber ? null : stepNumber))}
        />
        {opened && <StepRequirements id={panelId} projectId={project.id} step={opened} />}
        <StatusMessage message={status.message} onClose={status.clear} />
        <CurrentStep projectId={project.id} steps={data} />
        <DecisionHistory history={data.history} />
      </Stack>
    </Paper>
  );
}

/** The step opened from the bar: what it is for and everything it requires. */
function StepRequirements({ id, projectId, step }: { id: string; projectId: string; step: ProjectStep }) {
  const { t } = useTranslation();
  return (
    <Paper id={id} bg="gray.0" p="sm" radius="sm">
      <Title order={3} size="h5">
        {t('steps.requirementsTitle', { number: step.number, title: step.title })}{' '}
        <Text component="span" size="sm" fw={500} c="gray.7">
          ({t(`steps.state.${step.state}`)})
        </Text>
      </Title>
      <Text size="sm" c="gray.8" mb="xs">
        {step.description}
      </Text>
      {step.requirements.length === 0 ? (
        <Text size="sm">{t('steps.noRequirements')}</Text>
      ) : (
        <RequirementList projectId={projectId} requirements={step.requirements} />
      )}
    </Paper>
  );
}

function nothingMissingText(steps: ProjectSteps, t: (key: string) => string): string {
  if (steps.allDone) return t('steps.allDone');
  return steps.decision?.direction === 'hold' ? t('steps.heldWithNothingMissing') : t('steps.nothingMissing');
}

/** The step in force, any decision behind it, and what it still lacks. */
function CurrentStep({ projectId, steps }: { projectId: string; steps: ProjectSteps }) {
  const { t } = useTranslation();
  if (steps.closed) {
    return (
      <Title order={3} size="h5">
        {t('steps.closed')}
      </Title>
    );
  }
  const current = steps.steps.find((step) => step.number === steps.current);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t('steps.currentOf', { number: steps.current, total: steps.steps.length, title: current?.title ?? '' })}
        </Title>
        {current && (
          <Text size="sm" c="gray.8">
            {current.description}
          </Text>
        )}
        {steps.decision && <DecisionInForce decision={steps.decision} derived={steps.derived} />}
      </Stack>
      <Stack gap={4}>
        <Title order={4} size="h6">
          {t('steps.missingTitle')}
        </Title>
        {steps.missingToMoveOn.length > 0 ? (
          <RequirementList projectId={projectId} requirements={steps.missingToMoveOn} />
        ) : (
          <Text size="sm">{nothingMissingText(steps, t)}</Text>
        )}
      </Stack>
    </SimpleGrid>
  );
}
