import { Alert, Button, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitOption, Training, TrainingCapacity } from '../../shared/trainings.js';
import { useChooseSplit } from './api.js';
import type { TrainingControls } from './controls.js';
import { RangeForm } from './RangeForm.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The third way besides the two the server offers: the project's own range, set with the range form. */
const OTHER_RANGE = 'other_range';

/** "15–20", "minst 15" or "högst 20", as the message says it. */
function rangeWords(training: Training, t: Translate): string {
  const { minParticipants: min, maxParticipants: max } = training;
  if (min !== null && max !== null) return t('trainings.capacity.range', { min, max });
  return min !== null ? t('trainings.capacity.onlyMin', { min }) : t('trainings.capacity.onlyMax', { max });
}

/** "1 tillfälle med 22 deltagare, fler än högst 20". */
export function optionText(option: SplitOption, training: Training, t: Translate): string {
  const [larger, smaller] = [Math.max(...option.sizes), Math.min(...option.sizes)];
  const sizes = larger === smaller ? String(larger) : t('trainings.capacity.sizesOr', { larger, smaller });
  return option.choice === 'over_max'
    ? t('trainings.capacity.overMax', { count: option.sessions, sizes, max: training.maxParticipants })
    : t('trainings.capacity.underMin', { count: option.sessions, sizes, min: training.minParticipants });
}

/**
 * Says that the trainees cannot be split within the range and lets the project choose how to hold
 * the training instead: sessions over the maximum, sessions under the minimum, or a different range.
 */
export function SplitChoice({
  training,
  capacity,
  controls,
}: {
  training: Training;
  capacity: TrainingCapacity;
  controls: TrainingControls;
}) {
  const { t } = useTranslation();
  const choose = useChooseSplit(controls.projectId);
  const [picked, setPicked] = useState<string>(capacity.choice ?? '');
  const mayChoose = controls.may.plan || controls.may.confirm;
  const chosen = capacity.options.find((option) => option.choice === capacity.choice);

  const save = () => {
    const option = capacity.options.find((candidate) => candidate.choice === picked);
    if (!option) return;
    choose.mutate(
      { trainingKey: training.key, version: training.version, choice: option.choice },
      {
        onSuccess: () => controls.announce(t('trainings.capacity.saved', { title: training.title })),
        onError: controls.fail,
      },
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={`${training.key}-gruppstorlek`}>
      <Title order={3} size="h4" id={`${training.key}-gruppstorlek`}>
        {t('trainings.capacity.title')}
      </Title>
      <Alert color="orange" variant="light">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('trainings.capacity.cannotSplit', {
              count: training.trainees.length,
              range: rangeWords(training, t),
            })}
          </Text>
          <Text size="sm">
            {chosen
              ? t('trainings.capacity.chosen', { option: optionText(chosen, training, t) })
              : t('trainings.capacity.notChosen')}
          </Text>
        </Stack>
      </Alert>
      {mayChoose && (
        <>
          <Radio.Group label={t('trainings.capacity.question')} value={picked} onChange={setPicked}>
            <Stack gap="xs" mt={4}>
              {capacity.options.map((option) => (
                <Radio key={option.choice} value={option.choice} label={optionText(option, training, t)} />
              ))}
              <Radio value={OTHER_RANGE} label={t('trainings.capacity.otherRange')} />
            </Stack>
          </Radio.Group>
          {picked === OTHER_RANGE ? (
            <RangeForm
              training={training}
              controls={controls}
              label={t('trainings.capacity.otherRange')}
              onDone={() => setPicked(capacity.choice ?? '')}
            />
          ) : (
            <div>
              <Button loading={choose.isPending} disabled={picked === ''} onClick={save}>
                {t('trainings.capacity.save')}
              </Button>
            </div>
          )}
        </>
      )}
    </Stack>
  );
}
