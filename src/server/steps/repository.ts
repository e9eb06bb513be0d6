import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database.js';
import type { Database, ProjectStepDecisionsTable } from '../db/schema.js';

export type StepDecisionRow = ProjectStepDecisionsTable;

export const stepRepository = {
  /** The project's activities that came from the template: only those can be a step's requirement. */
  templateActivities: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('activities')
      .select(['id', 'template_activity_key', 'title', 'deadline', 'done_at'])
      .where('project_id', '=', projectId)
      .where('template_activity_key', 'is not', null)
      .execute(),

  templateKeyActivities: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('key_activities')
      .select(['id', 'template_key', 'title', 'date'])
      .where('project_id', '=', projectId)
      .where('template_key', 'is not', null)
      .execute(),

  /** Every decision on the project's step, newest first: the first one is in force. */
  decisions: (db: Kysely<Database>, projectId: string): Promise<StepDecisionRow[]> =>
    db
      .selectFrom('project_step_decisions')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  insertDecision: async (db: Kysely<Database>, row: StepDecisionRow): Promise<void> => {
    await db.insertInto('project_step_decisions').values(row).execute();
  },

  /**
   * Makes decisions on one project's step wait for each other until commit: the version a client
   * sends is the number of decisions, which two PostgreSQL transactions could otherwise both see
   * unchanged. SQLite runs one transaction at a time anyway.
   */
  lockProject: async (db: Kysely<Database>, kind: DatabaseKind, projectId: string): Promise<void> => {
    await db
      .selectFrom('projects')
      .select('id')
      .where('id', '=', projectId)
      .$if(kind === 'postgres', (query) => query.forUpdate())
      .execute();
  },
};
