import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deliverables,
  effectGoalInputSchema,
  type Goal,
  type GoalInput,
  goalUnits,
  projectGoalInputSchema,
} from '../../shared/plan.js';
import { useSchemaForm } from '../api/forms.js';
import { FormActions } from '../layout/FormActions.js';
import { GoalSummary } from './GoalSummary.js';
import { ItemConflictAlert } from './ItemControls.js';
import { useUnsavedChanges } from './UnsavedChanges.js';
import { useVersionedSave } from './versioned-save.js';

/** A number field's value: a number, or what is typed so far ('' when empty). */
type NumberValue = number | string;
const numberOrUndefined = (value: NumberValue) => (typeof value === 'number' ? value : undefined);

type EffectValues = {
  title: string;
  description: string;
  measure: string;
  unit: string;
  unitLabel: string;
  baseline: NumberValue;
  target: NumberValue;
  targetDate: string;
};

type ProjectValues = {
  title: string;
  description: string;
  deliverable: string;
  dueDate: string;
  budgetSek: NumberValue;
};

const effectValuesOf = (goal?: Goal): EffectValues => ({
  title: goal?.title ?? '',
  description: goal?.description ?? '',
  measure: goal?.measure ?? '',
  unit: goal?.unit ?? '',
  unitLabel: goal?.unitLabel ?? '',
  baseline: goal?.baseline ?? '',
  target: goal?.target ?? '',
  targetDate: goal?.targetDate ?? '',
});

const projectValuesOf = (goal?: Goal): ProjectValues => ({
  title: goal?.title ?? '',
  description: goal?.description ?? '',
  deliverable: goal?.deliverable ?? '',
  dueDate: goal?.dueDate ?? '',
  budgetSek: goal?.budgetSek ?? '',
});

/** The goal as the API takes it; left-out required values let the shared schema name what is missing. */
const effectBody = (values: EffectValues) => ({
  kind: 'effect' as const,
  title: values.title,
  description: values.description,
  measure: values.measure,
  unit: values.unit === '' ? undefined : values.unit,
  unitLabel: values.unit === 'count' && values.unitLabel.trim() !== '' ? values.unitLabel : null,
  baseline: numberOrUndefined(values.baseline),
  target: numberOrUndefined(values.target),
  targetDate: values.targetDate === '' ? undefined : values.targetDate,
});

const projectBody = (values: ProjectValues) => ({
  kind: 'project' as const,
  title: values.title,
  description: values.description,
  deliverable: values.deliverable === '' ? undefined : values.deliverable,
  dueDate: values.dueDate === '' ? null : values.dueDate,
  budgetSek: typeof values.budgetSek === 'number' ? values.budgetSek : null,
});

interface GoalFormProps {
  projectId: string;
  /** Absent when adding a goal. */
  goal?: Goal;
  title: string;
  onDone: () => void;
}

/** Adds or changes an effect goal: measurable, with a unit, a baseline, a target and a date. */
export function EffectGoalForm({ projectId, goal, title, onDone }: GoalFormProps) {
  const { t } = useTranslation();
  const [initial] = useState(() => effectValuesOf(goal));
  const form = useSchemaForm<EffectValues>(effectGoalInputSchema, initial);
  const { values, errors } = form;
  const save = useVersionedSave<'goals', GoalInput>(projectId, 'goals', goal);
  useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = effectBody(values);
    if (!form.check(body)) return;
    save.submit(body as GoalInput, { onSaved: onDone, onError: form.showServerErrors });
  };

  return (
    <GoalFormFrame title={title} save={save} onSubmit={submit} onCancel={onDone}>
      <TextInput
        label={t('plan.goals.goalTitle')}
        description={t('plan.goals.effectTitleHint')}
        required
        {...form.field('title')}
      />
      <TextInput
        label={t('plan.goals.measure')}
        description={t('plan.goals.measureHint')}
        required
        {...form.field('measure')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('plan.goals.unit')}
          required
          data={goalUnits.map((unit) => ({ value: unit, label: t(`plan.goals.units.${unit}`) }))}
          value={values.unit || null}
          error={errors.unit}
          onChange={(unit) => form.set('unit', unit ?? '')}
        />
        {values.unit === 'count' && (
          <TextInput
            label={t('plan.goals.unitLabel')}
            description={t('plan.goals.unitLabelHint')}
            {...form.field('unitLabel')}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label={t('plan.goals.baseline')}
          description={t('plan.goals.baselineHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          decimalSeparator=","
          value={values.baseline}
          error={errors.baseline}
          onChange={(value) => form.set('baseline', value)}
        />
        <NumberInput
          label={t('plan.goals.target')}
          required
          decimalSeparator=","
          value={values.target}
          error={errors.target}
          onChange={(value) => form.set('target', value)}
        />
        <TextInput type="date" label={t('plan.goals.targetDate')} required {...form.field('targetDate')} />
      </SimpleGrid>
      <Textarea label={t('plan.goals.description')} autosize minRows={2} {...form.field('description')} />
    </GoalFormFrame>
  );
}

/** Adds or changes a project goal: what is delivered, by when and for what budget. */
export function ProjectGoalForm({ projectId, goal, title, onDone }: GoalFormProps) {
  const { t } = useTranslation();
  const [initial] = useState(() => projectValuesOf(goal));
  const form = useSchemaForm<ProjectValues>(projectGoalInputSchema, initial);
  const { values, errors } = form;
  const save = useVersionedSave<'goals', GoalInput>(projectId, 'goals', goal);
  useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = projectBody(values);
    if (!form.check(body)) return;
    save.submit(body as GoalInput, { onSaved: onDone, onError: form.showServerErrors });
  };

  return (
    <GoalFormFrame title={title} save={save} onSubmit={submit} onCancel={onDone}>
      <TextInput
        label={t('plan.goals.goalTitle')}
        description={t('plan.goals.projectTitleHint')}
        required
        {...form.field('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('plan.goals.deliverable')}
          required
          data={deliverables.map((kind) => ({ value: kind, label: t(`plan.goals.deliverables.${kind}`) }))}
          value={values.deliverable || null}
          error={errors.deliverable}
          onChange={(deliverable) => form.set('deliverable', deliverable ?? '')}
        />
        <TextInput type="date" label={t('plan.goals.dueDate')} {...form.field('dueDate')} />
        <NumberInput
          label={t('plan.goals.budget')}
          description={t('plan.goals.budgetHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          value={values.budgetSek}
          error={errors.budgetSek}
          onChange={(value) => form.set('budgetSek', value)}
        />
      </SimpleGrid>
      <Textarea label={t('plan.goals.description')} autosize minRows={2} {...form.field('description')} />
    </GoalFormFrame>
  );
}

function GoalFormFrame({
  title,
  save,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  save: ReturnType<typeof useVersionedSave<'goals', GoalInput>>;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={4} size="h5">
          {title}
        </Title>
        <ItemConflictAlert conflict={save.conflict} summary={(latest) => <GoalSummary goal={latest} />} />
        {children}
        <FormActions error={save.error} submitLabel={t('plan.save')} pending={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
