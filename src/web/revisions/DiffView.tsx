import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntityChange, FieldChange, PlanDiff, SectionDiff } from '../../shared/revisions.js';
import { changeColors } from './colors.js';
import { formatDateTime } from './dates.js';
import { changedGroupCounts, type EntityGroup, entityGroups } from './diffGroups.js';
import { Added, PlainValue, Removed, ValueChange, WordDiff } from './TextDiff.js';

/** What changed in the plan between two versions: the sections' texts, item by item, then the process guide's texts. */
export function DiffView({ diff }: { diff: PlanDiff }) {
  return (
    <Stack gap="lg">
      <DiffSummary diff={diff} />
      {diff.sections.map((section) => (
        <SectionChanges key={section.key} section={section} />
      ))}
      {entityGroups
        .filter((group) => diff[group].length > 0)
        .map((group) => (
          <GroupChanges key={group} group={group} changes={diff[group]} />
        ))}
      {diff.processGuide.length > 0 && <ProcessGuideChanges fields={diff.processGuide} />}
    </Stack>
  );
}

function sideName(side: PlanDiff['from'], t: (key: string, options?: Record<string, unknown>) => string): string {
  return side.number === null ? t('revisions.compare.draft') : t('revisions.list.version', { number: side.number });
}

function DiffSummary({ diff }: { diff: PlanDiff }) {
  const { t, i18n } = useTranslation();
  const parts = changedGroupCounts(diff).map(({ group, count }) => t(`revisions.diff.counts.${group}`, { count }));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts);
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Text fw={700} size="lg">
            {sideName(diff.from, t)} → {sideName(diff.to, t)}
          </Text>
          <Text size="sm" c="gray.7">
            {formatDateTime(diff.from.takenAt)} → {formatDateTime(diff.to.takenAt)}
          </Text>
        </div>
        {diff.changeCount > 0 && (
          <Text size="sm" aria-hidden="true">
            <Removed text={t('revisions.diff.legendRemoved')} /> <Added text={t('revisions.diff.legendAdded')} />
          </Text>
        )}
      </Group>
      <Text mt="sm" fw={600}>
        {diff.changeCount === 0
          ? t('revisions.diff.none')
          : `${t('revisions.diff.changes', { count: diff.changeCount })}: ${list}`}
      </Text>
      {diff.changeCount === 0 && <Text c="gray.7">{t('revisions.diff.noneDetail')}</Text>}
    </Paper>
  );
}

function SectionChanges({ section }: { section: SectionDiff }) {
  return <TextChanges id={`andrat-${section.key}`} title={section.title} fields={section.fields} />;
}

/** The process guide (lathund) reads like a section of the plan: its texts, word by word. */
function ProcessGuideChanges({ fields }: { fields: FieldChange[] }) {
  const { t } = useTranslation();
  return <TextChanges id="andrat-processGuide" title={t('revisions.diff.groups.processGuide')} fields={fields} />;
}

function TextChanges({ id, title, fields }: { id: string; title: string; fields: FieldChange[] }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="md">
        {fields.map((field) => (
          <div key={field.field}>
            <Text fw={600} size="sm" c="gray.8" mb={4}>
              {field.label}
            </Text>
            <p className="diff-prose">
              <WordDiff parts={field.parts} />
            </p>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

function GroupChanges({ group, changes }: { group: EntityGroup; changes: EntityChange[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby={`andrat-${group}`}>
      <Title order={3} size="h4" id={`andrat-${group}`}>
        {t(`revisions.diff.groups.${group}`)}
      </Title>
      {changes.map((change) => (
        <EntityChangeCard key={change.id} change={change} />
      ))}
    </Stack>
  );
}

function EntityChangeCard({ change }: { change: EntityChange }) {
  const { t } = useTranslation();
  // An item added or removed whole is named by its title already; listing the title again says nothing.
  const fields =
    change.change === 'changed'
      ? change.fields
      : change.fields.filter((field) => (field.after || field.before) !== change.label);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      className="diff-card"
      data-change={change.change}
      component="article"
      aria-label={change.label}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Badge color={changeColors[change.change]} variant="filled" style={{ flexShrink: 0 }}>
          {t(`revisions.diff.change.${change.change}`)}
        </Badge>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {change.label}
        </Text>
      </Group>
      {fields.length > 0 && (
        <dl className="diff-fields" style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          {fields.map((field) => (
            <FieldRow key={field.field} field={field} change={change.change} />
          ))}
        </dl>
      )}
    </Paper>
  );
}

function FieldRow({ field, change }: { field: EntityChange['fields'][number]; change: EntityChange['change'] }) {
  return (
    <>
      <dt>{field.label}</dt>
      <dd>
        {change === 'changed' ? (
          <ValueChange field={field} />
        ) : (
          <PlainValue text={change === 'added' ? field.after : field.before} />
        )}
      </dd>
    </>
  );
}
