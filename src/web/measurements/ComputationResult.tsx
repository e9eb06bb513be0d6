import { Group, List, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Computation, GoalTracking } from '../../shared/measurements.js';
import { Collapsible } from '../organisation/Collapsible.js';
import { formatNumber } from '../plan/format.js';
import { useGoalAmount } from './amount.js';
import { ScrollRegion } from './ScrollRegion.js';

/**
 * What a computation found: the figure, how it was reached, the rows that could not be read and
 * who (or what) is not covered yet, so that the school can act on it. `headingLevel` is the level
 * of its parts' headings.
 */
export function ComputationResult({
  computation,
  goal,
  headingLevel,
}: {
  computation: Computation;
  goal: GoalTracking['goal'];
  headingLevel: TitleOrder;
}) {
  const { t, i18n } = useTranslation();
  const amount = useGoalAmount(goal);
  const number = (value: number) => formatNumber(value, i18n.language);
  const { rejected } = computation;

  return (
    <Stack gap="md">
      <Group gap="md" align="baseline">
        <Text fz={44} fw={700} lh={1}>
          {amount(computation.value)}
        </Text>
        <Text size="lg">
          {t('measurements.result.ofTotal', {
            numerator: number(computation.numerator),
            denominator: number(computation.denominator),
          })}
        </Text>
      </Group>
      <Stack gap={4}>
        {computation.explanation.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </Stack>
      <Stack gap={2}>
        {computation.period && <Text size="sm">{t('measurements.result.period', computation.period)}</Text>}
        {computation.byDate && <Text size="sm">{t('measurements.result.byDate', { date: computation.byDate })}</Text>}
        <Text size="sm">{t('measurements.result.files', { files: computation.fileNames.join(', ') })}</Text>
        <Text size="sm">{t('measurements.result.rowsRead', { count: number(computation.rowsRead) })}</Text>
        <Text size="sm">{t('measurements.result.rejected', { count: number(rejected.count) })}</Text>
      </Stack>
      {rejected.count > 0 && (
        <Collapsible label={t('measurements.result.rejectedShow')}>
          <Title order={(headingLevel + 1) as TitleOrder} size="h6" mb={4}>
            {t('measurements.result.rejectedTitle')}
          </Title>
          <List size="sm" spacing={2}>
            {rejected.examples.map((row) => (
              <List.Item key={`${row.file}-${row.line}`}>{t('measurements.result.rejectedRow', row)}</List.Item>
            ))}
          </List>
          {rejected.count > rejected.examples.length && (
            <Text size="sm" mt={4}>
              {t('measurements.result.rejectedMore', { count: rejected.count - rejected.examples.length })}
            </Text>
          )}
        </Collapsible>
      )}
      <UncoveredList computation={computation} headingLevel={headingLevel} />
    </Stack>
  );
}

function UncoveredList({ computation, headingLevel }: { computation: Computation; headingLevel: TitleOrder }) {
  const { t, i18n } = useTranslation();
  const { uncovered } = computation;
  const title = t(`measurements.result.uncovered_${computation.method}`);
  const count = formatNumber(uncovered.count, i18n.language);
  return (
    <Stack gap={4}>
      <Title order={headingLevel} size="h5">
        {title}
      </Title>
      {uncovered.count === 0 ? (
        <Text>{t('measurements.result.uncoveredNone')}</Text>
      ) : (
        <>
          <Text size="sm">
            {uncovered.examples.length < uncovered.count
              ? t('measurements.result.uncoveredSome', { count, shown: uncovered.examples.length })
              : t('measurements.result.uncoveredAll', { count })}
          </Text>
          <ScrollRegion
            label={title}
            style={{
              maxHeight: 240,
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 'var(--mantine-radius-sm)',
              padding: '6px 12px',
            }}
          >
            <List size="sm" spacing={2}>
              {uncovered.examples.map((example, index) => (
                // Two students may share a name; the position keeps the keys apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
                <List.Item key={`${index}-${example.label}`}>{example.label}</List.Item>
              ))}
            </List>
          </ScrollRegion>
        </>
      )}
    </Stack>
  );
}
