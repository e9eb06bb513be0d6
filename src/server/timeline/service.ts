import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { KeyActivity } from '../../shared/plan.js';
import type { Timeline, UpdateKeyActivityBody } from '../../shared/timeline.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { planRepository } from '../plan/repository.js';
import { toKeyActivity } from '../plan/service.js';
import { getVendorName } from '../settings/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { timelineRepository } from './repository.js';
import { timelineItems } from './timeline.js';

/** The plan's key activities and the checklist's deadlines, by date. */
export async function getTimeline(context: AppContext, access: ProjectAccess): Promise<Timeline> {
  const projectId = access.project.id;
  const [keyActivities, activities, vendorName] = await Promise.all([
    planRepository.keyActivities(context.db, projectId),
    timelineRepository.datedActivities(context.db, projectId),
    getVendorName(context),
  ]);
  const groupTitles = new Map(
    withVendorName(access.template.checklistGroups, vendorName).map((group) => [group.key, group.title]),
  );
  const items = timelineItems(
    keyActivities,
    activities.map((row) => ({
      id: row.id,
      position: row.position,
      title: row.title,
      deadline: row.deadline,
      done: row.done_at !== null,
      groupTitle: groupTitles.get(row.group_key) ?? row.group_key,
      version: row.version,
    })),
    stockholmDay(context.clock.now()),
  );
  return { items };
}

const readableDate = (date: string | null) => date ?? 'inget datum';

/** Moves a key activity to another day (or leaves it undated), recorded in the project history. */
export async function updateKeyActivity(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  keyActivityId: string,
  body: UpdateKeyActivityBody,
): Promise<KeyActivity> {
  requireEdit(access);
  const projectId = access.project.id;
  return context.db.transaction().execute(async (trx) => {
    const before = await timelineRepository.findKeyActivity(trx, projectId, keyActivityId);
    if (!before) throw notFound('Nyckelaktiviteten');
    const saved = await timelineRepository.updateKeyActivityDateIfVersion(
      trx,
      { projectId, keyActivityId, version: body.version },
      { date: body.date, updatedAt: context.clock.now().toISOString() },
    );
    if (!saved) {
      throw new AppError(
        'VERSION_CONFLICT',
        'Någon annan har ändrat nyckelaktiviteten sedan du öppnade den. Ladda om och gör ändringen igen.',
      );
    }
    const after = await timelineRepository.findKeyActivity(trx, projectId, keyActivityId);
    if (!after) throw notFound('Nyckelaktiviteten');
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      action: 'key_activity.date_changed',
      entityType: 'key_activity',
      entityId: keyActivityId,
      summary: `Flyttade ”${after.title}” från ${readableDate(before.date)} till ${readableDate(after.date)}`,
      before: { date: before.date },
      after: { date: after.date },
    });
    return toKeyActivity(after);
  });
}

/**
 * Moves the project's key activity of a template key to `date` within the caller's transaction, as
 * something that follows it (such as a training's sessions) decides, recorded in the project history
 * like a move on the timeline. Nothing happens when the project has no such key activity or it is
 * already on that date.
 */
export async function followKeyActivity(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  templateKey: string,
  date: string,
): Promise<void> {
  const projectId = access.project.id;
  const before = (await planRepository.keyActivities(trx, projectId)).find((row) => row.template_key === templateKey);
  if (!before || before.date === date) return;
  const saved = await timelineRepository.updateKeyActivityDateIfVersion(
    trx,
    { projectId, keyActivityId: before.id, version: before.version },
    { date, updatedAt: context.clock.now().toISOString() },
  );
  if (!saved) {
    throw new AppError(
      'VERSION_CONFLICT',
      `Någon annan ändrade ”${before.title}” på tidslinjen samtidigt. Ladda om och gör ändringen igen.`,
    );
  }
  await recordAudit(context, trx, {
    actor: user,
    customerId: access.project.customerId,
    projectId,
    action: 'key_activity.date_changed',
    entityType: 'key_activity',
    entityId: before.id,
    summary: `Flyttade ”${before.title}” från ${readableDate(before.date)} till ${readableDate(date)}`,
    before: { date: before.date },
    after: { date },
  });
}
