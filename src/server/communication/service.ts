import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import {
  type Audience,
  type Communication,
  type CommunicationItem,
  type CreateCommunicationItemBody,
  createCommunicationItemBodySchema,
  type MarkCommunicationItemDoneBody,
  type ProcessGuide,
  type ProcessGuideGoal,
  type SnapshotCommunicationPlan,
  type SnapshotProcessGuide,
  type UpdateCommunicationItemBody,
  type UpdateProcessGuideBody,
  type UpdateProcessGuideGoalBody,
  updateCommunicationItemBodySchema,
} from '../../shared/communication.js';
import { emptyRichText, type RichText, richTextSchema, richTextToPlainText } from '../../shared/rich-text.js';
import { type ProjectAccess, requireEdit, whileOpen } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { bySoonest } from './order.js';
import {
  type CommunicationItemChange,
  type CommunicationItemRow,
  communicationRepository,
  type EffectGoalRow,
  type GuideGoalRow,
} from './repository.js';

// ---- Reading ----

/** Who is looking, as far as marking items done goes. */
interface Viewer {
  mayTick: (responsiblePersonId: string | null) => boolean;
}

/** The plan writers tick any item, the responsible person their own, while the project is open. */
const viewerOf = (user: CurrentUser, access: ProjectAccess): Viewer => ({
  mayTick: (responsiblePersonId) =>
    whileOpen(access, access.permissions.edit || (user.personId !== null && user.personId === responsiblePersonId)),
});

const audiencesOf = (access: ProjectAccess): Audience[] =>
  access.template.communicationAudiences.map((audience) => ({ key: audience.key, title: audience.title }));

function toItem(row: CommunicationItemRow, audiences: Audience[], viewer: Viewer): CommunicationItem {
  const keys = new Set(JSON.parse(row.audience_keys) as string[]);
  const keyActivity =
    row.key_activity_id !== null && row.key_activity_title !== null
      ? { id: row.key_activity_id, title: row.key_activity_title, date: row.key_activity_date }
      : null;
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    message: row.message,
    channel: row.channel,
    // In the template's order, whatever order they were chosen in.
    audienceKeys: audiences.map((audience) => audience.key).filter((key) => keys.has(key)),
    plannedOn: row.planned_on,
    keyActivity,
    date: keyActivity ? keyActivity.date : row.planned_on,
    responsible:
      row.responsible_person_id !== null && row.responsible_name !== null
        ? { id: row.responsible_person_id, name: row.responsible_name }
        : null,
    done: row.done_at !== null ? { at: row.done_at, byName: row.done_by_name ?? '' } : null,
    canTick: viewer.mayTick(row.responsible_person_id),
    version: row.version,
  };
}

async function projectItems(db: Kysely<Database>, access: ProjectAccess, viewer: Viewer) {
  const audiences = audiencesOf(access);
  const rows = await communicationRepository.items(db, access.project.id);
  return rows.map((row) => toItem(row, audiences, viewer)).sort(bySoonest);
}

const parseRichText = (json: string): RichText => richTextSchema.parse(JSON.parse(json)) as RichText;

function toGuideGoal(goal: EffectGoalRow, row: GuideGoalRow | undefined): ProcessGuideGoal {
  return {
    goalId: goal.id,
    goalTitle: goal.title,
    goalMeasure: goal.measure,
    usage: row ? parseRichText(row.usage) : emptyRichText(),
    statistics: row ? parseRichText(row.statistics) : emptyRichText(),
    version: row?.version ?? 0,
  };
}

async function loadGuide(db: Kysely<Database>, projectId: string): Promise<ProcessGuide> {
  const [guide, goals, goalRows] = await Promise.all([
    communicationRepository.guide(db, projectId),
    communicationRepository.effectGoals(db, projectId),
    communicationRepository.guideGoals(db, projectId),
  ]);
  const rowByGoal = new Map(goalRows.map((row) => [row.goal_id, row]));
  return {
    introduction: guide ? parseRichText(guide.introduction) : emptyRichText(),
    version: guide?.version ?? 0,
    updatedAt: guide?.updated_at ?? null,
    goals: goals.map((goal) => toGuideGoal(goal, rowByGoal.get(goal.id))),
  };
}

/** The communication plan per audience, the timeline's activities it can follow, and the process guide. */
export async function getCommunication(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
): Promise<Communication> {
  const [items, keyActivities, guide] = await Promise.all([
    projectItems(context.db, access, viewerOf(user, access)),
    communicationRepository.keyActivities(context.db, access.project.id),
    loadGuide(context.db, access.project.id),
  ]);
  return {
    audiences: audiencesOf(access),
    items,
    keyActivities,
    guide,
    may: { edit: access.permissions.edit },
  };
}

/** Both parts as a revision freezes them: names, titles and dates as they stand now. */
export async function communicationSnapshot(
  context: AppContext,
  access: ProjectAccess,
): Promise<{ communicationPlan: SnapshotCommunicationPlan; processGuide: SnapshotProcessGuide }> {
  const audiences = audiencesOf(access);
  const titleOf = new Map(audiences.map((audience) => [audience.key, audience]));
  const [items, guide] = await Promise.all([
    projectItems(context.db, access, { mayTick: () => false }),
    loadGuide(context.db, access.project.id),
  ]);
  return {
    communicationPlan: {
      audiences,
      items: items.map((item) => ({
        id: item.id,
        title: item.title,
        message: item.message,
        channel: item.channel,
        audiences: item.audienceKeys.flatMap((key) => titleOf.get(key) ?? []),
        date: item.date,
        keyActivityTitle: item.keyActivity?.title ?? null,
        responsibleName: item.responsible?.name ?? null,
        done: item.done,
      })),
    },
    processGuide: {
      introduction: guide.introduction,
      goals: guide.goals.map((goal) => ({
        goalId: goal.goalId,
        goalTitle: goal.goalTitle,
        usage: goal.usage,
        statistics: goal.statistics,
      })),
    },
  };
}

// ---- Changing the communication plan ----

const staleItem = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat punkten i kommunikationsplanen sedan du läste in den. Ladda om och gör ändringen igen.',
  );

const invalid = (message: string, field: string, problem: string) =>
  new AppError('VALIDATION_FAILED', message, { [field]: problem });

function auditOf(user: CurrentUser, access: ProjectAccess) {
  return {
    actor: user,
    customerId: access.project.customerId,
    projectId: access.project.id,
    entityType: 'communication_item',
  };
}

/** The item as the project history shows it: names and titles rather than keys and ids. */
function auditView(item: CommunicationItem, audiences: Audience[]) {
  return {
    title: item.title,
    message: item.message,
    channel: item.channel,
    audiences: audiences
      .filter((audience) => item.audienceKeys.includes(audience.key))
      .map((audience) => audience.title)
      .join(', '),
    when: item.keyActivity
      ? `Enligt tidplanen: ${item.keyActivity.title}${item.keyActivity.date ? ` (${item.keyActivity.date})` : ''}`
      : (item.plannedOn ?? 'Ej planerat'),
    responsible: item.responsible?.name ?? null,
    done: item.done ? `${item.done.byName} ${item.done.at}` : null,
  };
}

async function loadItem(db: Kysely<Database>, access: ProjectAccess, viewer: Viewer, itemId: string) {
  const row = await communicationRepository.findItem(db, access.project.id, itemId);
  if (!row) throw notFound('Punkten i kommunikationsplanen');
  return toItem(row, audiencesOf(access), viewer);
}

interface ItemFields {
  audienceKeys?: string[];
  keyActivityId?: string | null;
  responsiblePersonId?: string | null;
}

/** Audiences the template names, a key activity of this project, a person of this customer. */
async function assertItemFields(db: Kysely<Database>, access: ProjectAccess, fields: ItemFields): Promise<void> {
  const known = new Set(access.template.communicationAudiences.map((audience) => audience.key));
  const unknown = (fields.audienceKeys ?? []).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw invalid(`Mallen har ingen sådan målgrupp: ${unknown.join(', ')}`, 'audienceKeys', 'Okänd målgrupp');
  }
  if (fields.keyActivityId) {
    const keyActivity = await communicationRepository.findKeyActivity(db, access.project.id, fields.keyActivityId);
    if (!keyActivity) {
      throw invalid('Välj en aktivitet i projektets tidplan', 'keyActivityId', 'Aktiviteten finns inte i tidplanen');
    }
  }
  if (fields.responsiblePersonId) {
    const customerId = await communicationRepository.personCustomerId(db, fields.responsiblePersonId);
    if (customerId !== access.project.customerId) {
      throw invalid('Välj en person hos kunden som ansvarig', 'responsiblePersonId', 'Personen hör inte till kunden');
    }
  }
}

const unique = (keys: string[] | undefined) => (keys === undefined ? undefined : [...new Set(keys)]);

/** Adds an item to the communication plan, after the others. */
export async function createCommunicationItem(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: CreateCommunicationItemBody,
): Promise<CommunicationItem> {
  requireEdit(access);
  const values = createCommunicationItemBodySchema.parse(body);
  const audienceKeys = unique(values.audienceKeys) ?? [];
  const projectId = access.project.id;
  const viewer = viewerOf(user, access);
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    await assertItemFields(trx, access, values);
    const id = newId();
    await communicationRepository.insertItems(trx, [
      {
        id,
        project_id: projectId,
        audience_keys: JSON.stringify(audienceKeys),
        title: values.title,
        message: values.message,
        channel: values.channel,
        planned_on: values.plannedOn,
        key_activity_id: values.keyActivityId,
        responsible_person_id: values.responsiblePersonId,
        position: await communicationRepository.nextPosition(trx, projectId),
        done_at: null,
        done_by_name: null,
        created_at: now,
        updated_at: now,
      },
    ]);
    const item = await loadItem(trx, access, viewer, id);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'communication_item.created',
      entityId: id,
      summary: `Lade till ”${item.title}” i kommunikationsplanen`,
      after: auditView(item, audiencesOf(access)),
    });
    return item;
  });
}

/** Changes an item on the version it was read at; only plan writers may. */
export async function updateCommunicationItem(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  itemId: string,
  body: UpdateCommunicationItemBody,
): Promise<CommunicationItem> {
  requireEdit(access);
  const values = updateCommunicationItemBodySchema.parse(body);
  const audienceKeys = unique(values.audienceKeys);
  const viewer = viewerOf(user, access);
  // Left undefined, a column keeps its value: Kysely leaves undefined values out of the update.
  const change: CommunicationItemChange = {
    title: values.title,
    message: values.message,
    channel: values.channel,
    audience_keys: audienceKeys && JSON.stringify(audienceKeys),
    responsible_person_id: values.responsiblePersonId,
  };
  // When it happens is one choice: either of the two replaces both.
  if (values.plannedOn !== undefined || values.keyActivityId !== undefined) {
    change.planned_on = values.plannedOn ?? null;
    change.key_activity_id = values.keyActivityId ?? null;
  }
  return context.db.transaction().execute(async (trx) => {
    const before = await loadItem(trx, access, viewer, itemId);
    await assertItemFields(trx, access, { ...values, audienceKeys });
    const saved = await communicationRepository.updateItemIfVersion(
      trx,
      { projectId: access.project.id, id: itemId, version: values.version },
      { ...change, updated_at: context.clock.now().toISOString() },
    );
    if (!saved) throw staleItem();
    const after = await loadItem(trx, access, viewer, itemId);
    const audiences = audiencesOf(access);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'communication_item.updated',
      entityId: itemId,
      summary: `Ändrade ”${after.title}” i kommunikationsplanen`,
      before: auditView(before, audiences),
      after: auditView(after, audiences),
    });
    return after;
  });
}

/**
 * Marks an item done or not done. Plan writers may mark any item; the responsible person their
 * own, since it is they who send the letter or hold the meeting. Done keeps who marked it first.
 */
export async function markCommunicationItemDone(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  itemId: string,
  body: MarkCommunicationItemDoneBody,
): Promise<CommunicationItem> {
  const viewer = viewerOf(user, access);
  return context.db.transaction().execute(async (trx) => {
    const before = await loadItem(trx, access, viewer, itemId);
    if (!before.canTick) {
      throw new AppError(
        'FORBIDDEN',
        'Bara den som skriver planen eller den som är ansvarig för punkten kan markera den som klar',
      );
    }
    const done = body.done ? (before.done ?? { at: context.clock.now().toISOString(), byName: user.name }) : null;
    const saved = await communicationRepository.updateItemIfVersion(
      trx,
      { projectId: access.project.id, id: itemId, version: body.version },
      { done_at: done?.at ?? null, done_by_name: done?.byName ?? null, updated_at: context.clock.now().toISOString() },
    );
    if (!saved) throw staleItem();
    const after = await loadItem(trx, access, viewer, itemId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: body.done ? 'communication_item.done' : 'communication_item.undone',
      entityId: itemId,
      summary: body.done
        ? `Markerade ”${after.title}” i kommunikationsplanen som klar`
        : `Markerade ”${after.title}” i kommunikationsplanen som inte klar`,
      before: { done: before.done },
      after: { done: after.done },
    });
    return after;
  });
}

export async function deleteCommunicationItem(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  itemId: string,
  version: number,
): Promise<void> {
  requireEdit(access);
  await context.db.transaction().execute(async (trx) => {
    const before = await loadItem(trx, access, viewerOf(user, access), itemId);
    const deleted = await communicationRepository.deleteItemIfVersion(trx, {
      projectId: access.project.id,
      id: itemId,
      version,
    });
    if (!deleted) throw staleItem();
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'communication_item.deleted',
      entityId: itemId,
      summary: `Tog bort ”${before.title}” ur kommunikationsplanen`,
      before: auditView(before, audiencesOf(access)),
    });
  });
}

// ---- Writing the process guide ----

const staleGuide = (what: string) =>
  new AppError(
    'VERSION_CONFLICT',
    `Någon annan har sparat ${what} medan du skrev. Ladda om, så visas den sparade texten, och gör ändringen igen.`,
  );

/** Saves the guide's introduction; the guide is created by its first save (version 0). */
export async function updateProcessGuide(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: UpdateProcessGuideBody,
): Promise<ProcessGuide> {
  requireEdit(access);
  const projectId = access.project.id;
  const introduction = JSON.stringify(body.introduction);
  const updatedAt = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const before = await communicationRepository.guide(trx, projectId);
    const saved =
      body.version === 0
        ? await communicationRepository.insertGuideIfAbsent(trx, {
            project_id: projectId,
            introduction,
            updated_at: updatedAt,
          })
        : await communicationRepository.updateGuideIfVersion(
            trx,
            { projectId, version: body.version },
            { introduction, updated_at: updatedAt },
          );
    if (!saved) throw staleGuide('lathundens inledning');
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      entityType: 'process_guide',
      entityId: projectId,
      action: 'process_guide.updated',
      summary: 'Ändrade lathundens inledning',
      before: { introduction: before ? richTextToPlainText(parseRichText(before.introduction)) : '' },
      after: { introduction: richTextToPlainText(body.introduction) },
    });
    return loadGuide(trx, projectId);
  });
}

/** Saves how the system is used for one effect goal, and the statistics wanted for it. */
export async function updateProcessGuideGoal(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  goalId: string,
  body: UpdateProcessGuideGoalBody,
): Promise<ProcessGuideGoal> {
  requireEdit(access);
  const projectId = access.project.id;
  const texts = { usage: JSON.stringify(body.usage), statistics: JSON.stringify(body.statistics) };
  const updatedAt = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const goal = await communicationRepository.findEffectGoal(trx, projectId, goalId);
    if (!goal) throw notFound('Effektmålet');
    const before = await communicationRepository.findGuideGoal(trx, projectId, goalId);
    const saved =
      body.version === 0
        ? await communicationRepository.insertGuideGoalIfAbsent(trx, {
            goal_id: goalId,
            project_id: projectId,
            ...texts,
            updated_at: updatedAt,
          })
        : await communicationRepository.updateGuideGoalIfVersion(
            trx,
            { goalId, version: body.version },
            { ...texts, updated_at: updatedAt },
          );
    if (!saved) throw staleGuide(`lathunden för målet ”${goal.title}”`);
    const after = toGuideGoal(goal, await communicationRepository.findGuideGoal(trx, projectId, goalId));
    const plain = (entry: ProcessGuideGoal) => ({
      usage: richTextToPlainText(entry.usage),
      statistics: richTextToPlainText(entry.statistics),
    });
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      entityType: 'process_guide_goal',
      entityId: goalId,
      action: 'process_guide_goal.updated',
      summary: `Ändrade lathunden för målet ${goal.title}`,
      before: plain(toGuideGoal(goal, before)),
      after: plain(after),
    });
    return after;
  });
}
