import type { ChangeRequest } from '../../shared/steering.js';
import { swedishDate } from '../core/days.js';
import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';
import { readableNumber } from '../revisions/readable.js';
import { changeAreaLabels, goalFieldLabels } from './rules.js';

interface ProjectNames {
  name: string;
  customerName: string;
}

/** What a request's mail needs of it: its text, its changes and, once decided, the decision. */
type MailedRequest = Pick<
  ChangeRequest,
  | 'number'
  | 'title'
  | 'areas'
  | 'change'
  | 'reason'
  | 'consequence'
  | 'proposal'
  | 'dateChanges'
  | 'goalChanges'
  | 'preparedBy'
  | 'decision'
  | 'status'
>;

const readableDate = (day: string | null) => (day ? swedishDate(day) : 'inget datum');

function readableGoalValue(field: ChangeRequest['goalChanges'][number]['field'], value: number | string | null) {
  if (value === null) return 'inget';
  if (typeof value === 'string') return swedishDate(value);
  return field === 'budgetSek' ? `${readableNumber(value)} kr` : readableNumber(value);
}

/** "• Systemet är klart för att börja användas skarpt: från 1 mars 2027 till 15 mars 2027". */
function changeLines(request: Pick<ChangeRequest, 'dateChanges' | 'goalChanges'>): string[] {
  return [
    ...request.dateChanges.map(
      (change) => `• ${change.title}: från ${readableDate(change.from)} till ${readableDate(change.to)}`,
    ),
    ...request.goalChanges.map(
      (change) =>
        `• ${change.title}, ${goalFieldLabels[change.field]}: från ${readableGoalValue(change.field, change.from)} till ${readableGoalValue(change.field, change.to)}`,
    ),
  ];
}

const areasText = (request: MailedRequest) =>
  request.areas.map((area) => changeAreaLabels[area].toLocaleLowerCase('sv')).join(', ');

/** The request as the steering group reads it before deciding. */
function requestParagraphs(request: MailedRequest): string[] {
  const changes = changeLines(request);
  return [
    `Ändringen gäller: ${areasText(request)}.`,
    `Vad ändras:\n${request.change}`,
    `Varför:\n${request.reason}`,
    ...(request.consequence.trim() === '' ? [] : [`Konsekvens:\n${request.consequence}`]),
    `Förslag till beslut:\n${request.proposal}`,
    ...(changes.length > 0 ? [`Ändringar i planen:\n${changes.join('\n')}`] : []),
  ];
}

/** Paragraphs of text, each line of which is a paragraph of the HTML part. */
const htmlParagraphs = (paragraphs: string[]) =>
  paragraphs.flatMap((paragraph) => paragraph.split('\n').filter((line) => line.trim() !== ''));

export const preparedMailSubject = (request: { number: number; title: string }, customerName: string) =>
  `Ändringsförslag #${request.number} till styrgruppen: ${request.title} (${customerName})`;

/** Asks the Styrgrupp and the Beställare to decide on a request the project manager prepared. */
export function preparedMail(input: {
  to: string;
  name: string;
  request: MailedRequest;
  project: ProjectNames;
  link: string;
}): MailMessage {
  const { request } = input;
  const intro = `${request.preparedBy.name} har förberett ändringsförslag #${request.number} ”${request.title}” för beslut i styrgruppen för ${input.project.name} (${input.project.customerName}).`;
  const ask = 'Styrgruppen eller beställaren godkänner eller avslår den i Stegvis.';
  const paragraphs = [`Hej ${input.name}!`, intro, ...requestParagraphs(request), ask];
  return {
    to: input.to,
    subject: preparedMailSubject(request, input.project.customerName),
    link: input.link,
    text: [...paragraphs, `Läs och besluta här:\n${input.link}`].join('\n\n'),
    html: htmlMail({
      before: htmlParagraphs(paragraphs),
      link: { href: input.link, label: 'Öppna ändringsförslaget' },
      after: [],
    }),
  };
}

export const decidedMailSubject = (
  request: { number: number; title: string; status: ChangeRequest['status'] },
  customerName: string,
) =>
  `Ändringsförslag #${request.number} ${request.status === 'approved' ? 'godkänt' : 'avslaget'}: ${request.title} (${customerName})`;

/** Tells the Styrgrupp, the Beställare and whoever prepared it how a request was decided, and what it changed. */
export function decidedMail(input: {
  to: string;
  name: string;
  request: MailedRequest & { decision: NonNullable<ChangeRequest['decision']> };
  decisionNumber: number | null;
  project: ProjectNames;
  link: string;
}): MailMessage {
  const { request } = input;
  const approved = request.status === 'approved';
  const changes = changeLines(request);
  const paragraphs = [
    `Hej ${input.name}!`,
    `${request.decision.by.name} har ${approved ? 'godkänt' : 'avslagit'} ändringsförslag #${request.number} ”${request.title}” för ${input.project.name} (${input.project.customerName}).`,
    `Ändringen gällde: ${areasText(request)}.`,
    `Förslaget till beslut var:\n${request.proposal}`,
    ...(request.decision.comment.trim() === '' ? [] : [`Kommentar:\n${request.decision.comment}`]),
    ...(approved && changes.length > 0 ? [`Planen är ändrad:\n${changes.join('\n')}`] : []),
    ...(approved && input.decisionNumber !== null
      ? [`Beslutet finns i beslutsloggen som beslut #${input.decisionNumber}.`]
      : []),
    ...(approved ? [] : ['Planen är oförändrad.']),
  ];
  return {
    to: input.to,
    subject: decidedMailSubject(request, input.project.customerName),
    link: input.link,
    text: [...paragraphs, `Se beslutet här:\n${input.link}`].join('\n\n'),
    html: htmlMail({
      before: htmlParagraphs(paragraphs),
      link: { href: input.link, label: 'Öppna styrningen' },
      after: [],
    }),
  };
}
