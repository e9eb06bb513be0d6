import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../shared/portfolio.js';
import {
  countPerStep,
  filterRows,
  isFiltered,
  MINE,
  type PortfolioView,
  searchWithView,
  sortedBy,
  sortRows,
  supportersOf,
  viewFromSearch,
} from './view.js';

const row = (projectId: string, patch: Partial<PortfolioRow> = {}): PortfolioRow => ({
  projectId,
  projectName: `Projekt ${projectId}`,
  customer: { name: `Kund ${projectId}` },
  phase: 'implementation',
  closedAt: null,
  step: { number: 3, title: 'Organisation och roller', decided: false },
  progress: { done: 5, total: 29, percent: 17 },
  overdue: { customer: 0, vendor: 0 },
  nextKeyActivity: { title: 'Projektmöte', date: '2027-03-01' },
  trainings: { booked: 0, needed: 0 },
  goals: { atRisk: 0, missed: 0 },
  organisationGaps: 0,
  unreadRevisions: 0,
  daysSinceCustomerChange: 2,
  supporters: [],
  mine: false,
  health: { score: 100, level: 'good', factors: [] },
  ...patch,
});

const defaultView: PortfolioView = { search: '', direction: 'asc' };
const ids = (rows: PortfolioRow[]) => rows.map((entry) => entry.projectId);

describe('the view in the page address', () => {
  it('reads filters and order, leaving out what makes no sense', () => {
    expect(viewFromSearch(new URLSearchParams('search=Ume%C3%A5%20&step=4&health=critical&sort=overdue'))).toEqual({
      search: 'Umeå ',
      supporter: undefined,
      step: 4,
      health: 'critical',
      sort: 'overdue',
      direction: 'desc',
    });
    expect(viewFromSearch(new URLSearchParams('step=11&health=bad&sort=colour&order=up'))).toEqual(defaultView);
  });

  it('writes a link that reads back the same, in a fixed order and without defaults', () => {
    const view: PortfolioView = { search: 'Umeå', supporter: MINE, step: 2, sort: 'health', direction: 'asc' };
    const search = searchWithView(new URLSearchParams('tab=x'), view);
    expect(search.toString()).toBe('search=Ume%C3%A5&sort=health&step=2&supporter=mine&tab=x');
    expect(viewFromSearch(search)).toEqual({ ...view, health: undefined });
    expect(searchWithView(search, defaultView).toString()).toBe('tab=x');
    expect(searchWithView(search, { ...defaultView, search: '  ' }).toString()).toBe('tab=x');
    expect(searchWithView(new URLSearchParams(), { ...view, direction: 'desc' }).get('order')).toBe('desc');
  });

  it('sorts a new column its own way first and turns it round on the second click', () => {
    const byOverdue = sortedBy(defaultView, 'overdue');
    expect(byOverdue).toMatchObject({ sort: 'overdue', direction: 'desc' });
    expect(sortedBy(byOverdue, 'overdue')).toMatchObject({ sort: 'overdue', direction: 'asc' });
    expect(sortedBy(byOverdue, 'customer')).toMatchObject({ sort: 'customer', direction: 'asc' });
  });

  it('knows when something is filtered', () => {
    expect(isFiltered({ ...defaultView, sort: 'health' })).toBe(false);
    expect(isFiltered({ ...defaultView, search: ' ' })).toBe(false);
    expect(isFiltered({ ...defaultView, health: 'watch' })).toBe(true);
  });
});

describe('filtering', () => {
  const supporter = { personId: 'p1', name: 'Sara Projektstöd' };
  const rows = [
    row('1', { customer: { name: 'Umeå kommun' }, mine: true, supporters: [supporter] }),
    row('2', { projectName: 'Hub i Umeå', step: { number: 7, title: 'Utbildningar', decided: true } }),
    row('3', { health: { score: 40, level: 'critical', factors: [] }, supporters: [supporter] }),
  ];

  it('finds a customer or a project by part of its name, whatever the case', () => {
    expect(ids(filterRows(rows, { search: 'umeå ' }))).toEqual(['1', '2']);
  });

  it('keeps the viewer’s own projects, or one supporter’s', () => {
    expect(ids(filterRows(rows, { search: '', supporter: MINE }))).toEqual(['1']);
    expect(ids(filterRows(rows, { search: '', supporter: 'p1' }))).toEqual(['1', '3']);
  });

  it('keeps one step and one health level', () => {
    expect(ids(filterRows(rows, { search: '', step: 7 }))).toEqual(['2']);
    expect(ids(filterRows(rows, { search: '', health: 'critical' }))).toEqual(['3']);
  });

  it('lists each supporter once, by name', () => {
    const other = { personId: 'p0', name: 'Anna Andersson' };
    expect(supportersOf([...rows, row('4', { supporters: [other, supporter] })])).toEqual([other, supporter]);
  });
});

describe('sorting', () => {
  const closed = row('closed', {
    phase: 'operations',
    closedAt: '2027-01-30T10:00:00.000Z',
    overdue: { customer: 9, vendor: 0 },
  });
  const rows = [
    row('a', { overdue: { customer: 1, vendor: 1 }, daysSinceCustomerChange: null, nextKeyActivity: null }),
    closed,
    row('b', { overdue: { customer: 5, vendor: 0 }, daysSinceCustomerChange: 30 }),
    row('c', { overdue: { customer: 0, vendor: 0 }, daysSinceCustomerChange: 4 }),
  ];

  it('keeps the server’s order when no column is chosen', () => {
    expect(ids(sortRows(rows, defaultView))).toEqual(['a', 'closed', 'b', 'c']);
  });

  it('sorts by a column either way, closed projects last', () => {
    expect(ids(sortRows(rows, { sort: 'overdue', direction: 'desc' }))).toEqual(['b', 'a', 'c', 'closed']);
    expect(ids(sortRows(rows, { sort: 'overdue', direction: 'asc' }))).toEqual(['c', 'a', 'b', 'closed']);
  });

  it('puts a project without the value last in both directions', () => {
    expect(ids(sortRows(rows, { sort: 'customerSilent', direction: 'desc' }))).toEqual(['b', 'c', 'a', 'closed']);
    expect(ids(sortRows(rows, { sort: 'customerSilent', direction: 'asc' }))).toEqual(['c', 'b', 'a', 'closed']);
    expect(ids(sortRows(rows, { sort: 'nextKeyActivity', direction: 'asc' })).at(2)).toBe('a');
  });

  it('sorts names the Swedish way', () => {
    const named = [
      row('ö', { customer: { name: 'Östersund' } }),
      row('a', { customer: { name: 'Arvika' } }),
      row('å', { customer: { name: 'Åre' } }),
    ];
    expect(ids(sortRows(named, { sort: 'customer', direction: 'asc' }))).toEqual(['a', 'å', 'ö']);
  });
});

describe('projects per step', () => {
  it('counts the projects under way at each step', () => {
    const steps = [
      { number: 1, title: 'Beställning och avtal' },
      { number: 3, title: 'Organisation och roller' },
    ];
    const rows = [
      row('1'),
      row('2'),
      row('3', { phase: 'operations', step: { number: 10, title: 'x', decided: false } }),
    ];
    expect(countPerStep(rows, steps)).toEqual([
      { number: 1, title: 'Beställning och avtal', count: 0 },
      { number: 3, title: 'Organisation och roller', count: 2 },
    ]);
  });
});
