import type { Kysely } from 'kysely';

// A count of the changes recorded for each project, raised with every audit event in the same
// transaction as the change: a summary computed from a project's data (the portfolio's) is still
// true while the count it was computed at is the count in the database (docs/decisions/013).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('change_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('projects').dropColumn('change_count').execute();
}
