import { type Kysely, sql } from 'kysely';

// Trainings booked from the customer's proposed dates, attendance and the staff workshops; the
// communication plan and the process guide; the delivery of accounts school by school; files
// attached to checklist activities.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('schools')
    // How many staff the user-supporters are to train: the measure of the staff training's progress.
    .addColumn('staff_count', 'integer')
    .execute();

  // A project's own participant range for a training type; absent rows mean the template's range.
  await db.schema
    .createTable('project_trainings')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('training_key', 'text', (c) => c.notNull())
    .addColumn('min_participants', 'integer')
    .addColumn('max_participants', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_trainings_pk', ['project_id', 'training_key'])
    .execute();

  await db.schema
    .createTable('training_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('training_key', 'text', (c) => c.notNull())
    // Proposals sent together share a batch: the template asks for at least three dates at once.
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('proposed_date', 'text', (c) => c.notNull())
    .addColumn('part_of_day', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('proposed_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposed_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_proposals_project_idx')
    .on('training_proposals')
    .columns(['project_id', 'training_key'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('training_key', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.references('training_proposals.id').onDelete('set null'))
    .addColumn('date', 'text', (c) => c.notNull())
    // Local Swedish wall-clock times, `HH:mm`.
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('trainer_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('confirmed_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_sessions_project_idx')
    .on('training_sessions')
    .columns(['project_id', 'training_key', 'date'])
    .execute();

  await db.schema
    .createTable('training_participants')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('training_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // booked | attended | absent
    .addColumn('attendance', 'text', (c) => c.notNull().defaultTo('booked'))
    .addColumn('marked_by_name', 'text')
    .addColumn('marked_at', 'text')
    .addColumn('booked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_participants_pk', ['session_id', 'person_id'])
    // A person sits one session of each training: the database refuses a double booking.
    .addUniqueConstraint('training_participants_once', ['project_id', 'training_key', 'person_id'])
    .execute();
  await db.schema
    .createIndex('training_participants_person_idx')
    .on('training_participants')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('staff_workshops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('staff_count', 'integer', (c) => c.notNull())
    .addColumn('held_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_workshops_project_idx')
    .on('staff_workshops')
    .columns(['project_id', 'school_id'])
    .execute();

  await db.schema
    .createTable('communication_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    // JSON array of the template's audience keys.
    .addColumn('audience_keys', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('planned_on', 'text')
    // Meetings the timeline already holds (the information meeting, "Nu kör vi!") take their date from it.
    .addColumn('key_activity_id', 'text', (c) => c.references('key_activities.id').onDelete('set null'))
    .addColumn('responsible_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('communication_items_project_idx')
    .on('communication_items')
    .columns(['project_id', 'position'])
    .execute();

  // The process guide (lathund): an introduction, then per effect goal how the system is used and
  // which statistics are expected from it.
  await db.schema
    .createTable('process_guides')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('introduction', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('process_guide_goals')
    .addColumn('goal_id', 'text', (c) => c.primaryKey().references('goals.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('usage', 'text', (c) => c.notNull())
    .addColumn('statistics', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('delivery_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    // Null for the project's main administrator account.
    .addColumn('school_id', 'text', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    // `<project>:<school or main>:<step>`: unique even where school_id is null, on both databases.
    .addColumn('delivery_key', 'text', (c) => c.notNull().unique())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('done_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_steps_project_idx').on('delivery_steps').column('project_id').execute();

  await db.schema
    .createTable('activity_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // In the database, not on disk: every instance serves every file (docs/decisions/008). SQLite
    // keeps a bound Buffer as a BLOB whatever the declared type, so one type serves both databases.
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_attachments_activity_idx')
    .on('activity_attachments')
    .column('activity_id')
    .execute();

  await backfillCommunicationPlans(db);
}

/** The meetings every project's communication plan starts with, as seeding gave them when this ran. */
const seededCommunicationItems = [
  {
    keyActivityKey: 'informationsmote',
    audienceKeys: ['vardnadshavare', 'elever'],
    channel: 'Möte',
  },
  {
    keyActivityKey: 'uppstartsmote',
    audienceKeys: ['skolledare', 'pedagoger', 'administratorer'],
    channel: 'Möte',
  },
] as const;

/** Projects made before the communication plan existed start with the same meetings as new ones. */
async function backfillCommunicationPlans(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  for (const [position, item] of seededCommunicationItems.entries()) {
    const { rows } = await sql<{ id: string; project_id: string; title: string; description: string }>`
      select id, project_id, title, description from key_activities where template_key = ${item.keyActivityKey}`.execute(
      db,
    );
    for (const keyActivity of rows) {
      await sql`insert into communication_items (id, project_id, audience_keys, title, message, channel, key_activity_id, position, version, created_at, updated_at)
        values (${crypto.randomUUID()}, ${keyActivity.project_id}, ${JSON.stringify(item.audienceKeys)}, ${keyActivity.title}, ${keyActivity.description}, ${item.channel}, ${keyActivity.id}, ${position}, 1, ${now}, ${now})`.execute(
        db,
      );
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'activity_attachments',
    'delivery_steps',
    'process_guide_goals',
    'process_guides',
    'communication_items',
    'staff_workshops',
    'training_participants',
    'training_sessions',
    'training_proposals',
    'project_trainings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('schools').dropColumn('staff_count').execute();
}
