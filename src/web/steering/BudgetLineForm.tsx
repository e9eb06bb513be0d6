import { NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type BudgetLine, budgetLineInputSchema } from '../../shared/budget.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { budgetQuery, useSaveBudgetLine } from './api.js';
import { useFocusOnMount } from './focus.js';
import { hintBelowInput } from './form-layout.js';

type LineValues = {
  title: string;
  /** '' while empty, as the number input gives it. */
  plannedSek: number | string;
  actualSek: number | string;
};

const valuesOf = (line: BudgetLine): LineValues => ({
  title: line.title,
  plannedSek: line.plannedSek,
  actualSek: line.actualSek,
});

const amount = (value: number | string) => (typeof value === 'number' ? value : undefined);

/** Adds a budget line or edits one (sending the version it was read at): what it is, planned and actual kronor. */
export function BudgetLineForm({
  projectId,
  line,
  onSaved,
  onCancel,
}: {
  projectId: string;
  line?: BudgetLine;
  onSaved: (saved: BudgetLine) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveBudgetLine(projectId);
  const form = useSchemaForm<LineValues>(
    budgetLineInputSchema,
    line ? valuesOf(line) : { title: '', plannedSek: '', actualSek: 0 },
  );
  const { values, errors } = form;
  const edit = useVersionedEdit({
    entity: line,
    valuesOf,
    form,
    save,
    latest: {
      query: budgetQuery(projectId),
      find: (budget) => budget.lines.find((candidate) => candidate.id === line?.id),
    },
  });
  const titleInput = useFocusOnMount<HTMLInputElement>();
  const heading = line
    ? t('steering.budget.form.editTitle', { title: line.title })
    : t('steering.budget.form.newTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { title: values.title, plannedSek: amount(values.plannedSek), actualSek: amount(values.actualSek) };
    if (!form.check(body)) return;
    save.mutate(
      {
        title: body.title,
        plannedSek: body.plannedSek as number,
        actualSek: body.actualSek,
        lineId: line?.id,
        version: edit.version,
      },
      { onSuccess: onSaved, onError: form.showServerErrors },
    );
  };

  const kronorInput = { allowDecimal: false, allowNegative: false, thousandSeparator: ' ', suffix: ' kr' } as const;

  return (
    <form onSubmit={submit} noValidate aria-label={heading}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {heading}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            ref={titleInput}
            label={t('steering.budget.form.title')}
            description={t('steering.budget.form.titleHint')}
            inputWrapperOrder={hintBelowInput}
            required
            {...form.field('title')}
          />
          <NumberInput
            {...kronorInput}
            label={t('steering.budget.form.planned')}
            required
            value={values.plannedSek}
            error={errors.plannedSek}
            onChange={(value) => form.set('plannedSek', value)}
          />
          <NumberInput
            {...kronorInput}
            label={t('steering.budget.form.actual')}
            value={values.actualSek}
            error={errors.actualSek}
            onChange={(value) => form.set('actualSek', value)}
          />
        </SimpleGrid>
        <FormActions
          {...edit.problem}
          submitLabel={t('steering.budget.form.save')}
          pending={save.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
