import type { Kysely, Selectable } from 'kysely';
import type { Database, GoalMeasurementSettingsTable, GoalMeasurementsTable } from '../db/schema.js';
import { GOALS_SECTION } from '../plan/sections.js';

const goalColumns = [
  'goals.id',
  'goals.project_id',
  'goals.kind',
  'goals.title',
  'goals.measure',
  'goals.unit',
  'goals.unit_label',
  'goals.baseline',
  'goals.target',
  'goals.target_date',
] as const;

export type MeasurementRow = Selectable<GoalMeasurementsTable>;

/** The customer role told when nobody else is named: who leads the project on the customer's side. */
const PROJECT_LEADER_ROLE = 'projektledare';

export const measurementRepository = {
  /** The project's effect goals in the plan's order. */
  effectGoals: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('goals')
      .select(goalColumns)
      .where('goals.project_id', '=', projectId)
      .where('goals.kind', '=', 'effect')
      .orderBy('goals.position')
      .orderBy('goals.created_at')
      .execute(),

  findGoal: (db: Kysely<Database>, projectId: string, goalId: string) =>
    db
      .selectFrom('goals')
      .select(goalColumns)
      .where('goals.project_id', '=', projectId)
      .where('goals.id', '=', goalId)
      .executeTakeFirst(),

  /** Effect goals of any project whose target date lies in [from, to]. */
  effectGoalsWithTargetDateBetween: (db: Kysely<Database>, from: string, to: string) =>
    db
      .selectFrom('goals')
      .select(goalColumns)
      .where('goals.kind', '=', 'effect')
      .where('goals.target_date', '>=', from)
      .where('goals.target_date', '<=', to)
      .execute(),

  /** Oldest first. */
  measurementsOfProject: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('goal_measurements')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('measured_on')
      .orderBy('created_at')
      .execute(),

  /** Oldest first. */
  async measurementsOfGoals(db: Kysely<Database>, goalIds: readonly string[]): Promise<MeasurementRow[]> {
    if (goalIds.length === 0) return [];
    return db
      .selectFrom('goal_measurements')
      .selectAll()
      .where('goal_id', 'in', goalIds)
      .orderBy('measured_on')
      .orderBy('created_at')
      .execute();
  },

  async insertMeasurement(db: Kysely<Database>, row: MeasurementRow): Promise<void> {
    await db.insertInto('goal_measurements').values(row).execute();
  },

  async deleteMeasurement(db: Kysely<Database>, measurementId: string): Promise<boolean> {
    const result = await db.deleteFrom('goal_measurements').where('id', '=', measurementId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  findComputation: (db: Kysely<Database>, goalId: string, computationId: string) =>
    db
      .selectFrom('measurement_computations')
      .select(['id', 'method', 'value', 'result'])
      .where('goal_id', '=', goalId)
      .where('id', '=', computationId)
      .executeTakeFirst(),

  /** Each goal's settings with the measurer's name. */
  settingsOfProject: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('goal_measurement_settings')
      .leftJoin('people', 'people.id', 'goal_measurement_settings.measurer_person_id')
      .selectAll('goal_measurement_settings')
      .select('people.name as measurer_name')
      .where('goal_measurement_settings.project_id', '=', projectId)
      .execute(),

  findSettings: (db: Kysely<Database>, goalId: string) =>
    db.selectFrom('goal_measurement_settings').selectAll().where('goal_id', '=', goalId).executeTakeFirst(),

  async measurerOf(db: Kysely<Database>, projectId: string, goalId: string): Promise<string | null> {
    const row = await db
      .selectFrom('goal_measurement_settings')
      .select('measurer_person_id')
      .where('project_id', '=', projectId)
      .where('goal_id', '=', goalId)
      .executeTakeFirst();
    return row?.measurer_person_id ?? null;
  },

  async measurersOfGoals(db: Kysely<Database>, goalIds: readonly string[]): Promise<Map<string, string>> {
    if (goalIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('goal_measurement_settings')
      .select(['goal_id', 'measurer_person_id'])
      .where('goal_id', 'in', goalIds)
      .where('measurer_person_id', 'is not', null)
      .execute();
    return new Map(rows.map((row) => [row.goal_id, row.measurer_person_id as string]));
  },

  /** The first settings of a goal, unless someone saved some first: says whether these were inserted. */
  async insertSettings(
    db: Kysely<Database>,
    row: Pick<GoalMeasurementSettingsTable, 'goal_id' | 'project_id' | 'measurer_person_id' | 'updated_at'>,
  ): Promise<boolean> {
    const result = await db
      .insertInto('goal_measurement_settings')
      .values({ ...row, method: null, mapping: null })
      .onConflict((oc) => oc.column('goal_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  /** Saves the measurer only if nobody saved the settings since `version`; says whether it did. */
  async updateMeasurerIfVersion(
    db: Kysely<Database>,
    target: { goalId: string; version: number },
    change: Pick<GoalMeasurementSettingsTable, 'measurer_person_id' | 'updated_at'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('goal_measurement_settings')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('goal_id', '=', target.goalId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  evaluationItemsOfProject: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('evaluation_items').select(['id', 'collection_dates']).where('project_id', '=', projectId).execute(),

  evaluationLinksOfProject: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('evaluation_item_goals')
      .innerJoin('evaluation_items', 'evaluation_items.id', 'evaluation_item_goals.evaluation_item_id')
      .select(['evaluation_item_goals.evaluation_item_id', 'evaluation_item_goals.goal_id'])
      .where('evaluation_items.project_id', '=', projectId)
      .execute(),

  /** Every effect goal linked to an evaluation item, with the item's collection dates: what may be due. */
  collectionSchedules: (db: Kysely<Database>) =>
    db
      .selectFrom('evaluation_item_goals')
      .innerJoin('evaluation_items', 'evaluation_items.id', 'evaluation_item_goals.evaluation_item_id')
      .innerJoin('goals', 'goals.id', 'evaluation_item_goals.goal_id')
      .select(['evaluation_items.id as evaluation_item_id', 'evaluation_items.collection_dates', ...goalColumns])
      .where('goals.kind', '=', 'effect')
      .execute(),

  async projects(db: Kysely<Database>, projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    return db
      .selectFrom('projects')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .select([
        'projects.id',
        'projects.name',
        'projects.start_date',
        'projects.customer_id',
        'customers.name as customer_name',
      ])
      .where('projects.id', 'in', projectIds)
      .execute();
  },

  /** The details of each project's Mål section, where the person informed about the goals is kept. */
  async goalSectionDetails(db: Kysely<Database>, projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    return db
      .selectFrom('plan_sections')
      .select(['project_id', 'details'])
      .where('section_key', '=', GOALS_SECTION)
      .where('project_id', 'in', projectIds)
      .execute();
  },

  /** The customer's people, by name. */
  customerPeople: (db: Kysely<Database>, customerId: string) =>
    db.selectFrom('people').select(['id', 'name']).where('customer_id', '=', customerId).orderBy('name').execute(),

  /** The customer a person belongs to (null: the vendor's own), or undefined when there is no such person. */
  async personCustomerId(db: Kysely<Database>, personId: string): Promise<string | null | undefined> {
    const row = await db.selectFrom('people').select('customer_id').where('id', '=', personId).executeTakeFirst();
    return row?.customer_id;
  },

  async personName(db: Kysely<Database>, personId: string): Promise<string | null> {
    const row = await db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst();
    return row?.name ?? null;
  },

  /** These people, those with an e-mail address. */
  async mailablePeople(db: Kysely<Database>, personIds: readonly string[]) {
    if (personIds.length === 0) return [];
    return db
      .selectFrom('people')
      .select(['id', 'name', 'email'])
      .where('id', 'in', personIds)
      .where('email', 'is not', null)
      .where('email', '<>', '')
      .execute();
  },

  /** The customer's Projektledare of each project, those with an e-mail address. */
  async mailableProjectLeaders(db: Kysely<Database>, projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    return db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select(['role_assignments.project_id', 'people.id', 'people.name', 'people.email'])
      .where('role_assignments.project_id', 'in', projectIds)
      .where('role_assignments.role_key', '=', PROJECT_LEADER_ROLE)
      .where('people.email', 'is not', null)
      .where('people.email', '<>', '')
      .orderBy('people.name')
      .execute();
  },
};

export type EffectGoalRow = Awaited<ReturnType<typeof measurementRepository.effectGoals>>[number];
export type SettingsRow = Awaited<ReturnType<typeof measurementRepository.settingsOfProject>>[number];
