import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training, TrainingSession } from '../../shared/trainings.js';
import { Collapsible } from '../organisation/Collapsible.js';
import { CancelSessionDialog } from './CancelSessionDialog.js';
import type { TrainingControls } from './controls.js';
import { MissedList } from './MissedList.js';
import { ProposalList } from './ProposalList.js';
import { ProposeDatesForm } from './ProposeDatesForm.js';
import { sessionsInOrder, trainingStatus } from './rules.js';
import { SessionCard } from './SessionCard.js';
import { SessionForm, type SessionTarget, sessionFormTitle } from './SessionForm.js';
import { SplitChoice } from './SplitChoice.js';
import { SplitSuggestion } from './SplitSuggestion.js';
import { StatusBadge } from './StatusBadge.js';
import { TrainingFacts } from './TrainingFacts.js';

/** One training held in sessions: facts, proposed dates, confirmed sessions, booking and who missed it. */
export function TrainingSection({
  training,
  trainings,
  controls,
}: {
  training: Training;
  trainings: Training[];
  controls: TrainingControls;
}) {
  const { t } = useTranslation();
  const [sessionTarget, setSessionTarget] = useState<SessionTarget | null>(null);
  const [cancelling, setCancelling] = useState<TrainingSession | null>(null);
  const headingId = `utbildning-${training.key}`;
  const part = (name: string) => `${headingId}-${name}`;
  const sessions = sessionsInOrder(training.sessions);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Title order={2} id={headingId}>
            {training.title}
          </Title>
          <StatusBadge status={trainingStatus(training, controls.today)} />
        </Group>
        <TrainingFacts training={training} controls={controls} />
        {training.capacity && !training.capacity.fits && (
          <SplitChoice training={training} capacity={training.capacity} controls={controls} />
        )}

        <Stack gap="sm" component="section" aria-labelledby={part('forslag')}>
          <Title order={3} size="h4" id={part('forslag')}>
            {t('trainings.proposals.title')}
          </Title>
          <ProposalList
            proposals={training.proposals}
            controls={controls}
            onConfirm={(proposal) => setSessionTarget({ kind: 'proposal', proposal })}
          />
          {controls.may.plan && (
            <Collapsible label={t('trainings.proposals.propose')}>
              <ProposeDatesForm
                trainingKey={training.key}
                controls={controls}
                label={`${t('trainings.proposals.propose')}: ${training.title}`}
              />
            </Collapsible>
          )}
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby={part('tillfallen')}>
          <Group justify="space-between">
            <Title order={3} size="h4" id={part('tillfallen')}>
              {t('trainings.session.title')}
            </Title>
            {controls.may.confirm && (
              <Button size="xs" variant="light" onClick={() => setSessionTarget({ kind: 'new' })}>
                {t('trainings.session.newSession')}
              </Button>
            )}
          </Group>
          {sessions.length === 0 ? (
            <Text c="gray.7">{t('trainings.session.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {sessions.map((session, index) => (
                <SessionCard
                  key={session.id}
                  session={session}
                  number={index + 1}
                  training={training}
                  controls={controls}
                  onEdit={() => setSessionTarget({ kind: 'edit', session })}
                  onCancel={() => setCancelling(session)}
                />
              ))}
            </SimpleGrid>
          )}
        </Stack>

        {training.unbooked.length > 0 && sessions.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby={part('att-boka')}>
            <Title order={3} size="h4" id={part('att-boka')}>
              {t('trainings.split.title')}
            </Title>
            <SplitSuggestion training={training} controls={controls} />
          </Stack>
        )}

        {training.missed.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby={part('missat')}>
            <Title order={3} size="h4" id={part('missat')}>
              {t('trainings.missed.title')}
            </Title>
            <MissedList missed={training.missed} trainings={trainings} controls={controls} />
          </Stack>
        )}
      </Stack>

      <Modal
        opened={sessionTarget !== null}
        onClose={() => setSessionTarget(null)}
        title={sessionTarget ? sessionFormTitle(sessionTarget, training.title, controls.language, t) : ''}
        closeButtonProps={{ 'aria-label': t('trainings.close') }}
        size="lg"
      >
        {sessionTarget && (
          <SessionForm
            trainingKey={training.key}
            target={sessionTarget}
            controls={controls}
            onDone={() => setSessionTarget(null)}
          />
        )}
      </Modal>
      <CancelSessionDialog session={cancelling} controls={controls} onClose={() => setCancelling(null)} />
    </Paper>
  );
}
