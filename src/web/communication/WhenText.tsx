import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommunicationItem } from '../../shared/communication.js';
import { formatDate } from '../plan/format.js';

/** When an item happens: its date, and whether the date comes from the timeline (a link there). */
export function WhenText({ projectId, item }: { projectId: string; item: CommunicationItem }) {
  const { t, i18n } = useTranslation();
  const keyActivity = item.keyActivity;
  return (
    <Stack gap={2}>
      {item.date ? (
        <Text size="sm" fw={500}>
          {formatDate(item.date, i18n.language)}
        </Text>
      ) : (
        <Text size="sm" c="gray.7" fs="italic">
          {t('communication.plan.noDate')}
        </Text>
      )}
      {keyActivity && (
        <Anchor component={Link} to={`/projekt/${projectId}/tidplan`} size="sm">
          {/* The seeded meetings carry their key activity's title: naming it again says nothing. */}
          {keyActivity.title === item.title
            ? t('communication.plan.byTimeline')
            : t('communication.plan.byTimelineActivity', { title: keyActivity.title })}
        </Anchor>
      )}
    </Stack>
  );
}
