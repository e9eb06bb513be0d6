import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  ProjectTrainingsTable,
  StaffWorkshopsTable,
  TrainingParticipantsTable,
  TrainingProposalsTable,
  TrainingSessionsTable,
} from '../db/schema.js';

export type SessionFields = Required<
  Pick<
    Insertable<TrainingSessionsTable>,
    'date' | 'start_time' | 'end_time' | 'mode' | 'place' | 'link' | 'trainer_person_id'
  >
>;

const selectSessions = (db: Kysely<Database>, projectId: string) =>
  db
    .selectFrom('training_sessions')
    .leftJoin('people as trainer', 'trainer.id', 'training_sessions.trainer_person_id')
    .select([
      'training_sessions.id',
      'training_sessions.training_key',
      'training_sessions.proposal_id',
      'training_sessions.date',
      'training_sessions.start_time',
      'training_sessions.end_time',
      'training_sessions.mode',
      'training_sessions.place',
      'training_sessions.link',
      'training_sessions.trainer_person_id',
      'trainer.name as trainer_name',
      'training_sessions.confirmed_by_name',
      'training_sessions.version',
    ])
    .where('training_sessions.project_id', '=', projectId);

export type SessionRow = Awaited<ReturnType<ReturnType<typeof selectSessions>['executeTakeFirstOrThrow']>>;

const selectProposals = (db: Kysely<Database>, projectId: string) =>
  db
    .selectFrom('training_proposals')
    .select([
      'id',
      'training_key',
      'batch_id',
      'proposed_date',
      'part_of_day',
      'note',
      'proposed_by_name',
      'created_at',
    ])
    .where('project_id', '=', projectId);

export type ProposalRow = Awaited<ReturnType<ReturnType<typeof selectProposals>['executeTakeFirstOrThrow']>>;

const selectWorkshops = (db: Kysely<Database>, projectId: string) =>
  db
    .selectFrom('staff_workshops')
    .leftJoin('people as held_by', 'held_by.id', 'staff_workshops.held_by_person_id')
    .select([
      'staff_workshops.id',
      'staff_workshops.school_id',
      'staff_workshops.held_on',
      'staff_workshops.staff_count',
      'staff_workshops.held_by_person_id',
      'held_by.name as held_by_name',
      'staff_workshops.note',
      'staff_workshops.recorded_by_name',
    ])
    .where('staff_workshops.project_id', '=', projectId);

export type WorkshopRow = Awaited<ReturnType<ReturnType<typeof selectWorkshops>['executeTakeFirstOrThrow']>>;

export const trainingRepository = {
  ranges: (db: Kysely<Database>, projectId: string) =>
    db.selectFrom('project_trainings').selectAll().where('project_id', '=', projectId).execute(),

  /** False when the project has set its own range meanwhile. */
  async insertRangeIfAbsent(db: Kysely<Database>, row: Omit<ProjectTrainingsTable, 'version'>): Promise<boolean> {
    const result = await db
      .insertInto('project_trainings')
      .values(row)
      .onConflict((conflict) => conflict.columns(['project_id', 'training_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async updateRangeIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; trainingKey: string; version: number },
    change: Partial<Pick<ProjectTrainingsTable, 'min_participants' | 'max_participants' | 'split_choice'>> &
      Pick<ProjectTrainingsTable, 'updated_at'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('project_trainings')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('project_id', '=', target.projectId)
      .where('training_key', '=', target.trainingKey)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  proposals: (db: Kysely<Database>, projectId: string) =>
    selectProposals(db, projectId).orderBy('proposed_date').orderBy('created_at').orderBy('id').execute(),

  findProposal: (db: Kysely<Database>, projectId: string, proposalId: string) =>
    selectProposals(db, projectId).where('id', '=', proposalId).executeTakeFirst(),

  async insertProposals(db: Kysely<Database>, rows: Insertable<TrainingProposalsTable>[]): Promise<void> {
    await db.insertInto('training_proposals').values(rows).execute();
  },

  async deleteProposal(db: Kysely<Database>, proposalId: string): Promise<void> {
    await db.deleteFrom('training_proposals').where('id', '=', proposalId).execute();
  },

  /** The session confirmed from a proposal, if any. */
  sessionOfProposal: async (db: Kysely<Database>, proposalId: string): Promise<string | undefined> =>
    (await db.selectFrom('training_sessions').select('id').where('proposal_id', '=', proposalId).executeTakeFirst())
      ?.id,

  /** Who proposed dates for a training and has an e-mail address to be invited at. */
  proposers: (db: Kysely<Database>, projectId: string, trainingKey: string) =>
    db
      .selectFrom('training_proposals')
      .innerJoin('users', 'users.id', 'training_proposals.proposed_by_user_id')
      .select(['users.name', 'users.email'])
      .distinct()
      .where('training_proposals.project_id', '=', projectId)
      .where('training_proposals.training_key', '=', trainingKey)
      .orderBy('users.name')
      .execute(),

  sessions: (db: Kysely<Database>, projectId: string) =>
    selectSessions(db, projectId)
      .orderBy('training_sessions.date')
      .orderBy('training_sessions.start_time')
      .orderBy('training_sessions.created_at')
      .execute(),

  findSession: (db: Kysely<Database>, projectId: string, sessionId: string) =>
    selectSessions(db, projectId).where('training_sessions.id', '=', sessionId).executeTakeFirst(),

  async insertSession(db: Kysely<Database>, row: Insertable<TrainingSessionsTable>): Promise<void> {
    await db.insertInto('training_sessions').values(row).execute();
  },

  async updateSessionIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; sessionId: string; version: number },
    change: SessionFields & { updated_at: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('training_sessions')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.sessionId)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async deleteSessionIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; sessionId: string; version: number },
  ): Promise<boolean> {
    const result = await db
      .deleteFrom('training_sessions')
      .where('id', '=', target.sessionId)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  /** Every booking in the project with the person's name, address and own school. */
  participants: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('training_participants')
      .innerJoin('people', 'people.id', 'training_participants.person_id')
      .leftJoin('schools', 'schools.id', 'people.school_id')
      .select([
        'training_participants.session_id',
        'training_participants.training_key',
        'training_participants.person_id',
        'training_participants.attendance',
        'training_participants.marked_by_name',
        'training_participants.marked_at',
        'people.name',
        'people.email',
        'people.school_id as own_school_id',
        'schools.name as own_school_name',
      ])
      .where('training_participants.project_id', '=', projectId)
      .orderBy('people.name')
      .orderBy('people.id')
      .execute(),

  /**
   * Books people unless they already sit a session of the training: the unique constraint decides,
   * so two bookings at once cannot both get through. Returns how many were booked.
   */
  async bookIfFree(db: Kysely<Database>, rows: Insertable<TrainingParticipantsTable>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await db
      .insertInto('training_participants')
      .values(rows)
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  async unbook(db: Kysely<Database>, sessionId: string, personId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('training_participants')
      .where('session_id', '=', sessionId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  async markAttendance(
    db: Kysely<Database>,
    target: { sessionId: string; personId: string },
    change: Pick<TrainingParticipantsTable, 'marked_by_name' | 'marked_at'> & {
      attendance: 'booked' | 'attended' | 'absent';
    },
  ): Promise<void> {
    await db
      .updateTable('training_participants')
      .set(change)
      .where('session_id', '=', target.sessionId)
      .where('person_id', '=', target.personId)
      .execute();
  },

  /** Every role held in the project, with the person's address and the school it is held at. */
  roleHoldings: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .leftJoin('schools', 'schools.id', 'role_assignments.school_id')
      .select([
        'role_assignments.role_key',
        'role_assignments.school_id',
        'schools.name as school_name',
        'people.id as person_id',
        'people.name',
        'people.email',
        'people.customer_id',
      ])
      .where('role_assignments.project_id', '=', projectId)
      .orderBy('people.name')
      .orderBy('people.id')
      .execute(),

  schools: (db: Kysely<Database>, customerId: string) =>
    db
      .selectFrom('schools')
      .select(['id', 'name', 'staff_count'])
      .where('customer_id', '=', customerId)
      .orderBy('name')
      .execute(),

  findSchool: (db: Kysely<Database>, customerId: string, schoolId: string) =>
    db
      .selectFrom('schools')
      .select(['id', 'name'])
      .where('customer_id', '=', customerId)
      .where('id', '=', schoolId)
      .executeTakeFirst(),

  workshops: (db: Kysely<Database>, projectId: string) =>
    selectWorkshops(db, projectId).orderBy('staff_workshops.held_on').orderBy('staff_workshops.created_at').execute(),

  findWorkshop: (db: Kysely<Database>, projectId: string, workshopId: string) =>
    selectWorkshops(db, projectId).where('staff_workshops.id', '=', workshopId).executeTakeFirst(),

  async insertWorkshop(db: Kysely<Database>, row: Insertable<StaffWorkshopsTable>): Promise<void> {
    await db.insertInto('staff_workshops').values(row).execute();
  },

  async deleteWorkshop(db: Kysely<Database>, workshopId: string): Promise<void> {
    await db.deleteFrom('staff_workshops').where('id', '=', workshopId).execute();
  },

  vendorPeople: (db: Kysely<Database>) =>
    db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('customer_id', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute(),

  findPerson: (db: Kysely<Database>, personId: string) =>
    db
      .selectFrom('people')
      .select(['id', 'name', 'email', 'customer_id'])
      .where('id', '=', personId)
      .executeTakeFirst(),

  /** The names the mails speak of. */
  projectNames: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('projects')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .select(['projects.name', 'customers.name as customer_name'])
      .where('projects.id', '=', projectId)
      .executeTakeFirstOrThrow(),
};
