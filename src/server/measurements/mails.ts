import type { GoalStatusResult } from '../../shared/measurements.js';
import { swedishDate } from '../core/days.js';
import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';
import { readableValue } from './status.js';

export interface MailPerson {
  name: string;
  email: string;
}

export interface MailProject {
  id: string;
  name: string;
  customerName: string;
}

export interface MailGoal {
  id: string;
  title: string;
  measure: string | null;
  unit: 'percent' | 'count' | null;
  unitLabel: string | null;
  target: number | null;
  targetDate: string | null;
}

/** Where the goal's measurements are followed up and recorded. */
export const goalTrackingLink = (publicUrl: string, projectId: string, goalId: string): string =>
  `${publicUrl.replace(/\/$/, '')}/projekt/${projectId}/maluppfoljning#mal-${goalId}`;

const inProject = (project: MailProject) => `${project.name} (${project.customerName})`;

/** Reminds whoever measures a goal that a collection date from the Utvärdering section has come. */
export function collectionMail(input: {
  person: MailPerson;
  project: MailProject;
  goal: MailGoal;
  date: string;
  today: string;
  /** Why this person: named to measure the goal, or the project leader when nobody is. */
  as: 'measurer' | 'project_leader';
  publicUrl: string;
}): MailMessage {
  const { person, project, goal, date, today } = input;
  const link = goalTrackingLink(input.publicUrl, project.id, goal.id);
  const greeting = `Hej ${person.name}!`;
  const when = date === today ? `I dag, ${swedishDate(date)},` : `Den ${swedishDate(date)}`;
  const message = `${when} ska data samlas in för effektmålet ”${goal.title}” i ${inProject(project)}, enligt utvärderingen i projektplanen.`;
  const measure = goal.measure ? `Det som mäts: ${goal.measure}.` : null;
  const advice = 'Registrera mätningen på sidan Måluppföljning, för hand eller räknad ur en export från plattformen.';
  const why =
    input.as === 'measurer'
      ? 'Du får påminnelsen eftersom du är utsedd att mäta målet.'
      : 'Du får påminnelsen eftersom du är projektledare och ingen är utsedd att mäta målet.';
  const before = [greeting, message, ...(measure ? [measure] : []), advice];
  return {
    to: person.email,
    subject: `Dags att mäta: ${goal.title}`,
    link,
    text: [...before, `Öppna måluppföljningen:\n${link}`, why].join('\n\n'),
    html: htmlMail({ before, link: { href: link, label: 'Öppna måluppföljningen' }, after: [why] }),
  };
}

/** Tells the person informed about the goals that a goal has fallen behind, or was not reached. */
export function escalationMail(input: {
  person: MailPerson;
  project: MailProject;
  goal: MailGoal;
  status: GoalStatusResult;
  /** Why this person: named in the Mål section to be informed, or the project leader when nobody is. */
  as: 'informed' | 'project_leader';
  publicUrl: string;
}): MailMessage {
  const { person, project, goal, status } = input;
  const link = goalTrackingLink(input.publicUrl, project.id, goal.id);
  const figure = (value: number | null) => (value === null ? 'saknas' : readableValue(goal, value));
  const missed = status.state === 'missed';
  const greeting = `Hej ${person.name}!`;
  const message = missed
    ? `Effektmålet ”${goal.title}” i ${inProject(project)} nåddes inte till ${goal.targetDate ? swedishDate(goal.targetDate) : 'måldatumet'}.`
    : `Effektmålet ”${goal.title}” i ${inProject(project)} riskerar att inte nås: den senaste mätningen ligger efter den raka vägen mot målet.`;
  const figures = [
    `Senaste mätningen: ${status.latest ? `${figure(status.latest.value)} (${swedishDate(status.latest.measuredOn)})` : 'ingen'}`,
    ...(status.expected === null ? [] : [`Väntat vid det datumet: ${figure(status.expected)}`]),
    `Målvärde: ${figure(goal.target)}${goal.targetDate ? ` senast ${swedishDate(goal.targetDate)}` : ''}`,
  ];
  const why =
    input.as === 'informed'
      ? 'Du får det här eftersom du enligt projektplanen ska informeras om målen inte kan uppnås.'
      : 'Du får det här eftersom du är projektledare och projektplanen inte anger vem som ska informeras om målen inte kan uppnås.';
  const before = [greeting, message, ...figures, status.explanation];
  return {
    to: person.email,
    subject: missed ? `Effektmålet nåddes inte: ${goal.title}` : `Effektmålet riskerar att inte nås: ${goal.title}`,
    link,
    text: [greeting, message, figures.join('\n'), status.explanation, `Öppna måluppföljningen:\n${link}`, why].join(
      '\n\n',
    ),
    html: htmlMail({ before, link: { href: link, label: 'Öppna måluppföljningen' }, after: [why] }),
  };
}
