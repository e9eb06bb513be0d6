import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Communication, CommunicationItem } from '../../shared/communication.js';
import type { ProjectDetail } from '../../shared/projects.js';
import { ApiError } from '../api/client.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { errorText } from '../layout/ErrorMessage.js';
import { usePeople } from '../organisation/api.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { AudiencePlan } from './AudiencePlan.js';
import { useMarkCommunicationItemDone } from './api.js';
import { CommunicationItemForm, type ItemFormChoices } from './CommunicationItemForm.js';
import type { PlanControls } from './controls.js';
import { DeleteItemDialog } from './DeleteItemDialog.js';

/** The communication plan, audience by audience as the template names them; an item for two audiences shows under both. */
export function CommunicationPlanSection({
  project,
  communication,
}: {
  project: ProjectDetail;
  communication: Communication;
}) {
  const { t } = useTranslation();
  const canEdit = communication.may.edit;
  const people = usePeople(canEdit ? project.customer.id : undefined);
  const markDone = useMarkCommunicationItemDone(project.id);
  const status = useStatusMessage();
  const [problem, setProblem] = useState<string | null>(null);
  // The audiences a new item starts with; null while the form is closed.
  const [adding, setAdding] = useState<string[] | null>(null);
  const addButton = useFocusWhenClosed(adding !== null);
  const [removingId, setRemovingId] = useState<string | null>(null);

  const choices: ItemFormChoices | null =
    canEdit && people.data
      ? { audiences: communication.audiences, keyActivities: communication.keyActivities, people: people.data.items }
      : null;

  const controls: PlanControls = {
    projectId: project.id,
    canEdit,
    choices,
    tick: (item, done, onFailure) => {
      setProblem(null);
      markDone.mutate(
        { itemId: item.id, version: item.version, done },
        {
          onSuccess: (saved) =>
            status.announce(
              t(done ? 'communication.plan.markedDone' : 'communication.plan.markedNotDone', { title: saved.title }),
            ),
          onError: (error) => {
            onFailure();
            setProblem(
              error instanceof ApiError && error.code === 'VERSION_CONFLICT'
                ? t('communication.plan.tickConflict')
                : t('communication.plan.tickFailed', { message: errorText(error, t) }),
            );
          },
        },
      );
    },
    remove: (item) => setRemovingId(item.id),
    announce: status.announce,
  };

  const itemsFor = (audienceKey: string): CommunicationItem[] =>
    communication.items.filter((item) => item.audienceKeys.includes(audienceKey));

  return (
    <Stack gap="md" component="section" aria-labelledby="kommunikationsplan">
      <Group justify="space-between" align="flex-end">
        <Title order={2} id="kommunikationsplan">
          {t('communication.plan.title')}
        </Title>
        {canEdit && adding === null && (
          <Button ref={addButton} disabled={!choices} onClick={() => setAdding([])}>
            {t('communication.plan.add')}
          </Button>
        )}
      </Group>
      <Text c="gray.7" maw={760}>
        {t('communication.plan.instruction')}
      </Text>
      {people.isError && <Alert color="red">{errorText(people.error, t)}</Alert>}
      <StatusMessage message={status.message} onClose={status.clear} />
      {problem && (
        <Alert
          color="orange"
          role="alert"
          withCloseButton
          onClose={() => setProblem(null)}
          closeButtonLabel={t('communication.close')}
        >
          {problem}
        </Alert>
      )}
      {adding !== null && choices && (
        <Paper withBorder radius="md" p="md" bg="gray.0">
          <CommunicationItemForm
            // Another audience's "Planera för …" starts the form anew.
            key={adding.join(' ')}
            projectId={project.id}
            audienceKeys={adding}
            choices={choices}
            onSaved={(saved) => {
              setAdding(null);
              status.announce(t('communication.plan.added', { title: saved.title }));
            }}
            onCancel={() => setAdding(null)}
          />
        </Paper>
      )}
      {communication.audiences.map((audience) => (
        <AudiencePlan
          key={audience.key}
          audience={audience}
          items={itemsFor(audience.key)}
          controls={controls}
          onPlanFor={choices ? () => setAdding([audience.key]) : undefined}
        />
      ))}
      <DeleteItemDialog
        projectId={project.id}
        item={communication.items.find((item) => item.id === removingId) ?? null}
        onDeleted={(item) => {
          setRemovingId(null);
          status.announce(t('communication.plan.removed', { title: item.title }));
        }}
        onClose={() => setRemovingId(null)}
      />
    </Stack>
  );
}
