import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SteeringMeeting } from '../../shared/steering.js';
import { errorText } from '../layout/ErrorMessage.js';
import { formatDate } from '../plan/format.js';
import { agendaPath, useSendAgenda } from './api.js';

/** The agenda as Word or PDF, and sent to the steering group with who got it and who could not be reached. */
export function AgendaActions({
  projectId,
  meeting,
  mayEdit,
}: {
  projectId: string;
  meeting: SteeringMeeting;
  mayEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const send = useSendAgenda(projectId);
  const date = formatDate(meeting.date, i18n.language);
  const sent = send.data;
  const names = (people: { name: string }[]) => people.map((person) => person.name).join(', ');
  return (
    <Stack gap="xs">
      <Group gap="md">
        <Group gap="xs">
          <Text size="sm">{t('steering.meetings.download')}</Text>
          <Anchor
            href={agendaPath(projectId, meeting.id, 'docx')}
            download
            size="sm"
            aria-label={t('steering.meetings.downloadWordLabel', { date })}
          >
            {t('steering.meetings.downloadWord')}
          </Anchor>
          <Anchor
            href={agendaPath(projectId, meeting.id, 'pdf')}
            download
            size="sm"
            aria-label={t('steering.meetings.downloadPdfLabel', { date })}
          >
            {t('steering.meetings.downloadPdf')}
          </Anchor>
        </Group>
        {mayEdit && (
          <Button size="xs" variant="light" loading={send.isPending} onClick={() => send.mutate(meeting.id)}>
            {t('steering.meetings.send')}
          </Button>
        )}
      </Group>
      {send.isError && (
        <Alert color="red" role="alert">
          {errorText(send.error, t)}
        </Alert>
      )}
      {sent && (
        <Alert
          color={sent.unreachable.length > 0 ? 'orange' : 'green'}
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('steering.close')}
          onClose={() => send.reset()}
        >
          {sent.recipients.length > 0 ? (
            <Text size="sm">{t('steering.meetings.sentTo', { names: names(sent.recipients) })}</Text>
          ) : (
            <Text size="sm">{t('steering.meetings.nobodyToSend')}</Text>
          )}
          {sent.unreachable.length > 0 && (
            <Text size="sm" fw={600}>
              {t('steering.meetings.unreachable', { names: names(sent.unreachable) })}
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
