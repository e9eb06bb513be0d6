import { Button, Group, NumberInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Budget, budgetSettingsBodySchema } from '../../shared/budget.js';
import { useSchemaForm } from '../api/forms.js';
import { FormProblem, isVersionConflict } from '../organisation/FormProblem.js';
import { useSaveBudgetSettings } from './api.js';
import { hintBelowInput } from './form-layout.js';

type ThresholdValues = { overrunThresholdPercent: number | string };

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
  const form = useSchemaForm<ThresholdValues>(budgetSettingsBodySchema, {
    overrunThresholdPercent: budget.overrunThresholdPercent,
  });
  const { values, errors } = form;
  const [basisVersion, setBasisVersion] = useState(budget.settingsVersion);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const percent = values.overrunThresholdPercent;
    const body = {
      overrunThresholdPercent: typeof percent === 'number' ? percent : undefined,
      version: basisVersion,
    };
    if (!form.check(body)) return;
    save.mutate(
      { overrunThresholdPercent: percent as number, version: basisVersion },
      {
        onSuccess: (saved) => {
          setBasisVersion(saved.settingsVersion);
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
      <FormProblem
        error={save.error}
        onLoadLatest={
          isVersionConflict(save.error)
            ? () => {
                form.reset({ overrunThresholdPercent: budget.overrunThresholdPercent });
                setBasisVersion(budget.settingsVersion);
                save.reset();
              }
            : undefined
        }
      />
    </form>
  );
}
