import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, SteeringMeetingsTable } from '../db/schema.js';

export type MeetingRow = Selectable<SteeringMeetingsTable>;
export type MeetingChange = Pick<
  SteeringMeetingsTable,
  'date' | 'time' | 'place' | 'agenda_items' | 'minutes' | 'updated_at'
>;

interface MeetingTarget {
  projectId: string;
  meetingId: string;
}

/** The roles whose holders the agenda goes to: the Styrgrupp decides, the Beställare owns the project. */
export const AGENDA_ROLE_KEYS = ['styrgrupp', 'bestallare'] as const;

export const meetingRepository = {
  /**
   * Newest first; a meeting without a time sorts as if at the start of its day, the same on both
   * databases (they put NULL at opposite ends).
   */
  meetings: (db: Kysely<Database>, projectId: string): Promise<MeetingRow[]> =>
    db
      .selectFrom('steering_meetings')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('date', 'desc')
      .orderBy(sql`coalesce(time, '')`, 'desc')
      .orderBy('created_at', 'desc')
      .execute(),

  findMeeting: (db: Kysely<Database>, target: MeetingTarget): Promise<MeetingRow | undefined> =>
    db
      .selectFrom('steering_meetings')
      .selectAll()
      .where('project_id', '=', target.projectId)
      .where('id', '=', target.meetingId)
      .executeTakeFirst(),

  async insertMeeting(db: Kysely<Database>, row: Insertable<SteeringMeetingsTable>): Promise<void> {
    await db.insertInto('steering_meetings').values(row).execute();
  },

  /** Applies the change only if nobody saved the meeting since `version`; says whether it did. */
  async updateMeetingIfVersion(
    db: Kysely<Database>,
    target: MeetingTarget & { version: number },
    change: MeetingChange,
  ): Promise<boolean> {
    const result = await db
      .updateTable('steering_meetings')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('project_id', '=', target.projectId)
      .where('id', '=', target.meetingId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async deleteMeetingIfVersion(db: Kysely<Database>, target: MeetingTarget & { version: number }): Promise<boolean> {
    const result = await db
      .deleteFrom('steering_meetings')
      .where('project_id', '=', target.projectId)
      .where('id', '=', target.meetingId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  /** Sending the agenda changes nothing anyone edits, so it leaves the version alone. */
  async setAgendaSentAt(db: Kysely<Database>, target: MeetingTarget, sentAt: string): Promise<void> {
    await db
      .updateTable('steering_meetings')
      .set({ agenda_sent_at: sentAt })
      .where('project_id', '=', target.projectId)
      .where('id', '=', target.meetingId)
      .execute();
  },

  /** The change requests on the project's meetings' agendas (or on one meeting's), by number. */
  changeRequestsOnAgendas: (db: Kysely<Database>, projectId: string, meetingId?: string) => {
    const query = db
      .selectFrom('change_requests')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('meeting_id', 'is not', null)
      .orderBy('number');
    return (meetingId === undefined ? query : query.where('meeting_id', '=', meetingId)).execute();
  },

  /** The decisions taken at the project's meetings (or at one of them), by number. */
  decisionsAtMeetings: (db: Kysely<Database>, projectId: string, meetingId?: string) => {
    const query = db
      .selectFrom('decisions')
      .select(['id', 'number', 'title', 'decision', 'decided_by', 'meeting_id'])
      .where('project_id', '=', projectId)
      .where('meeting_id', 'is not', null)
      .orderBy('number');
    return (meetingId === undefined ? query : query.where('meeting_id', '=', meetingId)).execute();
  },

  keyActivities: (db: Kysely<Database>, projectId: string, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('key_activities')
          .select(['id', 'title', 'date'])
          .where('project_id', '=', projectId)
          .where('id', 'in', ids)
          .execute(),

  goals: (db: Kysely<Database>, projectId: string, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('goals')
          .select(['id', 'title', 'unit', 'unit_label', 'target', 'target_date', 'due_date', 'budget_sek'])
          .where('project_id', '=', projectId)
          .where('id', 'in', ids)
          .execute(),

  /** Everyone holding a role the agenda goes to, once per role held, by name. */
  agendaRoleHolders: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select(['people.id as person_id', 'people.name', 'people.email', 'role_assignments.role_key'])
      .where('role_assignments.project_id', '=', projectId)
      .where('role_assignments.role_key', 'in', [...AGENDA_ROLE_KEYS])
      .orderBy('people.name')
      .orderBy('people.id')
      .execute(),

  projectNames: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('projects')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .select(['projects.name', 'customers.name as customer_name'])
      .where('projects.id', '=', projectId)
      .executeTakeFirstOrThrow(),
};

export type ChangeRequestRow = Awaited<ReturnType<typeof meetingRepository.changeRequestsOnAgendas>>[number];
export type MeetingDecisionRow = Awaited<ReturnType<typeof meetingRepository.decisionsAtMeetings>>[number];
export type KeyActivityRef = Awaited<ReturnType<typeof meetingRepository.keyActivities>>[number];
export type GoalRef = Awaited<ReturnType<typeof meetingRepository.goals>>[number];
export type RoleHolderRow = Awaited<ReturnType<typeof meetingRepository.agendaRoleHolders>>[number];
