import { Button, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Plan, PlanSection } from '../../shared/plan.js';
import { EffectGoalForm, ProjectGoalForm } from './GoalForm.js';
import { GoalSummary } from './GoalSummary.js';
import { InformedPerson } from './InformedPerson.js';
import { ItemActions, RemoveControl, useFocusWhenClosed } from './ItemControls.js';
import { SectionFrame, TemplateExample } from './SectionFrame.js';

type GoalKind = Goal['kind'];

/** Mål: effect goals and project goals, and who is told when they cannot be reached. */
export function GoalsSection({
  projectId,
  customerId,
  section,
  number,
  plan,
  canEdit,
}: {
  projectId: string;
  customerId: string;
  section: PlanSection;
  number: number;
  plan: Plan;
  canEdit: boolean;
}) {
  const field = (key: string) => section.fields.find((candidate) => candidate.key === key);
  return (
    <SectionFrame section={section} number={number}>
      <GoalList
        projectId={projectId}
        kind="effect"
        goals={plan.goals.filter((goal) => goal.kind === 'effect')}
        hint={field('effektmal')?.hint ?? ''}
        canEdit={canEdit}
      />
      <GoalList
        projectId={projectId}
        kind="project"
        goals={plan.goals.filter((goal) => goal.kind === 'project')}
        hint={field('projektmal')?.hint ?? ''}
        canEdit={canEdit}
      />
      <Divider />
      <InformedPerson
        projectId={projectId}
        customerId={customerId}
        section={section}
        label={field('informeras')?.label ?? ''}
        canEdit={canEdit}
      />
    </SectionFrame>
  );
}

function GoalList({
  projectId,
  kind,
  goals,
  hint,
  canEdit,
}: {
  projectId: string;
  kind: GoalKind;
  goals: Goal[];
  hint: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const addButton = useFocusWhenClosed(adding);
  const headingId = `mal-${kind}`;
  const Form = kind === 'effect' ? EffectGoalForm : ProjectGoalForm;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {t(kind === 'effect' ? 'plan.goals.effectTitle' : 'plan.goals.projectTitle')}
      </Title>
      {goals.length === 0 ? (
        <>
          <Text c="gray.7" fs="italic">
            {t(kind === 'effect' ? 'plan.goals.noEffectGoals' : 'plan.goals.noProjectGoals')}
          </Text>
          <TemplateExample hint={hint} />
        </>
      ) : (
        <Stack component="ul" gap="xs" className="plan-plain-list">
          {goals.map((goal) => (
            <GoalCard key={goal.id} projectId={projectId} goal={goal} canEdit={canEdit} />
          ))}
        </Stack>
      )}
      {canEdit &&
        (adding ? (
          <Paper withBorder radius="sm" p="md" bg="gray.0">
            <Form
              projectId={projectId}
              title={t(kind === 'effect' ? 'plan.goals.newEffect' : 'plan.goals.newProject')}
              onDone={() => setAdding(false)}
            />
          </Paper>
        ) : (
          <Button ref={addButton} variant="light" onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
            {t(kind === 'effect' ? 'plan.goals.addEffect' : 'plan.goals.addProject')}
          </Button>
        ))}
    </Stack>
  );
}

function GoalCard({ projectId, goal, canEdit }: { projectId: string; goal: Goal; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  const Form = goal.kind === 'effect' ? EffectGoalForm : ProjectGoalForm;
  return (
    <Paper component="li" withBorder radius="sm" p="sm" bg={editing ? 'gray.0' : undefined}>
      {editing ? (
        <Form
          projectId={projectId}
          goal={goal}
          title={t('plan.goals.editGoal', { title: goal.title })}
          onDone={() => setEditing(false)}
        />
      ) : (
        <Stack gap="xs">
          <GoalSummary goal={goal} />
          {canEdit && (
            <ItemActions>
              <Button
                ref={editButton}
                size="xs"
                variant="light"
                aria-label={t('plan.goals.editGoal', { title: goal.title })}
                onClick={() => setEditing(true)}
              >
                {t('plan.change')}
              </Button>
              <RemoveControl
                projectId={projectId}
                collection="goals"
                item={goal}
                label={t('plan.goals.removeGoal', { title: goal.title })}
                question={t('plan.goals.confirmRemove', { title: goal.title })}
              />
            </ItemActions>
          )}
        </Stack>
      )}
    </Paper>
  );
}
