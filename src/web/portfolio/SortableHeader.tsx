import { Table, Text, UnstyledButton } from '@mantine/core';
import type { SortKey } from './view.js';

/**
 * A column header that sorts the table by its column. The arrow shows the order to the eye and
 * aria-sort says it to screen readers.
 */
export function SortableHeader({
  label,
  detail,
  sortKey,
  sort,
  onSort,
  className,
  minWidth,
}: {
  label: string;
  /** What the figures in the column are, under the name: "kund / leverantör". */
  detail?: string;
  sortKey: SortKey;
  sort: { key?: SortKey; direction: 'asc' | 'desc' };
  onSort: (key: SortKey) => void;
  className?: string;
  minWidth?: string;
}) {
  const sorted = sort.key === sortKey;
  const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <Table.Th scope="col" aria-sort={ariaSort} className={className} style={{ minWidth }}>
      <UnstyledButton className="portfolio-sort" onClick={() => onSort(sortKey)}>
        <span>
          {label}
          {detail && (
            <Text span display="block" size="xs" fw={400} c="gray.7">
              {detail}
            </Text>
          )}
        </span>
        <span aria-hidden="true" style={{ color: sorted ? undefined : 'var(--mantine-color-gray-7)' }}>
          {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
