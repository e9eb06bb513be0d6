import { stockholmDay, swedishDate } from '../core/days.js';
import type { CalendarEntry } from './feed.js';

export interface FeedProject {
  id: string;
  name: string;
  customerName: string;
}

export interface FeedActivity {
  id: string;
  projectId: string;
  title: string;
  description: string;
  deadline: string;
  doneAt: string | null;
  doneByName: string | null;
}

export interface FeedKeyActivity {
  id: string;
  projectId: string;
  title: string;
  description: string;
  date: string;
}

export interface FeedLinks {
  /** The host the UIDs are made unique with. */
  host: string;
  activity(projectId: string, activityId: string): string;
  plan(projectId: string): string;
}

export function feedLinks(publicUrl: string): FeedLinks {
  const base = publicUrl.replace(/\/$/, '');
  return {
    host: new URL(base).host,
    activity: (projectId, activityId) => `${base}/projekt/${projectId}#aktivitet-${activityId}`,
    plan: (projectId) => `${base}/projekt/${projectId}/plan`,
  };
}

/** "Klar (avbockad 20 mars 2027 av Anna Andersson)", "Försenad" or "Inte klar". */
export function activityStatus(activity: FeedActivity, today: string): string {
  if (activity.doneAt) {
    const by = activity.doneByName ? ` av ${activity.doneByName}` : '';
    return `Klar (avbockad ${swedishDate(stockholmDay(new Date(activity.doneAt)))}${by})`;
  }
  return activity.deadline < today ? 'Försenad: inte avbockad' : 'Inte klar';
}

const projectLine = (project: FeedProject) => `Projekt: ${project.name} (${project.customerName})`;

/**
 * An activity's deadline as a calendar entry. In a feed across projects (`nameProject`) the
 * summary says which project it belongs to.
 */
export function activityEntry(
  activity: FeedActivity,
  project: FeedProject,
  options: { today: string; links: FeedLinks; nameProject: boolean },
): CalendarEntry {
  const title = activity.doneAt ? `Klar: ${activity.title}` : activity.title;
  return {
    uid: `aktivitet-${activity.id}@${options.links.host}`,
    day: activity.deadline,
    summary: options.nameProject ? `${title} (${project.name})` : title,
    description: [
      `Status: ${activityStatus(activity, options.today)}`,
      projectLine(project),
      ...(activity.description ? ['', activity.description] : []),
    ].join('\n'),
    url: options.links.activity(project.id, activity.id),
  };
}

export function keyActivityEntry(
  keyActivity: FeedKeyActivity,
  project: FeedProject,
  options: { links: FeedLinks; nameProject: boolean },
): CalendarEntry {
  return {
    uid: `nyckelaktivitet-${keyActivity.id}@${options.links.host}`,
    day: keyActivity.date,
    summary: options.nameProject ? `${keyActivity.title} (${project.name})` : keyActivity.title,
    description: [
      'Viktig aktivitet i projektplanens tidplan',
      projectLine(project),
      ...(keyActivity.description ? ['', keyActivity.description] : []),
    ].join('\n'),
    url: options.links.plan(project.id),
  };
}
