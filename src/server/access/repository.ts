import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled.js';
import type { Database } from '../db/schema.js';

const projectRef = precompiled(
  (db, projectId: string) =>
    db.selectFrom('projects').select(['id', 'customer_id', 'template_id', 'phase']).where('id', '=', projectId),
  [''],
);

const rolesHeldInProject = precompiled(
  (db, projectId: string, personId: string) =>
    db
      .selectFrom('role_assignments')
      .select('role_key')
      .where('project_id', '=', projectId)
      .where('person_id', '=', personId),
  ['', ''],
);

export const accessRepository = {
  async findProject(db: Kysely<Database>, projectId: string) {
    return (await projectRef(db, projectId))[0];
  },

  async rolesHeldInProject(db: Kysely<Database>, projectId: string, personId: string): Promise<string[]> {
    return (await rolesHeldInProject(db, projectId, personId)).map((row) => row.role_key);
  },

  /** Every role the person holds in the customer's projects, with the template each project follows. */
  rolesHeldAtCustomer(db: Kysely<Database>, customerId: string, personId: string) {
    return db
      .selectFrom('role_assignments')
      .innerJoin('projects', 'projects.id', 'role_assignments.project_id')
      .select(['role_assignments.role_key', 'projects.id as project_id', 'projects.template_id'])
      .where('projects.customer_id', '=', customerId)
      .where('role_assignments.person_id', '=', personId)
      .execute();
  },

  /** Projects in which the person holds any role. */
  async projectIdsOfPerson(db: Kysely<Database>, personId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('role_assignments')
      .select('project_id')
      .distinct()
      .where('person_id', '=', personId)
      .execute();
    return rows.map((row) => row.project_id);
  },
};
