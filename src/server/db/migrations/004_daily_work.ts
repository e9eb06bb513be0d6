import { type Kysely, sql } from 'kysely';

// Who does what by when, day to day: activities with a named person per side, comments and
// dependencies; reminders sent once; calendar feeds behind secret links; a lease so that one app
// instance at a time runs the reminder job.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activities')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // The template's wording, kept when the project rewrites an activity so its origin stays visible.
  await db.schema.alterTable('activities').addColumn('template_title', 'text').execute();
  await sql`update activities set template_title = title where template_activity_key is not null`.execute(db);

  // The named person answering for an activity, at most one per side (customer, vendor). A table
  // of its own because SQLite cannot later drop a column that references another table.
  await db.schema
    .createTable('activity_people')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_people_pk', ['activity_id', 'side'])
    .execute();
  await db.schema.createIndex('activity_people_person_idx').on('activity_people').column('person_id').execute();

  await db.schema
    .createTable('activity_dependencies')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('depends_on_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_dependencies_pk', ['activity_id', 'depends_on_id'])
    .execute();

  await db.schema
    .createTable('activity_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_comments_activity_idx')
    .on('activity_comments')
    .columns(['activity_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('reminder_preferences')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('days_before', 'integer', (c) => c.notNull().defaultTo(3))
    // ISO weekday, 1 = Monday … 7 = Sunday.
    .addColumn('digest_weekday', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per reminder ever sent: the unique key is what makes a reminder go out once, whichever
  // instance runs the job and however often it restarts.
  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    // SHA-256 of the secret in the feed's address: a leaked table does not hand out feeds.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_feeds_project_idx').on('calendar_feeds').column('project_id').execute();
  await db.schema.createIndex('calendar_feeds_person_idx').on('calendar_feeds').column('person_id').execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job_leases',
    'calendar_feeds',
    'reminder_deliveries',
    'reminder_preferences',
    'activity_comments',
    'activity_dependencies',
    'activity_people',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['template_title', 'description']) {
    await db.schema.alterTable('activities').dropColumn(column).execute();
  }
}
