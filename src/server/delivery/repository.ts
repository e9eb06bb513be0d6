import type { Kysely } from 'kysely';
import { deliveryActivityKeys } from '../../shared/delivery.js';
import type { DatabaseKind } from '../db/database.js';
import type { Database, DeliveryStepsTable } from '../db/schema.js';

export type StepRow = Awaited<ReturnType<typeof deliveryRepository.steps>>[number];
export type LinkedActivityRow = Awaited<ReturnType<typeof deliveryRepository.linkedActivities>>[number];

const selectSteps = (db: Kysely<Database>) =>
  db
    .selectFrom('delivery_steps')
    .leftJoin('people', 'people.id', 'delivery_steps.done_by_person_id')
    .select([
      'delivery_steps.id',
      'delivery_steps.school_id',
      'delivery_steps.step_key',
      'delivery_steps.done_on',
      'delivery_steps.done_by_person_id',
      'people.name as done_by_name',
      'delivery_steps.recorded_by_name',
      'delivery_steps.created_at',
    ]);

export const deliveryRepository = {
  /**
   * Makes the project's delivery changes wait for each other until commit. Without it, on
   * PostgreSQL an undo and the marking of the next step could both pass their checks and leave a
   * step done without the one before it. SQLite runs one transaction at a time anyway.
   */
  async lockProject(db: Kysely<Database>, kind: DatabaseKind, projectId: string): Promise<void> {
    await db
      .selectFrom('projects')
      .select('id')
      .where('id', '=', projectId)
      .$if(kind === 'postgres', (query) => query.forUpdate())
      .execute();
  },

  schools: (db: Kysely<Database>, customerId: string) =>
    db.selectFrom('schools').select(['id', 'name']).where('customer_id', '=', customerId).execute(),

  findSchool: (db: Kysely<Database>, customerId: string, schoolId: string) =>
    db
      .selectFrom('schools')
      .select(['id', 'name'])
      .where('customer_id', '=', customerId)
      .where('id', '=', schoolId)
      .executeTakeFirst(),

  /** The holders of the given roles in the project, with their names. */
  holders: (db: Kysely<Database>, projectId: string, roleKeys: readonly string[]) =>
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select(['role_assignments.role_key', 'role_assignments.school_id', 'people.id', 'people.name'])
      .where('role_assignments.project_id', '=', projectId)
      .where('role_assignments.role_key', 'in', roleKeys)
      .orderBy('people.name')
      .orderBy('people.id')
      .execute(),

  /** Every role the person holds in the project, with the school it is held at (null: the whole project). */
  rolesOf: (db: Kysely<Database>, projectId: string, personId: string) =>
    db
      .selectFrom('role_assignments')
      .select(['role_key', 'school_id'])
      .where('project_id', '=', projectId)
      .where('person_id', '=', personId)
      .execute(),

  steps: (db: Kysely<Database>, projectId: string) =>
    selectSteps(db).where('delivery_steps.project_id', '=', projectId).execute(),

  findStep: (db: Kysely<Database>, projectId: string, stepId: string) =>
    selectSteps(db)
      .where('delivery_steps.project_id', '=', projectId)
      .where('delivery_steps.id', '=', stepId)
      .executeTakeFirst(),

  /** False when the step is already recorded (its delivery key is unique). */
  async insertStepIfNew(db: Kysely<Database>, row: DeliveryStepsTable): Promise<boolean> {
    const result = await db
      .insertInto('delivery_steps')
      .values(row)
      .onConflict((conflict) => conflict.column('delivery_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async deleteStep(db: Kysely<Database>, stepId: string): Promise<void> {
    await db.deleteFrom('delivery_steps').where('id', '=', stepId).execute();
  },

  /** The project's checklist activities that the delivery steps stand for, as far as it still has them. */
  linkedActivities: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('activities')
      .select(['id', 'template_activity_key', 'title', 'done_at'])
      .where('project_id', '=', projectId)
      .where('template_activity_key', 'in', deliveryActivityKeys)
      .orderBy('position')
      .execute(),

  /** Ticks the activity (or opens it again, with null) as a change of its own: its version moves on. */
  async setActivityDone(
    db: Kysely<Database>,
    activityId: string,
    done: { at: string; byUserId: string } | null,
    updatedAt: string,
  ): Promise<void> {
    await db
      .updateTable('activities')
      .set((eb) => ({
        done_at: done?.at ?? null,
        done_by_user_id: done?.byUserId ?? null,
        version: eb('version', '+', 1),
        updated_at: updatedAt,
      }))
      .where('id', '=', activityId)
      .execute();
  },

  /** The people of a customer, or the vendor's own with null. */
  people: (db: Kysely<Database>, customerId: string | null) =>
    db
      .selectFrom('people')
      .select(['id', 'name'])
      .$call((query) =>
        customerId === null ? query.where('customer_id', 'is', null) : query.where('customer_id', '=', customerId),
      )
      .orderBy('name')
      .orderBy('id')
      .execute(),

  findPerson: (db: Kysely<Database>, personId: string) =>
    db.selectFrom('people').select(['id', 'name', 'customer_id']).where('id', '=', personId).executeTakeFirst(),
};
