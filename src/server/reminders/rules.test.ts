import { describe, expect, it } from 'vitest';
import { defaultReminderPreferences, type ReminderPreferences } from '../../shared/reminders.js';
import {
  type DeadlineActivity,
  dueReminders,
  indexRoleHolders,
  type Reminder,
  type ReminderFacts,
  type ReminderPerson,
  type RoleHolding,
  recipientsOf,
} from './rules.js';

const project = { id: 'p1', name: 'Implementering Åkerby kommun', customerName: 'Åkerby kommun' };

const holdings: RoleHolding[] = [
  { projectId: 'p1', roleKey: 'projektledare', personId: 'lena' },
  { projectId: 'p1', roleKey: 'bestallare', personId: 'bo' },
  { projectId: 'p1', roleKey: 'rektor', personId: 'rut' },
  { projectId: 'p1', roleKey: 'rektor', personId: 'rolf' },
  { projectId: 'p1', roleKey: 'projektstodjare', personId: 'vera' },
  // The same role in another project makes nobody responsible here.
  { projectId: 'p2', roleKey: 'rektor', personId: 'otto' },
];

function activity(overrides: Partial<DeadlineActivity> = {}): DeadlineActivity {
  return {
    id: 'a1',
    projectId: 'p1',
    title: 'Beställningsblankett skickad',
    deadline: '2027-03-31',
    customerRoleKeys: ['projektledare'],
    vendorRoleKeys: [],
    customerPersonId: null,
    vendorPersonId: null,
    ...overrides,
  };
}

function person(id: string, preferences: Partial<ReminderPreferences> = {}): ReminderPerson {
  return { id, name: id, email: `${id}@exempel.se`, preferences: { ...defaultReminderPreferences, ...preferences } };
}

function facts(overrides: Partial<ReminderFacts> = {}): ReminderFacts {
  return {
    // A Wednesday: no digests (Monday by default) and no project summaries.
    today: '2027-03-24',
    projects: [{ ...project, progress: { done: 5, total: 20, percent: 25 } }],
    activities: [activity()],
    holdings,
    people: ['lena', 'bo', 'rut', 'rolf', 'vera', 'otto'].map((id) => person(id)),
    ...overrides,
  };
}

const keys = (reminders: Reminder[]) => reminders.map((reminder) => reminder.key);

describe('who answers for an activity', () => {
  const holders = indexRoleHolders(holdings);

  it('is everyone holding a responsible role of either side in the project', () => {
    expect(
      recipientsOf(
        activity({ customerRoleKeys: ['bestallare', 'rektor'], vendorRoleKeys: ['projektstodjare'] }),
        holders,
      ),
    ).toEqual(['bo', 'rut', 'rolf', 'vera']);
  });

  it('is the named person instead of the role holders on that side only', () => {
    const named = activity({
      customerRoleKeys: ['rektor'],
      vendorRoleKeys: ['projektstodjare'],
      customerPersonId: 'rut',
    });
    expect(recipientsOf(named, holders)).toEqual(['rut', 'vera']);
    expect(recipientsOf({ ...named, vendorPersonId: 'ville' }, holders)).toEqual(['rut', 'ville']);
  });

  it('names each person once, and nobody when no role is held', () => {
    expect(recipientsOf(activity({ customerRoleKeys: ['projektledare'], vendorPersonId: 'lena' }), holders)).toEqual([
      'lena',
    ]);
    expect(recipientsOf(activity({ customerRoleKeys: ['it'], vendorRoleKeys: [] }), holders)).toEqual([]);
  });
});

describe('reminders before and after a deadline', () => {
  it('reminds from three days before the deadline up to the day itself, then once it has passed', () => {
    const on = (today: string) => keys(dueReminders(facts({ today })));
    expect(on('2027-03-27')).toEqual([]);
    expect(on('2027-03-28')).toEqual(['due_soon:a1:2027-03-31:lena']);
    expect(on('2027-03-31')).toEqual(['due_soon:a1:2027-03-31:lena']);
    expect(on('2027-04-01')).toEqual(['overdue:a1:2027-03-31:lena']);
    expect(on('2027-04-08')).toEqual(['overdue:a1:2027-03-31:lena']);
  });

  it('follows each person’s days before, and 0 means on the day', () => {
    const people = [person('lena', { daysBefore: 10 }), person('vera', { daysBefore: 0 })];
    const shared = activity({ vendorRoleKeys: ['projektstodjare'] });
    const on = (today: string) => keys(dueReminders(facts({ today, people, activities: [shared] })));
    expect(on('2027-03-21')).toEqual(['due_soon:a1:2027-03-31:lena']);
    expect(on('2027-03-30')).toEqual(['due_soon:a1:2027-03-31:lena']);
    expect(on('2027-03-31')).toEqual(['due_soon:a1:2027-03-31:lena', 'due_soon:a1:2027-03-31:vera']);
  });

  it('makes a moved deadline a new reminder', () => {
    const moved = dueReminders(facts({ today: '2027-04-13', activities: [activity({ deadline: '2027-04-14' })] }));
    expect(keys(moved)).toEqual(['due_soon:a1:2027-04-14:lena']);
  });

  it('leaves out people without an e-mail address or with reminders turned off', () => {
    const everyone = activity({ customerRoleKeys: ['rektor', 'projektledare'] });
    const people = [person('rut', { enabled: false }), person('lena')];
    expect(keys(dueReminders(facts({ today: '2027-04-01', people, activities: [everyone] })))).toEqual([
      'overdue:a1:2027-03-31:lena',
    ]);
  });

  it('carries what the mail needs: the person, the project and the activity', () => {
    const [reminder] = dueReminders(facts({ today: '2027-03-29' }));
    expect(reminder).toMatchObject({
      kind: 'due_soon',
      person: { id: 'lena', email: 'lena@exempel.se' },
      project: { id: 'p1', name: 'Implementering Åkerby kommun' },
      activity: { id: 'a1', deadline: '2027-03-31' },
    });
  });
});

describe('the weekly digest', () => {
  const activities = [
    activity({ id: 'late', deadline: '2027-03-20' }),
    activity({ id: 'soon', deadline: '2027-04-05' }),
    activity({ id: 'in-two-weeks', deadline: '2027-04-12' }),
    activity({ id: 'later', deadline: '2027-04-13' }),
  ];
  const digests = (reminders: Reminder[]) => reminders.filter((reminder) => reminder.kind === 'digest');

  it('lists, on the person’s weekday, what is overdue and due within 14 days, keyed by ISO week', () => {
    const people = [person('lena', { digestWeekday: 1, daysBefore: 0 })];
    const [digest] = digests(dueReminders(facts({ today: '2027-03-29', activities, people })));
    expect(digest.key).toBe('digest:lena:2027-W13');
    if (digest.kind !== 'digest') throw new Error('not a digest');
    expect(digest.overdue.map((item) => item.activity.id)).toEqual(['late']);
    expect(digest.upcoming.map((item) => item.activity.id)).toEqual(['soon', 'in-two-weeks']);
    expect(digest.upcoming[0].project.name).toBe('Implementering Åkerby kommun');
  });

  it('goes out on no other day, and not at all when there is nothing to list', () => {
    const people = [person('lena', { digestWeekday: 5 })];
    expect(digests(dueReminders(facts({ today: '2027-03-29', activities, people })))).toEqual([]);
    expect(keys(digests(dueReminders(facts({ today: '2027-04-02', activities, people }))))).toEqual([
      'digest:lena:2027-W13',
    ]);
    const nothingSoon = [activity({ deadline: '2027-06-30' })];
    expect(digests(dueReminders(facts({ today: '2027-04-02', activities: nothingSoon, people })))).toEqual([]);
  });
});

describe('the weekly project summary', () => {
  const activities = [
    activity({ id: 'late', deadline: '2027-03-26', customerRoleKeys: ['bestallare'] }),
    activity({ id: 'monday', deadline: '2027-03-29', customerRoleKeys: ['bestallare'] }),
    activity({ id: 'sunday', deadline: '2027-04-04', customerRoleKeys: ['bestallare'] }),
    activity({ id: 'next-week', deadline: '2027-04-05', customerRoleKeys: ['bestallare'] }),
  ];
  const summaries = (reminders: Reminder[]) => reminders.filter((reminder) => reminder.kind === 'project_summary');

  it('goes to the Projektledare on Mondays: progress, overdue and due this week', () => {
    const [summary, ...others] = summaries(dueReminders(facts({ today: '2027-03-29', activities })));
    expect(others).toEqual([]);
    expect(summary.key).toBe('project_summary:p1:lena:2027-W13');
    if (summary.kind !== 'project_summary') throw new Error('not a summary');
    expect(summary.project.progress).toEqual({ done: 5, total: 20, percent: 25 });
    expect(summary.overdue.map((item) => item.id)).toEqual(['late']);
    expect(summary.dueThisWeek.map((item) => item.id)).toEqual(['monday', 'sunday']);
  });

  it('is not sent on other days, nor to a Projektledare who turned reminders off', () => {
    expect(summaries(dueReminders(facts({ today: '2027-03-30', activities })))).toEqual([]);
    const people = [person('lena', { enabled: false })];
    expect(summaries(dueReminders(facts({ today: '2027-03-29', activities, people })))).toEqual([]);
  });
});
