import type { Kysely, UpdateObject } from 'kysely';
import type {
  Database,
  EvaluationItemsTable,
  GoalsTable,
  PlanSectionsTable,
  RisksTable,
  SuccessFactorsTable,
} from '../db/schema.js';
import type { PlanSeed } from './seed.js';

type PositionedTable = 'goals' | 'evaluation_items' | 'risks';
type VersionedTable = PositionedTable | 'success_factors';

export type GoalChange = Omit<GoalsTable, 'id' | 'project_id' | 'position' | 'version' | 'created_at'>;
export type EvaluationItemChange = Pick<
  EvaluationItemsTable,
  'why' | 'what' | 'how' | 'collection_dates' | 'updated_at'
>;
export type RiskChange = Omit<RisksTable, 'id' | 'project_id' | 'position' | 'cause_key' | 'version' | 'created_at'>;

/** Where a versioned row of a project is changed: only while it still has `version`. */
interface VersionedTarget {
  projectId: string;
  id: string;
  version: number;
}

const selectRisks = (db: Kysely<Database>) =>
  db
    .selectFrom('risks')
    .leftJoin('people', 'people.id', 'risks.owner_person_id')
    .selectAll('risks')
    .select('people.name as owner_name');

async function nextPosition(db: Kysely<Database>, table: PositionedTable, projectId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('last'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** Applies a change only if nobody saved the row since `target.version`; says whether it did. */
async function updateIfVersion<Table extends VersionedTable>(
  db: Kysely<Database>,
  table: Table,
  target: VersionedTarget,
  change: UpdateObject<Database, Table>,
): Promise<boolean> {
  const result = await db
    // The union, not the type parameter: Kysely resolves the shared columns only for a concrete table type.
    .updateTable(table as VersionedTable)
    .set((eb) => ({ ...(change as object), version: eb('version', '+', 1) }))
    .where('id', '=', target.id)
    .where('project_id', '=', target.projectId)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function deleteIfVersion(db: Kysely<Database>, table: PositionedTable, target: VersionedTarget) {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', target.id)
    .where('project_id', '=', target.projectId)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export const planRepository = {
  async insertSeed(db: Kysely<Database>, seed: PlanSeed): Promise<void> {
    if (seed.sections.length > 0) await db.insertInto('plan_sections').values(seed.sections).execute();
    if (seed.risks.length > 0) await db.insertInto('risks').values(seed.risks).execute();
    if (seed.successFactors.length > 0) await db.insertInto('success_factors').values(seed.successFactors).execute();
    if (seed.keyActivities.length > 0) await db.insertInto('key_activities').values(seed.keyActivities).execute();
  },

  sections: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('plan_sections').selectAll().where('project_id', '=', projectId).execute(),

  findSection: (db: Kysely<Database>, projectId: string, sectionKey: string) =>
    db
      .selectFrom('plan_sections')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('section_key', '=', sectionKey)
      .executeTakeFirst(),

  /** Saves the section only if nobody saved it since `version`; returns whether it did. */
  async updateSectionIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; sectionKey: string; version: number },
    change: Pick<PlanSectionsTable, 'texts' | 'details' | 'updated_at' | 'updated_by_name'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('plan_sections')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('project_id', '=', target.projectId)
      .where('section_key', '=', target.sectionKey)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  goals: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('goals')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),

  findGoal: (db: Kysely<Database>, projectId: string, goalId: string) =>
    db.selectFrom('goals').selectAll().where('project_id', '=', projectId).where('id', '=', goalId).executeTakeFirst(),

  /** Those of `goalIds` that are goals of the project. */
  async goalIdsInProject(db: Kysely<Database>, projectId: string, goalIds: string[]): Promise<string[]> {
    if (goalIds.length === 0) return [];
    const rows = await db
      .selectFrom('goals')
      .select('id')
      .where('project_id', '=', projectId)
      .where('id', 'in', goalIds)
      .execute();
    return rows.map((row) => row.id);
  },

  nextGoalPosition: (db: Kysely<Database>, projectId: string) => nextPosition(db, 'goals', projectId),

  async insertGoal(db: Kysely<Database>, row: Omit<GoalsTable, 'version'>): Promise<void> {
    await db.insertInto('goals').values(row).execute();
  },

  updateGoalIfVersion: (db: Kysely<Database>, target: VersionedTarget, change: GoalChange) =>
    updateIfVersion(db, 'goals', target, change),

  /** The goal's evaluation links go with it (foreign key on delete cascade). */
  deleteGoalIfVersion: (db: Kysely<Database>, target: VersionedTarget) => deleteIfVersion(db, 'goals', target),

  evaluationItems: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('evaluation_items')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),

  /** In the goals' order, so that an item lists its goals as the plan does. */
  evaluationGoalLinks: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('evaluation_item_goals')
      .innerJoin('evaluation_items', 'evaluation_items.id', 'evaluation_item_goals.evaluation_item_id')
      .innerJoin('goals', 'goals.id', 'evaluation_item_goals.goal_id')
      .select(['evaluation_item_goals.evaluation_item_id', 'evaluation_item_goals.goal_id'])
      .where('evaluation_items.project_id', '=', projectId)
      .orderBy('goals.position')
      .orderBy('goals.created_at')
      .execute(),

  findEvaluationItem: (db: Kysely<Database>, projectId: string, itemId: string) =>
    db
      .selectFrom('evaluation_items')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', itemId)
      .executeTakeFirst(),

  async goalIdsOfEvaluationItem(db: Kysely<Database>, itemId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('evaluation_item_goals')
      .innerJoin('goals', 'goals.id', 'evaluation_item_goals.goal_id')
      .select('goals.id')
      .where('evaluation_item_goals.evaluation_item_id', '=', itemId)
      .orderBy('goals.position')
      .orderBy('goals.created_at')
      .execute();
    return rows.map((row) => row.id);
  },

  nextEvaluationItemPosition: (db: Kysely<Database>, projectId: string) =>
    nextPosition(db, 'evaluation_items', projectId),

  async insertEvaluationItem(db: Kysely<Database>, row: Omit<EvaluationItemsTable, 'version'>): Promise<void> {
    await db.insertInto('evaluation_items').values(row).execute();
  },

  updateEvaluationItemIfVersion: (db: Kysely<Database>, target: VersionedTarget, change: EvaluationItemChange) =>
    updateIfVersion(db, 'evaluation_items', target, change),

  async replaceEvaluationItemGoals(db: Kysely<Database>, itemId: string, goalIds: string[]): Promise<void> {
    await db.deleteFrom('evaluation_item_goals').where('evaluation_item_id', '=', itemId).execute();
    if (goalIds.length === 0) return;
    await db
      .insertInto('evaluation_item_goals')
      .values(goalIds.map((goalId) => ({ evaluation_item_id: itemId, goal_id: goalId })))
      .execute();
  },

  deleteEvaluationItemIfVersion: (db: Kysely<Database>, target: VersionedTarget) =>
    deleteIfVersion(db, 'evaluation_items', target),

  risks: (db: Kysely<Database>, projectId: string) =>
    selectRisks(db)
      .where('risks.project_id', '=', projectId)
      .orderBy('risks.position')
      .orderBy('risks.created_at')
      .execute(),

  findRisk: (db: Kysely<Database>, projectId: string, riskId: string) =>
    selectRisks(db).where('risks.project_id', '=', projectId).where('risks.id', '=', riskId).executeTakeFirst(),

  nextRiskPosition: (db: Kysely<Database>, projectId: string) => nextPosition(db, 'risks', projectId),

  async insertRisk(db: Kysely<Database>, row: Omit<RisksTable, 'version'>): Promise<void> {
    await db.insertInto('risks').values(row).execute();
  },

  updateRiskIfVersion: (db: Kysely<Database>, target: VersionedTarget, change: RiskChange) =>
    updateIfVersion(db, 'risks', target, change),

  deleteRiskIfVersion: (db: Kysely<Database>, target: VersionedTarget) => deleteIfVersion(db, 'risks', target),

  successFactors: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('success_factors').selectAll().where('project_id', '=', projectId).orderBy('position').execute(),

  findSuccessFactor: (db: Kysely<Database>, projectId: string, factorId: string) =>
    db
      .selectFrom('success_factors')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', factorId)
      .executeTakeFirst(),

  updateSuccessFactorIfVersion: (
    db: Kysely<Database>,
    target: VersionedTarget,
    change: Pick<SuccessFactorsTable, 'approach' | 'updated_at'>,
  ) => updateIfVersion(db, 'success_factors', target, change),

  keyActivities: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('key_activities').selectAll().where('project_id', '=', projectId).orderBy('position').execute(),

  /** The customer a person belongs to (null: the vendor's own), or undefined when there is no such person. */
  async personCustomerId(db: Kysely<Database>, personId: string): Promise<string | null | undefined> {
    const row = await db.selectFrom('people').select('customer_id').where('id', '=', personId).executeTakeFirst();
    return row?.customer_id;
  },

  personNames: async (db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};

export type PlanSectionRow = Awaited<ReturnType<typeof planRepository.sections>>[number];
export type GoalRow = Awaited<ReturnType<typeof planRepository.goals>>[number];
export type EvaluationItemRow = Awaited<ReturnType<typeof planRepository.evaluationItems>>[number];
export type RiskRow = Awaited<ReturnType<typeof planRepository.risks>>[number];
export type SuccessFactorRow = Awaited<ReturnType<typeof planRepository.successFactors>>[number];
export type KeyActivityRow = Awaited<ReturnType<typeof planRepository.keyActivities>>[number];
