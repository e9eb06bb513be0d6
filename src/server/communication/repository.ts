import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CommunicationItemsTable, Database } from '../db/schema.js';

export type CommunicationItemInsert = Insertable<CommunicationItemsTable>;

/** Columns a change of an item may set; left out, a column keeps its value. */
export type CommunicationItemChange = Omit<
  Updateable<CommunicationItemsTable>,
  'id' | 'project_id' | 'position' | 'version' | 'created_at'
>;

interface VersionedTarget {
  projectId: string;
  id: string;
  version: number;
}

/** An item with the date and title of the key activity it follows and its responsible person's name. */
const selectItems = (db: Kysely<Database>) =>
  db
    .selectFrom('communication_items')
    .leftJoin('key_activities', 'key_activities.id', 'communication_items.key_activity_id')
    .leftJoin('people', 'people.id', 'communication_items.responsible_person_id')
    .selectAll('communication_items')
    .select([
      'key_activities.title as key_activity_title',
      'key_activities.date as key_activity_date',
      'people.name as responsible_name',
    ]);

export const communicationRepository = {
  async insertItems(db: Kysely<Database>, rows: CommunicationItemInsert[]): Promise<void> {
    if (rows.length > 0) await db.insertInto('communication_items').values(rows).execute();
  },

  items: (db: Kysely<Database>, projectId: string) =>
    selectItems(db)
      .where('communication_items.project_id', '=', projectId)
      .orderBy('communication_items.position')
      .orderBy('communication_items.created_at')
      .execute(),

  findItem: (db: Kysely<Database>, projectId: string, itemId: string) =>
    selectItems(db)
      .where('communication_items.project_id', '=', projectId)
      .where('communication_items.id', '=', itemId)
      .executeTakeFirst(),

  async nextPosition(db: Kysely<Database>, projectId: string): Promise<number> {
    const row = await db
      .selectFrom('communication_items')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  },

  /** Applies the change only if nobody saved the item since `version`; says whether it did. */
  async updateItemIfVersion(
    db: Kysely<Database>,
    target: VersionedTarget,
    change: CommunicationItemChange & { updated_at: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('communication_items')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async deleteItemIfVersion(db: Kysely<Database>, target: VersionedTarget): Promise<boolean> {
    const result = await db
      .deleteFrom('communication_items')
      .where('id', '=', target.id)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  keyActivities: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('key_activities')
      .select(['id', 'title', 'date'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute(),

  findKeyActivity: (db: Kysely<Database>, projectId: string, keyActivityId: string) =>
    db
      .selectFrom('key_activities')
      .select(['id', 'title', 'date'])
      .where('project_id', '=', projectId)
      .where('id', '=', keyActivityId)
      .executeTakeFirst(),

  /** The customer a person belongs to (null: the vendor's own), or undefined when there is no such person. */
  async personCustomerId(db: Kysely<Database>, personId: string): Promise<string | null | undefined> {
    const row = await db.selectFrom('people').select('customer_id').where('id', '=', personId).executeTakeFirst();
    return row?.customer_id;
  },

  guide: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('process_guides').selectAll().where('project_id', '=', projectId).executeTakeFirst(),

  /**
   * The guide's first save. Two first saves at once cannot both win: the second inserts nothing
   * (on both databases, without aborting the transaction) and is told so.
   */
  async insertGuideIfAbsent(
    db: Kysely<Database>,
    row: { project_id: string; introduction: string; updated_at: string },
  ): Promise<boolean> {
    const result = await db
      .insertInto('process_guides')
      .values(row)
      .onConflict((conflict) => conflict.column('project_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async updateGuideIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; version: number },
    change: { introduction: string; updated_at: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('process_guides')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The plan's effect goals, in the plan's order: the guide has a part for each. */
  effectGoals: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('goals')
      .select(['id', 'title', 'measure'])
      .where('project_id', '=', projectId)
      .where('kind', '=', 'effect')
      .orderBy('position')
      .orderBy('created_at')
      .execute(),

  findEffectGoal: (db: Kysely<Database>, projectId: string, goalId: string) =>
    db
      .selectFrom('goals')
      .select(['id', 'title', 'measure'])
      .where('project_id', '=', projectId)
      .where('id', '=', goalId)
      .where('kind', '=', 'effect')
      .executeTakeFirst(),

  guideGoals: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('process_guide_goals').selectAll().where('project_id', '=', projectId).execute(),

  findGuideGoal: (db: Kysely<Database>, projectId: string, goalId: string) =>
    db
      .selectFrom('process_guide_goals')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('goal_id', '=', goalId)
      .executeTakeFirst(),

  async insertGuideGoalIfAbsent(
    db: Kysely<Database>,
    row: { goal_id: string; project_id: string; usage: string; statistics: string; updated_at: string },
  ): Promise<boolean> {
    const result = await db
      .insertInto('process_guide_goals')
      .values(row)
      .onConflict((conflict) => conflict.column('goal_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async updateGuideGoalIfVersion(
    db: Kysely<Database>,
    target: { goalId: string; version: number },
    change: { usage: string; statistics: string; updated_at: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('process_guide_goals')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('goal_id', '=', target.goalId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};

export type CommunicationItemRow = Awaited<ReturnType<typeof communicationRepository.items>>[number];
export type GuideGoalRow = Awaited<ReturnType<typeof communicationRepository.guideGoals>>[number];
export type EffectGoalRow = Awaited<ReturnType<typeof communicationRepository.effectGoals>>[number];
