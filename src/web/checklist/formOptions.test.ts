import { describe, expect, it } from 'vitest';
import type { Activity, Checklist } from '../../shared/checklist.js';
import type { Organisation, Person, RoleWithHolders } from '../../shared/organisation.js';
import { activityFormOptions, withCurrentChoices } from './formOptions.js';

const role = (key: string, title: string): RoleWithHolders => ({
  key,
  title,
  responsibility: '',
  responsibilityVersion: 0,
  group: false,
  minHolders: 1,
  holders: [],
});

const person = (id: string, name: string) => ({ id, name }) as Person;

const organisation = {
  customerRoles: [role('bestallare', 'Beställare'), role('projektledare', 'Projektledare')],
  vendorRoles: [role('projektstodjare', 'Projektstödjare')],
  schools: [{ roles: [role('skoladmin', 'Skoladministratör')] }, { roles: [role('skoladmin', 'Skoladministratör')] }],
} as unknown as Organisation;

const activity = (id: string, groupKey: string, overrides: Partial<Activity> = {}) =>
  ({
    id,
    groupKey,
    title: `Aktivitet ${id}`,
    customerResponsible: [],
    vendorResponsible: [],
    customerPerson: null,
    vendorPerson: null,
    ...overrides,
  }) as Activity;

const checklist = {
  progress: { done: 0, total: 3, percent: 0 },
  groups: [
    {
      key: 'uppstart',
      title: 'Uppstart',
      progress: { done: 0, total: 2, percent: 0 },
      activities: [activity('a', 'uppstart'), activity('b', 'uppstart')],
    },
    { key: 'tom', title: 'Tom', progress: { done: 0, total: 0, percent: 0 }, activities: [] },
    {
      key: 'steg',
      title: 'Nästa steg',
      progress: { done: 0, total: 1, percent: 0 },
      activities: [activity('c', 'steg')],
    },
  ],
} as Checklist;

const options = activityFormOptions(organisation, checklist, {
  customer: [person('p1', 'Birgitta Lind')],
  vendor: [person('v1', 'Vera Lund')],
});

describe('activityFormOptions', () => {
  it("offers the project's customer roles and the schools' roles once each", () => {
    expect(options.customerRoles.map((option) => option.label)).toEqual([
      'Beställare',
      'Projektledare',
      'Skoladministratör',
    ]);
    expect(options.vendorRoles).toEqual([{ value: 'projektstodjare', label: 'Projektstödjare' }]);
  });

  it('offers the people of each side', () => {
    expect(options.customerPeople).toEqual([{ value: 'p1', label: 'Birgitta Lind' }]);
    expect(options.vendorPeople).toEqual([{ value: 'v1', label: 'Vera Lund' }]);
  });

  it('offers every activity of the project to wait for, by group, without empty groups', () => {
    expect(options.activities).toEqual([
      {
        group: 'Uppstart',
        items: [
          { value: 'a', label: 'Aktivitet a' },
          { value: 'b', label: 'Aktivitet b' },
        ],
      },
      { group: 'Nästa steg', items: [{ value: 'c', label: 'Aktivitet c' }] },
    ]);
  });
});

describe('withCurrentChoices', () => {
  it('keeps the choices an activity already has even when the lists lack them', () => {
    const edited = activity('a', 'uppstart', {
      vendorResponsible: [{ key: 'utbildare', title: 'Utbildningsledare' }],
      vendorPerson: { id: 'v9', name: 'Okänd för kunden' },
      customerPerson: { id: 'p1', name: 'Birgitta Lind' },
    });
    const choices = withCurrentChoices(options, edited);
    expect(choices.vendorRoles.map((option) => option.value)).toEqual(['projektstodjare', 'utbildare']);
    expect(choices.vendorPeople.map((option) => option.value)).toEqual(['v1', 'v9']);
    expect(choices.customerPeople).toHaveLength(1);
  });

  it('does not let an activity wait for itself', () => {
    const choices = withCurrentChoices(options, activity('a', 'uppstart'));
    expect(choices.activities[0].items.map((option) => option.value)).toEqual(['b']);
  });

  it('is the plain options for a new activity', () => {
    expect(withCurrentChoices(options, undefined)).toBe(options);
  });
});
