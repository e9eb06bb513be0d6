import type { Kysely } from 'kysely';

// Calendar feeds become one secret per user and feed: the personal feed, and each project's feed
// per user. A shared project secret let any reader renew it and break every colleague's
// subscription, and it kept working for someone whose roles were taken away; a feed now belongs
// to a user, whose access is checked at every fetch.
//
// Personal feeds keep working: each moves to the login of its person. The old shared project
// secrets stop working (nobody can tell whose subscription each was): everyone subscribing to a
// project's calendar makes a new address of their own under the project's Tidplan.
/** The tables as this migration finds them, not as schema.ts describes them later. */
interface Tables {
  calendar_feeds: {
    id: string;
    scope: string;
    project_id: string | null;
    person_id?: string | null;
    user_id?: string;
    created_at: string;
  };
  people: { id: string; user_id: string | null };
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Tables>;
  const personal = await db
    .selectFrom('calendar_feeds')
    .innerJoin('people', 'people.id', 'calendar_feeds.person_id')
    .select(['calendar_feeds.id', 'people.user_id', 'calendar_feeds.created_at'])
    .where('calendar_feeds.scope', '=', 'person')
    .where('people.user_id', 'is not', null)
    .execute();
  await db.schema.dropTable('calendar_feeds').execute();

  await db.schema
    .createTable('calendar_feeds')
    // SHA-256 of the secret in the feed's address: a leaked table does not hand out feeds.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // null for the personal feed.
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_feeds_user_idx')
    .on('calendar_feeds')
    .columns(['user_id', 'project_id'])
    .execute();
  await db.schema.createIndex('calendar_feeds_project_idx').on('calendar_feeds').column('project_id').execute();

  for (const feed of personal) {
    await db
      .insertInto('calendar_feeds')
      .values({
        id: feed.id,
        scope: 'person',
        user_id: feed.user_id as string,
        project_id: null,
        created_at: feed.created_at,
      })
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_feeds_project_idx').on('calendar_feeds').column('project_id').execute();
  await db.schema.createIndex('calendar_feeds_person_idx').on('calendar_feeds').column('person_id').execute();
}
