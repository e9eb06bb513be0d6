import type { Kysely } from 'kysely';

// Effect goals measured over time: who measures, the column mapping remembered per goal,
// computations from uploaded exports, and the measurements themselves.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goal_measurement_settings')
    .addColumn('goal_id', 'text', (c) => c.primaryKey().references('goals.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    // Reminded on the evaluation's collection dates.
    .addColumn('measurer_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    // coverage | share_by_date, with the file columns mapped to its fields (JSON), remembered for next time.
    .addColumn('method', 'text')
    .addColumn('mapping', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A figure computed from uploaded files, kept so that saving it as a measurement needs no second upload.
  await db.schema
    .createTable('measurement_computations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    // JSON: the computation shown to the user (counts, period, rejected rows, what is not covered).
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measurement_computations_goal_idx')
    .on('measurement_computations')
    .columns(['goal_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('goal_measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    // manual | coverage | share_by_date
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('computation_id', 'text', (c) => c.references('measurement_computations.id').onDelete('set null'))
    .addColumn('recorded_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('goal_measurements_goal_idx')
    .on('goal_measurements')
    .columns(['goal_id', 'measured_on'])
    .execute();
  await db.schema.createIndex('goal_measurements_project_idx').on('goal_measurements').column('project_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['goal_measurements', 'measurement_computations', 'goal_measurement_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
