import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary } from '../../shared/revisions.js';
import { unreadColor } from './colors.js';
import { type Comparison, comparisonOf } from './comparison.js';
import { DownloadLinks } from './DownloadLinks.js';
import { formatDateTime } from './dates.js';

/** The revisions sent so far, newest first, each with its files and a way to see what it changed. */
export function RevisionList({
  projectId,
  revisions,
  shown,
  onShowChanges,
  onRead,
}: {
  projectId: string;
  revisions: RevisionSummary[];
  /** The comparison on screen, so that its revision is marked as the one shown. */
  shown: Comparison | null;
  onShowChanges: (comparison: Comparison) => void;
  onRead: (number: number) => void;
}) {
  const { t } = useTranslation();
  if (revisions.length === 0) return <Text c="gray.7">{t('revisions.list.empty')}</Text>;
  const newest = revisions[0].number;
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {revisions.map((revision) => {
        const isShown = shown !== null && shown.from === revision.number - 1 && shown.to === revision.number;
        return (
          <Paper
            component="li"
            key={revision.number}
            withBorder
            radius="md"
            p="md"
            bg={isShown ? 'blue.0' : undefined}
            style={isShown ? { borderColor: 'var(--mantine-color-blue-6)' } : undefined}
          >
            <Group gap="xs">
              <Text fw={700} size="lg">
                {t('revisions.list.version', { number: revision.number })}
              </Text>
              {!revision.readByMe && (
                <Badge color={unreadColor} variant="filled" size="sm">
                  {t('revisions.list.unread')}
                </Badge>
              )}
              {isShown && (
                <Badge color="blue.9" variant="outline" size="sm">
                  {t('revisions.list.shown')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="gray.7">
              {t('revisions.list.sent', { date: formatDateTime(revision.createdAt), name: revision.sender.name })}
            </Text>
            <Text mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {revision.message}
            </Text>
            <Group justify="space-between" mt="sm" gap="xs">
              {revision.number > 1 ? (
                <Button
                  size="xs"
                  variant="light"
                  aria-label={t('revisions.list.showChangesOf', { number: revision.number })}
                  onClick={() => onShowChanges(comparisonOf(revision.number, newest))}
                >
                  {t('revisions.list.showChanges')}
                </Button>
              ) : (
                <Text size="sm" c="gray.7">
                  {t('revisions.list.first')}
                </Text>
              )}
              <DownloadLinks
                projectId={projectId}
                revision={revision.number}
                onDownload={revision.readByMe ? undefined : () => onRead(revision.number)}
              />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
