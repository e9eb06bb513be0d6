import { Box, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training } from '../../shared/trainings.js';
import type { TrainingControls } from './controls.js';
import { RangeForm } from './RangeForm.js';
import { needsSplitChoice, schoolsOf } from './rules.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "15–20 deltagare per tillfälle", or whichever end is set. */
export function rangeText(min: number | null, max: number | null, t: Translate): string {
  if (min !== null && max !== null) return t('trainings.range.value', { min, max });
  if (min !== null) return t('trainings.range.onlyMin', { min });
  if (max !== null) return t('trainings.range.onlyMax', { max });
  return t('trainings.range.none');
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" c="gray.7">
        {label}
      </Text>
      <Box component="dd" m={0}>
        {children}
      </Box>
    </Box>
  );
}

/** The participant range, who should attend and how many sessions that takes. */
export function TrainingFacts({ training, controls }: { training: Training; controls: TrainingControls }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  // The vendor's Utbildningsledare may change the range as well as the municipality's planners.
  const mayChangeRange = controls.may.plan || controls.may.confirm;
  const templateRange = rangeText(training.templateMinParticipants, training.templateMaxParticipants, t);
  const templateHasRange = training.templateMinParticipants !== null || training.templateMaxParticipants !== null;
  const ownRange =
    training.minParticipants !== training.templateMinParticipants ||
    training.maxParticipants !== training.templateMaxParticipants;
  return (
    <Stack gap="sm">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0}>
        <Fact label={t('trainings.facts.range')}>
          <Text fw={600}>{rangeText(training.minParticipants, training.maxParticipants, t)}</Text>
          {ownRange && (
            <Text size="sm" c="gray.7">
              {templateHasRange
                ? t('trainings.range.ownRange', { range: templateRange })
                : t('trainings.range.templateNone')}
            </Text>
          )}
          {mayChangeRange && !editing && (
            <Button size="xs" variant="light" mt={4} onClick={() => setEditing(true)}>
              {t('trainings.range.edit')}
            </Button>
          )}
        </Fact>
        <Fact label={t('trainings.facts.trainees')}>
          <Text fw={600}>{traineesText(training, t)}</Text>
        </Fact>
        <Fact label={t('trainings.facts.sessions')}>
          <Text fw={600}>
            {needsSplitChoice(training)
              ? t('trainings.sessionsUndecided', { confirmed: training.sessions.length })
              : training.sessionsNeeded === null
                ? t('trainings.sessionsConfirmed', { confirmed: training.sessions.length })
                : t('trainings.sessionsNeeded', {
                    count: training.sessionsNeeded,
                    confirmed: training.sessions.length,
                  })}
          </Text>
        </Fact>
      </SimpleGrid>
      {editing && (
        <RangeForm
          training={training}
          controls={controls}
          onDone={() => setEditing(false)}
          label={t('trainings.range.edit')}
        />
      )}
    </Stack>
  );
}

function traineesText(training: Training, t: Translate): string {
  const count = training.trainees.length;
  if (training.kind === 'catchUp') {
    return count === 0 ? t('trainings.trainees.noneMissed') : t('trainings.trainees.missed', { count });
  }
  const role = training.participantRole?.title ?? '';
  if (count === 0) return t('trainings.trainees.noneWithRole', { role });
  const schools = schoolsOf(training.trainees).length;
  const who = t('trainings.trainees.role', { count, role });
  return schools === 0 ? who : `${who} ${t('trainings.trainees.schools', { count: schools })}`;
}
