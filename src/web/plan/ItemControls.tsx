import { Alert, Box, Button, Group, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVersionConflict } from '../api/versioned-edit.js';
import { errorText } from '../layout/ErrorMessage.js';
import { type RemovableCollection, useReloadPlan, useRemoveItem } from './api.js';
import type { ItemConflict } from './versioned-save.js';

/** After a conflicting save: what is saved now, and that the user's values are still in the form. */
export function ItemConflictAlert<Item>({
  conflict,
  summary,
}: {
  conflict: ItemConflict<Item> | null;
  summary: (item: Item) => ReactNode;
}) {
  const { t } = useTranslation();
  if (!conflict) return null;
  return (
    <Alert color="orange" role="alert" title={t('plan.item.conflict')}>
      {conflict.latest ? (
        <>
          <Text size="sm">{t('plan.item.conflictKept')}</Text>
          <Text size="sm" fw={600} mt="xs">
            {t('plan.item.savedNow')}
          </Text>
          <Box mt={4}>{summary(conflict.latest)}</Box>
        </>
      ) : (
        <Text size="sm">{t('plan.item.removedMeanwhile')}</Text>
      )}
    </Alert>
  );
}

/**
 * For the button that opens a form in place: when the form closes (saved or cancelled), focus
 * returns to the button, so keyboard and screen reader users continue where they were.
 */
export function useFocusWhenClosed(open: boolean) {
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return button;
}

/** The buttons under an item: "Ändra", "Ta bort" and the like. */
export function ItemActions({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs" align="center">
      {children}
    </Group>
  );
}

/** "Ta bort", asked once more before the item goes; a stale version fetches the item again. */
export function RemoveControl({
  projectId,
  collection,
  item,
  label,
  question,
}: {
  projectId: string;
  collection: RemovableCollection;
  item: { id: string; version: number };
  /** The button's accessible name, naming the item. */
  label: string;
  question: string;
}) {
  const { t } = useTranslation();
  const remove = useRemoveItem(projectId, collection);
  const reload = useReloadPlan(projectId);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = () =>
    remove.mutate(
      { itemId: item.id, version: item.version },
      {
        onError: (error) => {
          setAsking(false);
          if (isVersionConflict(error)) {
            setProblem(t('plan.item.removeConflict'));
            void reload();
          } else {
            setProblem(errorText(error, t));
          }
        },
      },
    );

  return (
    <>
      {asking ? (
        <Group gap="xs" role="group" aria-label={question}>
          <Text size="sm" fw={600}>
            {question}
          </Text>
          <Button size="xs" color="red.9" loading={remove.isPending} onClick={confirm}>
            {t('plan.confirmRemove')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setAsking(false)}>
            {t('plan.cancel')}
          </Button>
        </Group>
      ) : (
        <Button
          size="xs"
          variant="default"
          aria-label={label}
          onClick={() => {
            setProblem(null);
            setAsking(true);
          }}
        >
          {t('plan.remove')}
        </Button>
      )}
      {problem && (
        <Alert color="orange" role="alert" w="100%" p="xs">
          {problem}
        </Alert>
      )}
    </>
  );
}
