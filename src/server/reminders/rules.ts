import type { Progress } from '../../shared/projects.js';
import type { ReminderPreferences } from '../../shared/reminders.js';
import { addDays, daysBetween, isoWeek, isoWeekday } from '../core/days.js';

/** An activity as far as who answers for it goes. */
export interface ResponsibleActivity {
  projectId: string;
  customerRoleKeys: readonly string[];
  vendorRoleKeys: readonly string[];
  /** The person named to answer for the activity on each side, if any. */
  customerPersonId: string | null;
  vendorPersonId: string | null;
}

/** An open activity with a deadline. */
export interface DeadlineActivity extends ResponsibleActivity {
  id: string;
  title: string;
  deadline: string;
}

export interface RoleHolding {
  projectId: string;
  roleKey: string;
  personId: string;
}

/** The people holding each role of each project, looked up by `holdersKey`. */
export type RoleHolders = ReadonlyMap<string, readonly string[]>;

const holdersKey = (projectId: string, roleKey: string) => `${projectId}/${roleKey}`;

export function indexRoleHolders(holdings: readonly RoleHolding[]): RoleHolders {
  const holders = new Map<string, string[]>();
  for (const holding of holdings) {
    const key = holdersKey(holding.projectId, holding.roleKey);
    const people = holders.get(key) ?? [];
    if (!people.includes(holding.personId)) people.push(holding.personId);
    holders.set(key, people);
  }
  return holders;
}

const holdersOf = (holders: RoleHolders, projectId: string, roleKey: string): readonly string[] =>
  holders.get(holdersKey(projectId, roleKey)) ?? [];

/**
 * The people who answer for an activity: on each side (customer, vendor) the person named for it,
 * or, when nobody is named on that side, everyone who holds one of the side's responsible roles in
 * the project. Each person once.
 */
export function recipientsOf(activity: ResponsibleActivity, holders: RoleHolders): string[] {
  const side = (named: string | null, roleKeys: readonly string[]) =>
    named ? [named] : roleKeys.flatMap((roleKey) => holdersOf(holders, activity.projectId, roleKey));
  return [
    ...new Set([
      ...side(activity.customerPersonId, activity.customerRoleKeys),
      ...side(activity.vendorPersonId, activity.vendorRoleKeys),
    ]),
  ];
}

export interface ReminderPerson {
  id: string;
  name: string;
  email: string;
  preferences: ReminderPreferences;
}

export interface ReminderProject {
  id: string;
  name: string;
  customerName: string;
  progress: Progress;
}

export interface ReminderFacts {
  /** The day in Sweden, `YYYY-MM-DD`. */
  today: string;
  projects: readonly ReminderProject[];
  /** Open activities with a deadline; those further ahead than anyone is reminded may be left out. */
  activities: readonly DeadlineActivity[];
  holdings: readonly RoleHolding[];
  /** The people who may be mailed: those with an e-mail address. */
  people: readonly ReminderPerson[];
}

export interface TaskItem {
  activity: DeadlineActivity;
  project: ReminderProject;
}

/** One mail to one person; `key` is unique per mail ever meant to be sent. */
export type Reminder =
  | {
      kind: 'due_soon' | 'overdue';
      key: string;
      person: ReminderPerson;
      project: ReminderProject;
      activity: DeadlineActivity;
    }
  | { kind: 'digest'; key: string; person: ReminderPerson; overdue: TaskItem[]; upcoming: TaskItem[] }
  | {
      kind: 'project_summary';
      key: string;
      person: ReminderPerson;
      project: ReminderProject;
      overdue: DeadlineActivity[];
      dueThisWeek: DeadlineActivity[];
    };

/** How far ahead the weekly digest looks. */
export const DIGEST_DAYS = 14;
/** The customer role whose holders get the weekly project summary, on Mondays. */
const SUMMARY_ROLE = 'projektledare';
const MONDAY = 1;

const byDeadline = (a: DeadlineActivity, b: DeadlineActivity) =>
  a.deadline.localeCompare(b.deadline) || a.title.localeCompare(b.title, 'sv');

/**
 * Every reminder due today. Keys hold what makes a reminder the same one: the activity and its
 * deadline (a moved deadline is reminded of anew), the person, and for weekly mails the ISO week.
 * The job sends each key once, so a reminder due on several runs still goes out once.
 *
 * - `due_soon`: from `daysBefore` days before the deadline up to the deadline day itself.
 * - `overdue`: once the deadline day has passed and the activity is still open.
 * - `digest`: on the person's digest weekday, what is overdue and what is due in the next 14 days,
 *   when there is anything.
 * - `project_summary`: on Mondays, to the project's Projektledare: progress, overdue, due this week.
 */
export function dueReminders(facts: ReminderFacts): Reminder[] {
  const { today } = facts;
  const week = isoWeek(today);
  const people = new Map(
    facts.people.filter((person) => person.preferences.enabled).map((person) => [person.id, person]),
  );
  const projects = new Map(facts.projects.map((project) => [project.id, project]));
  const holders = indexRoleHolders(facts.holdings);
  const activities = [...facts.activities].sort(byDeadline);

  const reminders: Reminder[] = [];
  const tasks = new Map<string, TaskItem[]>();
  for (const activity of activities) {
    const project = projects.get(activity.projectId);
    if (!project) continue;
    const daysLeft = daysBetween(today, activity.deadline);
    for (const personId of recipientsOf(activity, holders)) {
      const person = people.get(personId);
      if (!person) continue;
      const about = `${activity.id}:${activity.deadline}:${person.id}`;
      if (daysLeft < 0) {
        reminders.push({ kind: 'overdue', key: `overdue:${about}`, person, project, activity });
      } else if (daysLeft <= person.preferences.daysBefore) {
        reminders.push({ kind: 'due_soon', key: `due_soon:${about}`, person, project, activity });
      }
      if (daysLeft <= DIGEST_DAYS) tasks.set(person.id, [...(tasks.get(person.id) ?? []), { activity, project }]);
    }
  }

  for (const person of people.values()) {
    const items = tasks.get(person.id) ?? [];
    if (isoWeekday(today) !== person.preferences.digestWeekday || items.length === 0) continue;
    reminders.push({
      kind: 'digest',
      key: `digest:${person.id}:${week}`,
      person,
      overdue: items.filter((item) => item.activity.deadline < today),
      upcoming: items.filter((item) => item.activity.deadline >= today),
    });
  }

  if (isoWeekday(today) === MONDAY) {
    const sunday = addDays(today, 7 - MONDAY);
    for (const project of projects.values()) {
      const leaders = holdersOf(holders, project.id, SUMMARY_ROLE).flatMap((id) => people.get(id) ?? []);
      if (leaders.length === 0) continue;
      const open = activities.filter((activity) => activity.projectId === project.id);
      const overdue = open.filter((activity) => activity.deadline < today);
      const dueThisWeek = open.filter((activity) => activity.deadline >= today && activity.deadline <= sunday);
      for (const person of leaders) {
        reminders.push({
          kind: 'project_summary',
          key: `project_summary:${project.id}:${person.id}:${week}`,
          person,
          project,
          overdue,
          dueThisWeek,
        });
      }
    }
  }
  return reminders;
}
