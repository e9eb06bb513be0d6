import { Anchor, Box, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SteeringMeeting } from '../../shared/steering.js';
import { formatDate, formatDateTime } from '../plan/format.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { AgendaActions } from './AgendaActions.js';
import { decisionAnchor, meetingAnchor, requestAnchor } from './anchors.js';
import { useRemoveMeeting } from './api.js';
import { ConfirmRemove } from './ConfirmRemove.js';
import { MeetingForm } from './MeetingForm.js';

/** One steering group meeting: when and where, its agenda, the minutes and the decisions taken. */
export function MeetingCard({
  projectId,
  meeting,
  mayEdit,
  announce,
}: {
  projectId: string;
  meeting: SteeringMeeting;
  mayEdit: boolean;
  announce: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  const remove = useRemoveMeeting(projectId);
  const date = formatDate(meeting.date, i18n.language);
  const headingId = `${meetingAnchor(meeting.id)}-rubrik`;
  const where = [meeting.time ? t('steering.meetings.at', { time: meeting.time }) : null, meeting.place || null]
    .filter(Boolean)
    .join(' · ');

  return (
    <Paper withBorder radius="md" p="md" component="article" id={meetingAnchor(meeting.id)} aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {t('steering.meetings.heading', { date })}
          </Title>
          {where && <Text>{where}</Text>}
        </div>
        {editing ? (
          <MeetingForm
            projectId={projectId}
            meeting={meeting}
            onSaved={() => {
              setEditing(false);
              announce(t('steering.meetings.updated', { date }));
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Agenda meeting={meeting} />
            <Outcome meeting={meeting} />
          </SimpleGrid>
        )}
        <AgendaActions projectId={projectId} meeting={meeting} mayEdit={mayEdit} />
        {meeting.agendaSentAt && (
          <Text size="sm" c="gray.7">
            {t('steering.meetings.sentAt', { time: formatDateTime(meeting.agendaSentAt, i18n.language) })}
          </Text>
        )}
        {mayEdit && !editing && (
          <Group gap="xs">
            <Button
              ref={editButton}
              size="xs"
              variant="default"
              aria-label={t('steering.meetings.editLabel', { date })}
              onClick={() => setEditing(true)}
            >
              {t('steering.edit')}
            </Button>
            <ConfirmRemove
              label={t('steering.meetings.removeLabel', { date })}
              question={t('steering.meetings.removeQuestion', { date })}
              pending={remove.isPending}
              error={remove.error}
              onConfirm={() =>
                remove.mutate(
                  { meetingId: meeting.id, version: meeting.version },
                  { onSuccess: () => announce(t('steering.meetings.removed', { date })) },
                )
              }
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Agenda({ meeting }: { meeting: SteeringMeeting }) {
  const { t } = useTranslation();
  const empty = meeting.agendaItems.length === 0 && meeting.changeRequests.length === 0;
  return (
    <Box>
      <Title order={4} size="h5" mb={4}>
        {t('steering.meetings.agenda')}
      </Title>
      {empty && <Text c="gray.7">{t('steering.meetings.noAgenda')}</Text>}
      {meeting.agendaItems.length > 0 && (
        <List type="ordered" spacing={4}>
          {meeting.agendaItems.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: agenda items have no id of their own and may be alike
            <List.Item key={index}>
              <Text fw={600} span>
                {item.title}
              </Text>
              {item.note && <Text style={{ whiteSpace: 'pre-wrap' }}>{item.note}</Text>}
            </List.Item>
          ))}
        </List>
      )}
      {meeting.changeRequests.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="sm">
            {t('steering.meetings.requestsOnAgenda')}
          </Text>
          <List spacing={2}>
            {meeting.changeRequests.map((request) => (
              <List.Item key={request.id}>
                <Anchor href={`#${requestAnchor(request.id)}`}>
                  {t('steering.meetings.requestItem', { number: request.number, title: request.title })}
                </Anchor>{' '}
                ({t(`steering.requests.status.${request.status}`).toLocaleLowerCase()})
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}

function Outcome({ meeting }: { meeting: SteeringMeeting }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Title order={4} size="h5" mb={4}>
        {t('steering.meetings.minutes')}
      </Title>
      {meeting.minutes.trim() === '' ? (
        <Text c="gray.7">{t('steering.meetings.noMinutes')}</Text>
      ) : (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes}</Text>
      )}
      {meeting.decisions.length > 0 && (
        <>
          <Title order={4} size="h5" mt="sm" mb={4}>
            {t('steering.meetings.decisions')}
          </Title>
          <List spacing={2}>
            {meeting.decisions.map((decision) => (
              <List.Item key={decision.id}>
                <Anchor href={`#${decisionAnchor(decision.id)}`}>
                  {t('steering.meetings.decisionItem', { number: decision.number, title: decision.title })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}
