import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../shared/checklist.js';

/** What an activity waits for, and a warning when it is due before one of them. */
export function DependencyList({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  if (activity.dependsOn.length === 0) return null;
  return (
    <>
      <Group gap={6} wrap="wrap">
        <Text size="xs" fw={600}>
          {t('checklist.waitsFor')}
        </Text>
        <Text size="xs" component="ul" className="inline-list">
          {activity.dependsOn.map((dependency) => (
            <li key={dependency.id}>
              {dependency.title} (
              {dependency.done
                ? t('checklist.dependencyDone')
                : dependency.deadline
                  ? t('checklist.dependencyDue', { date: dependency.deadline })
                  : t('checklist.noDeadline').toLowerCase()}
              )
            </li>
          ))}
        </Text>
      </Group>
      {activity.dueBeforeDependency && (
        <Text size="xs" c="red.9" fw={600}>
          <span aria-hidden="true">⚠ </span>
          {t('checklist.dueBeforeDependency')}
        </Text>
      )}
    </>
  );
}
