import type { Kysely } from 'kysely';
import type { Database, PeopleTable, SchoolsTable } from '../db/schema.js';

/** Rows per INSERT: well under the bound-parameter limits of SQLite and PostgreSQL. */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

export const importRepository = {
  /** What an import compares against: the customer's schools and people, names and addresses only. */
  async existing(db: Kysely<Database>, customerId: string) {
    const [schools, people] = await Promise.all([
      db.selectFrom('schools').select(['id', 'name']).where('customer_id', '=', customerId).execute(),
      db.selectFrom('people').select(['name', 'email']).where('customer_id', '=', customerId).execute(),
    ]);
    return { schools, people };
  },

  /** Inserts schools many to a statement; a name the customer already has is skipped. Returns how many were stored. */
  async insertSchools(db: Kysely<Database>, rows: Omit<SchoolsTable, 'version'>[]): Promise<number> {
    let inserted = 0;
    for (const chunk of chunks(rows)) {
      const result = await db
        .insertInto('schools')
        .values(chunk)
        .onConflict((oc) => oc.columns(['customer_id', 'name']).doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return inserted;
  },

  async insertPeople(db: Kysely<Database>, rows: Omit<PeopleTable, 'version'>[]): Promise<number> {
    for (const chunk of chunks(rows)) await db.insertInto('people').values(chunk).execute();
    return rows.length;
  },
};
