import type { Insertable, Kysely, Selectable } from 'kysely';
import type { BudgetLinesTable, Database, ProjectBudgetsTable } from '../db/schema.js';

export type BudgetLineRow = Selectable<BudgetLinesTable>;
export type BudgetLineChange = Pick<BudgetLinesTable, 'title' | 'planned_sek' | 'actual_sek' | 'updated_at'>;

interface VersionedTarget {
  projectId: string;
  id: string;
  version: number;
}

export const budgetRepository = {
  lines: (db: Kysely<Database>, projectId: string): Promise<BudgetLineRow[]> =>
    db
      .selectFrom('budget_lines')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),

  findLine: (db: Kysely<Database>, projectId: string, lineId: string): Promise<BudgetLineRow | undefined> =>
    db
      .selectFrom('budget_lines')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', lineId)
      .executeTakeFirst(),

  async nextLinePosition(db: Kysely<Database>, projectId: string): Promise<number> {
    const row = await db
      .selectFrom('budget_lines')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  },

  async insertLine(db: Kysely<Database>, row: Insertable<BudgetLinesTable>): Promise<void> {
    await db.insertInto('budget_lines').values(row).execute();
  },

  /** Applies the change only if nobody saved the line since `target.version`; says whether it did. */
  async updateLineIfVersion(db: Kysely<Database>, target: VersionedTarget, change: BudgetLineChange): Promise<boolean> {
    const result = await db
      .updateTable('budget_lines')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async deleteLineIfVersion(db: Kysely<Database>, target: VersionedTarget): Promise<boolean> {
    const result = await db
      .deleteFrom('budget_lines')
      .where('id', '=', target.id)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  settings: (db: Kysely<Database>, projectId: string): Promise<Selectable<ProjectBudgetsTable> | undefined> =>
    db.selectFrom('project_budgets').selectAll().where('project_id', '=', projectId).executeTakeFirst(),

  /** False when the project already has its settings: someone saved them first. */
  async insertSettings(db: Kysely<Database>, row: Insertable<ProjectBudgetsTable>): Promise<boolean> {
    const result = await db
      .insertInto('project_budgets')
      .values(row)
      .onConflict((oc) => oc.column('project_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async updateSettingsIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; version: number },
    change: Pick<ProjectBudgetsTable, 'overrun_threshold_percent' | 'updated_at'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('project_budgets')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The goals' budgets together; null when no goal has one. */
  async goalsBudgetSek(db: Kysely<Database>, projectId: string): Promise<number | null> {
    const row = await db
      .selectFrom('goals')
      .select((eb) => eb.fn.sum<number | string | null>('budget_sek').as('total'))
      .where('project_id', '=', projectId)
      .where('budget_sek', 'is not', null)
      .executeTakeFirst();
    return row?.total === null || row?.total === undefined ? null : Number(row.total);
  },
};
