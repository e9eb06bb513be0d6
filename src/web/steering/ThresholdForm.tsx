import { Button, Group, NumberInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Budget, budgetSettingsBodySchema } from '../../shared/budget.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormProblem } from '../layout/FormProblem.js';
import { budgetQuery, useSaveBudgetSettings } from './api.js';
import { hintBelowInput } from './form-layout.js';

type ThresholdValues = { overrunThresholdPercent: number | string };

const valuesOf = (budget: Budget): ThresholdValues => ({ overrunThresholdPercent: budget.overrunThresholdPercent });

/** The project's own limit for cost overrun, in percent above planned. */
export function ThresholdForm({
  projectId,
  budget,
  onSaved,
}: {
  projectId: string;
  budget: Budget;
  onSaved: (saved: Budget) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveBudgetSettings(projectId);
  const form = useSchemaForm<ThresholdValues>(budgetSettingsBodySchema, valuesOf(budget));
  const { values, errors } = form;
  const edit = useVersionedEdit({
    entity: budget,
    versionOf: (saved) => saved.settingsVersion,
    valuesOf,
    form,
    save,
    latest: { query: budgetQuery(projectId), find: (latest) => latest },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const percent = values.overrunThresholdPercent;
    const body = {
      overrunThresholdPercent: typeof percent === 'number' ? percent : undefined,
      version: edit.version,
    };
    if (!form.check(body)) return;
    save.mutate(
      { overrunThresholdPercent: percent as number, version: edit.version as number },
      {
        onSuccess: (saved) => {
          edit.saved(saved);
          onSaved(saved);
        },
        onError: form.showServerErrors,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <NumberInput
          label={t('steering.budget.settings.threshold')}
          description={t('steering.budget.settings.thresholdHint')}
          inputWrapperOrder={hintBelowInput}
          allowDecimal={false}
          allowNegative={false}
          min={0}
          max={100}
          suffix=" %"
          value={values.overrunThresholdPercent}
          error={errors.overrunThresholdPercent}
          onChange={(value) => form.set('overrunThresholdPercent', value)}
          maw={420}
        />
        <Button type="submit" mt={26} loading={save.isPending} variant="default">
          {t('steering.budget.settings.save')}
        </Button>
      </Group>
      <FormProblem {...edit.problem} />
    </form>
  );
}
