import type { Kysely } from 'kysely';
import type { Database, RoleAcknowledgementsTable, RoleTextsTable } from '../db/schema.js';

export interface HoldingRow {
  roleKey: string;
  schoolId: string | null;
  schoolName: string | null;
  personId: string;
  personName: string;
  personEmail: string | null;
  /** The project's own responsibility text of the role, if it has one. */
  projectText: string | null;
  confirmedHash: string | null;
  acknowledgedAt: string | null;
}

/** Role assignments with their holder, school, the project's own text of the role and the holder's confirmation. */
const selectHoldings = (db: Kysely<Database>) =>
  db
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .leftJoin('schools', 'schools.id', 'role_assignments.school_id')
    .leftJoin('role_texts', (join) =>
      join
        .onRef('role_texts.project_id', '=', 'role_assignments.project_id')
        .onRef('role_texts.role_key', '=', 'role_assignments.role_key'),
    )
    .leftJoin('role_acknowledgements', (join) =>
      join
        .onRef('role_acknowledgements.project_id', '=', 'role_assignments.project_id')
        .onRef('role_acknowledgements.person_id', '=', 'role_assignments.person_id')
        .onRef('role_acknowledgements.role_key', '=', 'role_assignments.role_key'),
    )
    .select([
      'role_assignments.role_key',
      'role_assignments.school_id',
      'schools.name as school_name',
      'role_assignments.person_id',
      'people.name as person_name',
      'people.email as person_email',
      'role_texts.responsibility as project_text',
      'role_acknowledgements.text_hash',
      'role_acknowledgements.acknowledged_at',
    ]);

type SelectedHolding = Awaited<ReturnType<ReturnType<typeof selectHoldings>['execute']>>[number];

const toHoldingRow = (row: SelectedHolding): HoldingRow => ({
  roleKey: row.role_key,
  schoolId: row.school_id,
  schoolName: row.school_name,
  personId: row.person_id,
  personName: row.person_name,
  personEmail: row.person_email,
  projectText: row.project_text,
  confirmedHash: row.text_hash,
  acknowledgedAt: row.acknowledged_at,
});

export interface ProjectHoldingRow extends HoldingRow {
  projectId: string;
  projectName: string;
  customerId: string;
  customerName: string;
  templateId: string;
}

export const acknowledgementRepository = {
  /** Every role assignment of the project: one query, whatever the size of the organisation. */
  async holdings(db: Kysely<Database>, projectId: string): Promise<HoldingRow[]> {
    const rows = await selectHoldings(db).where('role_assignments.project_id', '=', projectId).execute();
    return rows.map(toHoldingRow);
  },

  /** The person's role assignments in every project still under way, with the project: one query. */
  async holdingsOfPersonInOpenProjects(db: Kysely<Database>, personId: string): Promise<ProjectHoldingRow[]> {
    const rows = await selectHoldings(db)
      .innerJoin('projects', 'projects.id', 'role_assignments.project_id')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .select([
        'projects.id as project_id',
        'projects.name as project_name',
        'projects.customer_id',
        'projects.template_id',
        'customers.name as customer_name',
      ])
      .where('role_assignments.person_id', '=', personId)
      .where('projects.phase', '=', 'implementation')
      .execute();
    return rows.map((row) => ({
      ...toHoldingRow(row),
      projectId: row.project_id,
      projectName: row.project_name,
      customerId: row.customer_id,
      customerName: row.customer_name,
      templateId: row.template_id,
    }));
  },

  roleTexts(db: Kysely<Database>, projectId: string): Promise<RoleTextsTable[]> {
    return db.selectFrom('role_texts').selectAll().where('project_id', '=', projectId).execute();
  },

  findRoleText(db: Kysely<Database>, projectId: string, roleKey: string): Promise<RoleTextsTable | undefined> {
    return db
      .selectFrom('role_texts')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('role_key', '=', roleKey)
      .executeTakeFirst();
  },

  /** False when the project already has its own text of the role. */
  async insertRoleText(db: Kysely<Database>, row: Omit<RoleTextsTable, 'version'>): Promise<boolean> {
    const result = await db
      .insertInto('role_texts')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.columns(['project_id', 'role_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async updateRoleTextIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; roleKey: string; version: number },
    change: Pick<RoleTextsTable, 'responsibility' | 'updated_at'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('role_texts')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('project_id', '=', target.projectId)
      .where('role_key', '=', target.roleKey)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  acknowledgements(db: Kysely<Database>, projectId: string): Promise<RoleAcknowledgementsTable[]> {
    return db.selectFrom('role_acknowledgements').selectAll().where('project_id', '=', projectId).execute();
  },

  /**
   * A confirmation of another text replaces the earlier one, date and all; one of the same text
   * (two tabs confirming at once) keeps the first date.
   */
  async saveAcknowledgement(db: Kysely<Database>, row: RoleAcknowledgementsTable): Promise<void> {
    await db
      .insertInto('role_acknowledgements')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['project_id', 'person_id', 'role_key'])
          .doUpdateSet({ text_hash: row.text_hash, acknowledged_at: row.acknowledged_at, user_id: row.user_id })
          .where('role_acknowledgements.text_hash', '<>', row.text_hash),
      )
      .execute();
  },
};
