import { type HealthLevel, healthLevels, type PortfolioRow } from '../../shared/portfolio.js';

export const sortKeys = [
  'customer',
  'step',
  'progress',
  'overdue',
  'nextKeyActivity',
  'trainings',
  'goalsAtRisk',
  'organisationGaps',
  'unreadRevisions',
  'customerSilent',
  'health',
] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'asc' | 'desc';

/** The supporter filter's value for "the viewer's own projects". */
export const MINE = 'mine';

/** What the portfolio shows: filters and order, all kept in the page address. */
export interface PortfolioView {
  /** Part of a customer's or project's name; empty for every one. */
  search: string;
  /** A supporter's person id, or MINE. */
  supporter?: string;
  step?: number;
  health?: HealthLevel;
  /** None: the server's order (own projects first, then the least healthy). */
  sort?: SortKey;
  direction: SortDirection;
}

/**
 * The direction a column sorts in when first chosen: the one that puts what needs attention on top
 * (most overdue, least healthy, longest silent), or A–Ö and the earliest date.
 */
export const firstDirection: Record<SortKey, SortDirection> = {
  customer: 'asc',
  step: 'asc',
  progress: 'asc',
  overdue: 'desc',
  nextKeyActivity: 'asc',
  trainings: 'desc',
  goalsAtRisk: 'desc',
  organisationGaps: 'desc',
  unreadRevisions: 'desc',
  customerSilent: 'desc',
  health: 'asc',
};

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((candidate) => candidate === value);

/**
 * The view read from the page address. Values that make no sense (a link edited by hand) are left
 * out rather than breaking the page.
 */
export function viewFromSearch(search: URLSearchParams): PortfolioView {
  const step = Number(search.get('step'));
  const sort = oneOf(sortKeys, search.get('sort'));
  return {
    // Kept as typed, so that the space between two words survives the round trip while typing.
    search: search.get('search') ?? '',
    supporter: search.get('supporter') || undefined,
    step: Number.isInteger(step) && step >= 1 && step <= 10 ? step : undefined,
    health: oneOf(healthLevels, search.get('health')),
    sort,
    direction: oneOf(['asc', 'desc'] as const, search.get('order')) ?? (sort ? firstDirection[sort] : 'asc'),
  };
}

/**
 * The page address's query for a view: other parameters stay, empty filters and a column's first
 * direction are left out, and the order is fixed so that equal views share one link.
 */
export function searchWithView(current: URLSearchParams, view: PortfolioView): URLSearchParams {
  const next = new URLSearchParams(current);
  const values: Record<string, string | undefined> = {
    search: view.search.trim() === '' ? undefined : view.search,
    supporter: view.supporter,
    step: view.step?.toString(),
    health: view.health,
    sort: view.sort,
    order: view.sort && view.direction !== firstDirection[view.sort] ? view.direction : undefined,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  return new URLSearchParams([...next.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export const noFilters: Partial<PortfolioView> = {
  search: '',
  supporter: undefined,
  step: undefined,
  health: undefined,
};

export const isFiltered = (view: PortfolioView): boolean =>
  view.search.trim() !== '' || view.supporter !== undefined || view.step !== undefined || view.health !== undefined;

/** A click on a column header: a new column sorts in its first direction, the same one turns round. */
export function sortedBy(view: PortfolioView, key: SortKey): PortfolioView {
  if (view.sort === key) return { ...view, direction: view.direction === 'asc' ? 'desc' : 'asc' };
  return { ...view, sort: key, direction: firstDirection[key] };
}

const normalised = (text: string) => text.toLocaleLowerCase('sv-SE');

/** The rows the view's filters let through, in the order given. */
export function filterRows(
  rows: readonly PortfolioRow[],
  view: Pick<PortfolioView, 'search' | 'supporter' | 'step' | 'health'>,
): PortfolioRow[] {
  const search = normalised(view.search.trim());
  return rows.filter(
    (row) =>
      (search === '' ||
        normalised(row.customer.name).includes(search) ||
        normalised(row.projectName).includes(search)) &&
      (view.supporter === undefined ||
        (view.supporter === MINE
          ? row.mine
          : row.supporters.some((supporter) => supporter.personId === view.supporter))) &&
      (view.step === undefined || row.step.number === view.step) &&
      (view.health === undefined || row.health.level === view.health),
  );
}

const closed = (row: PortfolioRow) => row.phase === 'operations';

/** Each column's value to sort on; null when the project has none, which sorts last either way. */
const sortValue: Record<SortKey, (row: PortfolioRow) => string | number | null> = {
  customer: (row) => `${row.customer.name}\u0000${row.projectName}`,
  step: (row) => row.step.number,
  progress: (row) => row.progress.percent,
  overdue: (row) => row.overdue.customer + row.overdue.vendor,
  nextKeyActivity: (row) => row.nextKeyActivity?.date ?? null,
  trainings: (row) => Math.max(row.trainings.needed - row.trainings.booked, 0),
  goalsAtRisk: (row) => row.goals.atRisk + row.goals.missed,
  organisationGaps: (row) => row.organisationGaps,
  unreadRevisions: (row) => row.unreadRevisions,
  customerSilent: (row) => row.daysSinceCustomerChange,
  health: (row) => row.health.score,
};

const compareValues = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'sv-SE');

/**
 * The rows in the view's order. Closed projects stay last whatever the column, since there is
 * nothing left to steer in them; equal rows keep the server's order.
 */
export function sortRows(rows: readonly PortfolioRow[], view: Pick<PortfolioView, 'sort' | 'direction'>) {
  const { sort } = view;
  if (!sort) return [...rows];
  const sign = view.direction === 'asc' ? 1 : -1;
  const value = sortValue[sort];
  return [...rows].sort((a, b) => {
    if (closed(a) !== closed(b)) return closed(a) ? 1 : -1;
    const [left, right] = [value(a), value(b)];
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    return sign * compareValues(left, right);
  });
}

/** Every supporter on some project, once each, by name. */
export function supportersOf(rows: readonly PortfolioRow[]): { personId: string; name: string }[] {
  const byId = new Map(rows.flatMap((row) => row.supporters.map((supporter) => [supporter.personId, supporter])));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}

/** How many projects are at each of the steps, for the chart. Closed projects have left the steps. */
export function countPerStep(
  rows: readonly PortfolioRow[],
  steps: readonly { number: number; title: string }[],
): { number: number; title: string; count: number }[] {
  return steps.map((step) => ({
    ...step,
    count: rows.filter((row) => !closed(row) && row.step.number === step.number).length,
  }));
}
