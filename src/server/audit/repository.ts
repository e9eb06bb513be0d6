import type { Kysely } from 'kysely';
import type { AuditEventsTable, Database } from '../db/schema.js';

export const auditRepository = {
  async insert(db: Kysely<Database>, event: AuditEventsTable): Promise<void> {
    await db.insertInto('audit_events').values(event).execute();
  },

  /**
   * Counts a change against the projects it may touch: its own project; every project of its
   * customer for a change of the customer's schools or people; every project for a change of the
   * vendor's own (a supporter's name shows in every project they support).
   */
  async countChange(db: Kysely<Database>, scope: { projectId: string | null; customerId: string | null }) {
    let update = db.updateTable('projects').set((eb) => ({ change_count: eb('change_count', '+', 1) }));
    if (scope.projectId !== null) update = update.where('id', '=', scope.projectId);
    else if (scope.customerId !== null) update = update.where('customer_id', '=', scope.customerId);
    await update.execute();
  },

  /** A project's history: its own events and those of its customer's schools and people. */
  listForProject(db: Kysely<Database>, project: { id: string; customerId: string }, limit: number) {
    return (
      db
        .selectFrom('audit_events')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('project_id', '=', project.id),
            eb.and([eb('customer_id', '=', project.customerId), eb('project_id', 'is', null)]),
          ]),
        )
        .orderBy('created_at', 'desc')
        // Ordered ids break ties between events of the same millisecond: the later one first.
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
    );
  },
};
