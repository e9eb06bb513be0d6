import type { Kysely } from 'kysely';
import type { CalendarFeedsTable, Database } from '../db/schema.js';

const selectTrainingSessions = (db: Kysely<Database>) =>
  db
    .selectFrom('training_sessions')
    .innerJoin('projects', 'projects.id', 'training_sessions.project_id')
    .innerJoin('customers', 'customers.id', 'projects.customer_id')
    .leftJoin('people as trainer', 'trainer.id', 'training_sessions.trainer_person_id')
    .select([
      'training_sessions.id',
      'training_sessions.project_id',
      'projects.name as project_name',
      'customers.name as customer_name',
      'projects.template_id',
      'training_sessions.training_key',
      'training_sessions.date',
      'training_sessions.start_time',
      'training_sessions.end_time',
      'training_sessions.mode',
      'training_sessions.place',
      'training_sessions.link',
      'trainer.name as trainer_name',
    ])
    .orderBy('training_sessions.date')
    .orderBy('training_sessions.start_time');

export type TrainingSessionRow = Awaited<ReturnType<ReturnType<typeof selectTrainingSessions>['execute']>>[number];

export const calendarRepository = {
  /** The user's one feed of this kind: the previous secret of the same user and feed goes. */
  async replaceFeed(db: Kysely<Database>, feed: CalendarFeedsTable): Promise<void> {
    await db
      .deleteFrom('calendar_feeds')
      .where('user_id', '=', feed.user_id)
      .where('scope', '=', feed.scope)
      .where((eb) => (feed.project_id === null ? eb('project_id', 'is', null) : eb('project_id', '=', feed.project_id)))
      .execute();
    await db.insertInto('calendar_feeds').values(feed).execute();
  },

  findFeed(db: Kysely<Database>, id: string) {
    return db.selectFrom('calendar_feeds').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findPerson(db: Kysely<Database>, personId: string) {
    return db.selectFrom('people').select(['id', 'name', 'customer_id']).where('id', '=', personId).executeTakeFirst();
  },

  /** The projects someone takes part in: holds a role in, or is named on an activity of. */
  async projectIdsOfPerson(db: Kysely<Database>, personId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('role_assignments')
      .select('project_id')
      .where('person_id', '=', personId)
      .union(
        db
          .selectFrom('activity_people')
          .innerJoin('activities', 'activities.id', 'activity_people.activity_id')
          .select('activities.project_id')
          .where('activity_people.person_id', '=', personId),
      )
      .execute();
    return rows.map((row) => row.project_id);
  },

  projects(db: Kysely<Database>, projectIds: readonly string[]) {
    return db
      .selectFrom('projects')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .select(['projects.id', 'projects.name', 'customers.name as customer_name'])
      .where('projects.id', 'in', projectIds)
      .orderBy('projects.created_at')
      .execute();
  },

  activitiesWithDeadline(db: Kysely<Database>, projectIds: readonly string[]) {
    return db
      .selectFrom('activities')
      .leftJoin('users', 'users.id', 'activities.done_by_user_id')
      .select([
        'activities.id',
        'activities.project_id',
        'activities.title',
        'activities.description',
        'activities.deadline',
        'activities.done_at',
        'users.name as done_by_name',
        'activities.customer_role_keys',
        'activities.vendor_role_keys',
      ])
      .where('activities.project_id', 'in', projectIds)
      .where('activities.deadline', 'is not', null)
      .orderBy('activities.deadline')
      .orderBy('activities.position')
      .execute();
  },

  namedPeople(db: Kysely<Database>, projectIds: readonly string[]) {
    return db
      .selectFrom('activity_people')
      .innerJoin('activities', 'activities.id', 'activity_people.activity_id')
      .select(['activity_people.activity_id', 'activity_people.side', 'activity_people.person_id'])
      .where('activities.project_id', 'in', projectIds)
      .execute();
  },

  roleHoldings(db: Kysely<Database>, projectIds: readonly string[]) {
    return db
      .selectFrom('role_assignments')
      .select(['project_id', 'role_key', 'person_id'])
      .where('project_id', 'in', projectIds)
      .execute();
  },

  keyActivitiesWithDate(db: Kysely<Database>, projectIds: readonly string[]) {
    return db
      .selectFrom('key_activities')
      .select(['id', 'project_id', 'title', 'description', 'date'])
      .where('project_id', 'in', projectIds)
      .where('date', 'is not', null)
      .orderBy('date')
      .orderBy('position')
      .execute();
  },

  trainingSessionsOfProject: (db: Kysely<Database>, projectId: string) =>
    selectTrainingSessions(db).where('training_sessions.project_id', '=', projectId).execute(),

  /** The sessions someone is booked on or trains, in any project. */
  trainingSessionsOfPerson: (db: Kysely<Database>, personId: string) =>
    selectTrainingSessions(db)
      .where((eb) =>
        eb.or([
          eb('training_sessions.trainer_person_id', '=', personId),
          eb.exists(
            eb
              .selectFrom('training_participants')
              .select('training_participants.session_id')
              .whereRef('training_participants.session_id', '=', 'training_sessions.id')
              .where('training_participants.person_id', '=', personId),
          ),
        ]),
      )
      .execute(),
};
