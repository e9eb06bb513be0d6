import type { ChangeRequestStatus, changeAreas, Decider, goalChangeFields } from '../../shared/steering.js';
import { swedishDate } from '../core/days.js';
import type { Block, Inline, PlanDocument, TextRun } from '../exports/plan-document.js';
import { readableKronor, readableNumber } from '../revisions/readable.js';

/**
 * A steering group meeting's agenda as a document of the same model as the plan, so that Word
 * and PDF are rendered by the plan's own renderers: a title page naming the meeting, then who is
 * called, the agenda, each change request up for decision in full, and the minutes once written.
 */
export interface Agenda {
  vendorName: string;
  customerName: string;
  projectName: string;
  meeting: {
    date: string;
    time: string | null;
    place: string;
    agendaItems: { title: string; note: string }[];
    minutes: string;
  };
  /** The Styrgrupp and the Beställare, with the titles of the roles each holds. */
  members: { name: string; roles: string[] }[];
  changeRequests: AgendaChangeRequest[];
  decisions: { number: number; title: string; decision: string; decidedBy: Decider }[];
}

export interface AgendaChangeRequest {
  number: number;
  title: string;
  areas: (typeof changeAreas)[number][];
  change: string;
  reason: string;
  consequence: string;
  proposal: string;
  status: ChangeRequestStatus;
  decisionComment: string;
  /** `from` is the date today; null when the key activity has none. */
  dateChanges: { title: string; from: string | null; to: string }[];
  goalChanges: {
    title: string;
    field: (typeof goalChangeFields)[number];
    unit: 'percent' | 'count' | null;
    unitLabel: string | null;
    from: number | string | null;
    to: number | string;
  }[];
}

const areaLabels: Record<AgendaChangeRequest['areas'][number], string> = {
  result: 'resultat',
  time: 'tid',
  budget: 'budget',
};

const goalFieldLabels: Record<AgendaChangeRequest['goalChanges'][number]['field'], string> = {
  target: 'målvärde',
  targetDate: 'målvärdet nås senast',
  dueDate: 'klart senast',
  budgetSek: 'budget',
};

const deciderLabels: Record<Decider, string> = {
  styrgrupp: 'Styrgrupp',
  projektgrupp: 'Projektgrupp',
  bestallare: 'Beställare',
};

const outcomeLabels: Record<Exclude<ChangeRequestStatus, 'pending'>, string> = {
  approved: 'Godkänd',
  rejected: 'Avslagen',
};

const text = (value: string, marks: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({
  type: 'text',
  text: value,
  ...marks,
});

/** Plain text with its line breaks kept. */
const lines = (value: string): Inline[] =>
  value
    .split(/\r?\n/)
    .flatMap((line, index): Inline[] => [
      ...(index > 0 ? [{ type: 'break' } as const] : []),
      ...(line === '' ? [] : [text(line)]),
    ]);

const paragraph = (content: Inline[]): Block => ({ type: 'paragraph', content });
const lead = (label: string): Block => ({ type: 'paragraph', content: [text(label)], style: 'lead' });
const missing = (what: string): Block => paragraph([text(what, { italic: true })]);
const field = (label: string, value: string, whenEmpty = 'Ej ifyllt'): Block[] => [
  lead(label),
  value.trim() === '' ? missing(whenEmpty) : paragraph(lines(value)),
];
const list = (ordered: boolean, items: Block[][]): Block => ({ type: 'list', ordered, start: 1, items });

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** "4 mars 2027 kl. 13:00, Kommunhuset" */
export function meetingWhen(meeting: Pick<Agenda['meeting'], 'date' | 'time' | 'place'>): string {
  const at = `${swedishDate(meeting.date)}${meeting.time ? ` kl. ${meeting.time}` : ''}`;
  return meeting.place.trim() ? `${at}, ${meeting.place.trim()}` : at;
}

/** "Dagordning styrgruppsmöte 2027-03-04.pdf" */
export const agendaFileName = (date: string, extension: 'docx' | 'pdf') =>
  `Dagordning styrgruppsmöte ${date}.${extension}`;

function goalValue(change: AgendaChangeRequest['goalChanges'][number], value: number | string | null): string {
  if (value === null) return 'inget';
  if (typeof value === 'string') return swedishDate(value);
  if (change.field === 'budgetSek') return readableKronor(value);
  if (change.unit === 'percent') return `${readableNumber(value)} %`;
  return change.unitLabel ? `${readableNumber(value)} ${change.unitLabel}` : readableNumber(value);
}

/** What moves, "från 16 augusti 2027 till 13 september 2027"; the "from" only while the request waits. */
function changeLines(request: AgendaChangeRequest): Block[] {
  const pending = request.status === 'pending';
  const fromTo = (from: string | null, to: string) =>
    pending && from !== null ? `från ${from} till ${to}` : `till ${to}`;
  const dates = request.dateChanges.map((change) => [
    paragraph([
      text(`${change.title}: `, { bold: true }),
      text(fromTo(change.from === null ? null : swedishDate(change.from), swedishDate(change.to))),
    ]),
  ]);
  const goals = request.goalChanges.map((change) => [
    paragraph([
      text(`${change.title}, ${goalFieldLabels[change.field]}: `, { bold: true }),
      text(fromTo(change.from === null ? null : goalValue(change, change.from), goalValue(change, change.to))),
    ]),
  ]);
  return [
    ...(dates.length > 0 ? [lead('Datum som flyttas'), list(false, dates)] : []),
    ...(goals.length > 0 ? [lead('Mål som ändras'), list(false, goals)] : []),
  ];
}

function changeRequestBlocks(request: AgendaChangeRequest): Block[] {
  const areas = capitalised(request.areas.map((area) => areaLabels[area]).join(', '));
  return [
    { type: 'subheading', text: `Ändringsförslag ${request.number}: ${request.title}` },
    ...field('Gäller', areas),
    ...field('Vad ändras', request.change),
    ...field('Varför', request.reason),
    ...field('Konsekvens', request.consequence),
    ...field('Förslag till beslut', request.proposal),
    ...changeLines(request),
    ...(request.status === 'pending'
      ? []
      : field(
          'Beslut',
          [outcomeLabels[request.status], request.decisionComment.trim()].filter((part) => part !== '').join('. '),
        )),
  ];
}

function agendaListItems(agenda: Agenda): Block[][] {
  const items = agenda.meeting.agendaItems.map((item) => [
    paragraph([text(item.title, { bold: true })]),
    ...(item.note.trim() === '' ? [] : [paragraph(lines(item.note))]),
  ]);
  const requests = agenda.changeRequests.map((request) => [
    paragraph([text(`Beslut om ändringsförslag ${request.number}: ${request.title}`, { bold: true })]),
  ]);
  return [...items, ...requests];
}

function minutesBlocks(agenda: Agenda): Block[] {
  const decisions = agenda.decisions.map((decision) => [
    paragraph([
      text(`Beslut ${decision.number}: ${decision.title}`, { bold: true }),
      text(` (${deciderLabels[decision.decidedBy]})`),
    ]),
    paragraph(lines(decision.decision)),
  ]);
  return [
    ...(agenda.meeting.minutes.trim() === '' ? [] : [paragraph(lines(agenda.meeting.minutes))]),
    ...(decisions.length > 0 ? [{ type: 'subheading', text: 'Beslut' } as const, list(false, decisions)] : []),
  ];
}

export function agendaDocument(agenda: Agenda): PlanDocument {
  const { meeting } = agenda;
  const members = agenda.members.map((member) => [
    paragraph([text(member.name), text(member.roles.length > 0 ? ` (${member.roles.join(', ')})` : '')]),
  ]);
  const items = agendaListItems(agenda);
  const sections: { title: string; blocks: Block[] }[] = [
    {
      title: 'Mötet',
      blocks: [
        ...field('Datum och tid', `${swedishDate(meeting.date)}${meeting.time ? ` kl. ${meeting.time}` : ''}`),
        ...field('Plats', meeting.place, 'Ej angiven'),
        lead('Kallade'),
        members.length > 0 ? list(false, members) : missing('Ingen i styrgruppen är utsedd än'),
      ],
    },
    { title: 'Dagordning', blocks: [items.length > 0 ? list(true, items) : missing('Inga punkter än')] },
    ...(agenda.changeRequests.length > 0
      ? [{ title: 'Ärenden för beslut', blocks: agenda.changeRequests.flatMap(changeRequestBlocks) }]
      : []),
    ...(meeting.minutes.trim() !== '' || agenda.decisions.length > 0
      ? [{ title: 'Protokoll', blocks: minutesBlocks(agenda) }]
      : []),
  ];
  return {
    title: `Dagordning styrgruppsmöte ${meeting.date}`,
    titlePage: {
      heading: 'Dagordning',
      subheading: 'Styrgruppsmöte',
      customerName: agenda.customerName,
      projectName: agenda.projectName,
      versionLine: meetingWhen(meeting),
      vendorName: agenda.vendorName,
    },
    sections: sections.map((section, index) => ({ heading: `${index + 1} ${section.title}`, blocks: section.blocks })),
  };
}
