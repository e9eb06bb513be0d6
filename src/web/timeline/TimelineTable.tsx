import { Anchor, Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem } from '../../shared/timeline.js';
import { activityLink } from '../checklist/anchor.js';
import { stateOf } from './gantt.js';

export type SaveKeyActivityDate = (item: TimelineItem, date: string | null, onSaved: () => void) => void;

/** The timeline's items as a table, the chart's accessible twin; editors change key activities' dates here. */
export function TimelineTable({
  projectId,
  items,
  canEdit,
  saving,
  onSaveDate,
}: {
  projectId: string;
  items: TimelineItem[];
  canEdit: boolean;
  saving: boolean;
  onSaveDate: SaveKeyActivityDate;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption>{t('timeline.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('timeline.table.activity')}</Table.Th>
            <Table.Th scope="col" w={220}>
              {t('timeline.table.kind')}
            </Table.Th>
            <Table.Th scope="col" w={canEdit ? 280 : 140}>
              {t('timeline.table.date')}
            </Table.Th>
            <Table.Th scope="col" w={130}>
              {t('timeline.table.status')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                {item.kind === 'key' ? (
                  <Text size="sm" fw={700}>
                    {item.title}
                  </Text>
                ) : (
                  <Anchor component={Link} to={activityLink(projectId, item.id)} size="sm">
                    {item.title}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.kind === 'key'
                    ? t('timeline.kinds.key')
                    : item.groupTitle
                      ? t('timeline.kinds.activityIn', { group: item.groupTitle })
                      : t('timeline.kinds.activity')}
                </Text>
              </Table.Td>
              <Table.Td>
                {item.kind === 'key' && canEdit ? (
                  <KeyActivityDate item={item} saving={saving} onSave={onSaveDate} />
                ) : (
                  <Text size="sm">{item.date ?? t('timeline.table.noDate')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Status item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function KeyActivityDate({
  item,
  saving,
  onSave,
}: {
  item: TimelineItem;
  saving: boolean;
  onSave: SaveKeyActivityDate;
}) {
  const { t } = useTranslation();
  const saved = item.date ?? '';
  // What is typed, for the version it was typed on: a newer version from the server starts afresh.
  const [draft, setDraft] = useState({ version: item.version, value: saved });
  const value = draft.version === item.version ? draft.value : saved;
  const changed = value !== saved;
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) onSave(item, value || null, () => setDraft({ version: item.version + 1, value }));
      }}
    >
      <TextInput
        type="date"
        size="xs"
        aria-label={t('timeline.table.dateOf', { title: item.title })}
        value={value}
        onChange={(event) => setDraft({ version: item.version, value: event.currentTarget.value })}
      />
      <Button
        type="submit"
        size="xs"
        variant={changed ? 'filled' : 'default'}
        disabled={!changed}
        loading={saving && changed}
        aria-label={t('timeline.table.saveLabel', { title: item.title })}
      >
        {t('timeline.table.save')}
      </Button>
    </Group>
  );
}

function Status({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  if (item.date === null) return <Text size="sm">{t('timeline.statuses.undated')}</Text>;
  const state = stateOf(item);
  if (state === 'overdue') {
    return (
      <Badge color="red.9" variant="filled" tt="none">
        {t('timeline.statuses.overdue')}
      </Badge>
    );
  }
  return (
    <Text size="sm" c={state === 'done' ? 'teal.9' : undefined}>
      {state === 'done' ? `✓ ${t('timeline.statuses.done')}` : t('timeline.statuses.upcoming')}
    </Text>
  );
}
