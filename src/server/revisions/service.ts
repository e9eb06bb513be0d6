import type { CurrentUser } from '../../shared/auth.js';
import {
  type CompareQuery,
  type PlanDiff,
  type PlanSnapshot,
  planSnapshotSchema,
  type RevisionDetail,
  type RevisionList,
  type RevisionSummary,
  type SendRevisionBody,
} from '../../shared/revisions.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { PlanRevisionsTable } from '../db/schema.js';
import { PROJECT_SUPPORTER_ROLE, vendorRecipients } from '../organisation/service.js';
import { diffSnapshots } from './diff.js';
import { revisionMail } from './mails.js';
import { type RevisionSummaryRow, revisionRepository } from './repository.js';
import { planSnapshotFor } from './snapshot.js';

export interface ErrorLog {
  error(data: object, message: string): void;
}

const toSummary = (row: RevisionSummaryRow): RevisionSummary => ({
  number: row.number,
  createdAt: row.created_at,
  sender: { name: row.sender_name },
  message: row.message,
  readByMe: row.read_at !== null,
});

const revisionNotFound = (number: number) => notFound(`Version ${number} av projektplanen`);

/**
 * Freezes the plan as it stands and sends it to the vendor as the next numbered version. Two
 * senders at once both read the same highest number; the unique (project, number) constraint lets
 * only one insert it, and the other takes the next number on its second try.
 */
export async function sendRevision(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: SendRevisionBody,
  log: ErrorLog,
): Promise<RevisionSummary> {
  requireEdit(access);
  const projectId = access.project.id;
  // Checked on the way in as well as out: a revision that cannot be read back must never be stored.
  const snapshot = planSnapshotSchema.parse(await planSnapshotFor(context, access, 'draft'));
  const createdAt = context.clock.now().toISOString();
  for (let attempt = 1; attempt <= 2; attempt++) {
    const saved = await context.db.transaction().execute(async (trx) => {
      const row: PlanRevisionsTable = {
        id: newId(),
        project_id: projectId,
        number: (await revisionRepository.highestNumber(trx, projectId)) + 1,
        created_at: createdAt,
        sender_user_id: user.id,
        sender_name: user.name,
        message: body.message,
        snapshot: JSON.stringify(snapshot),
      };
      if (!(await revisionRepository.insertIfNumberFree(trx, row))) return null;
      await revisionRepository.markRead(trx, row.id, user.id, createdAt);
      await recordAudit(context, trx, {
        actor: user,
        customerId: access.project.customerId,
        projectId,
        action: 'plan.revision_sent',
        entityType: 'plan_revision',
        entityId: row.id,
        summary: `Skickade version ${row.number} av projektplanen till ${snapshot.vendorName}`,
        after: { number: row.number, message: row.message },
      });
      return row;
    });
    if (saved) {
      // The revision is stored whatever happens to the mail: a failure to tell the vendor is logged.
      await notifyVendor(context, access, {
        number: saved.number,
        message: saved.message,
        snapshot,
        sender: user,
      }).catch((error: unknown) =>
        log.error({ err: error, projectId, number: saved.number }, 'ingen avisering om ny version'),
      );
      return { number: saved.number, createdAt, sender: { name: user.name }, message: saved.message, readByMe: true };
    }
  }
  throw new AppError('CONFLICT', 'Någon annan skickade en version av planen samtidigt. Försök igen.');
}

/**
 * Mails the vendor's project supporters of the project (or, when none of them has an e-mail
 * address, the vendor's administrators), one mail each, in the background.
 */
async function notifyVendor(
  context: AppContext,
  access: ProjectAccess,
  revision: { number: number; message: string; snapshot: PlanSnapshot; sender: CurrentUser },
): Promise<void> {
  const projectId = access.project.id;
  const recipients = await vendorRecipients(context.db, projectId, PROJECT_SUPPORTER_ROLE);
  if (recipients.length === 0) return;
  const previous = revision.number - 1;
  const changesSincePrevious =
    previous >= 1
      ? {
          previous,
          count: diffSnapshots(await planSnapshotFor(context, access, previous), revision.snapshot, {
            from: previous,
            to: revision.number,
          }).changeCount,
        }
      : null;
  const link = `${context.config.publicUrl.replace(/\/$/, '')}/projekt/${projectId}/revisioner?version=${revision.number}`;
  for (const recipient of recipients) {
    context.mailer.sendInBackground(
      revisionMail({
        to: recipient.email,
        name: recipient.name,
        senderName: revision.sender.name,
        customerName: revision.snapshot.project.customerName,
        projectName: revision.snapshot.project.name,
        number: revision.number,
        message: revision.message,
        changesSincePrevious,
        link,
      }),
    );
  }
}

export async function listRevisions(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
): Promise<RevisionList> {
  const items = (await revisionRepository.list(context.db, access.project.id, user.id)).map(toSummary);
  return { items, unreadCount: items.filter((item) => !item.readByMe).length };
}

export async function getRevision(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  number: number,
): Promise<RevisionDetail> {
  const row = await revisionRepository.find(context.db, access.project.id, number, user.id);
  if (!row) throw revisionNotFound(number);
  return { ...toSummary(row), snapshot: planSnapshotSchema.parse(JSON.parse(row.snapshot)) };
}

export async function markRevisionRead(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  number: number,
): Promise<void> {
  const revisionId = await revisionRepository.findId(context.db, access.project.id, number);
  if (!revisionId) throw revisionNotFound(number);
  await revisionRepository.markRead(context.db, revisionId, user.id, context.clock.now().toISOString());
}

/** What changed from revision `from` to revision `to` or to the draft; either may be the older one. */
export async function compareRevisions(
  context: AppContext,
  access: ProjectAccess,
  query: CompareQuery,
): Promise<PlanDiff> {
  const [before, after] = await Promise.all([
    planSnapshotFor(context, access, query.from),
    planSnapshotFor(context, access, query.to),
  ]);
  return diffSnapshots(before, after, { from: query.from, to: query.to === 'draft' ? null : query.to });
}

/** How many revisions of each project the user has not read; for the projects list, in one query. */
export const unreadRevisionCounts = (
  context: AppContext,
  user: CurrentUser,
  projectIds: string[],
): Promise<Map<string, number>> => revisionRepository.unreadCounts(context.db, user.id, projectIds);

/**
 * How many revisions the user has marked read in all: it only ever grows, so with the projects'
 * change counts it tells whether anyone's unread counts can have moved.
 */
export const revisionsReadCount = (context: AppContext, user: CurrentUser): Promise<number> =>
  revisionRepository.readCount(context.db, user.id);
