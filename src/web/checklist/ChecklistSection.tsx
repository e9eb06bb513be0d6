import { Alert, Badge, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ChecklistGroup } from '../../shared/checklist.js';
import { ApiError } from '../api/client.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { ProgressBar } from '../projects/ProgressBar.js';
import { useChecklist, useUpdateActivity } from './api.js';

type SaveActivity = (
  activity: Activity,
  change: { done?: boolean; deadline?: string | null },
  onFailure?: () => void,
) => void;

const today = () => new Date().toLocaleDateString('sv-SE');

export function ChecklistSection({
  projectId,
  vendorName,
  canEdit,
}: {
  projectId: string;
  vendorName: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const checklist = useChecklist(projectId);
  const update = useUpdateActivity(projectId);
  const [problem, setProblem] = useState<string | null>(null);

  const save: SaveActivity = (activity, change, onFailure) => {
    setProblem(null);
    update.mutate(
      { activityId: activity.id, version: activity.version, ...change },
      {
        onError: (error) => {
          onFailure?.();
          setProblem(
            error instanceof ApiError && error.code === 'VERSION_CONFLICT'
              ? t('checklist.conflict')
              : t('checklist.saveFailed', { message: error.message }),
          );
        },
      },
    );
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="checklista">
      <Title order={2} id="checklista">
        {t('checklist.title')}
      </Title>
      {problem && (
        <Alert color="orange" role="alert" withCloseButton onClose={() => setProblem(null)} closeButtonLabel="Stäng">
          {problem}
        </Alert>
      )}
      {checklist.isError && <ErrorMessage error={checklist.error} onRetry={() => checklist.refetch()} />}
      {checklist.data?.groups.map((group) => (
        <GroupTable key={group.key} group={group} vendorName={vendorName} canEdit={canEdit} onChange={save} />
      ))}
    </Stack>
  );
}

function GroupTable({
  group,
  vendorName,
  canEdit,
  onChange,
}: {
  group: ChecklistGroup;
  vendorName: string;
  canEdit: boolean;
  onChange: SaveActivity;
}) {
  const { t } = useTranslation();
  const headingId = `grupp-${group.key}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={headingId}>
          {group.title}
        </Title>
        <ProgressBar progress={group.progress} label={t('checklist.groupProgress', { group: group.title })} />
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={64}>
                {t('checklist.done')}
              </Table.Th>
              <Table.Th scope="col">{t('checklist.activity')}</Table.Th>
              <Table.Th scope="col" w={180}>
                {t('checklist.customerResponsible')}
              </Table.Th>
              <Table.Th scope="col" w={180}>
                {t('checklist.vendorResponsible', { vendor: vendorName })}
              </Table.Th>
              <Table.Th scope="col" w={170}>
                {t('checklist.deadline')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.activities.map((activity) => (
              <ActivityRow key={activity.id} activity={activity} canEdit={canEdit} onChange={onChange} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ActivityRow({
  activity,
  canEdit,
  onChange,
}: {
  activity: Activity;
  canEdit: boolean;
  onChange: SaveActivity;
}) {
  const { t } = useTranslation();
  // Shows the tick at once while the save is under way; the saved activity (new version) replaces it.
  const [pendingDone, setPendingDone] = useState<{ version: number; done: boolean } | null>(null);
  const checked = pendingDone?.version === activity.version ? pendingDone.done : activity.done !== null;
  const overdue = !activity.done && activity.deadline !== null && activity.deadline < today();
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox
          size="md"
          checked={checked}
          disabled={!activity.canTick}
          aria-label={t('checklist.markDone', { title: activity.title })}
          onChange={(event) => {
            const done = event.currentTarget.checked;
            setPendingDone({ version: activity.version, done });
            onChange(activity, { done }, () => setPendingDone(null));
          }}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" td={activity.done ? 'line-through' : undefined}>
          {activity.title}
        </Text>
        {activity.done && (
          <Text size="xs" c="green.9">
            {t('checklist.doneBy', {
              date: new Date(activity.done.at).toLocaleDateString('sv-SE'),
              name: activity.done.by.name,
            })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{activity.customerResponsible.map((role) => role.title).join(', ') || '–'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{activity.vendorResponsible.map((role) => role.title).join(', ') || '–'}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <TextInput
            type="date"
            size="xs"
            aria-label={t('checklist.deadlineFor', { title: activity.title })}
            readOnly={!canEdit}
            defaultValue={activity.deadline ?? ''}
            key={`${activity.id}-${activity.version}`}
            onBlur={(event) => {
              const value = event.currentTarget.value || null;
              if (value !== activity.deadline) onChange(activity, { deadline: value });
            }}
          />
          {overdue && (
            <Badge color="red.9" size="sm" variant="filled">
              {t('checklist.overdue')}
            </Badge>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
