import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary } from '../../shared/revisions.js';
import type { Comparison } from './comparison.js';
import { formatDate } from './dates.js';

const DRAFT = 'draft';

/** Which two versions to compare; `to` is always later than `from`, or the current draft. */
export function ComparePicker({
  revisions,
  comparison,
  onChange,
}: {
  revisions: RevisionSummary[];
  comparison: Comparison;
  onChange: (comparison: Comparison) => void;
}) {
  const { t } = useTranslation();
  const option = (revision: RevisionSummary) => ({
    value: String(revision.number),
    label: t('revisions.compare.option', { number: revision.number, date: formatDate(revision.createdAt) }),
  });
  const laterThan = (from: number) => revisions.filter((revision) => revision.number > from);

  const changeFrom = (from: number) => {
    const to = comparison.to;
    if (to === DRAFT || to > from) return onChange({ from, to });
    const next = laterThan(from).at(-1);
    onChange({ from, to: next ? next.number : DRAFT });
  };

  return (
    <Group gap="md" align="flex-end">
      <NativeSelect
        label={t('revisions.compare.from')}
        value={String(comparison.from)}
        onChange={(event) => changeFrom(Number(event.currentTarget.value))}
        data={revisions.map(option)}
        miw={220}
      />
      <NativeSelect
        label={t('revisions.compare.to')}
        value={String(comparison.to)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ from: comparison.from, to: value === DRAFT ? DRAFT : Number(value) });
        }}
        data={[{ value: DRAFT, label: t('revisions.compare.draft') }, ...laterThan(comparison.from).map(option)]}
        miw={220}
      />
    </Group>
  );
}
