import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Progress as ProgressData } from '../../shared/projects.js';

export function ProgressBar({
  progress,
  label,
  width = 160,
}: {
  progress: ProgressData;
  label: string;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={progress.percent}
        w={width}
        size="lg"
        color={progress.percent === 100 ? 'green.8' : 'blue.8'}
        aria-label={label}
      />
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('checklist.progressLabel', { done: progress.done, total: progress.total })}
      </Text>
    </Group>
  );
}
