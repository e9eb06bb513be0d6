import type { ProposeDatesBody } from '../../shared/trainings.js';
import { type FeedTrainingSession, sessionWhen, sessionWhere } from '../calendar/entries.js';
import { swedishDate } from '../core/days.js';
import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';

export const partOfDayLabels = { heldag: 'heldag', formiddag: 'förmiddag', eftermiddag: 'eftermiddag' } as const;

interface ProjectNames {
  name: string;
  customerName: string;
}

/** Asks the vendor's Utbildningsledare to choose among the dates the customer proposed. */
export function proposalMail(input: {
  to: string;
  name: string;
  proposerName: string;
  trainingTitle: string;
  project: ProjectNames;
  dates: Required<ProposeDatesBody['dates'][number]>[];
  link: string;
}): MailMessage {
  const intro = `${input.proposerName} har föreslagit ${input.dates.length} datum för ${input.trainingTitle} i ${input.project.name} (${input.project.customerName}).`;
  const dateLines = input.dates.map(
    (entry) =>
      `• ${swedishDate(entry.date)}, ${partOfDayLabels[entry.partOfDay]}${entry.note ? ` – ${entry.note}` : ''}`,
  );
  const ask =
    'Bekräfta ett tillfälle med tid, plats eller länk och utbildare i Stegvis, så får kunden en kalenderinbjudan.';
  return {
    to: input.to,
    subject: `Datumförslag för ${input.trainingTitle}: ${input.project.customerName}`,
    link: input.link,
    text: [`Hej ${input.name}!`, intro, dateLines.join('\n'), ask, `Se förslagen här:\n${input.link}`].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, intro, ...dateLines, ask],
      link: { href: input.link, label: 'Öppna utbildningarna' },
      after: [],
    }),
  };
}

/** Why someone gets a mail about a session. */
export type SessionNews = 'confirmed' | 'changed' | 'cancelled' | 'booked' | 'unbooked';

const subjects: Record<SessionNews, string> = {
  confirmed: 'Inbjudan',
  changed: 'Ändrad tid eller plats',
  cancelled: 'Inställd',
  booked: 'Du är anmäld',
  unbooked: 'Du är avanmäld',
};

const leads: Record<SessionNews, (title: string, project: ProjectNames) => string> = {
  confirmed: (title, project) => `Ett tillfälle för ${title} i ${project.name} (${project.customerName}) är bekräftat.`,
  changed: (title, project) =>
    `Tillfället för ${title} i ${project.name} (${project.customerName}) har ändrats. Så här gäller nu:`,
  cancelled: (title, project) =>
    `Tillfället för ${title} i ${project.name} (${project.customerName}) är inställt. Det tas bort ur kalendern när du tar emot ändringen.`,
  booked: (title, project) => `Du är anmäld till ${title} i ${project.name} (${project.customerName}).`,
  unbooked: (title, project) =>
    `Du är inte längre anmäld till ${title} i ${project.name} (${project.customerName}). Det tas bort ur kalendern när du tar emot ändringen.`,
};

/**
 * A mail about a session with its calendar invitation (or cancellation) attached, so the mail
 * program offers to put the session in the calendar or take it out.
 */
export function sessionMail(input: {
  news: SessionNews;
  to: string;
  name: string;
  session: FeedTrainingSession;
  project: ProjectNames;
  link: string;
  calendar: NonNullable<MailMessage['calendar']>;
}): MailMessage {
  const { session } = input;
  const lead = leads[input.news](session.trainingTitle, input.project);
  const details = [
    `Tid: ${sessionWhen(session)}`,
    sessionWhere(session),
    ...(session.trainerName ? [`Utbildare: ${session.trainerName}`] : []),
  ];
  return {
    to: input.to,
    subject: `${subjects[input.news]}: ${session.trainingTitle} ${sessionWhen(session)}`,
    link: input.link,
    calendar: input.calendar,
    text: [`Hej ${input.name}!`, lead, details.join('\n'), `Se utbildningarna här:\n${input.link}`].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, lead, ...details],
      link: { href: input.link, label: 'Öppna utbildningarna' },
      after: [],
    }),
  };
}
