import type { EvaluationItem, Goal, KeyActivity, Plan, PlanSection, Risk, SuccessFactor } from '../../shared/plan.js';
import { type RichText, richTextSchema } from '../../shared/rich-text.js';
import type { TemplateContent } from '../../shared/templates.js';
import type { ProjectAccess } from '../access/service.js';
import type { AppContext } from '../core/context.js';
import { getVendorName } from '../settings/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import {
  type EvaluationItemRow,
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
