import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled.js';
import type { ActivityAttachmentsTable, Database } from '../db/schema.js';

// Everything but the content: lists and checks never load the files themselves.
const describedColumns = [
  'id',
  'activity_id',
  'project_id',
  'file_name',
  'content_type',
  'size_bytes',
  'uploaded_by_user_id',
  'uploaded_by_name',
  'created_at',
] as const;

export type AttachmentRow = Awaited<ReturnType<typeof attachmentRepository.list>>[number];

const countsByActivity = (rows: { activity_id: string; count: string | number | bigint }[]) =>
  new Map(rows.map((row) => [row.activity_id, Number(row.count)]));

// Compiled once: every checklist read runs it.
const countsInProject = precompiled(
  (db, projectId: string) =>
    db
      .selectFrom('activity_attachments')
      .innerJoin('activities', 'activities.id', 'activity_attachments.activity_id')
      .select(['activity_attachments.activity_id', (eb) => eb.fn.countAll().as('count')])
      .where('activities.project_id', '=', projectId)
      .groupBy('activity_attachments.activity_id'),
  [''],
);

export const attachmentRepository = {
  /** The activity's title and responsible roles, when it is one of the project's. */
  findActivity: (db: Kysely<Database>, projectId: string, activityId: string) =>
    db
      .selectFrom('activities')
      .select(['id', 'title', 'customer_role_keys', 'vendor_role_keys'])
      .where('project_id', '=', projectId)
      .where('id', '=', activityId)
      .executeTakeFirst(),

  list: (db: Kysely<Database>, activityId: string) =>
    db
      .selectFrom('activity_attachments')
      .select(describedColumns)
      .where('activity_id', '=', activityId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  find: (db: Kysely<Database>, projectId: string, attachmentId: string) =>
    db
      .selectFrom('activity_attachments')
      .innerJoin('activities', 'activities.id', 'activity_attachments.activity_id')
      .select(describedColumns.map((column) => `activity_attachments.${column}` as const))
      .select('activities.title as activity_title')
      .where('activity_attachments.project_id', '=', projectId)
      .where('activity_attachments.id', '=', attachmentId)
      .executeTakeFirst(),

  findContent: (db: Kysely<Database>, projectId: string, attachmentId: string) =>
    db
      .selectFrom('activity_attachments')
      .select(['file_name', 'content_type', 'content'])
      .where('project_id', '=', projectId)
      .where('id', '=', attachmentId)
      .executeTakeFirst(),

  async insert(db: Kysely<Database>, row: ActivityAttachmentsTable): Promise<void> {
    await db.insertInto('activity_attachments').values(row).execute();
  },

  async delete(db: Kysely<Database>, attachmentId: string): Promise<void> {
    await db.deleteFrom('activity_attachments').where('id', '=', attachmentId).execute();
  },

  /** How many files each activity of the project has, in one grouped query; activities without any are absent. */
  countsInProject: async (db: Kysely<Database>, projectId: string): Promise<Map<string, number>> =>
    countsByActivity(await countsInProject(db, projectId)),

  /** How many files each of the given activities has, in one grouped query. */
  async countsOf(db: Kysely<Database>, activityIds: string[]): Promise<Map<string, number>> {
    if (activityIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('activity_attachments')
      .select(['activity_id', (eb) => eb.fn.countAll().as('count')])
      .where('activity_id', 'in', activityIds)
      .groupBy('activity_id')
      .execute();
    return countsByActivity(rows);
  },
};
