import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectSteps, setStepBodySchema } from '../../shared/steps.js';
import { ApiError } from '../api/client.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useSetStep } from './api.js';

/** The step chosen: '' before a choice, a step's number, or FOLLOW_DATA. */
type ChangeValues = { stepNumber: string; reason: string };

const FOLLOW_DATA = 'underlaget';

/**
 * Holds the project at a step or moves it on, with a reason. The version sent is the number of
 * decisions seen, so a decision someone else took meanwhile is not overwritten unseen.
 */
export function ChangeStepForm({
  projectId,
  steps,
  titleId,
  onChanged,
  onCancel,
}: {
  projectId: string;
  steps: ProjectSteps;
  titleId: string;
  onChanged: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const setStep = useSetStep(projectId, onChanged);
  const form = useSchemaForm<ChangeValues>(setStepBodySchema, { stepNumber: '', reason: '' });
  const decisionInForce = steps.decision !== null && steps.decision.stepNumber !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = form.values.stepNumber;
    const body = {
      // Nothing chosen is sent to the schema as step 0, which it names as "Välj ett steg".
      stepNumber: chosen === FOLLOW_DATA ? null : Number(chosen),
      reason: form.values.reason,
      version: steps.history.length,
    };
    if (!form.check(body)) return;
    setStep.mutate(body, { onError: form.showServerErrors });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={700} id={titleId}>
          {t('steps.change.title')}
        </Text>
        <NativeSelect
          label={t('steps.change.step')}
          required
          value={form.values.stepNumber}
          error={form.errors.stepNumber}
          onChange={(event) => form.set('stepNumber', event.currentTarget.value)}
          data={[
            { value: '', label: t('steps.change.choose') },
            ...steps.steps.map((step) => ({
              value: String(step.number),
              label: t('steps.change.option', { number: step.number, title: step.title }),
            })),
            ...(decisionInForce ? [{ value: FOLLOW_DATA, label: t('steps.change.followData') }] : []),
          ]}
        />
        <Textarea
          label={t('steps.change.reason')}
          description={t('steps.change.reasonHint')}
          required
          autosize
          minRows={2}
          maxRows={6}
          {...form.field('reason')}
        />
        {setStep.isError && <ChangeProblem error={setStep.error} />}
        <Group gap="sm">
          <Button type="submit" loading={setStep.isPending}>
            {t('steps.change.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangeProblem({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
    return (
      <Alert color="orange" role="alert">
        {t('steps.change.conflict')}
      </Alert>
    );
  }
  if (hasFieldErrors(error)) return null;
  return (
    <Alert color="red" role="alert">
      {errorText(error, t)}
    </Alert>
  );
}
