import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useFocusReturn } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../shared/checklist.js';
import { ActivityForm } from './ActivityForm.js';
import { AttachmentsPanel, PaperclipIcon } from './Attachments.js';
import { activityAnchor } from './anchor.js';
import { CommentsPanel } from './CommentsPanel.js';
import type { ChecklistControls } from './controls.js';
import { DependencyList } from './DependencyList.js';
import { isOverdue } from './dates.js';
import type { Direction } from './order.js';

const COLUMNS = 5;

/** One activity as a table row, and below it the comments or the edit form when opened. */
export function ActivityRow({
  activity,
  controls,
  movable,
}: {
  activity: Activity;
  controls: ChecklistControls;
  /** Whether it can move up or down among the activities shown. */
  movable: Record<Direction, boolean>;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<'comments' | 'attachments' | 'edit' | null>(null);
  // Shows the tick at once while the save is under way; the saved activity (new version) replaces it.
  const [pendingDone, setPendingDone] = useState<{ version: number; done: boolean } | null>(null);
  const checked = pendingDone?.version === activity.version ? pendingDone.done : activity.done !== null;
  const overdue = isOverdue(activity.deadline, activity.done !== null, controls.today);
  const highlighted = controls.highlightedId === activity.id;
  const toggle = (panel: 'comments' | 'attachments' | 'edit') =>
    setOpened((current) => (current === panel ? null : panel));
  // Closing the comments or the form takes the keyboard back to the button that opened them.
  useFocusReturn({ opened: opened !== null });

  return (
    <>
      <Table.Tr id={activityAnchor(activity.id)} className={highlighted ? 'activity-highlighted' : undefined}>
        <Table.Td>
          <Checkbox
            size="md"
            checked={checked}
            disabled={!activity.canTick}
            aria-label={t('checklist.markDone', { title: activity.title })}
            onChange={(event) => {
              const done = event.currentTarget.checked;
              setPendingDone({ version: activity.version, done });
              controls.save(activity, { done }, () => setPendingDone(null));
            }}
          />
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={500} td={activity.done ? 'line-through' : undefined}>
                {activity.title}
              </Text>
              {activity.fromTemplate && (
                <Badge size="sm" variant="outline" color="gray.8" tt="none">
                  {t('checklist.fromTemplate')}
                </Badge>
              )}
            </Group>
            {activity.templateTitle && (
              <Text size="xs" c="gray.7">
                {t('checklist.templateWording', { title: activity.templateTitle })}
              </Text>
            )}
            {activity.description && (
              <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
                {activity.description}
              </Text>
            )}
            {activity.roleAcknowledgements && (
              <Anchor component={Link} to={`/projekt/${controls.projectId}/organisation`} size="sm">
                {t('acknowledgements.progress', activity.roleAcknowledgements)}
              </Anchor>
            )}
            {activity.done && (
              <Text size="xs" c="teal.9">
                {t('checklist.doneBy', {
                  date: new Date(activity.done.at).toLocaleDateString('sv-SE'),
                  name: activity.done.by.name,
                })}
              </Text>
            )}
            <DependencyList activity={activity} />
            <Group gap={4} mt={4} role="group" aria-label={t('checklist.actions.controls', { title: activity.title })}>
              <Button
                size="compact-sm"
                variant={opened === 'comments' ? 'light' : 'subtle'}
                aria-expanded={opened === 'comments'}
                aria-label={t('checklist.comments.buttonLabel', {
                  count: activity.commentCount,
                  title: activity.title,
                })}
                onClick={() => toggle('comments')}
              >
                {t('checklist.comments.count', { count: activity.commentCount })}
              </Button>
              <Button
                size="compact-sm"
                variant={opened === 'attachments' ? 'light' : 'subtle'}
                aria-expanded={opened === 'attachments'}
                aria-label={t('delivery.attachments.buttonLabel', {
                  count: activity.attachmentCount,
                  title: activity.title,
                })}
                leftSection={activity.attachmentCount > 0 ? <PaperclipIcon /> : undefined}
                onClick={() => toggle('attachments')}
              >
                {t('delivery.attachments.button', { count: activity.attachmentCount })}
              </Button>
              {controls.canEdit && (
                <EditorButtons
                  activity={activity}
                  controls={controls}
                  movable={movable}
                  editing={opened === 'edit'}
                  onEdit={() => toggle('edit')}
                />
              )}
            </Group>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Responsible roles={activity.customerResponsible} person={activity.customerPerson} />
        </Table.Td>
        <Table.Td>
          <Responsible roles={activity.vendorResponsible} person={activity.vendorPerson} />
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            {controls.canEdit ? (
              <TextInput
                type="date"
                size="xs"
                aria-label={t('checklist.deadlineFor', { title: activity.title })}
                defaultValue={activity.deadline ?? ''}
                key={`${activity.id}-${activity.version}`}
                onBlur={(event) => {
                  const value = event.currentTarget.value || null;
                  if (value !== activity.deadline) controls.save(activity, { deadline: value });
                }}
              />
            ) : (
              <Text size="sm">{activity.deadline ?? t('checklist.noDeadline')}</Text>
            )}
            {overdue && (
              <Badge color="red.9" size="sm" variant="filled" tt="none">
                {t('checklist.overdue')}
              </Badge>
            )}
          </Stack>
        </Table.Td>
      </Table.Tr>
      {opened === 'comments' && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS}>
            <CommentsPanel projectId={controls.projectId} activity={activity} onClose={() => setOpened(null)} />
          </Table.Td>
        </Table.Tr>
      )}
      {opened === 'attachments' && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS}>
            <AttachmentsPanel projectId={controls.projectId} activity={activity} onClose={() => setOpened(null)} />
          </Table.Td>
        </Table.Tr>
      )}
      {opened === 'edit' && controls.formOptions && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS}>
            <ActivityForm
              projectId={controls.projectId}
              groupKey={activity.groupKey}
              heading={t('checklist.actions.editTitle')}
              activity={activity}
              options={controls.formOptions}
              onSaved={(saved) => {
                setOpened(null);
                controls.announce(t('checklist.actions.saved', { title: saved.title }));
              }}
              onCancel={() => setOpened(null)}
            />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function EditorButtons({
  activity,
  controls,
  movable,
  editing,
  onEdit,
}: {
  activity: Activity;
  controls: ChecklistControls;
  movable: Record<Direction, boolean>;
  editing: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { title } = activity;
  return (
    <>
      <Button
        size="compact-sm"
        variant={editing ? 'light' : 'subtle'}
        aria-expanded={editing}
        aria-label={t('checklist.actions.editLabel', { title })}
        onClick={onEdit}
      >
        {t('checklist.actions.edit')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        disabled={!movable.up}
        aria-label={t('checklist.actions.moveUpLabel', { title })}
        onClick={() => controls.move(activity, 'up')}
      >
        {t('checklist.actions.moveUp')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        disabled={!movable.down}
        aria-label={t('checklist.actions.moveDownLabel', { title })}
        onClick={() => controls.move(activity, 'down')}
      >
        {t('checklist.actions.moveDown')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        c="red.9"
        aria-label={t('checklist.actions.removeLabel', { title })}
        onClick={() => controls.remove(activity)}
      >
        {t('checklist.actions.remove')}
      </Button>
    </>
  );
}

function Responsible({
  roles,
  person,
}: {
  roles: Activity['customerResponsible'];
  person: Activity['customerPerson'];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{roles.map((role) => role.title).join(', ') || '–'}</Text>
      {person && (
        <Text size="sm" fw={600}>
          {t('checklist.namedPerson', { name: person.name })}
        </Text>
      )}
    </Stack>
  );
}
