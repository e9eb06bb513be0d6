import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunicationItem } from '../../shared/communication.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { CommunicationItemForm } from './CommunicationItemForm.js';
import type { PlanControls } from './controls.js';
import { DoneState } from './DoneState.js';
import { WhenText } from './WhenText.js';

export const ITEM_COLUMNS = 5;

/** One item of the plan as a table row, and below it the edit form when opened. */
export function CommunicationItemRow({ item, controls }: { item: CommunicationItem; controls: PlanControls }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <WhenText projectId={controls.projectId} item={item} />
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            <Text size="sm" fw={600}>
              {item.title}
            </Text>
            {item.message && (
              <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
                {item.message}
              </Text>
            )}
            {controls.canEdit && (
              <Group gap={4} mt={2}>
                <Button
                  ref={editButton}
                  size="compact-sm"
                  variant={editing ? 'light' : 'subtle'}
                  aria-expanded={editing}
                  aria-label={t('communication.plan.editLabel', { title: item.title })}
                  disabled={!controls.choices}
                  onClick={() => setEditing((open) => !open)}
                >
                  {t('communication.plan.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={t('communication.plan.removeLabel', { title: item.title })}
                  onClick={() => controls.remove(item)}
                >
                  {t('communication.plan.remove')}
                </Button>
              </Group>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          {item.channel ? (
            <Text size="sm">{item.channel}</Text>
          ) : (
            <Text size="sm" c="gray.7" fs="italic">
              {t('communication.plan.noChannel')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {item.responsible ? (
            <Text size="sm">{item.responsible.name}</Text>
          ) : (
            <Text size="sm" c="gray.7" fs="italic">
              {t('communication.plan.noResponsible')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <DoneState item={item} controls={controls} />
        </Table.Td>
      </Table.Tr>
      {editing && controls.choices && (
        <Table.Tr>
          <Table.Td colSpan={ITEM_COLUMNS} bg="gray.0">
            <CommunicationItemForm
              projectId={controls.projectId}
              item={item}
              headingOrder={4}
              choices={controls.choices}
              onSaved={(saved) => {
                setEditing(false);
                controls.announce(t('communication.plan.saved', { title: saved.title }));
              }}
              onCancel={() => setEditing(false)}
            />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
