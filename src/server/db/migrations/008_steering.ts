import type { Kysely } from 'kysely';

// Steering: the steering group's meetings, change requests on result, time and budget, the decision
// log, budget lines with the cost-overrun threshold, and each role holder's acknowledgement.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('steering_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    // JSON: [{ title, note }]
    .addColumn('agenda_items', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('agenda_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('steering_meetings_project_idx')
    .on('steering_meetings')
    .columns(['project_id', 'date'])
    .execute();

  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON: ['result' | 'time' | 'budget']
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('consequence', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text', (c) => c.notNull())
    // JSON: [{ keyActivityId, to }] and [{ goalId, field, to }], applied in one step on approval.
    .addColumn('date_changes', 'text', (c) => c.notNull())
    .addColumn('goal_changes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('steering_meetings.id').onDelete('set null'))
    .addColumn('prepared_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('prepared_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('change_requests_number_unique', ['project_id', 'number'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('background', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('change_request_id', 'text', (c) => c.references('change_requests.id').onDelete('set null'))
    .addColumn('meeting_id', 'text', (c) => c.references('steering_meetings.id').onDelete('set null'))
    .addColumn('recorded_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decisions_number_unique', ['project_id', 'number'])
    .execute();

  await db.schema
    .createTable('decision_links')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    // activity | keyActivity | goal | section; the target is an id, or a section key.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_links_pk', ['decision_id', 'kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_sek', 'integer', (c) => c.notNull())
    .addColumn('actual_sek', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_lines_project_idx')
    .on('budget_lines')
    .columns(['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('project_budgets')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('overrun_threshold_percent', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A project's own wording of a role's responsibility; without a row, the template's text applies.
  await db.schema
    .createTable('role_texts')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('responsibility', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_texts_pk', ['project_id', 'role_key'])
    .execute();

  await db.schema
    .createTable('role_acknowledgements')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role_key', 'text', (c) => c.notNull())
    // SHA-256 of the responsibility text confirmed: a changed text no longer matches.
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('role_acknowledgements_pk', ['project_id', 'person_id', 'role_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'role_acknowledgements',
    'role_texts',
    'project_budgets',
    'budget_lines',
    'decision_links',
    'decisions',
    'change_requests',
    'steering_meetings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
