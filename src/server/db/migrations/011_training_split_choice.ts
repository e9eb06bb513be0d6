import type { Kysely } from 'kysely';

// When a training's trainees cannot be split into sessions within its participant range, the project
// chooses how to hold it anyway: fewer sessions over the maximum ('over_max') or more sessions under
// the minimum ('under_min'). Null: no choice made, so no split is suggested.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project_trainings').addColumn('split_choice', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project_trainings').dropColumn('split_choice').execute();
}
