import { describe, expect, it } from 'vitest';
import type { Activity } from '../../shared/checklist.js';
import {
  bySoonestDeadline,
  dueBeforeDependency,
  isDueSoon,
  isMine,
  isOverdue,
  matchesQuery,
  reorderActivities,
  waitsForItself,
} from './rules.js';

const activity = (overrides: Partial<Activity> = {}): Activity => ({
  id: 'a',
  groupKey: 'uppstart',
  position: 0,
  title: 'Avtalspåskrift',
  fromTemplate: true,
  customerResponsible: [],
  vendorResponsible: [],
  deadline: null,
  done: null,
  version: 1,
  canTick: true,
  description: '',
  templateTitle: null,
  customerPerson: null,
  vendorPerson: null,
  dependsOn: [],
  dueBeforeDependency: false,
  commentCount: 0,
  attachmentCount: 0,
  ...overrides,
});

const role = (key: string) => ({ key, title: key });
const person = (id: string) => ({ id, name: `Person ${id}` });
const done = { at: '2027-03-01T09:00:00.000Z', by: { id: 'u', name: 'Åsa' } };
const nobody = { personId: null, heldRoleKeys: new Set<string>() };

describe('isMine', () => {
  const viewer = { personId: 'me', heldRoleKeys: new Set(['it']) };

  it('is the named person’s, on either side', () => {
    expect(isMine(activity({ customerPerson: person('me') }), viewer)).toBe(true);
    expect(isMine(activity({ vendorPerson: person('me') }), viewer)).toBe(true);
    expect(isMine(activity({ customerPerson: person('other') }), viewer)).toBe(false);
  });

  it('is the role holder’s while no one is named on that side', () => {
    expect(isMine(activity({ customerResponsible: [role('it')] }), viewer)).toBe(true);
    expect(isMine(activity({ customerResponsible: [role('bestallare')] }), viewer)).toBe(false);
  });

  it('is no longer the role holder’s once someone else is named on that side', () => {
    const named = activity({ customerResponsible: [role('it')], customerPerson: person('other') });
    expect(isMine(named, viewer)).toBe(false);
    expect(isMine({ ...named, vendorResponsible: [role('it')] }, viewer)).toBe(true);
  });

  it('is nobody’s for a viewer without a person', () => {
    expect(isMine(activity({ customerResponsible: [role('it')] }), nobody)).toBe(false);
  });
});

describe('dates', () => {
  const today = '2027-03-01';

  it('counts as overdue only an open activity whose deadline has passed', () => {
    expect(isOverdue(activity({ deadline: '2027-02-28' }), today)).toBe(true);
    expect(isOverdue(activity({ deadline: today }), today)).toBe(false);
    expect(isOverdue(activity({ deadline: '2027-02-28', done }), today)).toBe(false);
    expect(isOverdue(activity(), today)).toBe(false);
  });

  it('counts as soon the next 14 days, today included', () => {
    expect(isDueSoon(activity({ deadline: today }), today)).toBe(true);
    expect(isDueSoon(activity({ deadline: '2027-03-14' }), today)).toBe(true);
    expect(isDueSoon(activity({ deadline: '2027-03-15' }), today)).toBe(false);
    expect(isDueSoon(activity({ deadline: '2027-02-28' }), today)).toBe(false);
    expect(isDueSoon(activity(), today)).toBe(false);
  });

  it('warns when something waited for is due after the activity itself', () => {
    expect(dueBeforeDependency('2027-03-10', [{ deadline: '2027-03-11' }])).toBe(true);
    expect(dueBeforeDependency('2027-03-10', [{ deadline: '2027-03-10' }, { deadline: null }])).toBe(false);
    expect(dueBeforeDependency(null, [{ deadline: '2027-03-11' }])).toBe(false);
    expect(dueBeforeDependency('2027-03-10', [])).toBe(false);
  });

  it('orders the soonest deadline first and no deadline last', () => {
    const deadlines = [null, '2027-05-01', '2027-03-01', null, '2027-04-01'].map((deadline) => ({ deadline }));
    expect(deadlines.sort(bySoonestDeadline).map((item) => item.deadline)).toEqual([
      '2027-03-01',
      '2027-04-01',
      '2027-05-01',
      null,
      null,
    ]);
  });
});

describe('matchesQuery', () => {
  const situation = { today: '2027-03-01', viewer: { personId: 'me', heldRoleKeys: new Set(['it']) } };
  const activities = {
    overdueIt: activity({ id: 'overdueIt', deadline: '2027-02-01', customerResponsible: [role('it')] }),
    soonVendor: activity({ id: 'soonVendor', deadline: '2027-03-05', vendorResponsible: [role('projektstodjare')] }),
    doneSoon: activity({ id: 'doneSoon', deadline: '2027-03-02', customerResponsible: [role('it')], done }),
    laterOtherGroup: activity({ id: 'laterOtherGroup', groupKey: 'leverans', deadline: '2027-06-01' }),
    vendorPersonOnly: activity({ id: 'vendorPersonOnly', vendorPerson: person('me') }),
  };
  const matching = (query: Parameters<typeof matchesQuery>[1]) =>
    Object.values(activities)
      .filter((candidate) => matchesQuery(candidate, query, situation))
      .map((candidate) => candidate.id);

  it('lets everything through without filters', () => {
    expect(matching({})).toHaveLength(5);
  });

  it('filters one way at a time', () => {
    expect(matching({ filter: 'mine' })).toEqual(['overdueIt', 'doneSoon', 'vendorPersonOnly']);
    expect(matching({ filter: 'overdue' })).toEqual(['overdueIt']);
    expect(matching({ filter: 'soon' })).toEqual(['soonVendor', 'doneSoon']);
    expect(matching({ group: 'leverans' })).toEqual(['laterOtherGroup']);
    expect(matching({ group: '' })).toHaveLength(5);
    expect(matching({ side: 'customer' })).toEqual(['overdueIt', 'doneSoon']);
    expect(matching({ side: 'vendor' })).toEqual(['soonVendor', 'vendorPersonOnly']);
    expect(matching({ status: 'done' })).toEqual(['doneSoon']);
    expect(matching({ status: 'open' })).toHaveLength(4);
  });

  it('combines filters: every one must hold', () => {
    expect(matching({ filter: 'mine', status: 'open' })).toEqual(['overdueIt', 'vendorPersonOnly']);
    expect(matching({ filter: 'soon', side: 'customer' })).toEqual(['doneSoon']);
    expect(matching({ filter: 'mine', side: 'vendor', group: 'uppstart' })).toEqual(['vendorPersonOnly']);
    expect(matching({ filter: 'overdue', group: 'leverans' })).toEqual([]);
  });
});

describe('waitsForItself', () => {
  const edges = [
    { activityId: 'b', dependsOnId: 'a' },
    { activityId: 'c', dependsOnId: 'b' },
  ];

  it('finds a loop through other activities', () => {
    expect(waitsForItself('a', ['c'], edges)).toBe(true);
    expect(waitsForItself('a', ['b'], edges)).toBe(true);
    expect(waitsForItself('a', ['a'], [])).toBe(true);
  });

  it('allows waiting for what does not wait back', () => {
    expect(waitsForItself('c', ['a'], edges)).toBe(false);
    expect(waitsForItself('d', ['a', 'b', 'c'], edges)).toBe(false);
  });

  it('ignores the activity’s own dependencies, which the change replaces', () => {
    expect(waitsForItself('b', ['c'], [...edges, { activityId: 'b', dependsOnId: 'c' }])).toBe(true);
    expect(waitsForItself('c', [], edges)).toBe(false);
  });

  it('stops on loops elsewhere in the project', () => {
    const loop = [
      { activityId: 'x', dependsOnId: 'y' },
      { activityId: 'y', dependsOnId: 'x' },
    ];
    expect(waitsForItself('a', ['x'], loop)).toBe(false);
  });
});

describe('reorderActivities', () => {
  const groups = ['uppstart', 'integrationer', 'leverans'];
  const activities = [
    { id: 'u1', groupKey: 'uppstart' },
    { id: 'u2', groupKey: 'uppstart' },
    { id: 'u3', groupKey: 'uppstart' },
    { id: 'i1', groupKey: 'integrationer' },
    { id: 'l1', groupKey: 'leverans' },
  ];
  const order = (move: { id: string; groupKey: string; index: number }) =>
    reorderActivities(activities, groups, move).map((activity) => `${activity.id}@${activity.groupKey}`);

  it('moves within a group', () => {
    expect(order({ id: 'u3', groupKey: 'uppstart', index: 0 }).slice(0, 3)).toEqual([
      'u3@uppstart',
      'u1@uppstart',
      'u2@uppstart',
    ]);
    expect(order({ id: 'u1', groupKey: 'uppstart', index: 1 }).slice(0, 3)).toEqual([
      'u2@uppstart',
      'u1@uppstart',
      'u3@uppstart',
    ]);
  });

  it('moves to another group, first, last or beyond its end', () => {
    expect(order({ id: 'u1', groupKey: 'integrationer', index: 0 })).toEqual([
      'u2@uppstart',
      'u3@uppstart',
      'u1@integrationer',
      'i1@integrationer',
      'l1@leverans',
    ]);
    expect(order({ id: 'u1', groupKey: 'integrationer', index: 99 })).toEqual([
      'u2@uppstart',
      'u3@uppstart',
      'i1@integrationer',
      'u1@integrationer',
      'l1@leverans',
    ]);
  });

  it('moves into an empty group at its place in the template', () => {
    const withEmpty = ['uppstart', 'utbildningar', 'integrationer', 'leverans'];
    expect(
      reorderActivities(activities, withEmpty, { id: 'l1', groupKey: 'utbildningar', index: 0 }).map(
        (activity) => activity.id,
      ),
    ).toEqual(['u1', 'u2', 'u3', 'l1', 'i1']);
  });

  it('numbers the places 0, 1, 2 … through the project, groups in the template’s order', () => {
    const shuffled = [activities[4], activities[0], activities[3], activities[1], activities[2]];
    const result = reorderActivities(shuffled, groups, { id: 'u2', groupKey: 'uppstart', index: 2 });
    expect(result.map((activity) => [activity.id, activity.position])).toEqual([
      ['u1', 0],
      ['u3', 1],
      ['u2', 2],
      ['i1', 3],
      ['l1', 4],
    ]);
  });
});
