import { Alert, Button, Popover, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryPersonRef, DeliveryStep } from '../../shared/delivery.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useUndoStep } from './api.js';
import { MarkStepForm } from './MarkStepForm.js';

/** Which control gets the keyboard once a change has replaced the one that made it. */
export type FocusRequest = { control: 'mark' | 'undo'; schoolId: string | null; stepKey: string } | null;

export interface StepContext {
  projectId: string;
  /** Whom the viewer may name, per side. */
  people: { vendor: DeliveryPersonRef[]; customer: DeliveryPersonRef[] };
  /** Today in Sweden, the day proposed and the latest allowed. */
  today: string;
  announce: (message: string) => void;
  focus: FocusRequest;
  requestFocus: (request: FocusRequest) => void;
}

/** Focuses the control once, when the context asks for it. */
function useRequestedFocus(context: StepContext, control: 'mark' | 'undo', schoolId: string | null, stepKey: string) {
  const ref = useRef<HTMLButtonElement>(null);
  const { focus, requestFocus } = context;
  const requested = focus?.control === control && focus.schoolId === schoolId && focus.stepKey === stepKey;
  useEffect(() => {
    if (!requested || !ref.current) return;
    ref.current.focus();
    requestFocus(null);
  }, [requested, requestFocus]);
  return ref;
}

/**
 * One step of a school (or the main account): when done, the day and who, with undo for the latest;
 * when it is next, a button that opens a small form; otherwise that it waits.
 */
export function StepCell({
  step,
  schoolId,
  where,
  isNext,
  context,
}: {
  step: DeliveryStep;
  schoolId: string | null;
  /** The school's name, or "hela projektet" for the main account. */
  where: string;
  isNext: boolean;
  context: StepContext;
}) {
  const { t } = useTranslation();
  const stepTitle = t(`delivery.steps.${step.key}`);
  if (step.done) {
    return <DoneStep step={step} stepTitle={stepTitle} schoolId={schoolId} where={where} context={context} />;
  }
  if (!isNext) {
    return (
      <Text size="sm" c="gray.7">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('delivery.step.notYet')}</span>
      </Text>
    );
  }
  if (step.mayMark) {
    return <MarkStepButton step={step} stepTitle={stepTitle} schoolId={schoolId} where={where} context={context} />;
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {t('delivery.step.next')}
      </Text>
      <Text size="xs" c="gray.7">
        {t(`delivery.step.doneBy.${step.key}`)}
      </Text>
    </Stack>
  );
}

interface StepProps {
  step: DeliveryStep;
  stepTitle: string;
  schoolId: string | null;
  where: string;
  context: StepContext;
}

function DoneStep({ step, stepTitle, schoolId, where, context }: StepProps) {
  const { t } = useTranslation();
  const undo = useUndoStep(context.projectId, () => {
    context.announce(t('delivery.step.undone', { step: stepTitle, where }));
    context.requestFocus({ control: 'mark', schoolId, stepKey: step.key });
  });
  const undoButton = useRequestedFocus(context, 'undo', schoolId, step.key);
  if (!step.done) return null;
  const { id, on, by, recordedByName } = step.done;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={600} c="teal.9">
        <span aria-hidden="true">✓ </span>
        {t('delivery.step.done', { date: on })}
      </Text>
      {by && <Text size="sm">{t('delivery.step.by', { name: by.name })}</Text>}
      <Text size="xs" c="gray.7">
        {t('delivery.step.recordedBy', { name: recordedByName })}
      </Text>
      {step.mayUndo && (
        <Button
          ref={undoButton}
          size="compact-xs"
          variant="subtle"
          px={4}
          loading={undo.isPending}
          aria-label={t('delivery.step.undoLabel', { step: stepTitle, where })}
          onClick={() => undo.mutate(id)}
        >
          {t('delivery.step.undo')}
        </Button>
      )}
      {undo.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorText(undo.error, t)}
        </Alert>
      )}
    </Stack>
  );
}

function MarkStepButton({ step, stepTitle, schoolId, where, context }: StepProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const titleId = useId();
  const button = useRequestedFocus(context, 'mark', schoolId, step.key);
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus returnFocus width={300} position="bottom-start" shadow="md">
      <Popover.Target>
        <Button
          ref={button}
          size="compact-sm"
          aria-label={t('delivery.step.markLabel', { step: stepTitle, where })}
          onClick={() => setOpened((current) => !current)}
        >
          {t('delivery.step.mark')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={titleId}>
        <MarkStepForm
          projectId={context.projectId}
          schoolId={schoolId}
          step={step}
          where={where}
          people={step.side === 'vendor' ? context.people.vendor : context.people.customer}
          today={context.today}
          titleId={titleId}
          onMarked={() => {
            context.announce(t('delivery.step.marked', { step: stepTitle, where }));
            context.requestFocus({ control: 'undo', schoolId, stepKey: step.key });
          }}
          onCancel={() => setOpened(false)}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
