import { type Kysely, sql } from 'kysely';
import { precompiled } from '../db/precompiled.js';
import type { Database } from '../db/schema.js';

/**
 * The project and the roles the person holds in it, in one round trip: every project route asks
 * both before anything else. Values in the order the SQL takes them (the roles' subquery first).
 */
const projectWithHeldRoles = precompiled(
  (db, personId: string, projectId: string) =>
    db
      .selectFrom('projects')
      .select((eb) => [
        'id',
        'customer_id',
        'template_id',
        'phase',
        eb
          .selectFrom('role_assignments')
          .select(sql<string>`string_agg(role_assignments.role_key, ',')`.as('keys'))
          .whereRef('role_assignments.project_id', '=', 'projects.id')
          .where('role_assignments.person_id', '=', personId)
          .as('held_role_keys'),
      ])
      .where('id', '=', projectId),
  ['', ''],
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
  /** With `personId` null (the vendor admin, or a user without a person) no roles are looked up. */
  async findProjectWithHeldRoles(db: Kysely<Database>, projectId: string, personId: string | null) {
    const [row] = await projectWithHeldRoles(db, personId ?? '', projectId);
    return row && { ...row, heldRoleKeys: row.held_role_keys ? row.held_role_keys.split(',') : [] };
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
