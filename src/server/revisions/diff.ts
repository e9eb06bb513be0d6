import { diffWordsWithSpace } from 'diff';
import type { SnapshotCommunicationItem, SnapshotProcessGuide } from '../../shared/communication.js';
import type { EvaluationItem, Goal, KeyActivity, PlanSection, Risk, SuccessFactor } from '../../shared/plan.js';
import type {
  EntityChange,
  FieldChange,
  PlanDiff,
  PlanSnapshot,
  SectionDiff,
  SnapshotActivity,
  SnapshotDecision,
  TextPart,
} from '../../shared/revisions.js';
import { type RichText, richTextToPlainText } from '../../shared/rich-text.js';
import { deciderLabels } from '../decisions/rules.js';
import { readableValue } from '../measurements/status.js';
import {
  deliverableLabels,
  goalKindLabels,
  goalUnitLabels,
  meetingModeLabels,
  readableDay,
  readableKronor,
  readableNumber,
  readableOption,
  readableYesNo,
  riskLevelLabels,
  riskStatusLabels,
} from './readable.js';

/**
 * Past this many changed words a word-by-word diff is both slow (the algorithm is quadratic in the
 * edit distance) and unreadable: the text is shown as replaced instead.
 */
const MAX_EDITED_WORDS = 500;

/** Old text out, new text in, as one change. */
function replacement(before: string, after: string): TextPart[] {
  const parts: TextPart[] = [];
  if (before !== '') parts.push({ kind: 'removed', text: before });
  if (after !== '') parts.push({ kind: 'added', text: after });
  return parts;
}

/**
 * Word-level diff of two texts. Whitespace counts as text, so that the unchanged and removed parts
 * give back the old text exactly and the unchanged and added parts the new one. Letters such as
 * å, ä and ö are word characters: "Ängsskolan" → "Åkerbyskolan" is one word replaced.
 */
export function diffText(before: string, after: string): TextPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITED_WORDS });
  if (!changes) return replacement(before, after);
  return joinChangedRuns(
    changes.map((change) => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      text: change.value,
    })),
  );
}

/**
 * "röd katt" → "blå hund" reads as one phrase replaced, not as two words replaced with an unchanged
 * space between them: a run of changes with only whitespace between becomes one removed and one
 * added part.
 */
function joinChangedRuns(parts: TextPart[]): TextPart[] {
  const isChange = (part: TextPart | undefined) => part !== undefined && part.kind !== 'same';
  const joined: TextPart[] = [];
  let removed = '';
  let added = '';
  const closeRun = () => {
    joined.push(...replacement(removed, added));
    removed = '';
    added = '';
  };
  parts.forEach((part, index) => {
    const spaceInsideRun =
      part.kind === 'same' && part.text.trim() === '' && isChange(parts[index - 1]) && isChange(parts[index + 1]);
    if (part.kind === 'same' && !spaceInsideRun) {
      closeRun();
      joined.push(part);
      return;
    }
    if (part.kind !== 'added') removed += part.text;
    if (part.kind !== 'removed') added += part.text;
  });
  closeRun();
  return joined;
}

function fieldChange(field: string, label: string, before: string, after: string, whole: boolean): FieldChange {
  return { field, label, before, after, parts: whole ? replacement(before, after) : diffText(before, after) };
}

interface FieldSpec<Item> {
  field: string;
  label: string;
  /** The value as a reader sees it; empty when there is none. */
  value: (item: Item, snapshot: PlanSnapshot) => string;
  /**
   * What decides whether the field changed, when that is not the shown value: a linked goal or a
   * person is the same one even if its title or name was edited (which shows where it was edited).
   */
  identity?: (item: Item) => string;
  /** Dates, numbers and choices read better replaced whole ("2027-03-15" → "2027-03-22") than digit by digit. */
  whole?: boolean;
}

interface Snapshots {
  before: PlanSnapshot;
  after: PlanSnapshot;
}

function changedFields<Item>(specs: FieldSpec<Item>[], before: Item, after: Item, snapshots: Snapshots) {
  return specs.flatMap((spec) => {
    const old = spec.value(before, snapshots.before);
    const current = spec.value(after, snapshots.after);
    const same = spec.identity ? spec.identity(before) === spec.identity(after) : old === current;
    return same ? [] : [fieldChange(spec.field, spec.label, old, current, spec.whole ?? false)];
  });
}

/** An item added or removed whole: each of its fields that has a value, all new or all gone. */
function wholeItemFields<Item>(
  specs: FieldSpec<Item>[],
  item: Item,
  snapshot: PlanSnapshot,
  change: 'added' | 'removed',
) {
  return specs.flatMap((spec) => {
    const value = spec.value(item, snapshot);
    if (value === '') return [];
    return [
      change === 'added'
        ? fieldChange(spec.field, spec.label, '', value, true)
        : fieldChange(spec.field, spec.label, value, '', true),
    ];
  });
}

interface EntitySpec<Item> {
  label: (item: Item) => string;
  fields: FieldSpec<Item>[];
}

/**
 * Items matched by id, in the order of the newer side; a removed item stands where it stood, after
 * the item that came before it and is still there.
 */
function diffEntities<Item extends { id: string }>(
  before: Item[],
  after: Item[],
  spec: EntitySpec<Item>,
  snapshots: Snapshots,
): EntityChange[] {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIndex = new Map(after.map((item, index) => [item.id, index]));
  const placed: { at: number; change: EntityChange }[] = [];
  after.forEach((item, index) => {
    const old = beforeById.get(item.id);
    if (!old) {
      const fields = wholeItemFields(spec.fields, item, snapshots.after, 'added');
      placed.push({ at: index, change: { id: item.id, label: spec.label(item), change: 'added', fields } });
      return;
    }
    const fields = changedFields(spec.fields, old, item, snapshots);
    if (fields.length > 0) {
      placed.push({ at: index, change: { id: item.id, label: spec.label(item), change: 'changed', fields } });
    }
  });
  let lastKept = -1;
  for (const item of before) {
    const kept = afterIndex.get(item.id);
    if (kept !== undefined) {
      lastKept = kept;
      continue;
    }
    const fields = wholeItemFields(spec.fields, item, snapshots.before, 'removed');
    placed.push({ at: lastKept + 0.5, change: { id: item.id, label: spec.label(item), change: 'removed', fields } });
  }
  return placed.sort((a, b) => a.at - b.at).map((entry) => entry.change);
}

// ---- What each part of the plan compares ----

/** One line per measurement of an effect goal, oldest first: "2027-02-01: 52 % (Bedömningsrapport)". */
function measurementLines(goal: Goal, snapshot: PlanSnapshot): string {
  const measured = snapshot.goalMeasurements?.find((entry) => entry.goalId === goal.id);
  return (measured?.measurements ?? [])
    .map(
      (measurement) =>
        `${measurement.measuredOn}: ${readableValue(goal, measurement.value)}${measurement.source ? ` (${measurement.source})` : ''}`,
    )
    .join('\n');
}

const goalSpec: EntitySpec<Goal> = {
  label: (goal) => goal.title,
  fields: [
    { field: 'kind', label: 'Typ av mål', value: (goal) => goalKindLabels[goal.kind], whole: true },
    { field: 'title', label: 'Mål', value: (goal) => goal.title },
    { field: 'description', label: 'Beskrivning', value: (goal) => goal.description },
    { field: 'measure', label: 'Vad som mäts', value: (goal) => goal.measure ?? '' },
    { field: 'unit', label: 'Enhet', value: (goal) => readableOption(goalUnitLabels, goal.unit), whole: true },
    { field: 'unitLabel', label: 'Vad som räknas', value: (goal) => goal.unitLabel ?? '' },
    { field: 'baseline', label: 'Utgångsvärde', value: (goal) => readableNumber(goal.baseline), whole: true },
    { field: 'target', label: 'Målvärde', value: (goal) => readableNumber(goal.target), whole: true },
    { field: 'targetDate', label: 'Målvärdet nås senast', value: (goal) => goal.targetDate ?? '', whole: true },
    {
      field: 'deliverable',
      label: 'Leverans',
      value: (goal) => readableOption(deliverableLabels, goal.deliverable),
      whole: true,
    },
    { field: 'dueDate', label: 'Klart senast', value: (goal) => goal.dueDate ?? '', whole: true },
    { field: 'budgetSek', label: 'Budget', value: (goal) => readableKronor(goal.budgetSek), whole: true },
    { field: 'measurements', label: 'Mätningar', value: measurementLines },
  ],
};

const firstLine = (text: string, max = 80) => {
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
};

const evaluationSpec: EntitySpec<EvaluationItem> = {
  label: (item) => firstLine(item.what) || 'Utvärdering',
  fields: [
    { field: 'why', label: 'Varför utvärderingen görs', value: (item) => item.why },
    { field: 'what', label: 'Vad som utvärderas', value: (item) => item.what },
    { field: 'how', label: 'Hur det mäts', value: (item) => item.how },
    {
      field: 'collectionDates',
      label: 'Datum då data samlas in',
      value: (item) => [...item.collectionDates].sort().join(', '),
    },
    {
      field: 'goalIds',
      label: 'Kopplade mål',
      value: (item, snapshot) =>
        item.goalIds
          .map((id) => snapshot.plan.goals.find((goal) => goal.id === id)?.title ?? '')
          .filter((title) => title !== '')
          .join('; '),
      identity: (item) => [...item.goalIds].sort().join(','),
    },
  ],
};

const riskSpec: EntitySpec<Risk> = {
  label: (risk) => risk.title,
  fields: [
    { field: 'title', label: 'Risk', value: (risk) => risk.title },
    {
      field: 'leadershipIssue',
      label: 'Ledningsfråga',
      value: (risk) => readableYesNo(risk.leadershipIssue),
      whole: true,
    },
    {
      field: 'likelihood',
      label: 'Sannolikhet',
      value: (risk) => readableOption(riskLevelLabels, risk.likelihood),
      whole: true,
    },
    {
      field: 'impact',
      label: 'Konsekvens',
      value: (risk) => readableOption(riskLevelLabels, risk.impact),
      whole: true,
    },
    { field: 'mitigation', label: 'Åtgärder', value: (risk) => risk.mitigation },
    {
      field: 'owner',
      label: 'Ansvarig',
      value: (risk) => risk.owner?.name ?? '',
      identity: (risk) => risk.owner?.id ?? '',
      whole: true,
    },
    { field: 'status', label: 'Status', value: (risk) => riskStatusLabels[risk.status], whole: true },
  ],
};

const successFactorSpec: EntitySpec<SuccessFactor> = {
  label: (factor) => factor.title,
  fields: [
    { field: 'title', label: 'Nyckelord', value: (factor) => factor.title },
    { field: 'approach', label: 'Så arbetar vi med det', value: (factor) => factor.approach },
  ],
};

const keyActivitySpec: EntitySpec<KeyActivity> = {
  label: (activity) => activity.title,
  fields: [
    { field: 'title', label: 'Aktivitet', value: (activity) => activity.title },
    { field: 'description', label: 'Beskrivning', value: (activity) => activity.description },
    { field: 'date', label: 'Datum', value: (activity) => activity.date ?? '', whole: true },
  ],
};

/**
 * "Projektledare: Örjan Ärlig; IT-verksamhet" → "Projektledare; IT-verksamhet". Who holds a role
 * shows once, under the organisation; repeating it for every activity of the role would bury the
 * checklist's own changes.
 */
const responsibleRoles = (responsible: string) =>
  responsible
    .split('; ')
    .map((role) => role.split(': ')[0])
    .join('; ');

const checklistSpec = (vendorName: string): EntitySpec<SnapshotActivity> => ({
  label: (activity) => activity.title,
  fields: [
    { field: 'title', label: 'Aktivitet', value: (activity) => activity.title },
    {
      field: 'customerResponsible',
      label: 'Ansvarig hos kunden',
      value: (activity) => activity.customerResponsible,
      identity: (activity) => responsibleRoles(activity.customerResponsible),
    },
    {
      field: 'vendorResponsible',
      label: `Ansvarig hos ${vendorName}`,
      value: (activity) => activity.vendorResponsible,
      identity: (activity) => responsibleRoles(activity.vendorResponsible),
    },
    { field: 'deadline', label: 'Deadline', value: (activity) => activity.deadline ?? '', whole: true },
    {
      field: 'done',
      label: 'Klar',
      value: (activity) =>
        activity.done ? `Klar ${readableDay(activity.done.at)} (${activity.done.byName})` : 'Inte klar',
      identity: (activity) => (activity.done ? `${activity.done.at} ${activity.done.byName}` : ''),
      whole: true,
    },
  ],
});

/** "2027-03-15", or with the timeline's activity it follows: "2027-03-15, enligt tidplanen: Uppstartsmöte". */
const communicationWhen = (item: SnapshotCommunicationItem) =>
  item.keyActivityTitle
    ? `${item.date ?? 'Inget datum ännu'}, enligt tidplanen: ${item.keyActivityTitle}`
    : (item.date ?? '');

const communicationSpec: EntitySpec<SnapshotCommunicationItem> = {
  label: (item) => item.title,
  fields: [
    { field: 'title', label: 'Vad som ska kommuniceras', value: (item) => item.title },
    {
      field: 'audiences',
      label: 'Målgrupper',
      value: (item) => item.audiences.map((audience) => audience.title).join(', '),
      identity: (item) => item.audiences.map((audience) => audience.key).join(','),
    },
    { field: 'message', label: 'Budskap', value: (item) => item.message },
    { field: 'channel', label: 'Kanal', value: (item) => item.channel, whole: true },
    { field: 'when', label: 'När', value: communicationWhen, whole: true },
    { field: 'responsible', label: 'Ansvarig', value: (item) => item.responsibleName ?? '', whole: true },
    {
      field: 'done',
      label: 'Klart',
      value: (item) => (item.done ? `Klart ${readableDay(item.done.at)} (${item.done.byName})` : 'Inte klart'),
      identity: (item) => (item.done ? `${item.done.at} ${item.done.byName}` : ''),
      whole: true,
    },
  ],
};

const decisionSpec: EntitySpec<SnapshotDecision> = {
  label: (decision) => `Beslut ${decision.number}: ${decision.title}`,
  fields: [
    { field: 'title', label: 'Rubrik', value: (decision) => decision.title },
    { field: 'decision', label: 'Beslut', value: (decision) => decision.decision },
    { field: 'decidedBy', label: 'Beslutat av', value: (decision) => deciderLabels[decision.decidedBy], whole: true },
    { field: 'decidedOn', label: 'Datum', value: (decision) => decision.decidedOn, whole: true },
  ],
};

/** One person in one role (for one school): what is added to or removed from the organisation. */
interface Holding {
  id: string;
  role: string;
  personName: string;
}

function holdingsOf(snapshot: PlanSnapshot): Holding[] {
  return snapshot.organisation.flatMap((role) => {
    const roleName = role.school ? `${role.roleTitle}, ${role.school.name}` : role.roleTitle;
    return role.people.map((person) => ({
      id: [role.side, role.roleKey, role.school?.id ?? '', person.id].join(':'),
      role: roleName,
      personName: person.name,
    }));
  });
}

const holdingSpec: EntitySpec<Holding> = {
  label: (holding) => `${holding.role}: ${holding.personName}`,
  fields: [
    {
      field: 'person',
      label: 'Person',
      value: (holding) => holding.personName,
      // The id says who it is; a name corrected in the register is not a change of the plan.
      identity: () => '',
      whole: true,
    },
  ],
};

// ---- Sections ----

const textOf = (field: PlanSection['fields'][number] | undefined) =>
  field?.content ? richTextToPlainText(field.content) : '';

function sectionFieldSpecs(sections: (PlanSection | undefined)[]): FieldSpec<PlanSection | undefined>[] {
  const textFields = new Map<string, string>();
  for (const section of sections) {
    for (const field of section?.fields ?? []) if (field.kind === 'text') textFields.set(field.key, field.label);
  }
  const specs: FieldSpec<PlanSection | undefined>[] = [...textFields].map(([key, label]) => ({
    field: key,
    label,
    value: (section) => textOf(section?.fields.find((field) => field.key === key)),
  }));
  if (sections.some((section) => section?.informedPerson !== undefined)) {
    specs.push({
      field: 'informedPerson',
      label: 'Informeras om målen inte kan uppnås',
      value: (section) => section?.informedPerson?.name ?? '',
      identity: (section) => section?.informedPerson?.id ?? '',
      whole: true,
    });
  }
  if (sections.some((section) => section?.meeting !== undefined)) {
    specs.push(
      {
        field: 'meetingDate',
        label: 'Datum för projektmötet',
        value: (section) => section?.meeting?.date ?? '',
        whole: true,
      },
      {
        field: 'meetingMode',
        label: 'Mötesform',
        value: (section) => readableOption(meetingModeLabels, section?.meeting?.mode ?? null),
        whole: true,
      },
    );
  }
  return specs;
}

/** Sections in the newer side's order, each with only the fields that changed; unchanged sections are left out. */
function diffSections(snapshots: Snapshots): SectionDiff[] {
  const beforeByKey = new Map(snapshots.before.plan.sections.map((section) => [section.key, section]));
  const afterByKey = new Map(snapshots.after.plan.sections.map((section) => [section.key, section]));
  const keys = [...new Set([...afterByKey.keys(), ...beforeByKey.keys()])];
  return keys.flatMap((key) => {
    const old = beforeByKey.get(key);
    const current = afterByKey.get(key);
    const fields = changedFields(sectionFieldSpecs([old, current]), old, current, snapshots);
    const title = current?.title ?? old?.title ?? key;
    return fields.length > 0 ? [{ key, title, fields }] : [];
  });
}

// ---- Process guide (lathund) ----

const guideText = (doc: RichText | undefined) => (doc ? richTextToPlainText(doc) : '');

/**
 * The guide's introduction, then each effect goal's two texts, compared word by word like a
 * section's. A revision sent before the guide existed has every text empty.
 */
function diffProcessGuide(snapshots: Snapshots): FieldChange[] {
  const guides = [snapshots.after.processGuide, snapshots.before.processGuide];
  const goalTitles = new Map<string, string>();
  for (const guide of guides) {
    for (const goal of guide?.goals ?? [])
      if (!goalTitles.has(goal.goalId)) goalTitles.set(goal.goalId, goal.goalTitle);
  }
  const goalOf = (guide: SnapshotProcessGuide | undefined, goalId: string) =>
    guide?.goals.find((goal) => goal.goalId === goalId);
  const specs: FieldSpec<SnapshotProcessGuide | undefined>[] = [
    { field: 'introduction', label: 'Inledning', value: (guide) => guideText(guide?.introduction) },
    ...[...goalTitles].flatMap(([goalId, title]): FieldSpec<SnapshotProcessGuide | undefined>[] => [
      {
        field: `${goalId}:usage`,
        label: `${title}: Så används systemet`,
        value: (guide) => guideText(goalOf(guide, goalId)?.usage),
      },
      {
        field: `${goalId}:statistics`,
        label: `${title}: Statistik vi vill kunna ta ut`,
        value: (guide) => guideText(goalOf(guide, goalId)?.statistics),
      },
    ]),
  ];
  return changedFields(specs, snapshots.before.processGuide, snapshots.after.processGuide, snapshots);
}

export interface DiffSides {
  /** The revision numbers compared; null for the current draft. */
  from: number | null;
  to: number | null;
}

/** What changed from one version of the plan to another, field by field, for a reader. */
export function diffSnapshots(before: PlanSnapshot, after: PlanSnapshot, sides: DiffSides): PlanDiff {
  const snapshots = { before, after };
  const sections = diffSections(snapshots);
  const entities = {
    goals: diffEntities(before.plan.goals, after.plan.goals, goalSpec, snapshots),
    evaluation: diffEntities(before.plan.evaluation, after.plan.evaluation, evaluationSpec, snapshots),
    risks: diffEntities(before.plan.risks, after.plan.risks, riskSpec, snapshots),
    successFactors: diffEntities(before.plan.successFactors, after.plan.successFactors, successFactorSpec, snapshots),
    timeline: diffEntities(before.plan.keyActivities, after.plan.keyActivities, keyActivitySpec, snapshots),
    checklist: diffEntities(before.checklist, after.checklist, checklistSpec(after.vendorName), snapshots),
    organisation: diffEntities(holdingsOf(before), holdingsOf(after), holdingSpec, snapshots),
    // Revisions sent before the communication plan existed have none: every item reads as added.
    communication: diffEntities(
      before.communicationPlan?.items ?? [],
      after.communicationPlan?.items ?? [],
      communicationSpec,
      snapshots,
    ),
    // Likewise the decision log.
    decisions: diffEntities(before.decisions ?? [], after.decisions ?? [], decisionSpec, snapshots),
  };
  const processGuide = diffProcessGuide(snapshots);
  const changeCount =
    sections.reduce((count, section) => count + section.fields.length, 0) +
    Object.values(entities).reduce((count, changes) => count + changes.length, 0) +
    processGuide.length;
  return {
    from: { number: sides.from, takenAt: before.takenAt },
    to: { number: sides.to, takenAt: after.takenAt },
    sections,
    ...entities,
    processGuide,
    changeCount,
  };
}
