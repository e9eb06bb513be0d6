import type { Kysely, NotNull } from 'kysely';
import type { Database } from '../db/schema.js';

export const timelineRepository = {
  /** The project's activities that have a deadline: the checklist's part of the timeline. */
  datedActivities: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('activities')
      .select(['id', 'group_key', 'position', 'title', 'deadline', 'done_at', 'version'])
      .where('project_id', '=', projectId)
      .where('deadline', 'is not', null)
      .$narrowType<{ deadline: NotNull }>()
      .execute(),

  findKeyActivity: (db: Kysely<Database>, projectId: string, keyActivityId: string) =>
    db
      .selectFrom('key_activities')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', keyActivityId)
      .executeTakeFirst(),

  /** Moves the key activity to `date` only if nobody saved it since `version`; returns whether it did. */
  async updateKeyActivityDateIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; keyActivityId: string; version: number },
    change: { date: string | null; updatedAt: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('key_activities')
      .set((eb) => ({ date: change.date, updated_at: change.updatedAt, version: eb('version', '+', 1) }))
      .where('id', '=', target.keyActivityId)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};

export type DatedActivityRow = Awaited<ReturnType<typeof timelineRepository.datedActivities>>[number];
