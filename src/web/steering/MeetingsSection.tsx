import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { formatDate } from '../plan/format.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import type { SteeringMeetingList } from './api.js';
import { MeetingCard } from './MeetingCard.js';
import { MeetingForm } from './MeetingForm.js';

/** "Styrgruppsmöten": the meetings, newest first, with their agendas, minutes and decisions. */
export function MeetingsSection({
  projectId,
  query,
}: {
  projectId: string;
  query: UseQueryResult<SteeringMeetingList>;
}) {
  const { t, i18n } = useTranslation();
  const status = useStatusMessage();
  const [adding, setAdding] = useState(false);
  const addButton = useFocusWhenClosed(adding);
  const items = query.data?.items ?? [];
  const mayEdit = query.data?.may.edit ?? false;

  return (
    <Stack gap="md" component="section" aria-labelledby="styrgruppsmoten">
      <Title order={2} id="styrgruppsmoten">
        {t('steering.meetings.title')}
      </Title>
      <StatusMessage message={status.message} onClose={status.clear} />
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {mayEdit &&
        (adding ? (
          <Paper withBorder radius="md" p="md" bg="gray.0">
            <MeetingForm
              projectId={projectId}
              onSaved={(saved) => {
                setAdding(false);
                status.announce(t('steering.meetings.created', { date: formatDate(saved.date, i18n.language) }));
              }}
              onCancel={() => setAdding(false)}
            />
          </Paper>
        ) : (
          <Button ref={addButton} style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
            {t('steering.meetings.new')}
          </Button>
        ))}
      {query.data && items.length === 0 && <Text>{t('steering.meetings.none')}</Text>}
      {items.map((meeting) => (
        <MeetingCard
          key={meeting.id}
          projectId={projectId}
          meeting={meeting}
          mayEdit={mayEdit}
          announce={status.announce}
        />
      ))}
    </Stack>
  );
}
