import type { Kysely } from 'kysely';
import type { Database, KeyActivitiesTable, ProjectClosuresTable, RoleAssignmentsTable } from '../db/schema.js';

export const closureRepository = {
  project: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('projects')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .select([
        'projects.id',
        'projects.name',
        'projects.phase',
        'projects.start_date',
        'customers.name as customer_name',
      ])
      .where('projects.id', '=', projectId)
      .executeTakeFirst(),

  /** The checklist activities not ticked yet, in the checklist's order. */
  openActivities: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('activities')
      .select(['id', 'title', 'group_key', 'deadline'])
      .where('project_id', '=', projectId)
      .where('done_at', 'is', null)
      .orderBy('position')
      .execute(),

  approval: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('project_closures').selectAll().where('project_id', '=', projectId).executeTakeFirst(),

  /** False when the closure was already approved: two approvers at once, and only one wins. */
  async insertApproval(db: Kysely<Database>, row: ProjectClosuresTable): Promise<boolean> {
    const result = await db
      .insertInto('project_closures')
      .values(row)
      .onConflict((oc) => oc.column('project_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async moveToOperations(db: Kysely<Database>, projectId: string): Promise<void> {
    await db.updateTable('projects').set({ phase: 'operations' }).where('id', '=', projectId).execute();
  },

  /** The project's key activity of a template key; the first in the plan's order should there be several. */
  keyActivityOfTemplate: (db: Kysely<Database>, projectId: string, templateKey: string) =>
    db
      .selectFrom('key_activities')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('template_key', '=', templateKey)
      .orderBy('position')
      .limit(1)
      .executeTakeFirst(),

  /** Adds a key activity last in the plan's order. */
  async insertKeyActivityLast(db: Kysely<Database>, row: Omit<KeyActivitiesTable, 'version' | 'position'>) {
    const last = await db
      .selectFrom('key_activities')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('project_id', '=', row.project_id)
      .executeTakeFirst();
    const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
    await db
      .insertInto('key_activities')
      .values({ ...row, position })
      .execute();
  },

  /** Projects started as the next step of this one, newest first. */
  followOns: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('follow_on_projects')
      .innerJoin('projects', 'projects.id', 'follow_on_projects.project_id')
      .select(['projects.id', 'projects.name', 'follow_on_projects.created_at'])
      .where('follow_on_projects.follows_project_id', '=', projectId)
      .orderBy('follow_on_projects.created_at', 'desc')
      .orderBy('projects.name')
      .execute(),

  async insertFollowOn(db: Kysely<Database>, row: { projectId: string; followsProjectId: string; createdAt: string }) {
    await db
      .insertInto('follow_on_projects')
      .values({ project_id: row.projectId, follows_project_id: row.followsProjectId, created_at: row.createdAt })
      .execute();
  },

  roleAssignments: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('role_assignments')
      .select(['role_key', 'school_id', 'person_id'])
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .execute(),

  async insertRoleAssignments(db: Kysely<Database>, rows: RoleAssignmentsTable[]): Promise<void> {
    if (rows.length > 0) await db.insertInto('role_assignments').values(rows).execute();
  },

  /** The project's activity from a template activity, if it is still open. */
  openTemplateActivity: (db: Kysely<Database>, projectId: string, templateActivityKey: string) =>
    db
      .selectFrom('activities')
      .select(['id', 'title', 'version'])
      .where('project_id', '=', projectId)
      .where('template_activity_key', '=', templateActivityKey)
      .where('done_at', 'is', null)
      .orderBy('position')
      .limit(1)
      .executeTakeFirst(),

  /** Ticks the activity unless someone ticked it or changed it since `version`; returns whether it did. */
  async tickIfVersion(
    db: Kysely<Database>,
    target: { activityId: string; version: number },
    done: { at: string; byUserId: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('activities')
      .set((eb) => ({
        done_at: done.at,
        done_by_user_id: done.byUserId,
        updated_at: done.at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', target.activityId)
      .where('version', '=', target.version)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
