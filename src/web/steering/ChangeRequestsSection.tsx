import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SteeringMeeting } from '../../shared/steering.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { usePlan } from '../plan/api.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { useChangeRequests } from './api.js';
import { ChangeRequestCard } from './ChangeRequestCard.js';
import { ChangeRequestForm } from './ChangeRequestForm.js';

/** "Ändringsförslag": the requests waiting for the steering group first, then those decided. */
export function ChangeRequestsSection({ projectId, meetings }: { projectId: string; meetings: SteeringMeeting[] }) {
  const { t } = useTranslation();
  const requests = useChangeRequests(projectId);
  const plan = usePlan(projectId);
  const status = useStatusMessage();
  const [adding, setAdding] = useState(false);
  const addButton = useFocusWhenClosed(adding);
  const items = requests.data?.items ?? [];
  const may = requests.data?.may ?? { prepare: false, decide: false };
  const waiting = items.filter((request) => request.status === 'pending').length;

  return (
    <Stack gap="md" component="section" aria-labelledby="andringsforslag">
      <div>
        <Title order={2} id="andringsforslag">
          {t('steering.requests.title')}
        </Title>
        <Text c="gray.7">{t('steering.requests.intro')}</Text>
      </div>
      {waiting > 0 && <Text fw={600}>{t('steering.requests.waiting', { count: waiting })}</Text>}
      <StatusMessage message={status.message} onClose={status.clear} />
      {requests.isError && <ErrorMessage error={requests.error} onRetry={() => requests.refetch()} />}
      {may.prepare &&
        (adding ? (
          <Paper withBorder radius="md" p="md" bg="gray.0">
            <ChangeRequestForm
              projectId={projectId}
              plan={plan.data}
              meetings={meetings}
              onSaved={(saved) => {
                setAdding(false);
                status.announce(t('steering.requests.created', { number: saved.number }));
              }}
              onCancel={() => setAdding(false)}
            />
          </Paper>
        ) : (
          <Button ref={addButton} style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
            {t('steering.requests.new')}
          </Button>
        ))}
      {requests.data && items.length === 0 && <Text>{t('steering.requests.none')}</Text>}
      {items.map((request) => (
        <ChangeRequestCard
          key={request.id}
          projectId={projectId}
          request={request}
          may={may}
          plan={plan.data}
          meetings={meetings}
          announce={status.announce}
        />
      ))}
    </Stack>
  );
}
