import type { SnapshotCommunicationPlan, SnapshotProcessGuide } from '../../shared/communication.js';
import type {
  EvaluationItem,
  Goal,
  KeyActivity,
  PlanField,
  PlanSection,
  Risk,
  SuccessFactor,
} from '../../shared/plan.js';
import type {
  PlanSnapshot,
  SnapshotActivity,
  SnapshotDecision,
  SnapshotGoalMeasurements,
  SnapshotRole,
} from '../../shared/revisions.js';
import { isRichTextEmpty, type RichText, type RichTextBlock, type RichTextInline } from '../../shared/rich-text.js';
import { deciderLabels } from '../decisions/rules.js';
import { goalStatusLabels } from '../measurements/status.js';
import {
  deliverableLabels,
  readableDay,
  readableNumber,
  riskLevelLabels,
  riskStatusLabels,
} from '../revisions/readable.js';

/**
 * The plan as a document, laid out like the vendor's Word template: a title page, then numbered
 * sections of paragraphs, lists and tables. Word and PDF both render this one model, so the two
 * files always say the same thing in the same order.
 */
export interface PlanDocument {
  /** The document's title in its properties and footer, e.g. "Projektplan Åkerby kommun". */
  title: string;
  titlePage: TitlePage;
  sections: DocumentSection[];
}

export interface TitlePage {
  heading: string;
  subheading: string;
  customerName: string;
  projectName: string;
  versionLine: string;
  vendorName: string;
}

export interface DocumentSection {
  /** Numbered like the template's headings, e.g. "2 Mål". */
  heading: string;
  blocks: Block[];
}

export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}
export type Inline = TextRun | { type: 'break' };

export type Block =
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; content: Inline[]; style?: ParagraphStyle }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | DocumentTable;

/** `lead`: a field's label before its text; `note`: small print such as the footnote under the risks. */
export type ParagraphStyle = 'lead' | 'note';

export interface DocumentTable {
  type: 'table';
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TableColumn {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  weight: number;
}

/** A cell holds lines, each a paragraph of runs. */
export type TableCell = Inline[][];

export type TableRow =
  | { type: 'cells'; cells: TableCell[] }
  /** A row across the whole table naming the group of rows below it, as the checklist's "Uppstart". */
  | { type: 'group'; title: string };

/**
 * A row kept whole on one page must fit on one: Word and pdfmake both cut off what a kept row has
 * below the foot of the page. Whether it fits is estimated from its text, generously, on an A4 page
 * with 2 cm margins and 9 pt table text; a row that may not fit is let to break instead.
 */
const TABLE_WIDTH_PT = 480;
const CELL_PADDING_PT = 8;
const CHARACTER_WIDTH_PT = 5;
const LINE_HEIGHT_PT = 12;
const KEEP_TOGETHER_MAX_HEIGHT_PT = 360;

export function rowFitsOnPage(table: DocumentTable, row: TableRow): boolean {
  if (row.type === 'group') return true;
  const totalWeight = table.columns.reduce((sum, column) => sum + column.weight, 0);
  const lineCounts = row.cells.map((cell, index) => {
    const width = (TABLE_WIDTH_PT * (table.columns[index]?.weight ?? 0)) / totalWeight - CELL_PADDING_PT;
    const charactersPerLine = Math.max(1, Math.floor(width / CHARACTER_WIDTH_PT));
    return cell.reduce((lines, line) => {
      const characters = line.reduce((sum, inline) => sum + (inline.type === 'text' ? inline.text.length : 0), 0);
      const breaks = line.filter((inline) => inline.type === 'break').length;
      return lines + Math.max(1, Math.ceil(characters / charactersPerLine)) + breaks;
    }, 0);
  });
  return Math.max(1, ...lineCounts) * LINE_HEIGHT_PT + CELL_PADDING_PT <= KEEP_TOGETHER_MAX_HEIGHT_PT;
}

/** Which plan the document shows: a revision as it was sent, or the draft as it stands. */
export type PlanVersion = { kind: 'revision'; number: number; sentAt: string; senderName: string } | { kind: 'draft' };

const NOT_FILLED_IN = 'Ej ifyllt';
const NOT_PLANNED = 'Ej planerat';
const NOT_APPOINTED = 'Ej utsedd';
const LEADERSHIP_FOOTNOTE = '* Ledarskapsfrågor';

const GOALS_SECTION = 'mal';
const EVALUATION_SECTION = 'utvardering';
const RISK_SECTION = 'risk-och-framgangsfaktorer';
const MEETING_SECTION = 'projektmote';
const CLOSURE_SECTION = 'projektavslutning';

// The template's own words for the meeting's form: "antingen via webb eller på plats".
const meetingModeLabels = { web: 'Webb', on_site: 'På plats' } as const;

const text = (value: string, marks: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({
  type: 'text',
  text: value,
  ...marks,
});
const paragraph = (content: Inline[], style?: ParagraphStyle): Block =>
  style ? { type: 'paragraph', content, style } : { type: 'paragraph', content };
/** Plain text, such as a risk's measures, with its line breaks kept. */
const lines = (value: string, marks: Omit<TextRun, 'type' | 'text'> = {}): Inline[] =>
  value
    .split(/\r?\n/)
    .flatMap((line, index): Inline[] => [
      ...(index > 0 ? [{ type: 'break' } as const] : []),
      ...(line === '' ? [] : [text(line, marks)]),
    ]);
const plainParagraph = (value: string, style?: ParagraphStyle): Block => paragraph(lines(value), style);
const notFilledIn = (what = NOT_FILLED_IN): Block => paragraph([text(what, { italic: true })]);
const cell = (...values: string[]): TableCell =>
  values.filter((value) => value.trim() !== '').map((value) => lines(value));
/** A cell with a main line and a quieter line under it, such as a goal and its description. */
const cellWithDetail = (main: string, detail: string): TableCell =>
  detail.trim() === '' ? cell(main) : [lines(main), lines(detail, { italic: true })];
const table = (columns: [string, number][], rows: TableRow[]): DocumentTable => ({
  type: 'table',
  columns: columns.map(([header, weight]) => ({ header, weight })),
  rows,
});
const cellsRow = (cells: TableCell[]): TableRow => ({ type: 'cells', cells });

function richTextBlocks(doc: RichText): Block[] {
  return doc.content.flatMap(richTextBlock);
}

function richTextBlock(block: RichTextBlock): Block[] {
  if (block.type === 'paragraph') {
    const content = (block.content ?? []).map(richTextInline);
    return content.length === 0 ? [] : [paragraph(content)];
  }
  return [
    {
      type: 'list',
      ordered: block.type === 'orderedList',
      start: block.type === 'orderedList' ? (block.attrs?.start ?? 1) : 1,
      items: block.content.map((item) => item.content.flatMap(richTextBlock)),
    },
  ];
}

function richTextInline(node: RichTextInline): Inline {
  if (node.type === 'hardBreak') return { type: 'break' };
  const run = text(node.text);
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') run.bold = true;
    else if (mark.type === 'italic') run.italic = true;
    else run.link = mark.attrs.href;
  }
  return run;
}

function goalValue(goal: Goal, value: number | null): string {
  if (value === null) return '';
  if (goal.unit === 'percent') return `${readableNumber(value)}\u00a0%`;
  return goal.unitLabel ? `${readableNumber(value)} ${goal.unitLabel}` : readableNumber(value);
}

function fieldText(field: PlanField): Block[] {
  if (!field.content || isRichTextEmpty(field.content)) return [notFilledIn()];
  return richTextBlocks(field.content);
}

/** The section's free-text fields, each under its label unless the section has no other field. */
function textFields(section: PlanSection): Block[] {
  const labelled = section.fields.length > 1;
  return section.fields
    .filter((field) => field.kind === 'text')
    .flatMap((field) => [...(labelled ? [plainParagraph(field.label, 'lead')] : []), ...fieldText(field)]);
}

const fieldLabel = (section: PlanSection, key: string, fallback: string): string =>
  section.fields.find((field) => field.key === key)?.label ?? fallback;

function goalBlocks(section: PlanSection, goals: Goal[]): Block[] {
  const byPosition = [...goals].sort((a, b) => a.position - b.position);
  const effectGoals = byPosition.filter((goal) => goal.kind === 'effect');
  const projectGoals = byPosition.filter((goal) => goal.kind === 'project');
  const informed = section.informedPerson?.name;
  return [
    { type: 'subheading', text: fieldLabel(section, 'effektmal', 'Effektmål') },
    effectGoals.length === 0
      ? notFilledIn('Inga effektmål är angivna.')
      : table(
          [
            ['Mål', 4],
            ['Vad mäts', 3],
            ['Utgångsvärde', 1.6],
            ['Målvärde', 1.6],
            ['Senast', 1.7],
          ],
          effectGoals.map((goal) =>
            cellsRow([
              cellWithDetail(goal.title, goal.description),
              cell(goal.measure ?? ''),
              cell(goalValue(goal, goal.baseline)),
              cell(goalValue(goal, goal.target)),
              cell(goal.targetDate ?? ''),
            ]),
          ),
        ),
    { type: 'subheading', text: fieldLabel(section, 'projektmal', 'Projektmål') },
    projectGoals.length === 0
      ? notFilledIn('Inga projektmål är angivna.')
      : table(
          [
            ['Leverans', 5],
            ['Typ', 2],
            ['Klart senast', 1.8],
            ['Budget (kr)', 1.8],
          ],
          projectGoals.map((goal) =>
            cellsRow([
              cellWithDetail(goal.title, goal.description),
              cell(goal.deliverable ? deliverableLabels[goal.deliverable] : ''),
              cell(goal.dueDate ?? ''),
              cell(goal.budgetSek === null ? '' : readableNumber(goal.budgetSek)),
            ]),
          ),
        ),
    plainParagraph(fieldLabel(section, 'informeras', 'Vem ska informeras om målen inte kan uppnås?'), 'lead'),
    informed ? plainParagraph(informed) : notFilledIn(),
    ...textFields(section),
  ];
}

/** Each effect goal's status and measurements; nothing for revisions sent before goals were measured. */
function measurementBlocks(goals: Goal[], measured: SnapshotGoalMeasurements[] | undefined): Block[] {
  if (!measured) return [];
  const byGoal = new Map(measured.map((entry) => [entry.goalId, entry]));
  return [...goals]
    .filter((goal) => goal.kind === 'effect')
    .sort((a, b) => a.position - b.position)
    .flatMap((goal): Block[] => {
      const entry = byGoal.get(goal.id);
      if (!entry) return [];
      return [
        { type: 'subheading', text: `Uppföljning: ${goal.title}` },
        paragraph([text(`${goalStatusLabels[entry.status.state]}. `, { bold: true }), text(entry.status.explanation)]),
        entry.measurements.length === 0
          ? notFilledIn('Inga mätningar ännu.')
          : table(
              [
                ['Datum', 1.5],
                ['Värde', 1.3],
                ['Källa', 3],
                ['Kommentar', 4],
              ],
              entry.measurements.map((measurement) =>
                cellsRow([
                  cell(measurement.measuredOn),
                  cell(goalValue(goal, measurement.value)),
                  cell(measurement.source),
                  cell(measurement.comment),
                ]),
              ),
            ),
      ];
    });
}

function evaluationBlocks(
  section: PlanSection,
  items: EvaluationItem[],
  goals: Goal[],
  measured: SnapshotGoalMeasurements[] | undefined,
): Block[] {
  const goalTitles = new Map(goals.map((goal) => [goal.id, goal.title]));
  const rows = [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) =>
      cellsRow([
        cell(item.why),
        cell(item.what),
        cell(item.how),
        cell(...item.collectionDates),
        cell(...item.goalIds.map((id) => goalTitles.get(id) ?? '')),
      ]),
    );
  return [
    rows.length === 0
      ? notFilledIn('Ingen utvärdering är planerad.')
      : table(
          [
            ['Varför', 2.2],
            ['Vad', 2.2],
            ['Hur mäts det', 2.2],
            ['När samlas data in', 1.6],
            ['Mål', 2.2],
          ],
          rows,
        ),
    ...measurementBlocks(goals, measured),
    ...textFields(section),
  ];
}

function riskBlocks(section: PlanSection, risks: Risk[], factors: SuccessFactor[]): Block[] {
  const sortedRisks = [...risks].sort((a, b) => a.position - b.position);
  const level = (value: Risk['likelihood']) => (value ? riskLevelLabels[value] : '');
  return [
    {
      type: 'subheading',
      text: fieldLabel(section, 'hinder', 'Orsaker till hinder/problem i förändringsarbete med IT-stöd'),
    },
    sortedRisks.length === 0
      ? notFilledIn('Inga risker är angivna.')
      : table(
          [
            ['Orsak', 2.4],
            ['Sannolikhet', 1.5],
            ['Konsekvens', 1.5],
            ['Åtgärd', 3],
            ['Ansvarig', 1.6],
            ['Status', 1.3],
          ],
          sortedRisks.map((risk) =>
            cellsRow([
              cell(risk.leadershipIssue ? `${risk.title}*` : risk.title),
              cell(level(risk.likelihood)),
              cell(level(risk.impact)),
              cell(risk.mitigation),
              cell(risk.owner?.name ?? ''),
              cell(riskStatusLabels[risk.status]),
            ]),
          ),
        ),
    ...(sortedRisks.some((risk) => risk.leadershipIssue) ? [plainParagraph(LEADERSHIP_FOOTNOTE, 'note')] : []),
    { type: 'subheading', text: fieldLabel(section, 'framgangsfaktorer', 'Nyckelord för lyckad implementering') },
    factors.length === 0
      ? notFilledIn('Inga nyckelord är angivna.')
      : table(
          [
            ['Nyckelord', 1],
            ['Så arbetar vi med det', 3],
          ],
          [...factors]
            .sort((a, b) => a.position - b.position)
            .map((factor) => cellsRow([cell(factor.title), cell(factor.approach)])),
        ),
    ...textFields(section),
  ];
}

function meetingBlocks(section: PlanSection): Block[] {
  const meeting = section.meeting ?? { date: null, mode: null };
  const line = (label: string, value: string | null): Block =>
    paragraph([text(`${label}: `, { bold: true }), value ? text(value) : text(NOT_FILLED_IN, { italic: true })]);
  return [
    line('Datum', meeting.date),
    line(fieldLabel(section, 'utbildningsform', 'Form'), meeting.mode ? meetingModeLabels[meeting.mode] : null),
    ...textFields(section),
  ];
}

function closureBlocks(section: PlanSection): Block[] {
  const fields = textFields(section);
  if (fields.length > 0) return fields;
  return section.instruction.trim() === '' ? [] : [plainParagraph(section.instruction)];
}

function sectionBlocks(section: PlanSection, snapshot: PlanSnapshot): Block[] {
  const { plan } = snapshot;
  switch (section.key) {
    case GOALS_SECTION:
      return goalBlocks(section, plan.goals);
    case EVALUATION_SECTION:
      return evaluationBlocks(section, plan.evaluation, plan.goals, snapshot.goalMeasurements);
    case RISK_SECTION:
      return riskBlocks(section, plan.risks, plan.successFactors);
    case MEETING_SECTION:
      return meetingBlocks(section);
    case CLOSURE_SECTION:
      return closureBlocks(section);
    default:
      return textFields(section);
  }
}

const ROLE_COLUMNS: [string, number][] = [
  ['Roll', 2],
  ['Namn', 2],
  ['Ansvar i projektet', 5],
];

function roleTable(roles: SnapshotRole[]): DocumentTable {
  return table(
    ROLE_COLUMNS,
    roles.map((role) =>
      cellsRow([
        cell(role.roleTitle),
        role.people.length === 0 ? [[text(NOT_APPOINTED, { italic: true })]] : cell(...role.people.map((p) => p.name)),
        cell(role.responsibility),
      ]),
    ),
  );
}

/** The customer's project-wide roles, then each school's, then the vendor's: the template's order. */
function organisationBlocks(snapshot: PlanSnapshot): Block[] {
  const customerRoles = snapshot.organisation.filter((role) => role.side === 'customer');
  const projectRoles = customerRoles.filter((role) => role.school === null);
  const schools = new Map<string, { name: string; roles: SnapshotRole[] }>();
  for (const role of customerRoles) {
    if (!role.school) continue;
    const school = schools.get(role.school.id) ?? { name: role.school.name, roles: [] };
    school.roles.push(role);
    schools.set(role.school.id, school);
  }
  const vendorRoles = snapshot.organisation.filter((role) => role.side === 'vendor');
  const rolesOrEmpty = (roles: SnapshotRole[]): Block =>
    roles.length === 0 ? notFilledIn('Inga roller är tillsatta.') : roleTable(roles);
  return [
    { type: 'subheading', text: `Uppgifter för vilka ${snapshot.project.customerName} ansvarar` },
    rolesOrEmpty(projectRoles),
    ...[...schools.values()].flatMap((school): Block[] => [
      { type: 'subheading', text: school.name },
      roleTable(school.roles),
    ]),
    { type: 'subheading', text: `Uppgifter för vilka ${snapshot.vendorName} ansvarar` },
    rolesOrEmpty(vendorRoles),
  ];
}

function timelineBlocks(activities: KeyActivity[]): Block[] {
  if (activities.length === 0) return [notFilledIn('Inga aktiviteter är planerade.')];
  return [
    table(
      [
        ['Aktivitet', 4],
        ['Datum', 1],
      ],
      [...activities]
        .sort((a, b) => a.position - b.position)
        .map((activity) =>
          cellsRow([
            cellWithDetail(activity.title, activity.description),
            activity.date ? cell(activity.date) : [[text(NOT_PLANNED, { italic: true })]],
          ]),
        ),
    ),
  ];
}

function checklistBlocks(checklist: SnapshotActivity[]): Block[] {
  if (checklist.length === 0) return [notFilledIn('Checklistan är tom.')];
  const rows: TableRow[] = [];
  let groupKey: string | null = null;
  for (const activity of checklist) {
    if (activity.groupKey !== groupKey) {
      groupKey = activity.groupKey;
      rows.push({ type: 'group', title: activity.groupTitle });
    }
    rows.push(
      cellsRow([
        cell(activity.title),
        cell(activity.customerResponsible),
        cell(activity.vendorResponsible),
        cell(activity.deadline ?? ''),
        cell(activity.done ? `Ja, ${readableDay(activity.done.at)}` : ''),
      ]),
    );
  }
  return [
    table(
      [
        ['Aktivitet', 4],
        ['Ansvarig hos kunden', 2.2],
        ['Ansvarig hos leverantören', 2.2],
        ['Deadline', 1.5],
        ['Klart', 1.5],
      ],
      rows,
    ),
  ];
}

/** "Vårdnadshavare" → "vårdnadshavare", in the middle of a sentence. */
const inSentence = (title: string) => title.charAt(0).toLocaleLowerCase('sv') + title.slice(1);

function communicationWhen(item: SnapshotCommunicationPlan['items'][number]): TableCell {
  if (!item.date && !item.keyActivityTitle) return [[text(NOT_PLANNED, { italic: true })]];
  if (!item.keyActivityTitle) return cell(item.date ?? '');
  return cellWithDetail(item.date ?? NOT_PLANNED, `Enligt tidplanen: ${item.keyActivityTitle}`);
}

/** One row per item, soonest first, naming its audiences; then the audiences nobody plans to reach yet. */
function communicationBlocks(communication: SnapshotCommunicationPlan): Block[] {
  const reached = new Set(communication.items.flatMap((item) => item.audiences.map((audience) => audience.key)));
  const unreached = communication.audiences.filter((audience) => !reached.has(audience.key));
  return [
    communication.items.length === 0
      ? notFilledIn('Ingen kommunikation är planerad.')
      : table(
          [
            ['Målgrupp', 1.8],
            ['Budskap', 3.6],
            ['Kanal', 1.5],
            ['När', 1.7],
            ['Ansvarig', 1.6],
            ['Klart', 1.3],
          ],
          communication.items.map((item) =>
            cellsRow([
              cell(item.audiences.map((audience) => audience.title).join(', ')),
              cellWithDetail(item.title, item.message),
              cell(item.channel),
              communicationWhen(item),
              cell(item.responsibleName ?? ''),
              cell(item.done ? `Ja, ${readableDay(item.done.at)}` : ''),
            ]),
          ),
        ),
    ...(unreached.length > 0
      ? [
          plainParagraph(
            `Inget planerat ännu för ${unreached.map((audience) => inSentence(audience.title)).join(', ')}.`,
            'note',
          ),
        ]
      : []),
  ];
}

const guideText = (doc: RichText): Block[] => (isRichTextEmpty(doc) ? [notFilledIn()] : richTextBlocks(doc));

/** The introduction, then for each effect goal how the system is used and which statistics are wanted. */
function processGuideBlocks(guide: SnapshotProcessGuide): Block[] {
  return [
    ...(isRichTextEmpty(guide.introduction) ? [] : richTextBlocks(guide.introduction)),
    ...(guide.goals.length === 0
      ? [notFilledIn('Inga effektmål är angivna.')]
      : guide.goals.flatMap((goal): Block[] => [
          { type: 'subheading', text: goal.goalTitle },
          plainParagraph('Så används systemet', 'lead'),
          ...guideText(goal.usage),
          plainParagraph('Statistik vi vill kunna ta ut', 'lead'),
          ...guideText(goal.statistics),
        ])),
  ];
}

/** One row per decision in the order taken: its number, date, who decided, and the decision under its title. */
function decisionLogBlocks(decisions: SnapshotDecision[]): Block[] {
  if (decisions.length === 0) return [notFilledIn('Inga beslut är registrerade.')];
  return [
    table(
      [
        ['Nr', 0.7],
        ['Datum', 1.5],
        ['Beslut', 6],
        ['Beslutat av', 1.8],
      ],
      decisions.map((decision) =>
        cellsRow([
          cell(String(decision.number)),
          cell(decision.decidedOn),
          cellWithDetail(decision.title, decision.decision),
          cell(deciderLabels[decision.decidedBy]),
        ]),
      ),
    ),
  ];
}

function versionLine(snapshot: PlanSnapshot, version: PlanVersion): string {
  if (version.kind === 'draft') return `Utkast ${readableDay(snapshot.takenAt)}`;
  return `Version ${version.number}, skickad ${readableDay(version.sentAt)} av ${version.senderName}`;
}

/**
 * The plan in the template's order: its own sections, with the organisation after the risks (where
 * the template lists who answers for what) and the timeline, checklist, communication plan,
 * process guide and decision log before the closure.
 */
export function planDocument(snapshot: PlanSnapshot, version: PlanVersion): PlanDocument {
  const parts: { title: string; blocks: Block[] }[] = [];
  const organisation = { title: 'Organisation', blocks: organisationBlocks(snapshot) };
  const schedule = [
    { title: 'Tidplan för de viktigaste aktiviteterna', blocks: timelineBlocks(snapshot.plan.keyActivities) },
    { title: 'Checklista med ansvarsfördelning och deadlines', blocks: checklistBlocks(snapshot.checklist) },
    // Revisions sent before these existed have none of them.
    ...(snapshot.communicationPlan
      ? [{ title: 'Kommunikationsplan', blocks: communicationBlocks(snapshot.communicationPlan) }]
      : []),
    ...(snapshot.processGuide ? [{ title: 'Lathund', blocks: processGuideBlocks(snapshot.processGuide) }] : []),
    ...(snapshot.decisions ? [{ title: 'Beslutslogg', blocks: decisionLogBlocks(snapshot.decisions) }] : []),
  ];
  for (const section of snapshot.plan.sections) {
    // Taken out of `schedule` here, so that only a template without a closure gets them at the end.
    if (section.key === CLOSURE_SECTION) parts.push(...schedule.splice(0));
    parts.push({ title: section.title, blocks: sectionBlocks(section, snapshot) });
    if (section.key === RISK_SECTION) parts.push(organisation);
  }
  if (!parts.includes(organisation)) parts.push(organisation);
  parts.push(...schedule);

  const { customerName, name: projectName } = snapshot.project;
  return {
    title: `Projektplan ${customerName}`,
    titlePage: {
      heading: 'Projektplan',
      subheading: `Implementering av ${snapshot.vendorName}`,
      customerName,
      projectName,
      versionLine: versionLine(snapshot, version),
      vendorName: snapshot.vendorName,
    },
    sections: parts.map((part, index) => ({ heading: `${index + 1} ${part.title}`, blocks: part.blocks })),
  };
}
