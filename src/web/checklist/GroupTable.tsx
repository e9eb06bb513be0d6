import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistGroup } from '../../shared/checklist.js';
import { ProgressBar } from '../projects/ProgressBar.js';
import { ActivityForm } from './ActivityForm.js';
import { ActivityRow } from './ActivityRow.js';
import type { ChecklistControls } from './controls.js';

/** One of the template's groups: its progress, its activities as a table, and adding one. */
export function GroupTable({ group, controls }: { group: ChecklistGroup; controls: ChecklistControls }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  // The button comes back when the form closes: give it the keyboard again once it is on the page.
  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const headingId = `grupp-${group.key}`;
  const last = group.activities.length - 1;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={headingId}>
          {group.title}
        </Title>
        <ProgressBar progress={group.progress} label={t('checklist.groupProgress', { group: group.title })} />
      </Group>
      {group.activities.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('checklist.emptyGroup')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={64}>
                  {t('checklist.done')}
                </Table.Th>
                <Table.Th scope="col">{t('checklist.activity')}</Table.Th>
                <Table.Th scope="col" w={190}>
                  {t('checklist.customerResponsible')}
                </Table.Th>
                <Table.Th scope="col" w={190}>
                  {t('checklist.vendorResponsible', { vendor: controls.vendorName })}
                </Table.Th>
                <Table.Th scope="col" w={160}>
                  {t('checklist.deadline')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.activities.map((activity, index) => (
                <ActivityRow
                  key={activity.id}
                  activity={activity}
                  controls={controls}
                  movable={{ up: index > 0, down: index < last }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {controls.canEdit && controls.formOptions && (
        <Paper mt="sm" p={adding ? 'md' : 0} withBorder={adding} radius="md">
          {adding ? (
            <ActivityForm
              projectId={controls.projectId}
              groupKey={group.key}
              heading={t('checklist.actions.addTitle', { group: group.title })}
              options={controls.formOptions}
              onSaved={(saved) => {
                closeForm();
                controls.announce(t('checklist.actions.added', { title: saved.title }));
              }}
              onCancel={closeForm}
            />
          ) : (
            <Button
              ref={addButton}
              variant="light"
              size="sm"
              aria-label={t('checklist.actions.addIn', { group: group.title })}
              onClick={() => setAdding(true)}
            >
              {t('checklist.actions.add')}
            </Button>
          )}
        </Paper>
      )}
    </Paper>
  );
}
