import type { Kysely } from 'kysely';
import type { Database, ReminderDeliveriesTable, ReminderPreferencesTable } from '../db/schema.js';

/**
 * Open activities with a deadline no later than `until` in projects still being implemented: what
 * anyone may be reminded of. A closed project's activities can no longer be ticked.
 */
const openDeadlines = (db: Kysely<Database>, until: string) =>
  db
    .selectFrom('activities')
    .innerJoin('projects', 'projects.id', 'activities.project_id')
    .where('projects.phase', '=', 'implementation')
    .where('activities.done_at', 'is', null)
    .where('activities.deadline', 'is not', null)
    .where('activities.deadline', '<=', until);

const preferenceColumns = [
  'reminder_preferences.enabled',
  'reminder_preferences.days_before',
  'reminder_preferences.digest_weekday',
] as const;

export type PreferencesRow = Pick<ReminderPreferencesTable, 'enabled' | 'days_before' | 'digest_weekday'>;

export const reminderRepository = {
  openDeadlines(db: Kysely<Database>, until: string) {
    return openDeadlines(db, until)
      .select([
        'activities.id',
        'activities.project_id',
        'activities.title',
        'activities.deadline',
        'activities.customer_role_keys',
        'activities.vendor_role_keys',
      ])
      .execute();
  },

  /** The people named on the activities `openDeadlines` returns. */
  namedPeopleOfOpenDeadlines(db: Kysely<Database>, until: string) {
    return openDeadlines(db, until)
      .innerJoin('activity_people', 'activity_people.activity_id', 'activities.id')
      .select(['activity_people.activity_id', 'activity_people.side', 'activity_people.person_id'])
      .execute();
  },

  roleHoldings(db: Kysely<Database>) {
    return db.selectFrom('role_assignments').select(['project_id', 'role_key', 'person_id']).execute();
  },

  /** The projects still being implemented, for the Projektledare's weekly summary. */
  async projectsWithProgress(db: Kysely<Database>) {
    const rows = await db
      .selectFrom('projects')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .where('projects.phase', '=', 'implementation')
      .leftJoin('activities', 'activities.project_id', 'projects.id')
      .select(['projects.id', 'projects.name', 'customers.name as customer_name'])
      .select((eb) => [eb.fn.count('activities.id').as('total'), eb.fn.count('activities.done_at').as('done')])
      .groupBy(['projects.id', 'projects.name', 'customers.name'])
      .execute();
    return rows.map((row) => ({ ...row, total: Number(row.total), done: Number(row.done) }));
  },

  /** People with an e-mail address who answer for something: hold a role or are named on an activity. */
  mailablePeople(db: Kysely<Database>) {
    return db
      .selectFrom('people')
      .leftJoin('reminder_preferences', 'reminder_preferences.person_id', 'people.id')
      .select(['people.id', 'people.name', 'people.email', ...preferenceColumns])
      .where('people.email', 'is not', null)
      .where('people.email', '<>', '')
      .where((eb) =>
        eb.or([
          eb('people.id', 'in', eb.selectFrom('role_assignments').select('role_assignments.person_id')),
          eb('people.id', 'in', eb.selectFrom('activity_people').select('activity_people.person_id')),
        ]),
      )
      .execute();
  },

  findPerson(db: Kysely<Database>, personId: string) {
    return db
      .selectFrom('people')
      .leftJoin('reminder_preferences', 'reminder_preferences.person_id', 'people.id')
      .select(['people.id', 'people.name', 'people.customer_id', ...preferenceColumns])
      .where('people.id', '=', personId)
      .executeTakeFirst();
  },

  async savePreferences(db: Kysely<Database>, row: ReminderPreferencesTable): Promise<void> {
    const { person_id: _, ...change } = row;
    await db
      .insertInto('reminder_preferences')
      .values(row)
      .onConflict((oc) => oc.column('person_id').doUpdateSet(change))
      .execute();
  },

  /** Which of these reminders have been claimed before. */
  async deliveredKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
    const delivered = new Set<string>();
    // Chunks keep the bound parameters well under SQLite's and PostgreSQL's limits.
    for (let start = 0; start < keys.length; start += 500) {
      const rows = await db
        .selectFrom('reminder_deliveries')
        .select('delivery_key')
        .where('delivery_key', 'in', keys.slice(start, start + 500))
        .execute();
      for (const row of rows) delivered.add(row.delivery_key);
    }
    return delivered;
  },

  /** Inserts the delivery unless its key exists: true only for the one caller who inserted it. */
  async claimDelivery(db: Kysely<Database>, row: ReminderDeliveriesTable): Promise<boolean> {
    const result = await db
      .insertInto('reminder_deliveries')
      .values(row)
      .onConflict((oc) => oc.column('delivery_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async markSent(db: Kysely<Database>, id: string, sentAt: string): Promise<void> {
    await db.updateTable('reminder_deliveries').set({ sent_at: sentAt }).where('id', '=', id).execute();
  },

  async unclaimDelivery(db: Kysely<Database>, id: string): Promise<void> {
    await db.deleteFrom('reminder_deliveries').where('id', '=', id).where('sent_at', 'is', null).execute();
  },

  /**
   * Takes the named lease when nobody holds it or the holder's has expired, in one statement, so
   * that of several instances trying at once exactly one gets it (SQLite and PostgreSQL alike).
   */
  async takeLease(
    db: Kysely<Database>,
    lease: { name: string; holder: string; now: string; expiresAt: string },
  ): Promise<boolean> {
    const taken = await db
      .insertInto('job_leases')
      .values({ name: lease.name, holder: lease.holder, expires_at: lease.expiresAt })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
          .where('job_leases.expires_at', '<=', lease.now),
      )
      .returning('holder')
      .executeTakeFirst();
    return taken?.holder === lease.holder;
  },

  async releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
    await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
  },
};
