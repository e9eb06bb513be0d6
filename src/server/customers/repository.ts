import type { Kysely } from 'kysely';
import type { CustomersTable, Database } from '../db/schema.js';

export type CustomerRow = CustomersTable & { project_count: number };

export const customerRepository = {
  async list(db: Kysely<Database>): Promise<CustomerRow[]> {
    const rows = await db
      .selectFrom('customers')
      .leftJoin('projects', 'projects.customer_id', 'customers.id')
      .select(['customers.id', 'customers.name', 'customers.organisation_number', 'customers.created_at'])
      .select((eb) => eb.fn.count('projects.id').as('project_count'))
      .groupBy(['customers.id', 'customers.name', 'customers.organisation_number', 'customers.created_at'])
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
