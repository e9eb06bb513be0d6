import { Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectMeeting } from '../../shared/plan.js';
import { isRichTextEmpty, type RichText, richTextFromPlainText } from '../../shared/rich-text.js';
import { formatDateTime } from './format.js';
import { type Highlight, RichTextView } from './RichTextView.js';
import { wordDifferences } from './rich-text-diff.js';
import { MEETING_KEY, type SectionDraft } from './section-draft.js';

/** Someone else's save that met the user's unsaved edit of the same section. */
export interface SectionConflict {
  /** The section as it is saved now. */
  theirs: SectionDraft;
  savedBy: string | null;
  savedAt: string;
  /** The parts (field keys, or MEETING_KEY) both changed differently. */
  parts: string[];
  /** What the user chose for a part so far. */
  chosen: Record<string, 'mine' | 'theirs'>;
}

/**
 * The merge panel shown after a version conflict: for each part both people changed, the user's
 * text beside the saved one with the differing words marked, and a choice between them. The user
 * may also write on in the field itself; saving sends the section with the new version.
 */
export function ConflictPanel({
  conflict,
  openParts,
  draft,
  labels,
  meetingText,
  onKeepMine,
  onUseSaved,
}: {
  conflict: SectionConflict;
  /** The conflicting parts still to show. */
  openParts: string[];
  draft: SectionDraft;
  labels: Record<string, string>;
  meetingText: (meeting: ProjectMeeting | null) => string;
  onKeepMine: (part: string) => void;
  onUseSaved: (part: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const name = conflict.savedBy ?? t('plan.conflict.unknownName');
  const time = conflict.savedAt ? formatDateTime(conflict.savedAt, i18n.language) : '';

  // Whoever pressed Spara learns at once why nothing was saved.
  useEffect(() => titleRef.current?.focus(), []);

  const asText = (source: SectionDraft, part: string): RichText =>
    part === MEETING_KEY
      ? richTextFromPlainText(meetingText(source.meeting))
      : (source.texts[part] ?? { type: 'doc', content: [] });

  return (
    <Paper withBorder radius="md" p="md" bg="orange.0" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId} ref={titleRef} tabIndex={-1}>
        {t('plan.conflict.title')}
      </Title>
      <Text mt="xs">
        {conflict.parts.length > 0
          ? t('plan.conflict.intro', { name, time })
          : t('plan.conflict.noOverlap', { name, time })}
      </Text>
      <Stack gap="lg" mt="md">
        {openParts.map((part) => (
          <ConflictPart
            key={part}
            label={labels[part] ?? part}
            mine={asText(draft, part)}
            saved={asText(conflict.theirs, part)}
            savedBy={t('plan.conflict.savedBy', { name, time })}
            chosen={conflict.chosen[part]}
            onKeepMine={() => onKeepMine(part)}
            onUseSaved={() => onUseSaved(part)}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function ConflictPart({
  label,
  mine,
  saved,
  savedBy,
  chosen,
  onKeepMine,
  onUseSaved,
}: {
  label: string;
  mine: RichText;
  saved: RichText;
  savedBy: string;
  chosen: 'mine' | 'theirs' | undefined;
  onKeepMine: () => void;
  onUseSaved: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const differences = wordDifferences(mine, saved);
  return (
    <Stack gap="xs">
      <Title order={4} size="h5" id={headingId}>
        {label}
      </Title>
      {chosen ? (
        <Text role="status">{chosen === 'mine' ? t('plan.conflict.keptMine') : t('plan.conflict.usedSaved')}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <ConflictText
              title={t('plan.conflict.yours')}
              doc={mine}
              highlight={{ ranges: differences.mine, kind: 'ins', label: t('plan.conflict.onlyInYours') }}
            />
            <ConflictText
              title={savedBy}
              doc={saved}
              highlight={{ ranges: differences.saved, kind: 'del', label: t('plan.conflict.onlyInSaved') }}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button onClick={onKeepMine} aria-describedby={headingId}>
              {t('plan.conflict.keepMine')}
            </Button>
            <Button variant="default" onClick={onUseSaved} aria-describedby={headingId}>
              {t('plan.conflict.useSaved')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function ConflictText({ title, doc, highlight }: { title: string; doc: RichText; highlight: Highlight }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={700} size="sm">
        {title}
      </Text>
      <Box className="plan-conflict-text">
        {isRichTextEmpty(doc) ? (
          <Text c="gray.7">{t('plan.conflict.empty')}</Text>
        ) : (
          <RichTextView doc={doc} highlight={highlight} />
        )}
      </Box>
    </Stack>
  );
}
