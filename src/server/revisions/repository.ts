import type { Kysely } from 'kysely';
import type { Database, PlanRevisionsTable } from '../db/schema.js';

const summaryColumns = [
  'plan_revisions.id',
  'plan_revisions.number',
  'plan_revisions.created_at',
  'plan_revisions.sender_name',
  'plan_revisions.message',
] as const;

/** Revisions of a project with whether `userId` has read each; the snapshots stay in the database. */
const selectSummaries = (db: Kysely<Database>, projectId: string, userId: string) =>
  db
    .selectFrom('plan_revisions')
    .leftJoin('plan_revision_reads', (join) =>
      join
        .onRef('plan_revision_reads.revision_id', '=', 'plan_revisions.id')
        .on('plan_revision_reads.user_id', '=', userId),
    )
    .select([...summaryColumns, 'plan_revision_reads.read_at'])
    .where('plan_revisions.project_id', '=', projectId);

export type RevisionSummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['executeTakeFirstOrThrow']>>;

export const revisionRepository = {
  async highestNumber(db: Kysely<Database>, projectId: string): Promise<number> {
    const row = await db
      .selectFrom('plan_revisions')
      .select((eb) => eb.fn.max('number').as('highest'))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    return row?.highest === null || row?.highest === undefined ? 0 : Number(row.highest);
  },

  /** False when another revision of the project took the number first (the unique constraint). */
  async insertIfNumberFree(db: Kysely<Database>, row: PlanRevisionsTable): Promise<boolean> {
    const result = await db
      .insertInto('plan_revisions')
      .values(row)
      .onConflict((conflict) => conflict.columns(['project_id', 'number']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Newest first. */
  list: (db: Kysely<Database>, projectId: string, userId: string): Promise<RevisionSummaryRow[]> =>
    selectSummaries(db, projectId, userId).orderBy('plan_revisions.number', 'desc').execute(),

  find: (db: Kysely<Database>, projectId: string, number: number, userId: string) =>
    selectSummaries(db, projectId, userId)
      .select('plan_revisions.snapshot')
      .where('plan_revisions.number', '=', number)
      .executeTakeFirst(),

  findId: async (db: Kysely<Database>, projectId: string, number: number): Promise<string | undefined> =>
    (
      await db
        .selectFrom('plan_revisions')
        .select('id')
        .where('project_id', '=', projectId)
        .where('number', '=', number)
        .executeTakeFirst()
    )?.id,

  findSnapshot: async (db: Kysely<Database>, projectId: string, number: number): Promise<string | undefined> =>
    (
      await db
        .selectFrom('plan_revisions')
        .select('snapshot')
        .where('project_id', '=', projectId)
        .where('number', '=', number)
        .executeTakeFirst()
    )?.snapshot,

  /** Reading twice is reading once: the first time stays. */
  async markRead(db: Kysely<Database>, revisionId: string, userId: string, at: string): Promise<void> {
    await db
      .insertInto('plan_revision_reads')
      .values({ revision_id: revisionId, user_id: userId, read_at: at })
      .onConflict((conflict) => conflict.columns(['revision_id', 'user_id']).doNothing())
      .execute();
  },

  /** How many revisions of each of the projects `userId` has not read, in one query; projects with none are left out. */
  async unreadCounts(db: Kysely<Database>, userId: string, projectIds: string[]): Promise<Map<string, number>> {
    if (projectIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('plan_revisions')
      .select((eb) => ['plan_revisions.project_id', eb.fn.countAll<number | string>().as('unread')])
      .where('plan_revisions.project_id', 'in', projectIds)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('plan_revision_reads')
              .select('plan_revision_reads.revision_id')
              .whereRef('plan_revision_reads.revision_id', '=', 'plan_revisions.id')
              .where('plan_revision_reads.user_id', '=', userId),
          ),
        ),
      )
      .groupBy('plan_revisions.project_id')
      .execute();
    return new Map(rows.map((row) => [row.project_id, Number(row.unread)]));
  },

  async readCount(db: Kysely<Database>, userId: string): Promise<number> {
    const row = await db
      .selectFrom('plan_revision_reads')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('plan_revision_reads.user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },
};
