import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PlanSeed } from './seed.js';

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

  goals: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('goals')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),

  evaluationItems: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('evaluation_items')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),

  evaluationGoalLinks: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('evaluation_item_goals')
      .innerJoin('evaluation_items', 'evaluation_items.id', 'evaluation_item_goals.evaluation_item_id')
      .select(['evaluation_item_goals.evaluation_item_id', 'evaluation_item_goals.goal_id'])
      .where('evaluation_items.project_id', '=', projectId)
      .execute(),

  risks: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('risks')
      .leftJoin('people', 'people.id', 'risks.owner_person_id')
      .selectAll('risks')
      .select('people.name as owner_name')
      .where('risks.project_id', '=', projectId)
      .orderBy('risks.position')
      .orderBy('risks.created_at')
      .execute(),

  successFactors: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('success_factors').selectAll().where('project_id', '=', projectId).orderBy('position').execute(),

  keyActivities: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('key_activities').selectAll().where('project_id', '=', projectId).orderBy('position').execute(),

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
