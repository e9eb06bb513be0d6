import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortfolioRow } from '../../shared/portfolio.js';
import { ScrollRegion } from '../measurements/ScrollRegion.js';
import { formatDate } from '../plan/format.js';
import { HealthCell } from './HealthCell.js';
import { SortableHeader } from './SortableHeader.js';
import type { PortfolioView, SortKey } from './view.js';

/** One row per project; every column sorts, and the first stays in view while the rest scroll. */
export function PortfolioTable({
  rows,
  view,
  onSort,
}: {
  rows: PortfolioRow[];
  view: PortfolioView;
  onSort: (key: SortKey) => void;
}) {
  const { t } = useTranslation();
  const sort = { key: view.sort, direction: view.direction };
  const header = (sortKey: SortKey, options: { detail?: string; minWidth?: string; className?: string } = {}) => (
    <SortableHeader
      label={t(`portfolio.table.${sortKey}`)}
      sortKey={sortKey}
      sort={sort}
      onSort={onSort}
      {...options}
    />
  );
  return (
    // Positioned, so that the visually hidden texts in the cells are clipped with the table and do
    // not widen the page.
    <ScrollRegion label={t('portfolio.table.region')} style={{ maxWidth: '100%', position: 'relative' }}>
      <Table className="portfolio-table" withTableBorder verticalSpacing="sm" horizontalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {header('customer', { className: 'portfolio-first' })}
            {/* Health next to the name: the first thing the vendor looks for, without scrolling sideways. */}
            {header('health', { minWidth: '10rem' })}
            {header('step', { minWidth: '12rem' })}
            {header('progress')}
            {header('overdue', { detail: t('portfolio.table.overdueSides') })}
            {header('nextKeyActivity', { minWidth: '13rem' })}
            {header('trainings', { detail: t('portfolio.table.trainingsParts') })}
            {header('goalsAtRisk', { minWidth: '6.5rem' })}
            {header('organisationGaps', { minWidth: '8rem' })}
            {header('unreadRevisions', { minWidth: '7.5rem' })}
            {header('customerSilent', { minWidth: '11rem' })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <ProjectRow key={row.projectId} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function ProjectRow({ row }: { row: PortfolioRow }) {
  const { t, i18n } = useTranslation();
  const closed = row.phase === 'operations';
  const projectPath = `/projekt/${row.projectId}`;
  return (
    <Table.Tr className={closed ? 'portfolio-closed' : undefined}>
      <Table.Th scope="row" className="portfolio-first">
        <Stack gap={2}>
          <Text fw={700} size="sm">
            {row.customer.name}
          </Text>
          <Anchor component={Link} to={projectPath} fw={600} size="sm" underline="always">
            {row.projectName}
          </Anchor>
          {closed && (
            <Text size="xs" fw={700}>
              {row.closedAt
                ? t('portfolio.table.closedOn', { date: formatDate(row.closedAt.slice(0, 10), i18n.language) })
                : t('portfolio.table.closed')}
            </Text>
          )}
          {row.mine && (
            <Badge variant="light" color="blue" size="sm" tt="none">
              {t('portfolio.table.mine')}
            </Badge>
          )}
          {row.supporters.length > 0 && (
            <Text size="xs" c="gray.7" fw={400}>
              {t('portfolio.table.supporters', { names: row.supporters.map((person) => person.name).join(', ') })}
            </Text>
          )}
        </Stack>
      </Table.Th>
      <Table.Td>
        {closed ? (
          <Text size="sm" fw={700}>
            {t('portfolio.table.closed')}
          </Text>
        ) : (
          <HealthCell health={row.health} name={{ customer: row.customer.name, project: row.projectName }} />
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          <Text span fw={700}>
            {row.step.number}
          </Text>{' '}
          {row.step.title}
        </Text>
        {row.step.decided && (
          <Badge variant="outline" color="gray.8" size="sm" tt="none" mt={4}>
            <span aria-hidden="true">{t('portfolio.table.decided')}</span>
            <span className="visually-hidden">{t('portfolio.table.decidedSpoken')}</span>
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {t('portfolio.table.percent', { percent: row.progress.percent })}
        </Text>
        <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
          {t('portfolio.table.progressDetail', { done: row.progress.done, total: row.progress.total })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Pair
          left={row.overdue.customer}
          right={row.overdue.vendor}
          spoken={t('portfolio.table.overdueSpoken', row.overdue)}
          warn={row.overdue.customer + row.overdue.vendor > 0}
        />
      </Table.Td>
      <Table.Td>
        {row.nextKeyActivity ? (
          <>
            <Text size="sm">{row.nextKeyActivity.title}</Text>
            <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(row.nextKeyActivity.date, i18n.language)}
            </Text>
          </>
        ) : (
          <Text size="sm" c="gray.7">
            {t('portfolio.table.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Pair
          left={row.trainings.booked}
          right={row.trainings.needed}
          spoken={t('portfolio.table.trainingsSpoken', row.trainings)}
          warn={row.trainings.booked < row.trainings.needed}
        />
      </Table.Td>
      <Table.Td>
        <Figure value={row.goals.atRisk} />
        {row.goals.missed > 0 && (
          <Text size="xs" fw={700} style={{ whiteSpace: 'nowrap' }}>
            {t('portfolio.table.missed', { count: row.goals.missed })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Figure value={row.organisationGaps} to={`${projectPath}/organisation`} />
      </Table.Td>
      <Table.Td>
        <Figure value={row.unreadRevisions} to={`${projectPath}/revisioner`} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {row.daysSinceCustomerChange === null
            ? t('portfolio.table.never')
            : t('portfolio.table.days', { count: row.daysSinceCustomerChange })}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** A count that asks for attention when above zero: bold then, and a link to where it is fixed. */
function Figure({ value, to }: { value: number; to?: string }) {
  if (value > 0 && to) {
    return (
      <Anchor component={Link} to={to} size="sm" fw={700} underline="always">
        {value}
      </Anchor>
    );
  }
  return (
    <Text size="sm" fw={value > 0 ? 700 : 400}>
      {value}
    </Text>
  );
}

/** Two figures as "3 / 1", read out in words. */
function Pair({ left, right, spoken, warn }: { left: number; right: number; spoken: string; warn: boolean }) {
  return (
    <Group gap={0} wrap="nowrap">
      <Text size="sm" fw={warn ? 700 : 400} aria-hidden="true" style={{ whiteSpace: 'nowrap' }}>
        {left} / {right}
      </Text>
      <span className="visually-hidden">{spoken}</span>
    </Group>
  );
}
