import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Training, TrainingSession } from '../../shared/trainings.js';
import { Collapsible } from '../organisation/Collapsible.js';
import { AttendanceForm } from './AttendanceForm.js';
import { useUnbookParticipant } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';
import { attendanceOpen } from './rules.js';
import { rangeText } from './TrainingFacts.js';

/** One confirmed session: when, where, who trains, how many come, and their attendance. */
export function SessionCard({
  session,
  number,
  training,
  controls,
  onEdit,
  onCancel,
}: {
  session: TrainingSession;
  number: number;
  training: Training;
  controls: TrainingControls;
  onEdit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const date = formatSessionDate(session.date, controls.language);
  const headingId = `tillfalle-${session.id}`;
  const count = session.participants.length;
  const held = attendanceOpen(session, controls.today);

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={4} id={headingId}>
          {t('trainings.session.heading', { number, date })}
        </Title>
        <Text size="sm">
          {t('trainings.session.time', { start: session.startTime, end: session.endTime })} ·{' '}
          {session.mode === 'on_site' ? (
            `${t('trainings.session.onSite')}: ${session.place}`
          ) : (
            <>
              {t('trainings.session.web')}:{' '}
              <Anchor href={session.link} target="_blank" rel="noreferrer" size="sm">
                {session.link}
              </Anchor>
            </>
          )}
        </Text>
        <Text size="sm">
          {t('trainings.session.trainer')}: {session.trainer?.name ?? t('trainings.session.noTrainer')}
          <Text component="span" size="sm" c="gray.7">
            {' '}
            · {t('trainings.session.confirmedBy', { name: session.confirmedByName })}
          </Text>
        </Text>
        <Text size="sm" fw={600}>
          {training.minParticipants === null && training.maxParticipants === null
            ? t('trainings.session.participantCount', { count })
            : t('trainings.session.ofRange', {
                count,
                range: rangeText(training.minParticipants, training.maxParticipants, t),
              })}
        </Text>
        {session.warnings.map((warning) => (
          <Text key={warning.code} size="sm" c="red.9" fw={600}>
            <span aria-hidden="true">⚠ </span>
            {warning.code === 'over_max'
              ? t('trainings.session.overMax', { max: training.maxParticipants })
              : t('trainings.session.underMin', { min: training.minParticipants })}
          </Text>
        ))}
        {held && count > 0 && <AttendanceSummary session={session} />}
        {count === 0 ? (
          <Text size="sm" c="gray.7">
            {t('trainings.session.noParticipants')}
          </Text>
        ) : held && controls.may.markAttendance ? (
          <Collapsible label={t('trainings.attendance.open', { count })}>
            <AttendanceForm session={session} controls={controls} />
          </Collapsible>
        ) : (
          <Collapsible label={t('trainings.session.showParticipants', { count })}>
            <ParticipantList session={session} controls={controls} canUnbook={controls.may.plan && !held} />
          </Collapsible>
        )}
        {!held && controls.may.markAttendance && count > 0 && (
          <Text size="sm" c="gray.7">
            {t('trainings.attendance.notYet')}
          </Text>
        )}
        {controls.may.confirm && (
          <Group gap="xs" mt={4}>
            <Button size="xs" variant="light" aria-label={t('trainings.session.editLabel', { date })} onClick={onEdit}>
              {t('trainings.session.edit')}
            </Button>
            <Button
              size="xs"
              variant="default"
              aria-label={t('trainings.session.cancelLabel', { date })}
              onClick={onCancel}
            >
              {t('trainings.session.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function AttendanceSummary({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  const counted = (state: string) => session.participants.filter((person) => person.attendance === state).length;
  return (
    <Text size="sm">
      {t('trainings.attendance.summary', {
        attended: counted('attended'),
        absent: counted('absent'),
        open: counted('booked'),
      })}
    </Text>
  );
}

function ParticipantList({
  session,
  controls,
  canUnbook,
}: {
  session: TrainingSession;
  controls: TrainingControls;
  canUnbook: boolean;
}) {
  const { t } = useTranslation();
  const unbook = useUnbookParticipant(controls.projectId);
  return (
    <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
      {session.participants.map((participant) => (
        <List.Item key={participant.personId}>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">
              {participant.name}
              {participant.schoolName && (
                <Text component="span" size="sm" c="gray.7">
                  {' '}
                  · {participant.schoolName}
                </Text>
              )}
              {participant.attendance !== 'booked' && (
                <Text component="span" size="sm" fw={600}>
                  {' '}
                  · {t(`trainings.attendance.${participant.attendance}`)}
                </Text>
              )}
            </Text>
            {canUnbook && (
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={t('trainings.session.unbookLabel', { name: participant.name })}
                loading={unbook.isPending && unbook.variables?.personId === participant.personId}
                onClick={() =>
                  unbook.mutate(
                    { sessionId: session.id, personId: participant.personId },
                    {
                      onSuccess: () => controls.announce(t('trainings.session.unbooked', { name: participant.name })),
                      onError: controls.fail,
                    },
                  )
                }
              >
                {t('trainings.session.unbook')}
              </Button>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
