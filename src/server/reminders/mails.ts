import { daysBetween, swedishDate, weekNumber } from '../core/days.js';
import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';
import type { DeadlineActivity, Reminder, TaskItem } from './rules.js';

export interface ReminderLinks {
  activity(projectId: string, activityId: string): string;
  project(projectId: string): string;
  /** Where the person sees their tasks and changes or turns off reminders. */
  myTasks: string;
}

export function reminderLinks(publicUrl: string): ReminderLinks {
  const base = publicUrl.replace(/\/$/, '');
  return {
    activity: (projectId, activityId) => `${base}/projekt/${projectId}#aktivitet-${activityId}`,
    project: (projectId) => `${base}/projekt/${projectId}`,
    myTasks: `${base}/mina-uppgifter`,
  };
}

const optOut = (links: ReminderLinks) =>
  `Du kan ändra när påminnelserna kommer, eller stänga av dem, under Mina uppgifter: ${links.myTasks}`;

/** "i morgon, 31 mars 2027" or "31 mars 2027, om 3 dagar". */
function whenDue(deadline: string, today: string): string {
  const date = swedishDate(deadline);
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft === 0) return `i dag, ${date}`;
  if (daysLeft === 1) return `i morgon, ${date}`;
  return `${date}, om ${daysLeft} dagar`;
}

const line = (activity: DeadlineActivity, suffix = '') =>
  `• ${activity.title}${suffix} – ${swedishDate(activity.deadline)}`;

/** A list in the plain-text mail: each item with the link to its activity on the line below. */
const textList = (items: TaskItem[], links: ReminderLinks) =>
  items
    .map(
      ({ activity, project }) =>
        `${line(activity, ` (${project.name})`)}\n  ${links.activity(project.id, activity.id)}`,
    )
    .join('\n');

/** The mail for one reminder, in Swedish, as plain text and HTML. */
export function reminderMail(reminder: Reminder, links: ReminderLinks, today: string): MailMessage {
  const greeting = `Hej ${reminder.person.name}!`;
  const to = reminder.person.email;
  const closing = optOut(links);

  switch (reminder.kind) {
    case 'due_soon':
    case 'overdue': {
      const { activity, project } = reminder;
      const link = links.activity(project.id, activity.id);
      const date = swedishDate(activity.deadline);
      const subject =
        reminder.kind === 'due_soon'
          ? `Påminnelse: ${activity.title} ska vara klar ${date}`
          : `Försenad: ${activity.title} skulle vara klar ${date}`;
      const message =
        reminder.kind === 'due_soon'
          ? `Aktiviteten ”${activity.title}” i ${project.name} ska vara klar ${whenDue(activity.deadline, today)}.`
          : `Aktiviteten ”${activity.title}” i ${project.name} skulle ha varit klar ${date} och är inte avbockad.`;
      const advice =
        reminder.kind === 'due_soon'
          ? 'Bocka av den i checklistan när den är klar.'
          : 'Bocka av den i checklistan om den är klar, eller be den som skriver planen flytta deadline.';
      const why = 'Du får påminnelsen eftersom du är ansvarig för aktiviteten.';
      return {
        to,
        subject,
        link,
        text: [greeting, message, `Öppna aktiviteten:\n${link}`, advice, `${why} ${closing}`].join('\n\n'),
        html: htmlMail({
          before: [greeting, message],
          link: { href: link, label: 'Öppna aktiviteten' },
          after: [advice, why, closing],
        }),
      };
    }

    case 'digest': {
      const intro = 'Här är dina uppgifter i Stegvis den här veckan.';
      const sections: { heading: string; items: TaskItem[] }[] = [
        { heading: `Försenade (${reminder.overdue.length})`, items: reminder.overdue },
        { heading: `Ska vara klara inom två veckor (${reminder.upcoming.length})`, items: reminder.upcoming },
      ].filter((section) => section.items.length > 0);
      return {
        to,
        subject: 'Veckans uppgifter i Stegvis',
        link: links.myTasks,
        text: [
          greeting,
          intro,
          ...sections.map((section) => `${section.heading}:\n${textList(section.items, links)}`),
          `Alla dina uppgifter:\n${links.myTasks}`,
          closing,
        ].join('\n\n'),
        html: htmlMail({
          before: [
            greeting,
            intro,
            ...sections.flatMap((section) => [
              `${section.heading}:`,
              ...section.items.map(({ activity, project }) => line(activity, ` (${project.name})`)),
            ]),
          ],
          link: { href: links.myTasks, label: 'Se alla dina uppgifter' },
          after: [closing],
        }),
      };
    }

    case 'project_summary': {
      const { project, overdue, dueThisWeek } = reminder;
      const link = links.project(project.id);
      const intro = `Så går det för ${project.name} (${project.customerName}) vecka ${weekNumber(today)}.`;
      const { done, total, percent } = project.progress;
      const progress = `Framdrift: ${done} av ${total} aktiviteter klara (${percent} %).`;
      const sections = [
        { heading: `Försenade (${overdue.length})`, items: overdue, none: 'Inga aktiviteter är försenade.' },
        {
          heading: `Ska vara klara den här veckan (${dueThisWeek.length})`,
          items: dueThisWeek,
          none: 'Inga aktiviteter ska vara klara den här veckan.',
        },
      ];
      const textOf = (section: (typeof sections)[number]) =>
        section.items.length === 0
          ? section.none
          : `${section.heading}:\n${section.items
              .map((activity) => `${line(activity)}\n  ${links.activity(project.id, activity.id)}`)
              .join('\n')}`;
      const htmlOf = (section: (typeof sections)[number]) =>
        section.items.length === 0
          ? [section.none]
          : [`${section.heading}:`, ...section.items.map((activity) => line(activity))];
      const why = 'Du får sammanfattningen eftersom du är projektledare i projektet.';
      return {
        to,
        subject: `Veckosammanfattning: ${project.name}`,
        link,
        text: [
          greeting,
          intro,
          progress,
          ...sections.map(textOf),
          `Öppna projektet:\n${link}`,
          `${why} ${closing}`,
        ].join('\n\n'),
        html: htmlMail({
          before: [greeting, intro, progress, ...sections.flatMap(htmlOf)],
          link: { href: link, label: 'Öppna projektet' },
          after: [why, closing],
        }),
      };
    }
  }
}
