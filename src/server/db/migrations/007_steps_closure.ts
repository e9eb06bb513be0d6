import type { Kysely } from 'kysely';

// The ten implementation steps, closure approved by the Beställare, and follow-on projects.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each hold or move of a project's step, with its reason; the newest one is in force.
  // A null step means the step follows the project's data again.
  await db.schema
    .createTable('project_step_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('step_number', 'integer')
    // The step the data gave when the decision was taken, so the history reads "held at 4 while the data said 6".
    .addColumn('derived_step_number', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_step_decisions_project_idx')
    .on('project_step_decisions')
    .columns(['project_id', 'created_at'])
    .execute();

  // The Beställare's approval of the closure: one per project, with what was still open when it was given.
  await db.schema
    .createTable('project_closures')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('approved_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_by_name', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    // JSON: the open activities, trainings and goals the approver saw.
    .addColumn('open_items', 'text', (c) => c.notNull())
    .execute();

  // A project started as the next step of another (e.g. the Hub for guardians and students).
  await db.schema
    .createTable('follow_on_projects')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('follows_project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The portfolio asks each project when its customer last changed anything; the history reads per project too.
  await db.schema
    .createIndex('audit_events_project_idx')
    .on('audit_events')
    .columns(['project_id', 'created_at'])
    .execute();

  await db.schema
    .createIndex('follow_on_projects_follows_idx')
    .on('follow_on_projects')
    .column('follows_project_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('follow_on_projects').execute();
  await db.schema.dropIndex('audit_events_project_idx').execute();
  await db.schema.dropTable('project_closures').execute();
  await db.schema.dropTable('project_step_decisions').execute();
}
