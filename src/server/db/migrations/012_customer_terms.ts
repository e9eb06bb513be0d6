import type { Kysely } from 'kysely';

// A customer's own school terms, each day as 'MM-DD' (e.g. ht 08-18–12-22, vt 01-09–06-14): what
// a goal followed per term is computed over. All four null: Stegvis's default terms.
const columns = ['term_ht_start', 'term_ht_end', 'term_vt_start', 'term_vt_end'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of columns) {
    await db.schema.alterTable('customers').addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [...columns].reverse()) {
    await db.schema.alterTable('customers').dropColumn(column).execute();
  }
}
