import type { Kysely } from 'kysely';
import type { Database, PeopleTable, RoleAssignmentsTable, SchoolsTable } from '../db/schema.js';

export type SchoolRow = Omit<SchoolsTable, 'version'> & { version: number };
export type PersonRow = Omit<PeopleTable, 'version'> & {
  version: number;
  password_hash: string | null;
  disabled_at?: string | null;
};

const personColumns = [
  'people.id',
  'people.customer_id',
  'people.name',
  'people.email',
  'people.phone',
  'people.title',
  'people.school_id',
  'people.user_id',
  'people.version',
  'people.created_at',
  'people.updated_at',
  'users.password_hash',
  'users.disabled_at',
] as const;

const selectPeople = (db: Kysely<Database>) =>
  db.selectFrom('people').leftJoin('users', 'users.id', 'people.user_id').select(personColumns);

export const organisationRepository = {
  listSchools(db: Kysely<Database>, customerId: string): Promise<SchoolRow[]> {
    return db.selectFrom('schools').selectAll().where('customer_id', '=', customerId).orderBy('name').execute();
  },

  findSchool(db: Kysely<Database>, customerId: string, schoolId: string): Promise<SchoolRow | undefined> {
    return db
      .selectFrom('schools')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('id', '=', schoolId)
      .executeTakeFirst();
  },

  /** False when the customer already has a school by that name. */
  async insertSchool(db: Kysely<Database>, row: Omit<SchoolsTable, 'version'>): Promise<boolean> {
    const result = await db
      .insertInto('schools')
      .values(row)
      .onConflict((oc) => oc.columns(['customer_id', 'name']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async updateSchoolIfVersion(
    db: Kysely<Database>,
    target: { customerId: string; schoolId: string; version: number },
    change: Pick<SchoolsTable, 'name' | 'school_forms' | 'school_unit_code' | 'updated_at'> &
      Partial<Pick<SchoolsTable, 'staff_count'>>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('schools')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.schoolId)
      .where('customer_id', '=', target.customerId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  listPeople(db: Kysely<Database>, customerId: string | null): Promise<PersonRow[]> {
    const query = selectPeople(db).orderBy('people.name').orderBy('people.id');
    return customerId === null
      ? query.where('people.customer_id', 'is', null).execute()
      : query.where('people.customer_id', '=', customerId).execute();
  },

  findPerson(db: Kysely<Database>, personId: string): Promise<PersonRow | undefined> {
    return selectPeople(db).where('people.id', '=', personId).executeTakeFirst();
  },

  findPersonByEmail(db: Kysely<Database>, customerId: string | null, email: string): Promise<PersonRow | undefined> {
    const query = selectPeople(db).where('people.email', '=', email);
    return (
      customerId === null
        ? query.where('people.customer_id', 'is', null)
        : query.where('people.customer_id', '=', customerId)
    ).executeTakeFirst();
  },

  async insertPerson(db: Kysely<Database>, row: Omit<PeopleTable, 'version'>): Promise<void> {
    await db.insertInto('people').values(row).execute();
  },

  async updatePersonIfVersion(
    db: Kysely<Database>,
    target: { personId: string; version: number },
    change: Pick<PeopleTable, 'name' | 'email' | 'phone' | 'title' | 'school_id' | 'updated_at'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('people')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.personId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Every role holding in the project with the holder's name, in one query. */
  listAssignments(db: Kysely<Database>, projectId: string) {
    return db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .leftJoin('users', 'users.id', 'people.user_id')
      .select([
        'role_assignments.id',
        'role_assignments.role_key',
        'role_assignments.school_id',
        'role_assignments.person_id',
        'people.name as person_name',
        'people.email as person_email',
        'people.user_id as person_user_id',
        'users.password_hash as person_password_hash',
      ])
      .where('role_assignments.project_id', '=', projectId)
      .orderBy('people.name')
      .execute();
  },

  findAssignment(db: Kysely<Database>, projectId: string, assignmentId: string) {
    return db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select([
        'role_assignments.id',
        'role_assignments.role_key',
        'role_assignments.school_id',
        'role_assignments.person_id',
        'people.name as person_name',
      ])
      .where('role_assignments.project_id', '=', projectId)
      .where('role_assignments.id', '=', assignmentId)
      .executeTakeFirst();
  },

  async insertAssignment(db: Kysely<Database>, row: RoleAssignmentsTable): Promise<void> {
    await db.insertInto('role_assignments').values(row).execute();
  },

  async deleteAssignment(db: Kysely<Database>, assignmentId: string): Promise<void> {
    await db.deleteFrom('role_assignments').where('id', '=', assignmentId).execute();
  },

  /** The vendor's people holding `roleKey` in the project who have an e-mail address. */
  vendorRoleHoldersWithEmail: (db: Kysely<Database>, projectId: string, roleKey: string) =>
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select(['people.name', 'people.email'])
      .where('role_assignments.project_id', '=', projectId)
      .where('role_assignments.role_key', '=', roleKey)
      .where('people.customer_id', 'is', null)
      .where('people.email', 'is not', null)
      .orderBy('people.name')
      .execute() as Promise<{ name: string; email: string }[]>,

  vendorAdmins: (db: Kysely<Database>) =>
    db.selectFrom('users').select(['name', 'email']).where('role', '=', 'vendor_admin').orderBy('name').execute(),
};
