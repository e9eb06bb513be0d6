import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import {
  type ApproveClosureBody,
  type ClosureOverview,
  type OpenItems,
  openItemsSchema,
  type PlanFollowUpBody,
  type StartFollowOnBody,
} from '../../shared/closure.js';
import type { TemplateContent } from '../../shared/templates.js';
import type { ProjectAccess } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import { isOverdue } from '../checklist/rules.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay, swedishDate } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { getGoalTracking } from '../measurements/service.js';
import { PROJECT_SUPPORTER_ROLE, vendorRecipients } from '../organisation/service.js';
import { createProject } from '../projects/service.js';
import { getVendorName } from '../settings/service.js';
import { loadTemplateContent } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { timelineRepository } from '../timeline/repository.js';
import { followKeyActivity } from '../timeline/service.js';
import { getTrainings } from '../trainings/overview.js';
import { followOnName, followUpDate } from './follow-up.js';
import { closureMail } from './mails.js';
import { openItemCount, openTrainings } from './open-items.js';
import { closureRepository } from './repository.js';

/** The template's key activity for the follow-up meeting with the vendor, about six months after the start. */
const FOLLOW_UP_KEY = 'uppfoljningsmote';
/** The template's checklist group whose activity is the next project ("Planera införande av … Hub"). */
const NEXT_STEP_GROUP_KEY = 'nasta-steg';

/** What the closure takes from the project's template, with the vendor's name filled in. */
function closureTexts(template: TemplateContent, vendorName: string) {
  const { closure, keyActivities, checklistGroups, trainingTypes } = withVendorName(
    {
      closure: template.closure,
      keyActivities: template.keyActivities,
      checklistGroups: template.checklistGroups,
      trainingTypes: template.trainingTypes,
    },
    vendorName,
  );
  const meeting = keyActivities.find((activity) => activity.key === FOLLOW_UP_KEY);
  const nextStep = checklistGroups.find((group) => group.key === NEXT_STEP_GROUP_KEY)?.activities[0];
  return {
    closureText: closure.text,
    followUp: {
      title: meeting?.title ?? 'Uppföljningsmöte',
      description: meeting?.description ?? '',
      weeksAfterStart: meeting?.suggestedWeeksAfterStart,
    },
    nextStep: nextStep ? { key: nextStep.key, title: nextStep.title } : null,
    groupTitles: new Map(checklistGroups.map((group) => [group.key, group.title])),
    trainingTitles: new Map(trainingTypes.map((type) => [type.key, type.title])),
  };
}

type ClosureTexts = ReturnType<typeof closureTexts>;

const mayPlanFollowUp = (access: ProjectAccess) =>
  access.rolePermissions.edit || access.heldRoleKeys.includes(PROJECT_SUPPORTER_ROLE);

async function requireProject(db: Kysely<Database>, projectId: string) {
  const project = await closureRepository.project(db, projectId);
  if (!project) throw notFound('Projektet');
  return project;
}

// ---- What is still open ----

/**
 * The checklist activities not ticked, the trainings not done with and the effect goals not
 * achieved, as they stand on `today`.
 */
async function openItemsOf(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  texts: ClosureTexts,
  today: string,
): Promise<OpenItems> {
  const [activities, trainings, tracking] = await Promise.all([
    closureRepository.openActivities(context.db, access.project.id),
    getTrainings(context, user, access),
    getGoalTracking(context, access, user),
  ]);
  return {
    activities: activities.map((activity) => ({
      id: activity.id,
      title: activity.title,
      groupTitle: texts.groupTitles.get(activity.group_key) ?? activity.group_key,
      deadline: activity.deadline,
      overdue: isOverdue({ done: null, deadline: activity.deadline }, today),
    })),
    trainings: openTrainings(trainings.trainings).map((training) => ({
      ...training,
      title: texts.trainingTitles.get(training.key) ?? training.title,
    })),
    goals: tracking.goals
      .filter((entry) => entry.status.state !== 'achieved')
      .map((entry) => ({
        id: entry.goal.id,
        title: entry.goal.title,
        state: entry.status.state,
        explanation: entry.status.explanation,
      })),
  };
}

// ---- The overview ----

/** What is still open, the approval once given, the follow-up meeting and the projects that followed. */
export async function getClosure(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
): Promise<ClosureOverview> {
  const projectId = access.project.id;
  const [project, approval, meeting, followOns, vendorName] = await Promise.all([
    requireProject(context.db, projectId),
    closureRepository.approval(context.db, projectId),
    closureRepository.keyActivityOfTemplate(context.db, projectId, FOLLOW_UP_KEY),
    closureRepository.followOns(context.db, projectId),
    getVendorName(context),
  ]);
  const texts = closureTexts(access.template, vendorName);
  const open = await openItemsOf(context, user, access, texts, stockholmDay(context.clock.now()));
  return {
    phase: project.phase,
    closureText: texts.closureText,
    approval: approval
      ? {
          approvedBy: { name: approval.approved_by_name },
          approvedAt: approval.approved_at,
          openCount: openItemCount(openItemsSchema.parse(JSON.parse(approval.open_items))),
        }
      : null,
    open,
    openCount: openItemCount(open),
    followUp: meeting
      ? { keyActivityId: meeting.id, title: meeting.title, date: meeting.date, version: meeting.version }
      : { keyActivityId: null, title: texts.followUp.title, date: null, version: null },
    followOns: followOns.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at })),
    suggestedFollowOnName: followOnName(texts.nextStep?.title ?? null, project.customer_name),
    may: {
      approve: access.rolePermissions.approve && !approval && project.phase === 'implementation',
      planFollowUp: mayPlanFollowUp(access),
      startFollowOn: access.rolePermissions.edit,
    },
  };
}

// ---- The follow-up meeting ----

const auditOf = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
});

const staleFollowUp = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat uppföljningsmötet sedan du öppnade det. Ladda om och gör ändringen igen.',
  );

/** Puts the template's follow-up meeting on the timeline on `date`, recorded in the project history. */
async function addFollowUpMeeting(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  meeting: ClosureTexts['followUp'],
  date: string,
): Promise<void> {
  const keyActivityId = newId();
  await closureRepository.insertKeyActivityLast(trx, {
    id: keyActivityId,
    project_id: access.project.id,
    template_key: FOLLOW_UP_KEY,
    title: meeting.title,
    description: meeting.description,
    date,
    updated_at: context.clock.now().toISOString(),
  });
  await recordAudit(context, trx, {
    ...auditOf(user, access),
    action: 'key_activity.created',
    entityType: 'key_activity',
    entityId: keyActivityId,
    summary: `Lade in ”${meeting.title}” på tidslinjen ${date}`,
    after: { title: meeting.title, date },
  });
}

/**
 * Makes sure the follow-up meeting is on the timeline with a date: added when the project has none,
 * dated on `date` when it has no date. Answers the meeting as it then stands.
 */
async function ensureFollowUpMeeting(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  texts: ClosureTexts,
  date: string,
): Promise<{ title: string; date: string }> {
  const meeting = await closureRepository.keyActivityOfTemplate(trx, access.project.id, FOLLOW_UP_KEY);
  if (!meeting) {
    await addFollowUpMeeting(context, trx, user, access, texts.followUp, date);
    return { title: texts.followUp.title, date };
  }
  if (meeting.date !== null) return { title: meeting.title, date: meeting.date };
  await followKeyActivity(context, trx, user, access, FOLLOW_UP_KEY, date);
  return { title: meeting.title, date };
}

/**
 * Moves the follow-up meeting to another day on the version it was read at, or adds it when the
 * project has none. Before and after closure alike: the follow-up belongs to the operations phase.
 */
export async function planFollowUp(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: PlanFollowUpBody,
): Promise<ClosureOverview> {
  if (!mayPlanFollowUp(access)) {
    throw new AppError(
      'FORBIDDEN',
      'Bara den som skriver planen och leverantörens projektstödjare planerar uppföljningsmötet',
    );
  }
  const projectId = access.project.id;
  const texts = closureTexts(access.template, await getVendorName(context));
  await context.db.transaction().execute(async (trx) => {
    const meeting = await closureRepository.keyActivityOfTemplate(trx, projectId, FOLLOW_UP_KEY);
    if (!meeting) {
      // A version means the reader saw a meeting that is gone now.
      if (body.version !== undefined) throw staleFollowUp();
      await addFollowUpMeeting(context, trx, user, access, texts.followUp, body.date);
      return;
    }
    if (body.version === undefined) throw staleFollowUp();
    const saved = await timelineRepository.updateKeyActivityDateIfVersion(
      trx,
      { projectId, keyActivityId: meeting.id, version: body.version },
      { date: body.date, updatedAt: context.clock.now().toISOString() },
    );
    if (!saved) throw staleFollowUp();
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'key_activity.date_changed',
      entityType: 'key_activity',
      entityId: meeting.id,
      summary: `Flyttade ”${meeting.title}” från ${meeting.date ?? 'inget datum'} till ${body.date}`,
      before: { date: meeting.date },
      after: { date: body.date },
    });
  });
  return getClosure(context, user, access);
}

// ---- Approving the closure ----

function alreadyApproved(approval: { approved_by_name: string; approved_at: string } | undefined) {
  const by = approval
    ? ` av ${approval.approved_by_name} ${swedishDate(stockholmDay(new Date(approval.approved_at)))}`
    : '';
  return new AppError('CONFLICT', `Projektavslutet är redan godkänt${by}.`);
}

/**
 * The Beställare approves the closure having seen `openItemsSeen` open items. In one transaction:
 * the approval with what was open, the move to the operations phase, the follow-up meeting on the
 * timeline. The vendor's project supporters are then told by mail.
 */
export async function approveClosure(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: ApproveClosureBody,
): Promise<ClosureOverview> {
  if (!access.rolePermissions.approve) {
    throw new AppError('FORBIDDEN', 'Bara beställaren kan godkänna projektavslutet');
  }
  const projectId = access.project.id;
  const [project, approval, vendorName] = await Promise.all([
    requireProject(context.db, projectId),
    closureRepository.approval(context.db, projectId),
    getVendorName(context),
  ]);
  if (approval || project.phase !== 'implementation') throw alreadyApproved(approval);
  const now = context.clock.now();
  const today = stockholmDay(now);
  const texts = closureTexts(access.template, vendorName);
  const open = await openItemsOf(context, user, access, texts, today);
  const openCount = openItemCount(open);
  if (openCount !== body.openItemsSeen) {
    throw new AppError(
      'CONFLICT',
      'Det som är öppet har ändrats sedan du läste listan. Läs igenom den igen innan du godkänner.',
    );
  }
  const followUp = await context.db.transaction().execute(async (trx) => {
    const approvedAt = now.toISOString();
    const inserted = await closureRepository.insertApproval(trx, {
      project_id: projectId,
      approved_by_user_id: user.id,
      approved_by_name: user.name,
      approved_at: approvedAt,
      open_items: JSON.stringify(open),
    });
    if (!inserted) throw alreadyApproved(await closureRepository.approval(trx, projectId));
    await closureRepository.moveToOperations(trx, projectId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'project.closure_approved',
      entityType: 'project',
      entityId: projectId,
      summary: `Godkände projektavslutet med ${openCount} öppna punkter; projektet gick över i genomförandefasen`,
      before: { phase: 'implementation' },
      after: { phase: 'operations', openCount, open },
    });
    return ensureFollowUpMeeting(
      context,
      trx,
      user,
      access,
      texts,
      followUpDate({ startDate: project.start_date, today, weeksAfterStart: texts.followUp.weeksAfterStart }),
    );
  });

  const recipients = await vendorRecipients(context.db, projectId, PROJECT_SUPPORTER_ROLE);
  const link = `${context.config.publicUrl.replace(/\/$/, '')}/projekt/${projectId}/avslut`;
  for (const recipient of recipients) {
    context.mailer.sendInBackground(
      closureMail({
        to: recipient.email,
        name: recipient.name,
        approverName: user.name,
        customerName: project.customer_name,
        projectName: project.name,
        openCount,
        followUp,
        link,
      }),
    );
  }
  return getClosure(context, user, access);
}

// ---- Follow-on projects ----

/** The original's roles that the new project's template has, at the same level. */
function assignmentsToCopy(
  template: TemplateContent,
  assignments: { role_key: string; school_id: string | null; person_id: string }[],
) {
  const levelOf = new Map<string, 'project' | 'school'>([
    ...template.customerRoles.map((role) => [role.key, role.level] as const),
    ...template.vendorRoles.map((role) => [role.key, 'project'] as const),
  ]);
  return assignments.filter((assignment) => {
    const level = levelOf.get(assignment.role_key);
    return level !== undefined && (level === 'school') === (assignment.school_id !== null);
  });
}

/**
 * Starts the next project for the same customer, such as the Hub for guardians and students, with
 * the same people in the same roles, and ticks the template's next-step activity of this project.
 * All in one transaction.
 */
export async function startFollowOn(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: StartFollowOnBody,
): Promise<{ id: string; name: string }> {
  if (!access.rolePermissions.edit) {
    throw new AppError('FORBIDDEN', 'Bara den som skriver planen kan starta nästa projekt');
  }
  const projectId = access.project.id;
  const [original, vendorName] = await Promise.all([requireProject(context.db, projectId), getVendorName(context)]);
  const nextStep = closureTexts(access.template, vendorName).nextStep;
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    // The project is created inside this transaction: everything below stands or falls with it.
    const inTransaction = { ...context, db: trx };
    const created = await createProject(inTransaction, {
      customerId: access.project.customerId,
      name: body.name,
      templateId: body.templateId,
      startDate: body.startDate,
    });
    const template = await loadTemplateContent(inTransaction, created.template.id);
    const copied = assignmentsToCopy(template, await closureRepository.roleAssignments(trx, projectId));
    await closureRepository.insertRoleAssignments(
      trx,
      copied.map((assignment) => ({
        id: newId(),
        project_id: created.id,
        role_key: assignment.role_key,
        school_id: assignment.school_id,
        person_id: assignment.person_id,
        created_at: now,
      })),
    );
    await closureRepository.insertFollowOn(trx, { projectId: created.id, followsProjectId: projectId, createdAt: now });
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId: created.id,
      action: 'project.created',
      entityType: 'project',
      entityId: created.id,
      summary: `Startade projektet ”${created.name}” som nästa steg efter ”${original.name}”, med samma personer i rollerna`,
      after: {
        name: created.name,
        template: created.template.name,
        startDate: created.startDate,
        followsProject: original.name,
        rolesCopied: copied.length,
      },
    });
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'project.follow_on_started',
      entityType: 'project',
      entityId: created.id,
      summary: `Startade nästa projekt: ”${created.name}”`,
      after: { name: created.name, startDate: created.startDate },
    });
    const activity = nextStep && (await closureRepository.openTemplateActivity(trx, projectId, nextStep.key));
    if (
      activity &&
      (await closureRepository.tickIfVersion(
        trx,
        { activityId: activity.id, version: activity.version },
        { at: now, byUserId: user.id },
      ))
    ) {
      await recordAudit(context, trx, {
        ...auditOf(user, access),
        action: 'activity.ticked',
        entityType: 'activity',
        entityId: activity.id,
        summary: `Bockade av ”${activity.title}” när projektet ”${created.name}” startades`,
        after: { done: { at: now, by: user.name } },
      });
    }
    return { id: created.id, name: created.name };
  });
}
