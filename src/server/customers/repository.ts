import type { Kysely } from 'kysely';
import type { CustomersTable, Database } from '../db/schema.js';

export type CustomerRow = CustomersTable & { project_count: number };

const customerColumns = [
  'customers.id',
  'customers.name',
  'customers.organisation_number',
  'customers.created_at',
  'customers.term_ht_start',
  'customers.term_ht_end',
  'customers.term_vt_start',
  'customers.term_vt_end',
] as const;

/** A customer's own term dates as stored: all four, or all null. */
export interface TermColumns {
  term_ht_start: string | null;
  term_ht_end: string | null;
  term_vt_start: string | null;
  term_vt_end: string | null;
}

export const customerRepository = {
  async list(db: Kysely<Database>): Promise<CustomerRow[]> {
    const rows = await db
      .selectFrom('customers')
      .leftJoin('projects', 'projects.customer_id', 'customers.id')
      .select(customerColumns)
      .select((eb) => eb.fn.count('projects.id').as('project_count'))
      .groupBy(customerColumns)
      .orderBy('customers.name')
      .execute();
    return rows.map((row) => ({ ...row, project_count: Number(row.project_count) }));
  },

  findById(db: Kysely<Database>, id: string): Promise<CustomersTable | undefined> {
    return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByOrganisationNumber(db: Kysely<Database>, organisationNumber: string): Promise<CustomersTable | undefined> {
    return db
      .selectFrom('customers')
      .selectAll()
      .where('organisation_number', '=', organisationNumber)
      .executeTakeFirst();
  },

  findTerms(db: Kysely<Database>, id: string): Promise<TermColumns | undefined> {
    return db
      .selectFrom('customers')
      .select(['term_ht_start', 'term_ht_end', 'term_vt_start', 'term_vt_end'])
      .where('id', '=', id)
      .executeTakeFirst() as Promise<TermColumns | undefined>;
  },

  async setTerms(db: Kysely<Database>, id: string, terms: TermColumns): Promise<void> {
    await db.updateTable('customers').set(terms).where('id', '=', id).execute();
  },

  /** False when a customer with this organisation number exists (e.g. inserted a moment ago by a double submit). */
  async insert(db: Kysely<Database>, row: CustomersTable): Promise<boolean> {
    const result = await db
      .insertInto('customers')
      .values(row)
      .onConflict((oc) => oc.column('organisation_number').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
