import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationItem, Goal, Plan, PlanSection } from '../../shared/plan.js';
import { EvaluationForm } from './EvaluationForm.js';
import { EvaluationSummary } from './EvaluationSummary.js';
import { ItemActions, RemoveControl, useFocusWhenClosed } from './ItemControls.js';
import { SectionFrame } from './SectionFrame.js';

type Questions = { why: string; what: string; how: string; when: string };

/** Utvärdering av projektet: evaluations, each tied to the goals it follows up. */
export function EvaluationSection({
  projectId,
  section,
  number,
  plan,
  canEdit,
}: {
  projectId: string;
  section: PlanSection;
  number: number;
  plan: Plan;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const addButton = useFocusWhenClosed(adding);
  const label = (key: string, fallback: string) => section.fields.find((field) => field.key === key)?.label ?? fallback;
  const questions: Questions = {
    why: label('varfor', t('plan.evaluation.why')),
    what: label('vad', t('plan.evaluation.what')),
    how: label('hur-mata', t('plan.evaluation.how')),
    when: label('nar-samla-data', t('plan.evaluation.when')),
  };

  return (
    <SectionFrame section={section} number={number}>
      {plan.evaluation.length === 0 ? (
        <Text c="gray.7" fs="italic">
          {t('plan.evaluation.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" className="plan-plain-list">
          {plan.evaluation.map((item, index) => (
            <EvaluationCard
              key={item.id}
              projectId={projectId}
              item={item}
              number={index + 1}
              goals={plan.goals}
              questions={questions}
              canEdit={canEdit}
            />
          ))}
        </Stack>
      )}
      {canEdit &&
        (adding ? (
          <Paper withBorder radius="sm" p="md" bg="gray.0">
            <EvaluationForm
              projectId={projectId}
              goals={plan.goals}
              questions={questions}
              title={t('plan.evaluation.newItem')}
              onDone={() => setAdding(false)}
            />
          </Paper>
        ) : (
          <Button ref={addButton} variant="light" onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
            {t('plan.evaluation.add')}
          </Button>
        ))}
    </SectionFrame>
  );
}

function EvaluationCard({
  projectId,
  item,
  number,
  goals,
  questions,
  canEdit,
}: {
  projectId: string;
  item: EvaluationItem;
  number: number;
  goals: Goal[];
  questions: Questions;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  return (
    <Paper component="li" withBorder radius="sm" p="sm" bg={editing ? 'gray.0' : undefined}>
      {editing ? (
        <EvaluationForm
          projectId={projectId}
          item={item}
          goals={goals}
          questions={questions}
          title={t('plan.evaluation.editItem', { number })}
          onDone={() => setEditing(false)}
        />
      ) : (
        <Stack gap="xs">
          <Text fw={700}>{t('plan.evaluation.itemTitle', { number })}</Text>
          <EvaluationSummary item={item} goals={goals} />
          {canEdit && (
            <ItemActions>
              <Button
                ref={editButton}
                size="xs"
                variant="light"
                aria-label={t('plan.evaluation.editItem', { number })}
                onClick={() => setEditing(true)}
              >
                {t('plan.change')}
              </Button>
              <RemoveControl
                projectId={projectId}
                collection="evaluation"
                item={item}
                label={t('plan.evaluation.removeItem', { number })}
                question={t('plan.evaluation.confirmRemove', { number })}
              />
            </ItemActions>
          )}
        </Stack>
      )}
    </Paper>
  );
}
