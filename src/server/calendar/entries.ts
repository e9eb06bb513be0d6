import { stockholmDay, stockholmTimeToUtc, swedishDate } from '../core/days.js';
import type { CalendarEntry, TimedEntry } from './feed.js';

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

export interface FeedTrainingSession {
  id: string;
  projectId: string;
  trainingTitle: string;
  date: string;
  /** Swedish wall-clock times, `HH:mm`. */
  startTime: string;
  endTime: string;
  mode: 'on_site' | 'web';
  place: string;
  link: string;
  trainerName: string | null;
}

export interface FeedLinks {
  /** The host the UIDs are made unique with. */
  host: string;
  activity(projectId: string, activityId: string): string;
  plan(projectId: string): string;
  trainings(projectId: string): string;
}

export function feedLinks(publicUrl: string): FeedLinks {
  const base = publicUrl.replace(/\/$/, '');
  return {
    host: new URL(base).host,
    activity: (projectId, activityId) => `${base}/projekt/${projectId}#aktivitet-${activityId}`,
    plan: (projectId) => `${base}/projekt/${projectId}/plan`,
    trainings: (projectId) => `${base}/projekt/${projectId}/utbildningar`,
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

/** "Plats: Stadshuset, sal 3" or "Webbutbildning: https://…". */
export const sessionWhere = (session: Pick<FeedTrainingSession, 'mode' | 'place' | 'link'>) =>
  session.mode === 'web' ? `Webbutbildning: ${session.link}` : `Plats: ${session.place}`;

/** "2 mars 2027 kl. 09:00–12:00". */
export const sessionWhen = (session: Pick<FeedTrainingSession, 'date' | 'startTime' | 'endTime'>) =>
  `${swedishDate(session.date)} kl. ${session.startTime}–${session.endTime}`;

/**
 * A training session as a timed event, Swedish wall-clock times turned into UTC. Invitations by
 * mail carry the same UID, so a calendar that got one updates the event from the feed and back.
 */
export function trainingSessionEntry(
  session: FeedTrainingSession,
  project: FeedProject,
  options: { links: FeedLinks; nameProject: boolean },
): TimedEntry {
  return {
    uid: `utbildning-${session.id}@${options.links.host}`,
    start: stockholmTimeToUtc(session.date, session.startTime),
    end: stockholmTimeToUtc(session.date, session.endTime),
    location: session.mode === 'web' ? session.link : session.place,
    summary: options.nameProject ? `${session.trainingTitle} (${project.name})` : session.trainingTitle,
    description: [
      `Tid: ${sessionWhen(session)}`,
      sessionWhere(session),
      ...(session.trainerName ? [`Utbildare: ${session.trainerName}`] : []),
      projectLine(project),
    ].join('\n'),
    url: options.links.trainings(project.id),
  };
}
