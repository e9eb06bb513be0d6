import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled.js';
import type { Database } from '../db/schema.js';

const activityColumns = [
  'activities.id',
  'activities.group_key',
  'activities.position',
  'activities.template_activity_key',
  'activities.title',
  'activities.customer_role_keys',
  'activities.vendor_role_keys',
  'activities.deadline',
  'activities.done_at',
  'activities.version',
  'users.id as done_by_id',
  'users.name as done_by_name',
] as const;

const selectActivities = (db: Kysely<Database>) =>
  db.selectFrom('activities').leftJoin('users', 'users.id', 'activities.done_by_user_id').select(activityColumns);

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

export interface ActivityChange {
  deadline?: string | null;
  done?: { at: string; byUserId: string } | null;
}

const activitiesOfProject = precompiled(
  (db, projectId: string) =>
    selectActivities(db).where('activities.project_id', '=', projectId).orderBy('activities.position'),
  [''],
);

export const checklistRepository = {
  listByProject: (db: Kysely<Database>, projectId: string): Promise<ActivityRow[]> =>
    activitiesOfProject(db, projectId),

  findInProject(db: Kysely<Database>, projectId: string, activityId: string): Promise<ActivityRow | undefined> {
    return selectActivities(db)
      .where('activities.project_id', '=', projectId)
      .where('activities.id', '=', activityId)
      .executeTakeFirst();
  },

  /** Applies the change only if nobody saved since `version`; returns whether it did. */
  async updateIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; activityId: string; version: number; updatedAt: string },
    change: ActivityChange,
  ): Promise<boolean> {
    const result = await db
      .updateTable('activities')
      .set((eb) => ({
        version: eb('version', '+', 1),
        updated_at: target.updatedAt,
        ...(change.deadline !== undefined ? { deadline: change.deadline } : {}),
        ...(change.done !== undefined
          ? { done_at: change.done?.at ?? null, done_by_user_id: change.done?.byUserId ?? null }
          : {}),
      }))
      .where('id', '=', target.activityId)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
