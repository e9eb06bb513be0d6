import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import {
  type EvaluationItem,
  type EvaluationItemInput,
  evaluationItemInputSchema,
  type Goal,
  type GoalInput,
  goalInputSchema,
  type KeyActivity,
  type Plan,
  type PlanSection,
  type Risk,
  type RiskInput,
  riskInputSchema,
  type SuccessFactor,
  successFactorUpdateBodySchema,
  type UpdatePlanSectionBody,
  updatePlanSectionBodySchema,
} from '../../shared/plan.js';
import { type RichText, richTextSchema, richTextToPlainText } from '../../shared/rich-text.js';
import type { TemplateContent } from '../../shared/templates.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { getVendorName } from '../settings/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import {
  type EvaluationItemRow,
  type GoalChange,
  type GoalRow,
  type KeyActivityRow,
  type PlanSectionRow,
  planRepository,
  type RiskRow,
  type SuccessFactorRow,
} from './repository.js';
import { GOALS_SECTION, isStructuredField, MEETING_SECTION, type PlanSectionDetails } from './sections.js';

export const parseTexts = (json: string): Record<string, RichText> => {
  const raw = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, richTextSchema.parse(value) as RichText]));
};

export const parseDetails = (json: string): PlanSectionDetails => JSON.parse(json) as PlanSectionDetails;

export function toPlanSection(
  templateSection: TemplateContent['planSections'][number],
  row: PlanSectionRow | undefined,
  personNames: Map<string, string>,
): PlanSection {
  const texts = row ? parseTexts(row.texts) : {};
  const details = row ? parseDetails(row.details) : {};
  const section: PlanSection = {
    key: templateSection.key,
    title: templateSection.title,
    instruction: templateSection.instruction,
    fields: templateSection.fields.map((field) => {
      const structured = isStructuredField(templateSection.key, field.key);
      return {
        key: field.key,
        label: field.label,
        hint: field.hint,
        kind: structured ? 'structured' : 'text',
        content: structured ? null : (texts[field.key] ?? { type: 'doc', content: [] }),
      };
    }),
    version: row?.version ?? 1,
    updatedAt: row?.updated_at ?? '',
    updatedBy: row?.updated_by_name ?? null,
  };
  if (templateSection.key === GOALS_SECTION) {
    const id = details.informedPersonId ?? null;
    section.informedPerson = id ? { id, name: personNames.get(id) ?? '' } : null;
  }
  if (templateSection.key === MEETING_SECTION) section.meeting = details.meeting ?? { date: null, mode: null };
  return section;
}

export const toGoal = (row: GoalRow): Goal => ({
  id: row.id,
  kind: row.kind,
  position: row.position,
  title: row.title,
  description: row.description,
  measure: row.measure,
  unit: row.unit,
  unitLabel: row.unit_label,
  baseline: row.baseline === null ? null : Number(row.baseline),
  target: row.target === null ? null : Number(row.target),
  targetDate: row.target_date,
  deliverable: row.deliverable,
  dueDate: row.due_date,
  budgetSek: row.budget_sek === null ? null : Number(row.budget_sek),
  version: row.version,
});

export const toEvaluationItem = (row: EvaluationItemRow, goalIds: string[]): EvaluationItem => ({
  id: row.id,
  position: row.position,
  why: row.why,
  what: row.what,
  how: row.how,
  collectionDates: JSON.parse(row.collection_dates) as string[],
  goalIds,
  version: row.version,
});

export const toRisk = (row: RiskRow): Risk => ({
  id: row.id,
  position: row.position,
  causeKey: row.cause_key,
  title: row.title,
  leadershipIssue: row.leadership_issue === 1,
  likelihood: row.likelihood,
  impact: row.impact,
  mitigation: row.mitigation,
  owner: row.owner_person_id ? { id: row.owner_person_id, name: row.owner_name ?? '' } : null,
  status: row.status,
  version: row.version,
});

export const toSuccessFactor = (row: SuccessFactorRow): SuccessFactor => ({
  id: row.id,
  position: row.position,
  keywordKey: row.keyword_key,
  title: row.title,
  approach: row.approach,
  version: row.version,
});

export const toKeyActivity = (row: KeyActivityRow): KeyActivity => ({
  id: row.id,
  position: row.position,
  templateKey: row.template_key,
  title: row.title,
  description: row.description,
  date: row.date,
  version: row.version,
});

/** The plan as it stands now, sections in the template's order. */
export async function getPlan(context: AppContext, access: ProjectAccess): Promise<Plan> {
  const projectId = access.project.id;
  const { db } = context;
  const [template, sectionRows, goalRows, itemRows, links, riskRows, factorRows, keyActivityRows] = await Promise.all([
    getVendorName(context).then((vendorName) => withVendorName(access.template, vendorName)),
    planRepository.sections(db, projectId),
    planRepository.goals(db, projectId),
    planRepository.evaluationItems(db, projectId),
    planRepository.evaluationGoalLinks(db, projectId),
    planRepository.risks(db, projectId),
    planRepository.successFactors(db, projectId),
    planRepository.keyActivities(db, projectId),
  ]);
  const sectionByKey = new Map(sectionRows.map((row) => [row.section_key, row]));
  const informedIds = sectionRows
    .map((row) => parseDetails(row.details).informedPersonId)
    .filter((id): id is string => Boolean(id));
  const personNames = await planRepository.personNames(db, informedIds);
  const goalIdsByItem = new Map<string, string[]>();
  for (const link of links) {
    goalIdsByItem.set(link.evaluation_item_id, [...(goalIdsByItem.get(link.evaluation_item_id) ?? []), link.goal_id]);
  }
  return {
    sections: template.planSections.map((section) =>
      toPlanSection(section, sectionByKey.get(section.key), personNames),
    ),
    goals: goalRows.map(toGoal),
    evaluation: itemRows.map((row) => toEvaluationItem(row, goalIdsByItem.get(row.id) ?? [])),
    risks: riskRows.map(toRisk),
    successFactors: factorRows.map(toSuccessFactor),
    keyActivities: keyActivityRows.map(toKeyActivity),
  };
}

// ---- Writing the plan ----

const staleVersion = (what: string) =>
  new AppError(
    'VERSION_CONFLICT',
    `Någon annan har ändrat ${what} sedan du läste in planen. Ladda om och gör ändringen igen.`,
  );

/** Who wrote what, where, in the project's audit trail. */
function auditOf(user: CurrentUser, access: ProjectAccess) {
  return { actor: user, customerId: access.project.customerId, projectId: access.project.id };
}

async function templateSectionOf(context: AppContext, access: ProjectAccess, sectionKey: string) {
  const section = access.template.planSections.find((candidate) => candidate.key === sectionKey);
  if (!section) throw notFound('Avsnittet');
  return withVendorName(section, await getVendorName(context));
}

type TemplateSection = TemplateContent['planSections'][number];

/** What in the body does not belong in this section, by field path. */
function misplacedInput(section: TemplateSection, body: UpdatePlanSectionBody): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of Object.keys(body.texts ?? {})) {
    const field = section.fields.find((candidate) => candidate.key === key);
    if (!field) problems[`texts.${key}`] = `Avsnittet ${section.title} har inget sådant fält`;
    else if (isStructuredField(section.key, key)) {
      problems[`texts.${key}`] = `${field.label} fylls i med egna uppgifter, inte som fri text`;
    }
  }
  if (body.informedPersonId !== undefined && section.key !== GOALS_SECTION) {
    problems.informedPersonId = 'Vem som informeras anges i avsnittet Mål';
  }
  if (body.meeting !== undefined && section.key !== MEETING_SECTION) {
    problems.meeting = 'Projektmötet anges i sitt eget avsnitt';
  }
  return problems;
}

/** The person informed when goals cannot be met is one of the customer's people. */
async function assertInformedPerson(context: AppContext, access: ProjectAccess, personId: string | null | undefined) {
  if (!personId) return;
  const customerId = await planRepository.personCustomerId(context.db, personId);
  if (customerId !== access.project.customerId) {
    throw new AppError('VALIDATION_FAILED', 'Välj en person hos kunden', { informedPersonId: 'Okänd person' });
  }
}

/** The texts and details of a section as the audit trail shows them: plain text, names instead of ids. */
function sectionAuditValues(
  texts: Record<string, RichText>,
  details: PlanSectionDetails,
  body: UpdatePlanSectionBody,
  personNames: Map<string, string>,
) {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(body.texts ?? {})) {
    values[key] = texts[key] ? richTextToPlainText(texts[key]) : '';
  }
  if (body.informedPersonId !== undefined) {
    values.informedPerson = details.informedPersonId ? (personNames.get(details.informedPersonId) ?? '') : null;
  }
  if (body.meeting !== undefined) values.meeting = details.meeting ?? null;
  return values;
}

/**
 * Saves a section's texts (merged with the stored ones: fields left out keep their text) and, in
 * Mål and Projektmöte, the person informed and the meeting. Two people writing the same section
 * cannot overwrite each other: the save based on an old version is refused.
 */
export async function updatePlanSection(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  sectionKey: string,
  body: UpdatePlanSectionBody,
): Promise<PlanSection> {
  requireEdit(access);
  const input = updatePlanSectionBodySchema.parse(body);
  const templateSection = await templateSectionOf(context, access, sectionKey);
  const problems = misplacedInput(templateSection, input);
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', `Uppgifterna hör inte till avsnittet ${templateSection.title}`, problems);
  }
  await assertInformedPerson(context, access, input.informedPersonId);
  const projectId = access.project.id;
  return context.db.transaction().execute(async (trx) => {
    const before = await planRepository.findSection(trx, projectId, sectionKey);
    if (!before) throw notFound('Avsnittet');
    const beforeTexts = parseTexts(before.texts);
    const beforeDetails = parseDetails(before.details);
    const texts = { ...beforeTexts, ...input.texts };
    const details: PlanSectionDetails = { ...beforeDetails };
    if (input.informedPersonId !== undefined) details.informedPersonId = input.informedPersonId;
    if (input.meeting !== undefined) details.meeting = input.meeting;
    const saved = await planRepository.updateSectionIfVersion(
      trx,
      { projectId, sectionKey, version: input.version },
      {
        texts: JSON.stringify(texts),
        details: JSON.stringify(details),
        updated_at: context.clock.now().toISOString(),
        updated_by_name: user.name,
      },
    );
    if (!saved) {
      const by = before.updated_by_name ? ` (${before.updated_by_name})` : '';
      throw new AppError(
        'VERSION_CONFLICT',
        `Någon annan${by} har sparat avsnittet ”${templateSection.title}” medan du skrev. ` +
          'Den sparade texten visas nu och din egen text finns kvar, så att inget går förlorat.',
      );
    }
    const after = await planRepository.findSection(trx, projectId, sectionKey);
    if (!after) throw notFound('Avsnittet');
    const personIds = [beforeDetails.informedPersonId, details.informedPersonId].filter((id): id is string =>
      Boolean(id),
    );
    const personNames = await planRepository.personNames(trx, personIds);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'plan_section.updated',
      entityType: 'plan_section',
      entityId: sectionKey,
      summary: `Ändrade avsnittet ${templateSection.title}`,
      before: sectionAuditValues(beforeTexts, beforeDetails, input, personNames),
      after: sectionAuditValues(texts, details, input, personNames),
    });
    return toPlanSection(templateSection, after, personNames);
  });
}

// ---- Goals ----

const goalKindName = (goal: { kind: Goal['kind'] }) => (goal.kind === 'effect' ? 'effektmålet' : 'projektmålet');

/** A goal's columns; those of the other kind are cleared, so a goal changing kind keeps nothing stale. */
function goalColumns(goal: z.output<typeof goalInputSchema>, now: string): GoalChange {
  const common = { kind: goal.kind, title: goal.title, description: goal.description, updated_at: now };
  if (goal.kind === 'effect') {
    return {
      ...common,
      measure: goal.measure,
      unit: goal.unit,
      unit_label: goal.unitLabel,
      baseline: goal.baseline,
      target: goal.target,
      target_date: goal.targetDate ?? null,
      deliverable: null,
      due_date: null,
      budget_sek: null,
    };
  }
  return {
    ...common,
    measure: null,
    unit: null,
    unit_label: null,
    baseline: null,
    target: null,
    target_date: null,
    deliverable: goal.deliverable,
    due_date: goal.dueDate,
    budget_sek: goal.budgetSek,
  };
}

async function requireGoal(db: Kysely<Database>, projectId: string, goalId: string): Promise<GoalRow> {
  const row = await planRepository.findGoal(db, projectId, goalId);
  if (!row) throw notFound('Målet');
  return row;
}

/** Adds a goal after the project's other goals. */
export async function createGoal(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  input: GoalInput,
): Promise<Goal> {
  requireEdit(access);
  const values = goalInputSchema.parse(input);
  const projectId = access.project.id;
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      project_id: projectId,
      position: await planRepository.nextGoalPosition(trx, projectId),
      created_at: now,
      ...goalColumns(values, now),
    };
    await planRepository.insertGoal(trx, row);
    const goal = toGoal({ ...row, version: 1 });
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'goal.created',
      entityType: 'goal',
      entityId: goal.id,
      summary: `Lade till ${goalKindName(goal)} ${goal.title}`,
      after: goal,
    });
    return goal;
  });
}

export async function updateGoal(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  goalId: string,
  input: GoalInput & { version: number },
): Promise<Goal> {
  requireEdit(access);
  const values = goalInputSchema.parse(input);
  const target = { projectId: access.project.id, id: goalId, version: input.version };
  return context.db.transaction().execute(async (trx) => {
    const before = await requireGoal(trx, target.projectId, goalId);
    const saved = await planRepository.updateGoalIfVersion(
      trx,
      target,
      goalColumns(values, context.clock.now().toISOString()),
    );
    if (!saved) throw staleVersion('målet');
    const after = toGoal(await requireGoal(trx, target.projectId, goalId));
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'goal.updated',
      entityType: 'goal',
      entityId: goalId,
      summary: `Ändrade ${goalKindName(after)} ${after.title}`,
      before: toGoal(before),
      after,
    });
    return after;
  });
}

/** Removes a goal and its links to evaluation items. */
export async function deleteGoal(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  goalId: string,
  version: number,
): Promise<void> {
  requireEdit(access);
  const target = { projectId: access.project.id, id: goalId, version };
  await context.db.transaction().execute(async (trx) => {
    const before = toGoal(await requireGoal(trx, target.projectId, goalId));
    if (!(await planRepository.deleteGoalIfVersion(trx, target))) throw staleVersion('målet');
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'goal.deleted',
      entityType: 'goal',
      entityId: goalId,
      summary: `Tog bort ${goalKindName(before)} ${before.title}`,
      before,
    });
  });
}

// ---- Evaluation ----

/** The item's goals, each once, all of them goals of this project. */
async function evaluationGoalIds(context: AppContext, projectId: string, goalIds: string[]): Promise<string[]> {
  const wanted = [...new Set(goalIds)];
  const found = await planRepository.goalIdsInProject(context.db, projectId, wanted);
  if (found.length !== wanted.length) {
    throw new AppError('VALIDATION_FAILED', 'Utvärderingen kan bara kopplas till projektets egna mål', {
      goalIds: 'Okänt mål',
    });
  }
  return wanted;
}

function evaluationColumns(values: z.output<typeof evaluationItemInputSchema>, now: string) {
  return {
    why: values.why,
    what: values.what,
    how: values.how,
    collection_dates: JSON.stringify([...new Set(values.collectionDates)].sort()),
    updated_at: now,
  };
}

async function readEvaluationItem(db: Kysely<Database>, projectId: string, itemId: string): Promise<EvaluationItem> {
  const row = await planRepository.findEvaluationItem(db, projectId, itemId);
  if (!row) throw notFound('Utvärderingen');
  return toEvaluationItem(row, await planRepository.goalIdsOfEvaluationItem(db, itemId));
}

export async function createEvaluationItem(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  input: EvaluationItemInput,
): Promise<EvaluationItem> {
  requireEdit(access);
  const values = evaluationItemInputSchema.parse(input);
  const projectId = access.project.id;
  const goalIds = await evaluationGoalIds(context, projectId, values.goalIds);
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const id = newId();
    await planRepository.insertEvaluationItem(trx, {
      id,
      project_id: projectId,
      position: await planRepository.nextEvaluationItemPosition(trx, projectId),
      created_at: now,
      ...evaluationColumns(values, now),
    });
    await planRepository.replaceEvaluationItemGoals(trx, id, goalIds);
    const item = await readEvaluationItem(trx, projectId, id);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'evaluation_item.created',
      entityType: 'evaluation_item',
      entityId: id,
      summary: `Lade till utvärderingen ${item.what}`,
      after: item,
    });
    return item;
  });
}

export async function updateEvaluationItem(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  itemId: string,
  input: EvaluationItemInput & { version: number },
): Promise<EvaluationItem> {
  requireEdit(access);
  const values = evaluationItemInputSchema.parse(input);
  const target = { projectId: access.project.id, id: itemId, version: input.version };
  const goalIds = await evaluationGoalIds(context, target.projectId, values.goalIds);
  return context.db.transaction().execute(async (trx) => {
    const before = await readEvaluationItem(trx, target.projectId, itemId);
    const saved = await planRepository.updateEvaluationItemIfVersion(
      trx,
      target,
      evaluationColumns(values, context.clock.now().toISOString()),
    );
    if (!saved) throw staleVersion('utvärderingen');
    await planRepository.replaceEvaluationItemGoals(trx, itemId, goalIds);
    const after = await readEvaluationItem(trx, target.projectId, itemId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'evaluation_item.updated',
      entityType: 'evaluation_item',
      entityId: itemId,
      summary: `Ändrade utvärderingen ${after.what}`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteEvaluationItem(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  itemId: string,
  version: number,
): Promise<void> {
  requireEdit(access);
  const target = { projectId: access.project.id, id: itemId, version };
  await context.db.transaction().execute(async (trx) => {
    const before = await readEvaluationItem(trx, target.projectId, itemId);
    if (!(await planRepository.deleteEvaluationItemIfVersion(trx, target))) throw staleVersion('utvärderingen');
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'evaluation_item.deleted',
      entityType: 'evaluation_item',
      entityId: itemId,
      summary: `Tog bort utvärderingen ${before.what}`,
      before,
    });
  });
}

// ---- Risks ----

/** A risk's owner is one of the customer's people or one of the vendor's. */
async function assertRiskOwner(context: AppContext, access: ProjectAccess, personId: string | null) {
  if (!personId) return;
  const customerId = await planRepository.personCustomerId(context.db, personId);
  if (customerId === undefined || (customerId !== null && customerId !== access.project.customerId)) {
    throw new AppError('VALIDATION_FAILED', 'Välj en person hos kunden eller leverantören', {
      ownerPersonId: 'Okänd person',
    });
  }
}

async function requireRisk(db: Kysely<Database>, projectId: string, riskId: string): Promise<RiskRow> {
  const row = await planRepository.findRisk(db, projectId, riskId);
  if (!row) throw notFound('Risken');
  return row;
}

/** Adds a risk of the project's own, after the others. */
export async function createRisk(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  input: RiskInput,
): Promise<Risk> {
  requireEdit(access);
  const values = riskInputSchema.parse(input);
  await assertRiskOwner(context, access, values.ownerPersonId);
  const projectId = access.project.id;
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const id = newId();
    await planRepository.insertRisk(trx, {
      id,
      project_id: projectId,
      position: await planRepository.nextRiskPosition(trx, projectId),
      cause_key: null,
      title: values.title,
      leadership_issue: values.leadershipIssue ? 1 : 0,
      likelihood: values.likelihood,
      impact: values.impact,
      mitigation: values.mitigation,
      owner_person_id: values.ownerPersonId,
      status: values.status,
      created_at: now,
      updated_at: now,
    });
    const risk = toRisk(await requireRisk(trx, projectId, id));
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'risk.created',
      entityType: 'risk',
      entityId: id,
      summary: `Lade till risken ${risk.title}`,
      after: risk,
    });
    return risk;
  });
}

/** Assesses or changes a risk. Whether a template risk is a leadership issue is the template's call. */
export async function updateRisk(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  riskId: string,
  input: RiskInput & { version: number },
): Promise<Risk> {
  requireEdit(access);
  const values = riskInputSchema.parse(input);
  await assertRiskOwner(context, access, values.ownerPersonId);
  const target = { projectId: access.project.id, id: riskId, version: input.version };
  return context.db.transaction().execute(async (trx) => {
    const before = await requireRisk(trx, target.projectId, riskId);
    const saved = await planRepository.updateRiskIfVersion(trx, target, {
      title: values.title,
      leadership_issue: before.cause_key === null ? (values.leadershipIssue ? 1 : 0) : before.leadership_issue,
      likelihood: values.likelihood,
      impact: values.impact,
      mitigation: values.mitigation,
      owner_person_id: values.ownerPersonId,
      status: values.status,
      updated_at: context.clock.now().toISOString(),
    });
    if (!saved) throw staleVersion('risken');
    const after = toRisk(await requireRisk(trx, target.projectId, riskId));
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'risk.updated',
      entityType: 'risk',
      entityId: riskId,
      summary: `Ändrade risken ${after.title}`,
      before: toRisk(before),
      after,
    });
    return after;
  });
}

/** Removes a risk the project added; the template's risks stay, to be closed instead. */
export async function deleteRisk(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  riskId: string,
  version: number,
): Promise<void> {
  requireEdit(access);
  const target = { projectId: access.project.id, id: riskId, version };
  await context.db.transaction().execute(async (trx) => {
    const before = toRisk(await requireRisk(trx, target.projectId, riskId));
    if (before.causeKey !== null) {
      throw new AppError(
        'CONFLICT',
        `Risken ${before.title} kommer från mallen och kan inte tas bort. Sätt dess status till ”Stängd” om den inte längre är aktuell.`,
      );
    }
    if (!(await planRepository.deleteRiskIfVersion(trx, target))) throw staleVersion('risken');
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'risk.deleted',
      entityType: 'risk',
      entityId: riskId,
      summary: `Tog bort risken ${before.title}`,
      before,
    });
  });
}

// ---- Success factors ----

/** Describes how the project works on one of the template's keywords. */
export async function updateSuccessFactor(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  factorId: string,
  input: z.input<typeof successFactorUpdateBodySchema>,
): Promise<SuccessFactor> {
  requireEdit(access);
  const values = successFactorUpdateBodySchema.parse(input);
  const target = { projectId: access.project.id, id: factorId, version: values.version };
  return context.db.transaction().execute(async (trx) => {
    const before = await planRepository.findSuccessFactor(trx, target.projectId, factorId);
    if (!before) throw notFound('Framgångsfaktorn');
    const saved = await planRepository.updateSuccessFactorIfVersion(trx, target, {
      approach: values.approach,
      updated_at: context.clock.now().toISOString(),
    });
    if (!saved) throw staleVersion('framgångsfaktorn');
    const after = await planRepository.findSuccessFactor(trx, target.projectId, factorId);
    if (!after) throw notFound('Framgångsfaktorn');
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'success_factor.updated',
      entityType: 'success_factor',
      entityId: factorId,
      summary: `Ändrade hur projektet arbetar med ${after.title}`,
      before: toSuccessFactor(before),
      after: toSuccessFactor(after),
    });
    return toSuccessFactor(after);
  });
}
