import { describe, expect, it } from 'vitest';
import { apiQueryString, filtersFromSearch, isFiltered, searchWithFilters, toggledFilter } from './filters.js';

const groups = ['uppstart', 'utbildningar'];

describe('filtersFromSearch', () => {
  it('reads every filter a shared link can carry', () => {
    const search = new URLSearchParams('filter=overdue&group=uppstart&side=vendor&status=open');
    expect(filtersFromSearch(search, groups)).toEqual({
      filter: 'overdue',
      group: 'uppstart',
      side: 'vendor',
      status: 'open',
    });
  });

  it('is the whole checklist without a query', () => {
    expect(filtersFromSearch(new URLSearchParams(), groups)).toEqual({});
  });

  it('leaves out values the API would refuse, rather than breaking the page', () => {
    const search = new URLSearchParams('filter=later&side=both&status=all&group=');
    expect(filtersFromSearch(search, groups)).toEqual({});
  });

  it('keeps a group only when the checklist has it, once the groups are known', () => {
    const search = new URLSearchParams('group=borttagen');
    expect(filtersFromSearch(search, groups)).toEqual({});
    expect(filtersFromSearch(search)).toEqual({ group: 'borttagen' });
  });
});

describe('searchWithFilters', () => {
  it('sets the chosen filters and drops those set to nothing', () => {
    const current = new URLSearchParams('filter=mine&status=done');
    const next = searchWithFilters(current, { filter: undefined, status: 'open', side: 'customer' });
    expect(next.toString()).toBe('side=customer&status=open');
  });

  it('keeps other parameters of the address', () => {
    const next = searchWithFilters(new URLSearchParams('visa=alla'), { filter: 'soon' });
    expect(next.get('visa')).toBe('alla');
    expect(next.get('filter')).toBe('soon');
  });

  it('writes the same view as the same link whatever order it was chosen in', () => {
    const a = searchWithFilters(new URLSearchParams(), { status: 'open', group: 'uppstart' });
    const b = searchWithFilters(new URLSearchParams('status=open'), { group: 'uppstart', status: 'open' });
    expect(a.toString()).toBe(b.toString());
  });

  it('reads back what it wrote', () => {
    const query = { filter: 'mine', group: 'utbildningar', side: 'vendor', status: 'done' } as const;
    expect(filtersFromSearch(searchWithFilters(new URLSearchParams(), query), groups)).toEqual(query);
  });
});

describe('apiQueryString', () => {
  it('is empty for the whole checklist and a query string for a filtered one', () => {
    expect(apiQueryString({})).toBe('');
    expect(apiQueryString({ status: 'open', filter: 'overdue' })).toBe('?filter=overdue&status=open');
  });

  it('encodes a group key safely', () => {
    expect(apiQueryString({ group: 'a&b' })).toBe('?group=a%26b');
  });
});

describe('isFiltered', () => {
  it('tells a filtered view from the whole checklist', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ filter: undefined })).toBe(false);
    expect(isFiltered({ side: 'customer' })).toBe(true);
  });
});

describe('toggledFilter', () => {
  it('turns one quick filter on at a time and off when chosen again', () => {
    expect(toggledFilter(undefined, 'mine')).toBe('mine');
    expect(toggledFilter('mine', 'overdue')).toBe('overdue');
    expect(toggledFilter('overdue', 'overdue')).toBeUndefined();
  });
});
