import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunicationItem } from '../../shared/communication.js';
import { stockholmToday } from '../checklist/dates.js';
import { formatDate } from '../plan/format.js';
import type { PlanControls } from './controls.js';
import { DoneIcon, NotDoneIcon } from './icons.js';

/**
 * Whether an item is done, said in words beside an icon, and who marked it when; a checkbox for
 * those who may mark it (plan writers, and the responsible person their own).
 */
export function DoneState({ item, controls }: { item: CommunicationItem; controls: PlanControls }) {
  const { t, i18n } = useTranslation();
  // Shows the tick at once while the save is under way; the saved item (new version) replaces it.
  const [pending, setPending] = useState<{ version: number; done: boolean } | null>(null);
  const checked = pending?.version === item.version ? pending.done : item.done !== null;
  const doneBy = item.done && (
    <Text size="sm" c="gray.8">
      {t('communication.plan.doneBy', {
        date: formatDate(stockholmToday(new Date(item.done.at)), i18n.language),
        name: item.done.byName,
      })}
    </Text>
  );

  if (item.canTick) {
    return (
      <Stack gap={4}>
        <Checkbox
          checked={checked}
          label={t('communication.plan.isDone')}
          aria-label={t('communication.plan.markDone', { title: item.title })}
          onChange={(event) => {
            const done = event.currentTarget.checked;
            setPending({ version: item.version, done });
            controls.tick(item, done, () => setPending(null));
          }}
        />
        {doneBy}
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap" c={item.done ? 'teal.9' : 'gray.8'}>
        {item.done ? <DoneIcon /> : <NotDoneIcon />}
        <Text size="sm" fw={500} c="inherit">
          {item.done ? t('communication.plan.isDone') : t('communication.plan.notDone')}
        </Text>
      </Group>
      {doneBy}
    </Stack>
  );
}
