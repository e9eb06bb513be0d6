import type { Kysely } from 'kysely';
import type { ChangeRequestsTable, Database, DecisionLinksTable, DecisionsTable } from '../db/schema.js';

/** Where a versioned row of a project is changed: only while it still has `version`. */
interface VersionedTarget {
  projectId: string;
  id: string;
  version: number;
}

export type DecisionChange = Pick<
  DecisionsTable,
  'title' | 'background' | 'decision' | 'decided_by' | 'decided_on' | 'meeting_id' | 'updated_at'
>;

export type ChangeRequestChange = Pick<
  ChangeRequestsTable,
  | 'title'
  | 'areas'
  | 'change'
  | 'reason'
  | 'consequence'
  | 'proposal'
  | 'date_changes'
  | 'goal_changes'
  | 'meeting_id'
  | 'updated_at'
>;

export type ChangeRequestDecision = Pick<
  ChangeRequestsTable,
  | 'status'
  | 'date_changes'
  | 'goal_changes'
  | 'meeting_id'
  | 'decided_by_user_id'
  | 'decided_by_name'
  | 'decided_at'
  | 'decision_comment'
  | 'updated_at'
>;

type NumberedTable = 'decisions' | 'change_requests';

async function highestNumber(db: Kysely<Database>, table: NumberedTable, projectId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('number').as('highest'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row?.highest === null || row?.highest === undefined ? 0 : Number(row.highest);
}

const selectDecisions = (db: Kysely<Database>) =>
  db
    .selectFrom('decisions')
    .leftJoin('change_requests', 'change_requests.id', 'decisions.change_request_id')
    .leftJoin('steering_meetings', 'steering_meetings.id', 'decisions.meeting_id')
    .selectAll('decisions')
    .select(['change_requests.number as change_request_number', 'steering_meetings.date as meeting_date']);

const selectChangeRequests = (db: Kysely<Database>) =>
  db
    .selectFrom('change_requests')
    .leftJoin('decisions', 'decisions.change_request_id', 'change_requests.id')
    .leftJoin('steering_meetings', 'steering_meetings.id', 'change_requests.meeting_id')
    .selectAll('change_requests')
    .select(['decisions.id as decision_id', 'steering_meetings.date as meeting_date']);

export const decisionRepository = {
  // ---- Decisions ----

  /** Newest first. */
  decisions: (db: Kysely<Database>, projectId: string) =>
    selectDecisions(db).where('decisions.project_id', '=', projectId).orderBy('decisions.number', 'desc').execute(),

  findDecision: (db: Kysely<Database>, projectId: string, decisionId: string) =>
    selectDecisions(db)
      .where('decisions.project_id', '=', projectId)
      .where('decisions.id', '=', decisionId)
      .executeTakeFirst(),

  async links(db: Kysely<Database>, decisionIds: string[]): Promise<DecisionLinksTable[]> {
    if (decisionIds.length === 0) return [];
    return db.selectFrom('decision_links').selectAll().where('decision_id', 'in', decisionIds).execute();
  },

  highestDecisionNumber: (db: Kysely<Database>, projectId: string) => highestNumber(db, 'decisions', projectId),

  /** False when another decision of the project took the number first (the unique constraint). */
  async insertDecisionIfNumberFree(db: Kysely<Database>, row: Omit<DecisionsTable, 'version'>): Promise<boolean> {
    const result = await db
      .insertInto('decisions')
      .values({ ...row, version: 1 })
      .onConflict((conflict) => conflict.columns(['project_id', 'number']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async replaceLinks(db: Kysely<Database>, decisionId: string, links: Omit<DecisionLinksTable, 'decision_id'>[]) {
    await db.deleteFrom('decision_links').where('decision_id', '=', decisionId).execute();
    if (links.length === 0) return;
    await db
      .insertInto('decision_links')
      .values(links.map((link) => ({ decision_id: decisionId, ...link })))
      .execute();
  },

  async updateDecisionIfVersion(db: Kysely<Database>, target: VersionedTarget, change: DecisionChange) {
    const result = await db
      .updateTable('decisions')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Its links go with it (foreign key on delete cascade). */
  async deleteDecisionIfVersion(db: Kysely<Database>, target: VersionedTarget) {
    const result = await db
      .deleteFrom('decisions')
      .where('id', '=', target.id)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  // ---- What a decision or request refers to ----

  findMeeting: (db: Kysely<Database>, projectId: string, meetingId: string) =>
    db
      .selectFrom('steering_meetings')
      .select(['id', 'date'])
      .where('project_id', '=', projectId)
      .where('id', '=', meetingId)
      .executeTakeFirst(),

  /** Id → title of those of `ids` that are checklist activities of the project. */
  activityTitles: (db: Kysely<Database>, projectId: string, ids: string[]) =>
    titlesIn(db, 'activities', projectId, ids),

  keyActivityTitles: (db: Kysely<Database>, projectId: string, ids: string[]) =>
    titlesIn(db, 'key_activities', projectId, ids),

  goalTitles: (db: Kysely<Database>, projectId: string, ids: string[]) => titlesIn(db, 'goals', projectId, ids),

  // ---- Change requests ----

  changeRequests: (db: Kysely<Database>, projectId: string) =>
    selectChangeRequests(db)
      .where('change_requests.project_id', '=', projectId)
      .orderBy('change_requests.number', 'desc')
      .execute(),

  findChangeRequest: (db: Kysely<Database>, projectId: string, requestId: string) =>
    selectChangeRequests(db)
      .where('change_requests.project_id', '=', projectId)
      .where('change_requests.id', '=', requestId)
      .executeTakeFirst(),

  highestChangeRequestNumber: (db: Kysely<Database>, projectId: string) =>
    highestNumber(db, 'change_requests', projectId),

  async insertChangeRequestIfNumberFree(
    db: Kysely<Database>,
    row: Omit<ChangeRequestsTable, 'version'>,
  ): Promise<boolean> {
    const result = await db
      .insertInto('change_requests')
      .values({ ...row, version: 1 })
      .onConflict((conflict) => conflict.columns(['project_id', 'number']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Changes or decides the request only while it waits for a decision and nobody saved it since `version`. */
  async updatePendingIfVersion(
    db: Kysely<Database>,
    target: VersionedTarget,
    change: ChangeRequestChange | ChangeRequestDecision,
  ): Promise<boolean> {
    const result = await db
      .updateTable('change_requests')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .where('project_id', '=', target.projectId)
      .where('status', '=', 'pending')
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  // ---- Who hears of a request ----

  /** The customer's people holding any of `roleKeys` in the project who have an e-mail address. */
  roleHoldersWithEmail: (db: Kysely<Database>, projectId: string, roleKeys: string[]) =>
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select(['people.name', 'people.email'])
      .where('role_assignments.project_id', '=', projectId)
      .where('role_assignments.role_key', 'in', roleKeys)
      .where('people.email', 'is not', null)
      .orderBy('people.name')
      .execute() as Promise<{ name: string; email: string }[]>,

  findUser: (db: Kysely<Database>, userId: string) =>
    db.selectFrom('users').select(['name', 'email']).where('id', '=', userId).executeTakeFirst(),
};

async function titlesIn(
  db: Kysely<Database>,
  table: 'activities' | 'key_activities' | 'goals',
  projectId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'title'])
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.title]));
}

export type DecisionRow = Awaited<ReturnType<typeof decisionRepository.decisions>>[number];
export type ChangeRequestRow = Awaited<ReturnType<typeof decisionRepository.changeRequests>>[number];
