import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SteeringMeeting } from '../../shared/steering.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { useDecisions } from './api.js';
import { DecisionCard } from './DecisionCard.js';
import { DecisionForm } from './DecisionForm.js';

/** Long enough that typing a word sends one search, not one per letter. */
const SEARCH_DELAY_MS = 300;

/** "Beslutslogg": every decision of the project, newest first, searched as the user types. */
export function DecisionLogSection({ projectId, meetings }: { projectId: string; meetings: SteeringMeeting[] }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search] = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);
  const decisions = useDecisions(projectId, search);
  const status = useStatusMessage();
  const [adding, setAdding] = useState(false);
  const addButton = useFocusWhenClosed(adding);
  const items = decisions.data?.items ?? [];
  const mayRecord = decisions.data?.may.record ?? false;
  const nothingToSearch = decisions.data !== undefined && items.length === 0 && typed === '' && search === '';
  const searched = decisions.data !== undefined && search !== '' && !decisions.isPlaceholderData;
  const searchResult = !searched
    ? ''
    : items.length > 0
      ? t('steering.decisions.found', { count: items.length })
      : t('steering.decisions.noMatch', { search });

  return (
    <Stack gap="md" component="section" aria-labelledby="beslutslogg">
      <Title order={2} id="beslutslogg">
        {t('steering.decisions.title')}
      </Title>
      <StatusMessage message={status.message} onClose={status.clear} />
      {mayRecord &&
        (adding ? (
          <Paper withBorder radius="md" p="md" bg="gray.0">
            <DecisionForm
              projectId={projectId}
              meetings={meetings}
              onSaved={(saved) => {
                setAdding(false);
                status.announce(t('steering.decisions.created', { number: saved.number }));
              }}
              onCancel={() => setAdding(false)}
            />
          </Paper>
        ) : (
          <Button ref={addButton} style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
            {t('steering.decisions.record')}
          </Button>
        ))}
      {!nothingToSearch && (
        <TextInput
          type="search"
          label={t('steering.decisions.search')}
          description={t('steering.decisions.searchHint')}
          inputWrapperOrder={['label', 'input', 'description']}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          maw={480}
        />
      )}
      <Text role="status" size="sm">
        {searchResult}
      </Text>
      {decisions.isError && <ErrorMessage error={decisions.error} onRetry={() => decisions.refetch()} />}
      {decisions.data && search === '' && items.length === 0 && <Text>{t('steering.decisions.none')}</Text>}
      {items.map((decision) => (
        <DecisionCard
          key={decision.id}
          projectId={projectId}
          decision={decision}
          mayRecord={mayRecord}
          meetings={meetings}
          announce={status.announce}
        />
      ))}
    </Stack>
  );
}
