import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../shared/audit.js';
import type { CurrentUser } from '../../shared/auth.js';
import type { AppContext } from '../core/context.js';
import { newOrderedId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { auditRepository } from './repository.js';

export interface AuditEntry {
  actor: CurrentUser;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  customerId: string | null;
  projectId?: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * Records who changed what, when, with the values before and after, and counts the change against
 * the projects it touches (what the portfolio's cached summaries are checked against). Pass the
 * transaction the change runs in, so that the record and the change are stored together or not at all.
 */
export async function recordAudit(context: AppContext, db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await auditRepository.insert(db, {
    id: newOrderedId(),
    customer_id: entry.customerId,
    project_id: entry.projectId ?? null,
    actor_user_id: entry.actor.id,
    actor_name: entry.actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    summary: entry.summary,
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    created_at: context.clock.now().toISOString(),
  });
  await auditRepository.countChange(db, { projectId: entry.projectId ?? null, customerId: entry.customerId });
}

export async function projectHistory(
  context: AppContext,
  project: { id: string; customerId: string },
  limit = 200,
): Promise<AuditEvent[]> {
  const rows = await auditRepository.listForProject(context.db, project, limit);
  return rows.map((row) => ({
    id: row.id,
    at: row.created_at,
    actor: { id: row.actor_user_id, name: row.actor_name },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    before: row.before ? JSON.parse(row.before) : null,
    after: row.after ? JSON.parse(row.after) : null,
  }));
}
