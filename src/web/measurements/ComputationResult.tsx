import { Anchor, Badge, Group, List, Stack, Table, Text, Title, type TitleOrder } from '@mantine/core';
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
  projectId,
  computation,
  goal,
  headingLevel,
}: {
  projectId: string;
  computation: Computation;
  goal: GoalTracking['goal'];
  headingLevel: TitleOrder;
}) {
  const { t, i18n } = useTranslation();
  const amount = useGoalAmount(goal);
  const number = (value: number) => formatNumber(value, i18n.language);
  const { rejected, unused } = computation;
  const unusedCsv = `/api/projects/${projectId}/goals/${goal.id}/computations/${computation.id}/unused-rows.csv`;

  return (
    <Stack gap="md">
      <Text fw={600}>{t(`measurements.measures.${computation.measure}`)}</Text>
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
      {computation.figures.length > 1 && (
        <Stack gap={4}>
          <Title order={headingLevel} size="h5">
            {t('measurements.result.figuresTitle')}
          </Title>
          <Table withTableBorder captionSide="bottom" maw={720}>
            <Table.Caption>{t('measurements.result.figuresCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('measurements.result.figureMeasure')}</Table.Th>
                <Table.Th scope="col">{t('measurements.result.figureCount')}</Table.Th>
                <Table.Th scope="col">{t('measurements.result.figureValue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {computation.figures.map((figure) => (
                <Table.Tr key={figure.measure} fw={figure.measure === computation.measure ? 700 : undefined}>
                  <Table.Th scope="row" fw="inherit">
                    {t(`measurements.measures.${figure.measure}`)}
                    {figure.measure === computation.measure && (
                      <Badge ml="xs" variant="light" color="blue">
                        {t('measurements.result.goalMeasure')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {t('measurements.result.ofTotal', {
                      numerator: number(figure.numerator),
                      denominator: number(figure.denominator),
                    })}
                  </Table.Td>
                  <Table.Td>{amount(figure.value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Stack gap={2}>
        {computation.period && <Text size="sm">{t('measurements.result.period', computation.period)}</Text>}
        {computation.byDate && <Text size="sm">{t('measurements.result.byDate', { date: computation.byDate })}</Text>}
        <Text size="sm">{t('measurements.result.files', { files: computation.fileNames.join(', ') })}</Text>
        <Text size="sm">{t('measurements.result.rowsRead', { count: number(computation.rowsRead) })}</Text>
        <Text size="sm">{t('measurements.result.rejected', { count: number(rejected.count) })}</Text>
        <Text size="sm">{t('measurements.result.unused', { count: number(unused.count) })}</Text>
      </Stack>
      {unused.count > 0 && (
        <Collapsible label={t('measurements.result.unusedShow')}>
          <Title order={(headingLevel + 1) as TitleOrder} size="h6" mb={4}>
            {t('measurements.result.unusedTitle')}
          </Title>
          <List size="sm" spacing={2}>
            {unused.examples.map((row) => (
              <List.Item key={`${row.file}-${row.line}`}>
                {row.value ? t('measurements.result.unusedValue', row) : t('measurements.result.unusedRow', row)}
              </List.Item>
            ))}
          </List>
          {unused.count > unused.examples.length && (
            <Text size="sm" mt={4}>
              {t('measurements.result.rejectedMore', { count: unused.count - unused.examples.length })}
            </Text>
          )}
          <Anchor href={unusedCsv} download size="sm" mt={4} display="inline-block">
            {t('measurements.result.unusedDownload')}
          </Anchor>
        </Collapsible>
      )}
      <UncoveredList computation={computation} headingLevel={headingLevel} />
    </Stack>
  );
}

function UncoveredList({ computation, headingLevel }: { computation: Computation; headingLevel: TitleOrder }) {
  const { t, i18n } = useTranslation();
  const { uncovered } = computation;
  const title = t(`measurements.result.uncovered_${computation.measure}`);
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
                <List.Item key={`${index}-${example.label}`}>
                  {computation.measure === 'everyGroup' && example.missing.length > 0
                    ? t('measurements.result.missing', { label: example.label, subjects: example.missing.join(', ') })
                    : example.label}
                </List.Item>
              ))}
            </List>
          </ScrollRegion>
        </>
      )}
    </Stack>
  );
}
