import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  ChangeRequest,
  ChangeRequestList,
  changeRequestInputSchema,
  decideChangeRequestBodySchema,
} from '../../shared/steering.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ChangeRequestsTable, Database } from '../db/schema.js';
import { type GoalRow, planRepository } from '../plan/repository.js';
import { toGoal, toKeyActivity } from '../plan/service.js';
import { projectRepository } from '../projects/repository.js';
import { timelineRepository } from '../timeline/repository.js';
import { decidedMail, preparedMail } from './mails.js';
import { type ChangeRequestRow, decisionRepository } from './repository.js';
import {
  byPendingThenNewest,
  changeAreaLabels,
  deciderOf,
  decisionFromRequest,
  firstRepeated,
  freezeChanges,
  type GoalChangeField,
  goalChangeProblem,
  mayDecideChanges,
  readableChanges,
  type StoredDateChange,
  type StoredGoalChange,
} from './rules.js';
import {
  decisionAuditOf,
  decisionAuditView,
  decisionLinkRows,
  insertNumberedDecision,
  loadDecision,
  requireMeeting,
  sectionTitlesOf,
} from './service.js';

export type ChangeRequestValues = z.output<typeof changeRequestInputSchema>;
export type DecideValues = z.output<typeof decideChangeRequestBodySchema>;

/** Who hears of a request: the body that decides on it and its chair. */
const DECIDING_ROLES = ['styrgrupp', 'bestallare'];

interface PlanTargets {
  keyActivities: ReturnType<typeof toKeyActivity>[];
  goalRows: GoalRow[];
  goals: ReturnType<typeof toGoal>[];
}

/** The key activities and goals a request may change, as they are now. */
async function planTargets(db: Kysely<Database>, projectId: string): Promise<PlanTargets> {
  const [keyActivityRows, goalRows] = await Promise.all([
    planRepository.keyActivities(db, projectId),
    planRepository.goals(db, projectId),
  ]);
  return { keyActivities: keyActivityRows.map(toKeyActivity), goalRows, goals: goalRows.map(toGoal) };
}

function toChangeRequest(row: ChangeRequestRow, targets: PlanTargets): ChangeRequest {
  const stored = {
    dateChanges: JSON.parse(row.date_changes) as StoredDateChange[],
    goalChanges: JSON.parse(row.goal_changes) as StoredGoalChange[],
  };
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    areas: JSON.parse(row.areas) as ChangeRequest['areas'],
    change: row.change,
    reason: row.reason,
    consequence: row.consequence,
    proposal: row.proposal,
    ...readableChanges(stored, targets),
    status: row.status,
    preparedBy: { name: row.prepared_by_name },
    createdAt: row.created_at,
    decision:
      row.decided_at !== null
        ? {
            by: { name: row.decided_by_name ?? '' },
            at: row.decided_at,
            comment: row.decision_comment ?? '',
            decisionId: row.decision_id,
          }
        : null,
    meeting:
      row.meeting_id !== null && row.meeting_date !== null ? { id: row.meeting_id, date: row.meeting_date } : null,
    version: row.version,
  };
}

async function loadChangeRequest(db: Kysely<Database>, projectId: string, requestId: string): Promise<ChangeRequest> {
  const row = await decisionRepository.findChangeRequest(db, projectId, requestId);
  if (!row) throw notFound('Ändringsförslaget');
  return toChangeRequest(row, await planTargets(db, projectId));
}

/** Waiting requests first, then the newest. */
export async function listChangeRequests(context: AppContext, access: ProjectAccess): Promise<ChangeRequestList> {
  const projectId = access.project.id;
  const [rows, targets] = await Promise.all([
    decisionRepository.changeRequests(context.db, projectId),
    planTargets(context.db, projectId),
  ]);
  return {
    items: rows.map((row) => toChangeRequest(row, targets)).sort(byPendingThenNewest),
    may: { prepare: access.permissions.edit, decide: mayDecideChanges(access) },
  };
}

// ---- Preparing ----

const invalid = (message: string, field: string, problem: string) =>
  new AppError('VALIDATION_FAILED', message, { [field]: problem });

/**
 * The changes to store, each with its target's title, after refusing (naming the field) a target
 * that is not in the project, one named twice, and a goal change the goal cannot take.
 */
function storedChanges(
  values: Pick<ChangeRequestValues, 'dateChanges' | 'goalChanges'>,
  targets: PlanTargets,
): { dateChanges: StoredDateChange[]; goalChanges: StoredGoalChange[] } {
  const keyActivities = new Map(targets.keyActivities.map((activity) => [activity.id, activity]));
  const goals = new Map(targets.goals.map((goal) => [goal.id, goal]));
  const dateChanges = values.dateChanges.map((change, index) => {
    const activity = keyActivities.get(change.keyActivityId);
    if (!activity) {
      throw invalid('Tidplanen har ingen sådan aktivitet', `dateChanges.${index}.keyActivityId`, 'Okänd aktivitet');
    }
    return { keyActivityId: change.keyActivityId, to: change.to, title: activity.title };
  });
  const repeatedDate = firstRepeated(dateChanges, (change) => change.keyActivityId);
  if (repeatedDate !== -1) {
    throw invalid(
      'En aktivitet kan bara flyttas en gång per ändringsförslag',
      `dateChanges.${repeatedDate}.keyActivityId`,
      'Finns redan med',
    );
  }
  const goalChanges = values.goalChanges.map((change, index) => {
    const goal = goals.get(change.goalId);
    if (!goal) throw invalid('Planen har inget sådant mål', `goalChanges.${index}.goalId`, 'Okänt mål');
    const problem = goalChangeProblem(goal, change);
    if (problem) throw invalid(problem, `goalChanges.${index}.field`, problem);
    return { goalId: change.goalId, field: change.field, to: change.to, title: goal.title };
  });
  const repeatedGoal = firstRepeated(goalChanges, (change) => `${change.goalId}:${change.field}`);
  if (repeatedGoal !== -1) {
    throw invalid(
      'Samma uppgift i ett mål kan bara ändras en gång per ändringsförslag',
      `goalChanges.${repeatedGoal}.field`,
      'Finns redan med',
    );
  }
  return { dateChanges, goalChanges };
}

function requestColumns(values: ChangeRequestValues, targets: PlanTargets, now: string) {
  const changes = storedChanges(values, targets);
  return {
    title: values.title,
    areas: JSON.stringify([...new Set(values.areas)]),
    change: values.change,
    reason: values.reason,
    consequence: values.consequence,
    proposal: values.proposal,
    date_changes: JSON.stringify(changes.dateChanges),
    goal_changes: JSON.stringify(changes.goalChanges),
    meeting_id: values.meetingId,
    updated_at: now,
  };
}

/** The request as the project history shows it. */
const requestAuditView = (request: ChangeRequest) => ({
  number: request.number,
  title: request.title,
  areas: request.areas.map((area) => changeAreaLabels[area]),
  change: request.change,
  reason: request.reason,
  consequence: request.consequence,
  proposal: request.proposal,
  dateChanges: request.dateChanges.map((change) => ({ title: change.title, from: change.from, to: change.to })),
  goalChanges: request.goalChanges.map((change) => ({
    title: change.title,
    field: change.field,
    from: change.from,
    to: change.to,
  })),
  status: request.status,
  meeting: request.meeting?.date ?? null,
  decision: request.decision ? { by: request.decision.by.name, comment: request.decision.comment } : null,
});

const auditOf = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
  entityType: 'change_request',
});

async function insertNumberedRequest(
  trx: Kysely<Database>,
  row: Omit<ChangeRequestsTable, 'version' | 'number'>,
): Promise<void> {
  // As for decisions: whoever loses the number to a concurrent request reads again and takes the next.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const number = (await decisionRepository.highestChangeRequestNumber(trx, row.project_id)) + 1;
    if (await decisionRepository.insertChangeRequestIfNumberFree(trx, { ...row, number })) return;
  }
  throw new AppError('CONFLICT', 'Flera ändringsförslag registrerades samtidigt. Försök igen.');
}

/** The project manager (or another plan writer) prepares a request for the steering group, who are mailed. */
export async function createChangeRequest(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  values: ChangeRequestValues,
): Promise<ChangeRequest> {
  requireEdit(access);
  const projectId = access.project.id;
  const now = context.clock.now().toISOString();
  const request = await context.db.transaction().execute(async (trx) => {
    await requireMeeting(trx, projectId, values.meetingId);
    const id = newId();
    await insertNumberedRequest(trx, {
      id,
      project_id: projectId,
      ...requestColumns(values, await planTargets(trx, projectId), now),
      status: 'pending',
      prepared_by_user_id: user.id,
      prepared_by_name: user.name,
      created_at: now,
      decided_by_user_id: null,
      decided_by_name: null,
      decided_at: null,
      decision_comment: null,
    });
    const created = await loadChangeRequest(trx, projectId, id);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'change_request.created',
      entityId: id,
      summary: `Förberedde ändringsförslag #${created.number} ”${created.title}” för styrgruppen`,
      after: requestAuditView(created),
    });
    return created;
  });
  await notifySteeringGroup(context, access, request, null);
  return request;
}

const alreadyDecided = (request: ChangeRequest) =>
  new AppError(
    'CONFLICT',
    `Ändringsförslag #${request.number} är redan ${request.status === 'approved' ? 'godkänt' : 'avslaget'} och kan inte ändras`,
  );

const staleRequest = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat ändringsförslaget sedan du öppnade det. Ladda om och gör ändringen igen.',
  );

/** Rewrites a request while it waits for a decision. */
export async function updateChangeRequest(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  requestId: string,
  body: ChangeRequestValues & { version: number },
): Promise<ChangeRequest> {
  requireEdit(access);
  const projectId = access.project.id;
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const before = await loadChangeRequest(trx, projectId, requestId);
    if (before.status !== 'pending') throw alreadyDecided(before);
    await requireMeeting(trx, projectId, body.meetingId);
    const saved = await decisionRepository.updatePendingIfVersion(
      trx,
      { projectId, id: requestId, version: body.version },
      requestColumns(body, await planTargets(trx, projectId), now),
    );
    if (!saved) throw staleRequest();
    const after = await loadChangeRequest(trx, projectId, requestId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'change_request.updated',
      entityId: requestId,
      summary: `Ändrade ändringsförslag #${after.number} ”${after.title}”`,
      before: requestAuditView(before),
      after: requestAuditView(after),
    });
    return after;
  });
}

// ---- Deciding ----

const goalColumns: Record<GoalChangeField, 'target' | 'target_date' | 'due_date' | 'budget_sek'> = {
  target: 'target',
  targetDate: 'target_date',
  dueDate: 'due_date',
  budgetSek: 'budget_sek',
};

const readableDate = (date: string | null) => date ?? 'inget datum';

/** Moves each key activity the request moves, in the decision's transaction, as a move on the timeline is recorded. */
async function applyDateChanges(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  changes: Required<StoredDateChange>[],
  targets: PlanTargets,
  decisionNumber: number,
): Promise<void> {
  const projectId = access.project.id;
  for (const change of changes) {
    const activity = targets.keyActivities.find((candidate) => candidate.id === change.keyActivityId);
    if (!activity) throw new Error(`key activity ${change.keyActivityId} checked before but missing`);
    const saved = await timelineRepository.updateKeyActivityDateIfVersion(
      trx,
      { projectId, keyActivityId: activity.id, version: activity.version },
      { date: change.to, updatedAt: context.clock.now().toISOString() },
    );
    if (!saved) {
      throw new AppError(
        'VERSION_CONFLICT',
        `Någon annan ändrade ”${activity.title}” samtidigt. Ladda om och besluta igen; inget har ändrats.`,
      );
    }
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      action: 'key_activity.date_changed',
      entityType: 'key_activity',
      entityId: activity.id,
      summary: `Flyttade ”${activity.title}” från ${readableDate(activity.date)} till ${change.to} enligt beslut #${decisionNumber}`,
      before: { date: activity.date },
      after: { date: change.to },
    });
  }
}

/** Changes each goal the request changes, every field of one goal in one update. */
async function applyGoalChanges(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  changes: Required<StoredGoalChange>[],
  targets: PlanTargets,
  decisionNumber: number,
): Promise<void> {
  const projectId = access.project.id;
  for (const goalId of new Set(changes.map((change) => change.goalId))) {
    const row = targets.goalRows.find((candidate) => candidate.id === goalId);
    if (!row) throw new Error(`goal ${goalId} checked before but missing`);
    const { id, project_id, position, version, created_at, ...columns } = row;
    const changed = { ...columns, updated_at: context.clock.now().toISOString() };
    for (const change of changes.filter((candidate) => candidate.goalId === goalId)) {
      Object.assign(changed, { [goalColumns[change.field]]: change.to });
    }
    if (!(await planRepository.updateGoalIfVersion(trx, { projectId, id, version }, changed))) {
      throw new AppError(
        'VERSION_CONFLICT',
        `Någon annan ändrade målet ”${row.title}” samtidigt. Ladda om och besluta igen; inget har ändrats.`,
      );
    }
    const after = await planRepository.findGoal(trx, projectId, id);
    if (!after) throw new Error(`goal ${id} changed but missing`);
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      action: 'goal.updated',
      entityType: 'goal',
      entityId: id,
      summary: `Ändrade målet ”${row.title}” enligt beslut #${decisionNumber}`,
      before: toGoal(row),
      after: toGoal(after),
    });
  }
}

function requireDecider(access: ProjectAccess): 'styrgrupp' | 'bestallare' {
  const decider = mayDecideChanges(access) ? deciderOf(access.heldRoleKeys) : null;
  if (!decider) throw new AppError('FORBIDDEN', 'Bara styrgruppen eller beställaren kan besluta om ändringar');
  return decider;
}

/**
 * The Styrgrupp (or the Beställare) approves or rejects a waiting request. Approval, all in one
 * transaction or not at all: the request is decided, becomes a numbered decision linked to what it
 * changes, and every date and goal it changes is changed. A target removed or changed into
 * something the change no longer fits refuses the approval with nothing changed.
 */
export async function decideChangeRequest(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  requestId: string,
  body: DecideValues,
): Promise<ChangeRequest> {
  const decider = requireDecider(access);
  const projectId = access.project.id;
  const sectionTitles = await sectionTitlesOf(context, access);
  const now = context.clock.now();
  const approved = body.outcome === 'approved';
  const result = await context.db.transaction().execute(async (trx) => {
    const row = await decisionRepository.findChangeRequest(trx, projectId, requestId);
    if (!row) throw notFound('Ändringsförslaget');
    const targets = await planTargets(trx, projectId);
    const before = toChangeRequest(row, targets);
    if (before.status !== 'pending') throw alreadyDecided(before);
    await requireMeeting(trx, projectId, body.meetingId);
    const frozen = freezeChanges(
      {
        dateChanges: JSON.parse(row.date_changes) as StoredDateChange[],
        goalChanges: JSON.parse(row.goal_changes) as StoredGoalChange[],
      },
      targets,
    );
    if (approved && frozen.problems.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Ändringen kan inte genomföras som den är skriven: ${frozen.problems.join('; ')}. Inget har ändrats; skriv om ändringsförslaget.`,
      );
    }
    const meetingId = body.meetingId ?? row.meeting_id;
    const decided = await decisionRepository.updatePendingIfVersion(
      trx,
      { projectId, id: requestId, version: body.version },
      {
        status: body.outcome,
        date_changes: JSON.stringify(frozen.dateChanges),
        goal_changes: JSON.stringify(frozen.goalChanges),
        meeting_id: meetingId,
        decided_by_user_id: user.id,
        decided_by_name: user.name,
        decided_at: now.toISOString(),
        decision_comment: body.comment,
        updated_at: now.toISOString(),
      },
    );
    if (!decided) throw staleRequest();

    let decisionNumber: number | null = null;
    if (approved) {
      const decisionId = newId();
      decisionNumber = await insertNumberedDecision(trx, {
        id: decisionId,
        project_id: projectId,
        ...decisionFromRequest(before, body.comment),
        decided_by: decider,
        decided_on: stockholmDay(now),
        change_request_id: requestId,
        meeting_id: meetingId,
        recorded_by_user_id: user.id,
        recorded_by_name: user.name,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await decisionRepository.replaceLinks(
        trx,
        decisionId,
        decisionLinkRows([
          ...frozen.dateChanges.map((change) => ({ kind: 'keyActivity' as const, targetId: change.keyActivityId })),
          ...frozen.goalChanges.map((change) => ({ kind: 'goal' as const, targetId: change.goalId })),
        ]),
      );
      await applyDateChanges(context, trx, user, access, frozen.dateChanges, targets, decisionNumber);
      await applyGoalChanges(context, trx, user, access, frozen.goalChanges, targets, decisionNumber);
      const decision = await loadDecision(trx, access, sectionTitles, decisionId);
      await recordAudit(context, trx, {
        ...decisionAuditOf(user, access),
        action: 'decision.created',
        entityId: decisionId,
        summary: `Beslut #${decision.number} ”${decision.title}” från ändringsförslag #${before.number}`,
        after: decisionAuditView(decision),
      });
    }
    const after = await loadChangeRequest(trx, projectId, requestId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: approved ? 'change_request.approved' : 'change_request.rejected',
      entityId: requestId,
      summary: `${approved ? 'Godkände' : 'Avslog'} ändringsförslag #${after.number} ”${after.title}”`,
      before: requestAuditView(before),
      after: requestAuditView(after),
    });
    return { request: after, decisionNumber, preparedByUserId: row.prepared_by_user_id };
  });
  await notifySteeringGroup(context, access, result.request, {
    decisionNumber: result.decisionNumber,
    preparedByUserId: result.preparedByUserId,
  });
  return result.request;
}

// ---- Mail ----

/**
 * Mails the Styrgrupp members and the Beställare with an e-mail address, one mail each, in the
 * background: of a new request, or of its decision (then also whoever prepared it, who carries
 * the decision out).
 */
async function notifySteeringGroup(
  context: AppContext,
  access: ProjectAccess,
  request: ChangeRequest,
  decided: { decisionNumber: number | null; preparedByUserId: string | null } | null,
): Promise<void> {
  const projectId = access.project.id;
  const [holders, preparer, project] = await Promise.all([
    decisionRepository.roleHoldersWithEmail(context.db, projectId, DECIDING_ROLES),
    decided?.preparedByUserId ? decisionRepository.findUser(context.db, decided.preparedByUserId) : undefined,
    projectRepository.findById(context.db, projectId),
  ]);
  if (!project) return;
  const seen = new Set<string>();
  const recipients = [...holders, ...(preparer ? [preparer] : [])].flatMap((recipient) => {
    const email = recipient.email.trim().toLowerCase();
    if (seen.has(email)) return [];
    seen.add(email);
    return [{ name: recipient.name, email }];
  });
  const names = { name: project.name, customerName: project.customer_name };
  const link = `${context.config.publicUrl.replace(/\/$/, '')}/projekt/${projectId}/styrning`;
  for (const recipient of recipients) {
    context.mailer.sendInBackground(
      decided && request.decision
        ? decidedMail({
            to: recipient.email,
            name: recipient.name,
            request: { ...request, decision: request.decision },
            decisionNumber: decided.decisionNumber,
            project: names,
            link,
          })
        : preparedMail({ to: recipient.email, name: recipient.name, request, project: names, link }),
    );
  }
}
