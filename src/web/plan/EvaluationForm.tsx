import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EvaluationItem,
  type EvaluationItemInput,
  evaluationItemInputSchema,
  type Goal,
} from '../../shared/plan.js';
import { useSchemaForm } from '../api/forms.js';
import { FormActions } from '../layout/FormActions.js';
import { EvaluationSummary } from './EvaluationSummary.js';
import { ItemConflictAlert } from './ItemControls.js';
import { RemoveIcon } from './icons.js';
import { useUnsavedChanges } from './UnsavedChanges.js';
import { useVersionedSave } from './versioned-save.js';

type EvaluationValues = {
  why: string;
  what: string;
  how: string;
  /** One input per date; '' for one not filled in yet. */
  collectionDates: string[];
  goalIds: string[];
};

const valuesOf = (item?: EvaluationItem): EvaluationValues => ({
  why: item?.why ?? '',
  what: item?.what ?? '',
  how: item?.how ?? '',
  collectionDates: item && item.collectionDates.length > 0 ? item.collectionDates : [''],
  goalIds: item?.goalIds ?? [],
});

/** Adds or changes an evaluation: why, what, how it is measured, when data is collected, which goals. */
export function EvaluationForm({
  projectId,
  item,
  goals,
  questions,
  title,
  onDone,
}: {
  projectId: string;
  item?: EvaluationItem;
  goals: Goal[];
  /** The template's questions, used as the fields' labels. */
  questions: { why: string; what: string; how: string; when: string };
  title: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [initial] = useState(() => valuesOf(item));
  const form = useSchemaForm<EvaluationValues>(evaluationItemInputSchema, initial);
  const { values, errors } = form;
  const save = useVersionedSave<'evaluation', EvaluationItemInput>(projectId, 'evaluation', item);
  useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));

  const setDate = (index: number, date: string) =>
    form.set(
      'collectionDates',
      values.collectionDates.map((current, at) => (at === index ? date : current)),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      why: values.why,
      what: values.what,
      how: values.how,
      collectionDates: values.collectionDates.filter((date) => date !== ''),
      goalIds: values.goalIds,
    };
    if (!form.check(body)) return;
    save.submit(body, { onSaved: onDone, onError: form.showServerErrors });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={4} size="h5">
          {title}
        </Title>
        <ItemConflictAlert
          conflict={save.conflict}
          summary={(latest) => <EvaluationSummary item={latest} goals={goals} />}
        />
        <Textarea label={questions.why} required autosize minRows={2} {...form.field('why')} />
        <Textarea label={questions.what} required autosize minRows={2} {...form.field('what')} />
        <Textarea label={questions.how} required autosize minRows={2} {...form.field('how')} />
        <Fieldset legend={questions.when} variant="unstyled" className="plan-fieldset">
          <Stack gap="xs">
            {values.collectionDates.map((date, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the inputs are controlled and dates may repeat while typed, so the position is their identity
              <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  type="date"
                  label={t('plan.evaluation.date', { number: index + 1 })}
                  value={date}
                  error={errors[`collectionDates.${index}`]}
                  onChange={(event) => setDate(index, event.currentTarget.value)}
                />
                {values.collectionDates.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    size="lg"
                    mb={2}
                    aria-label={t('plan.evaluation.removeDate', { number: index + 1 })}
                    onClick={() =>
                      form.set(
                        'collectionDates',
                        values.collectionDates.filter((_date, at) => at !== index),
                      )
                    }
                  >
                    <RemoveIcon />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {errors.collectionDates && <Input.Error>{errors.collectionDates}</Input.Error>}
            <Button
              variant="subtle"
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => form.set('collectionDates', [...values.collectionDates, ''])}
            >
              {t('plan.evaluation.addDate')}
            </Button>
          </Stack>
        </Fieldset>
        {goals.length === 0 ? (
          <Text c="gray.7">{t('plan.evaluation.noGoals')}</Text>
        ) : (
          <Checkbox.Group
            label={t('plan.evaluation.goalsLabel')}
            required
            value={values.goalIds}
            error={errors.goalIds}
            onChange={(goalIds) => form.set('goalIds', goalIds)}
          >
            <Stack gap={6} mt="xs">
              {goals.map((goal) => (
                <Checkbox
                  key={goal.id}
                  value={goal.id}
                  label={t('plan.evaluation.goalOption', {
                    kind: t(goal.kind === 'effect' ? 'plan.evaluation.effectKind' : 'plan.evaluation.projectKind'),
                    title: goal.title,
                  })}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <FormActions error={save.error} submitLabel={t('plan.save')} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
