import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSection } from '../../shared/plan.js';
import { isRichTextEmpty, type RichText, richTextFromPlainText } from '../../shared/rich-text.js';
import { formatDateTime, withoutExampleWord } from './format.js';
import { RichTextView } from './RichTextView.js';

export const sectionAnchor = (sectionKey: string) => `avsnitt-${sectionKey}`;

/** "1 Bakgrund": sections are numbered as in the template. */
export function useSectionTitle() {
  const { t } = useTranslation();
  return (section: PlanSection, number: number) => t('plan.numbered', { number, title: section.title });
}

/** One section of the plan: its numbered heading, when it was last saved, the template's instruction. */
export function SectionFrame({
  section,
  number,
  actions,
  children,
}: {
  section: PlanSection;
  number: number;
  /** E.g. the section's "Redigera" button, beside the heading. */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const title = useSectionTitle();
  const headingId = `${sectionAnchor(section.key)}-rubrik`;
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      id={sectionAnchor(section.key)}
      aria-labelledby={headingId}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Title order={2} size="h3" id={headingId}>
          {title(section, number)}
        </Title>
        {actions}
      </Group>
      {section.updatedBy && section.updatedAt && (
        <Text size="sm" c="gray.7" mt={4}>
          {t('plan.lastSaved', { time: formatDateTime(section.updatedAt, i18n.language), name: section.updatedBy })}
        </Text>
      )}
      {section.instruction && <Instruction text={section.instruction} />}
      {children && (
        <Stack gap="lg" mt="md">
          {children}
        </Stack>
      )}
    </Paper>
  );
}

/** The template's guidance, paragraph by paragraph. */
function Instruction({ text }: { text: string }) {
  return (
    <Stack gap={6} mt="xs" maw={760}>
      {text.split(/\n{2,}/).map((paragraph) => (
        <Text key={paragraph} c="gray.7" style={{ whiteSpace: 'pre-line' }}>
          {paragraph}
        </Text>
      ))}
    </Stack>
  );
}

/** The template's example for a field, as guidance beside an empty or structured field. */
export function TemplateExample({ hint }: { hint: string }) {
  const { t } = useTranslation();
  if (!hint) return null;
  if (!hint.includes('\n')) {
    return (
      <Text size="sm" c="gray.7">
        {t('plan.example', { hint: withoutExampleWord(hint) })}
      </Text>
    );
  }
  return (
    <Box c="gray.7" fz="sm">
      <Text size="sm" c="gray.7">
        {t('plan.exampleTitle')}:
      </Text>
      <RichTextView doc={richTextFromPlainText(hint)} />
    </Box>
  );
}

/** A text field for reading: its text, or that it is still empty with the template's example. */
export function FieldText({ content, hint }: { content: RichText | null; hint: string }) {
  const { t } = useTranslation();
  if (content && !isRichTextEmpty(content)) return <RichTextView doc={content} />;
  return (
    <Stack gap={2}>
      <Text c="gray.7" fs="italic">
        {t('plan.notFilledIn')}
      </Text>
      <TemplateExample hint={hint} />
    </Stack>
  );
}
