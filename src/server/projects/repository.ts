import type { Kysely } from 'kysely';
import { type CommunicationItemInsert, communicationRepository } from '../communication/repository.js';
import type { ActivitiesTable, Database, ProjectsTable } from '../db/schema.js';
import { planRepository } from '../plan/repository.js';
import type { PlanSeed } from '../plan/seed.js';

export interface ProjectRow extends Omit<ProjectsTable, 'change_count'> {
  customer_name: string;
  activities_total: number;
  activities_done: number;
}

const projectColumns = [
  'projects.id',
  'projects.customer_id',
  'projects.template_id',
  'projects.name',
  'projects.phase',
  'projects.start_date',
  'projects.created_at',
] as const;

const projectWithProgress = (db: Kysely<Database>) =>
  db
    .selectFrom('projects')
    .innerJoin('customers', 'customers.id', 'projects.customer_id')
    .leftJoin('activities', 'activities.project_id', 'projects.id')
    .select([...projectColumns, 'customers.name as customer_name'])
    .select((eb) => [
      eb.fn.count('activities.id').as('activities_total'),
      eb.fn.count('activities.done_at').as('activities_done'),
    ])
    .groupBy([...projectColumns, 'customers.name']);

const withNumbers = <T extends { activities_total: unknown; activities_done: unknown }>(row: T) => ({
  ...row,
  activities_total: Number(row.activities_total),
  activities_done: Number(row.activities_done),
});

export const projectRepository = {
  /** `projectIds` limits the list to those projects (a user who sees only some). */
  async list(db: Kysely<Database>, filter: { customerId?: string; projectIds?: string[] }): Promise<ProjectRow[]> {
    if (filter.projectIds?.length === 0) return [];
    let query = projectWithProgress(db);
    if (filter.customerId) query = query.where('projects.customer_id', '=', filter.customerId);
    if (filter.projectIds) query = query.where('projects.id', 'in', filter.projectIds);
    const rows = await query.orderBy('customers.name').orderBy('projects.created_at').execute();
    return rows.map(withNumbers);
  },

  async findById(db: Kysely<Database>, id: string): Promise<ProjectRow | undefined> {
    const row = await projectWithProgress(db).where('projects.id', '=', id).executeTakeFirst();
    return row && withNumbers(row);
  },

  /** The project and everything its template gives it, stored together or not at all. */
  async insertWithContent(
    db: Kysely<Database>,
    project: Omit<ProjectsTable, 'change_count'>,
    activities: Omit<ActivitiesTable, 'version' | 'description'>[],
    plan: PlanSeed,
    communicationItems: CommunicationItemInsert[],
  ): Promise<void> {
    const insert = async (trx: Kysely<Database>) => {
      await trx.insertInto('projects').values(project).execute();
      if (activities.length > 0) await trx.insertInto('activities').values(activities).execute();
      await planRepository.insertSeed(trx, plan);
      await communicationRepository.insertItems(trx, communicationItems);
    };
    // A project started as part of a larger change (a follow-on project) is created in its transaction.
    await (db.isTransaction ? insert(db) : db.transaction().execute(insert));
  },
};
