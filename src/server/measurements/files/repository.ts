import type { Insertable, Kysely } from 'kysely';
import type { Database, MeasurementComputationsTable } from '../../db/schema.js';

export const computationRepository = {
  findEffectGoal: (db: Kysely<Database>, projectId: string, goalId: string) =>
    db
      .selectFrom('goals')
      .select(['id', 'title', 'unit'])
      .where('project_id', '=', projectId)
      .where('id', '=', goalId)
      .where('kind', '=', 'effect')
      .executeTakeFirst(),

  async insertComputation(db: Kysely<Database>, row: Insertable<MeasurementComputationsTable>): Promise<void> {
    await db.insertInto('measurement_computations').values(row).execute();
  },

  findComputation: (db: Kysely<Database>, goalId: string, computationId: string) =>
    db
      .selectFrom('measurement_computations')
      .selectAll()
      .where('goal_id', '=', goalId)
      .where('id', '=', computationId)
      .executeTakeFirst(),

  findMapping: (db: Kysely<Database>, goalId: string) =>
    db
      .selectFrom('goal_measurement_settings')
      .select(['method', 'mapping', 'version'])
      .where('goal_id', '=', goalId)
      .executeTakeFirst(),

  /**
   * Remembers the goal's method and column mapping: a new settings row at version 1, or the
   * existing one changed with its version bumped. One statement, so that two computations at the
   * same moment cannot both insert.
   */
  async saveMapping(
    db: Kysely<Database>,
    row: { goalId: string; projectId: string; method: 'coverage' | 'share_by_date'; mapping: string; at: string },
  ): Promise<void> {
    await db
      .insertInto('goal_measurement_settings')
      .values({
        goal_id: row.goalId,
        project_id: row.projectId,
        method: row.method,
        mapping: row.mapping,
        version: 1,
        updated_at: row.at,
      })
      .onConflict((conflict) =>
        conflict.column('goal_id').doUpdateSet((eb) => ({
          method: eb.ref('excluded.method'),
          mapping: eb.ref('excluded.mapping'),
          version: eb('goal_measurement_settings.version', '+', 1),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  },
};
