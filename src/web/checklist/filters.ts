import { activityFilters, type ChecklistQuery } from '../../shared/checklist.js';

export type ActivityFilter = (typeof activityFilters)[number];
export type Side = NonNullable<ChecklistQuery['side']>;
export type Status = NonNullable<ChecklistQuery['status']>;

const sides: readonly Side[] = ['customer', 'vendor'];
const statuses: readonly Status[] = ['open', 'done'];

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((candidate) => candidate === value);

/**
 * The checklist's filters read from the page address. Values the server would refuse (a shared link
 * edited by hand, an old link) are left out rather than breaking the page; the group is kept only
 * when the checklist has it.
 */
export function filtersFromSearch(search: URLSearchParams, groupKeys?: readonly string[]): ChecklistQuery {
  const group = search.get('group') ?? undefined;
  const query: ChecklistQuery = {
    filter: oneOf(activityFilters, search.get('filter')),
    group: group && (groupKeys === undefined || groupKeys.includes(group)) ? group : undefined,
    side: oneOf(sides, search.get('side')),
    status: oneOf(statuses, search.get('status')),
  };
  return withoutEmpty(query);
}

const keys = ['filter', 'group', 'side', 'status'] as const;

const withoutEmpty = (query: ChecklistQuery): ChecklistQuery =>
  Object.fromEntries(keys.filter((key) => query[key] !== undefined).map((key) => [key, query[key]]));

/**
 * The page address's query after a change of filters: other parameters stay, filters set to
 * nothing disappear, and the order is always the same so that equal views share a link.
 */
export function searchWithFilters(current: URLSearchParams, query: ChecklistQuery): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of keys) {
    const value = query[key];
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  return new URLSearchParams([...next.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** The API's query string for a view: empty for the whole checklist. */
export function apiQueryString(query: ChecklistQuery): string {
  const params = searchWithFilters(new URLSearchParams(), query).toString();
  return params === '' ? '' : `?${params}`;
}

export const isFiltered = (query: ChecklistQuery): boolean => keys.some((key) => query[key] !== undefined);

/** The one-at-a-time quick filter: choosing the one that is on turns it off. */
export const toggledFilter = (
  current: ActivityFilter | undefined,
  chosen: ActivityFilter,
): ActivityFilter | undefined => (current === chosen ? undefined : chosen);
