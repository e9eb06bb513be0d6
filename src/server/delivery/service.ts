import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import {
  type Delivery,
  type DeliveryActivity,
  type DeliveryActivityKey,
  type DeliveryPersonRef,
  type DeliveryStep,
  type DeliveryStepKey,
  deliveryActivityKeys,
  deliveryStepKeys,
  deliveryStepTitles,
  type MarkDeliveryStepBody,
  schoolStepKeys,
} from '../../shared/delivery.js';
import { type ProjectAccess, whileOpen } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { deliveryRepository, type LinkedActivityRow, type StepRow } from './repository.js';
import {
  activityOfStep,
  chainOf,
  type DeliveryViewer,
  forbiddenMessage,
  isActivityThrough,
  latestStepOf,
  type MarkProblem,
  markProblem,
  mayMarkStep,
  nextStepOf,
  sideOf,
  stepsOfActivity,
  suggestedRoleOf,
} from './rules.js';

const swedish = new Intl.Collator('sv');
const SUGGESTED_ROLES = [...new Set(Object.values(suggestedRoleOf).map((role) => role.roleKey))];

const isStepKey = (key: string): key is DeliveryStepKey => (deliveryStepKeys as readonly string[]).includes(key);
const isActivityKey = (key: string | null): key is DeliveryActivityKey =>
  key !== null && (deliveryActivityKeys as readonly string[]).includes(key);

type Holder = Awaited<ReturnType<typeof deliveryRepository.holders>>[number];

/** The holder of the role proposed for the step, at the school for the school's own roles. */
function suggestedPerson(
  holders: Holder[],
  stepKey: DeliveryStepKey,
  schoolId: string | null,
): DeliveryPersonRef | null {
  const { roleKey, atSchool } = suggestedRoleOf[stepKey];
  return holderOf(holders, roleKey, atSchool ? schoolId : null);
}

/** The first holder of the role, at the school or (null) for the whole project. */
function holderOf(holders: Holder[], roleKey: string, schoolId: string | null): DeliveryPersonRef | null {
  const holder = holders.find((candidate) => candidate.role_key === roleKey && candidate.school_id === schoolId);
  return holder ? { id: holder.id, name: holder.name } : null;
}

async function viewerOf(db: Kysely<Database>, user: CurrentUser, access: ProjectAccess): Promise<DeliveryViewer> {
  const roles = user.personId ? await deliveryRepository.rolesOf(db, access.project.id, user.personId) : [];
  const schoolRoleKeys = new Map<string, Set<string>>();
  for (const role of roles) {
    if (role.school_id !== null) {
      schoolRoleKeys.set(role.school_id, (schoolRoleKeys.get(role.school_id) ?? new Set()).add(role.role_key));
    }
  }
  return {
    role: user.role,
    edits: access.permissions.edit,
    heldRoleKeys: new Set(access.heldRoleKeys),
    schoolRoleKeys,
  };
}

/** The steps done, by school (null: the main account) and step. */
function stepsByChain(steps: StepRow[]): Map<string | null, Map<DeliveryStepKey, StepRow>> {
  const byChain = new Map<string | null, Map<DeliveryStepKey, StepRow>>();
  for (const step of steps) {
    if (!isStepKey(step.step_key)) continue;
    const chain = byChain.get(step.school_id) ?? new Map<DeliveryStepKey, StepRow>();
    byChain.set(step.school_id, chain.set(step.step_key, step));
  }
  return byChain;
}

/** Whether the viewer may mark (or undo) the step now. */
type MayMark = (stepKey: DeliveryStepKey, schoolId: string | null) => boolean;

function stepView(
  mayMark: MayMark,
  holders: Holder[],
  schoolId: string | null,
  stepKey: DeliveryStepKey,
  done: Map<DeliveryStepKey, StepRow>,
): DeliveryStep {
  const chain = chainOf(schoolId);
  const doneKeys = new Set(done.keys());
  const row = done.get(stepKey);
  const may = mayMark(stepKey, schoolId);
  return {
    key: stepKey,
    title: deliveryStepTitles[stepKey],
    side: sideOf(stepKey),
    done: row
      ? {
          id: row.id,
          on: row.done_on,
          by: row.done_by_person_id && row.done_by_name ? { id: row.done_by_person_id, name: row.done_by_name } : null,
          recordedByName: row.recorded_by_name,
        }
      : null,
    mayMark: may && nextStepOf(chain, doneKeys) === stepKey,
    mayUndo: may && latestStepOf(chain, doneKeys) === stepKey,
    suggestedPerson: row ? null : suggestedPerson(holders, stepKey, schoolId),
  };
}

const toActivity = (row: LinkedActivityRow): DeliveryActivity | null =>
  isActivityKey(row.template_activity_key)
    ? { id: row.id, key: row.template_activity_key, title: row.title, done: row.done_at !== null }
    : null;

/** Every school of the customer with its steps, the main account, who is waiting and the linked activities. */
export async function getDelivery(context: AppContext, user: CurrentUser, access: ProjectAccess): Promise<Delivery> {
  const { db } = context;
  const { id: projectId, customerId } = access.project;
  const [schools, steps, holders, activities, viewer] = await Promise.all([
    deliveryRepository.schools(db, customerId),
    deliveryRepository.steps(db, projectId),
    deliveryRepository.holders(db, projectId, SUGGESTED_ROLES),
    deliveryRepository.linkedActivities(db, projectId),
    viewerOf(db, user, access),
  ]);
  const mayMark: MayMark = (stepKey, schoolId) => whileOpen(access, mayMarkStep(viewer, stepKey, schoolId));
  const byChain = stepsByChain(steps);
  const chainDone = (schoolId: string | null) => byChain.get(schoolId) ?? new Map<DeliveryStepKey, StepRow>();
  const schoolViews = schools
    .sort((a, b) => swedish.compare(a.name, b.name))
    .map((school) => {
      const done = chainDone(school.id);
      return {
        schoolId: school.id,
        schoolName: school.name,
        contactPerson: holderOf(holders, 'kontaktperson', school.id),
        steps: schoolStepKeys.map((key) => stepView(mayMark, holders, school.id, key, done)),
        nextStep: nextStepOf(schoolStepKeys, new Set(done.keys())) as (typeof schoolStepKeys)[number] | null,
      };
    });
  const waiting = schoolViews.filter((school) => school.nextStep !== null).length;
  const marksVendorSteps = mayMark('huvudkonto', null);
  const marksCustomerSteps = schools.some((school) =>
    schoolStepKeys.some((key) => sideOf(key) === 'customer' && mayMark(key, school.id)),
  );
  const [vendorPeople, customerPeople] = await Promise.all([
    marksVendorSteps ? deliveryRepository.people(db, null) : [],
    marksCustomerSteps ? deliveryRepository.people(db, customerId) : [],
  ]);
  return {
    mainAccount: stepView(mayMark, holders, null, 'huvudkonto', chainDone(null)),
    schools: schoolViews,
    schoolsDone: schoolViews.length - waiting,
    waiting,
    activities: activities.map(toActivity).filter((activity) => activity !== null),
    people: { vendor: vendorPeople, customer: customerPeople },
  };
}

// ---- Marking and undoing ----

const stepTitle = (key: DeliveryStepKey) => deliveryStepTitles[key];

function markRefusal(problem: MarkProblem): AppError {
  switch (problem.kind) {
    case 'wrongChain':
      return new AppError('VALIDATION_FAILED', 'Steget hör inte till den delen av leveransen', {
        stepKey: 'Huvudkontot gäller hela projektet, övriga steg en skola',
      });
    case 'alreadyDone':
      return new AppError('CONFLICT', 'Steget är redan markerat som klart');
    case 'waitsFor':
      return new AppError('CONFLICT', `Steget väntar på ”${stepTitle(problem.stepKey)}”, som inte är klart än`);
    case 'inFuture':
      return new AppError('VALIDATION_FAILED', 'Datumet kan inte ligga i framtiden', {
        doneOn: 'Datumet kan inte ligga i framtiden',
      });
    case 'beforePrevious':
      return new AppError('VALIDATION_FAILED', `Datumet kan inte vara före föregående steg (${problem.previousOn})`, {
        doneOn: `Tidigast ${problem.previousOn}`,
      });
  }
}

/** The person named as having done the step: one of the vendor's for the vendor's steps, else one of the customer's. */
async function doneByPerson(
  db: Kysely<Database>,
  access: ProjectAccess,
  body: MarkDeliveryStepBody,
  holders: Holder[],
): Promise<DeliveryPersonRef | null> {
  if (body.doneByPersonId === undefined) return suggestedPerson(holders, body.stepKey, body.schoolId);
  if (body.doneByPersonId === null) return null;
  const person = await deliveryRepository.findPerson(db, body.doneByPersonId);
  const vendorStep = sideOf(body.stepKey) === 'vendor';
  if (!person || person.customer_id !== (vendorStep ? null : access.project.customerId)) {
    throw new AppError(
      'VALIDATION_FAILED',
      vendorStep ? 'Välj en av leverantörens personer' : 'Välj en person hos kunden',
      { doneByPersonId: 'Okänd person' },
    );
  }
  return { id: person.id, name: person.name };
}

const auditBase = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
});

const forSchool = (schoolName: string | null) => (schoolName ? ` för ${schoolName}` : '');

interface ChecklistFollowUp {
  context: AppContext;
  trx: Kysely<Database>;
  user: CurrentUser;
  access: ProjectAccess;
  activityKey: DeliveryActivityKey;
  now: string;
}

async function linkedActivity(trx: Kysely<Database>, projectId: string, activityKey: DeliveryActivityKey) {
  return (await deliveryRepository.linkedActivities(trx, projectId)).find(
    (activity) => activity.template_activity_key === activityKey,
  );
}

/**
 * Ticks the activity when the step just marked brought every school through it. The tick carries
 * the moment the step was recorded, which is how an undo later tells it from a tick by hand.
 */
async function tickWhenThrough(followUp: ChecklistFollowUp, steps: StepRow[]): Promise<void> {
  const { context, trx, user, access, activityKey, now } = followUp;
  const activity = await linkedActivity(trx, access.project.id, activityKey);
  if (!activity || activity.done_at !== null) return;
  const schools = await deliveryRepository.schools(trx, access.project.customerId);
  const byChain = stepsByChain(steps);
  const doneIn = (schoolId: string | null) => new Set(byChain.get(schoolId)?.keys() ?? []);
  const progress = { main: doneIn(null), schools: schools.map((school) => doneIn(school.id)) };
  if (!isActivityThrough(activityKey, progress)) return;
  await deliveryRepository.setActivityDone(trx, activity.id, { at: now, byUserId: user.id }, now);
  await recordAudit(context, trx, {
    ...auditBase(user, access),
    action: 'activity.ticked',
    entityType: 'activity',
    entityId: activity.id,
    summary: `Bockade av ”${activity.title}”: alla skolor är klara med leveransstegen`,
    before: { done: false },
    after: { done: true },
  });
}

/**
 * Opens the activity again when the delivery had ticked it: its tick then carries the moment one of
 * its steps was recorded. A tick by hand carries another moment and is left alone.
 */
async function reopenIfTickedByDelivery(
  followUp: ChecklistFollowUp,
  stepsBefore: StepRow[],
  undone: DeliveryStepKey,
): Promise<void> {
  const { context, trx, user, access, activityKey, now } = followUp;
  const activity = await linkedActivity(trx, access.project.id, activityKey);
  if (!activity?.done_at) return;
  const ticksOfSteps = stepsBefore
    .filter((step) => isStepKey(step.step_key) && stepsOfActivity[activityKey].includes(step.step_key))
    .map((step) => step.created_at);
  if (!ticksOfSteps.includes(activity.done_at)) return;
  await deliveryRepository.setActivityDone(trx, activity.id, null, now);
  await recordAudit(context, trx, {
    ...auditBase(user, access),
    action: 'activity.unticked',
    entityType: 'activity',
    entityId: activity.id,
    summary: `Öppnade ”${activity.title}” igen: leveranssteget ”${stepTitle(undone)}” ångrades`,
    before: { done: true },
    after: { done: false },
  });
}

/**
 * Marks a school's next step (or the main account) done: on a day no later than today, by a person
 * of the side that does it. When every school is then through the steps a checklist activity stands
 * for, the activity is ticked in the same transaction.
 */
export async function markStep(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: MarkDeliveryStepBody,
): Promise<Delivery> {
  const { db } = context;
  const { id: projectId, customerId } = access.project;
  const { schoolId, stepKey } = body;
  if (!chainOf(schoolId).includes(stepKey)) throw markRefusal({ kind: 'wrongChain' });
  const school = schoolId === null ? null : await deliveryRepository.findSchool(db, customerId, schoolId);
  if (school === undefined) {
    throw new AppError('VALIDATION_FAILED', 'Skolan finns inte hos kunden', { schoolId: 'Okänd skola' });
  }
  if (!mayMarkStep(await viewerOf(db, user, access), stepKey, schoolId)) {
    throw new AppError('FORBIDDEN', forbiddenMessage(stepKey));
  }
  const holders = await deliveryRepository.holders(db, projectId, SUGGESTED_ROLES);
  const person = await doneByPerson(db, access, body, holders);
  const at = context.clock.now();
  const today = stockholmDay(at);
  const now = at.toISOString();
  const doneOn = body.doneOn ?? today;

  await db.transaction().execute(async (trx) => {
    await deliveryRepository.lockProject(trx, context.databaseKind, projectId);
    const steps = await deliveryRepository.steps(trx, projectId);
    const done = stepsByChain(steps).get(schoolId) ?? new Map<DeliveryStepKey, StepRow>();
    const doneOnByStep = new Map([...done].map(([key, step]) => [key, step.done_on]));
    const problem = markProblem({ schoolId, stepKey, doneOn, today, doneOnByStep });
    if (problem) throw markRefusal(problem);
    const row = {
      id: newId(),
      project_id: projectId,
      school_id: schoolId,
      step_key: stepKey,
      delivery_key: `${projectId}:${schoolId ?? 'main'}:${stepKey}`,
      done_on: doneOn,
      done_by_person_id: person?.id ?? null,
      recorded_by_name: user.name,
      created_at: now,
    };
    if (!(await deliveryRepository.insertStepIfNew(trx, row))) throw markRefusal({ kind: 'alreadyDone' });
    await recordAudit(context, trx, {
      ...auditBase(user, access),
      action: 'delivery.step_marked',
      entityType: 'delivery_step',
      entityId: row.id,
      summary: `Markerade ”${stepTitle(stepKey)}” som klart${forSchool(school?.name ?? null)}`,
      after: { school: school?.name ?? null, step: stepTitle(stepKey), doneOn, doneBy: person?.name ?? null },
    });
    const followUp = { context, trx, user, access, activityKey: activityOfStep(stepKey), now };
    await tickWhenThrough(followUp, [...steps, { ...row, done_by_name: person?.name ?? null }]);
  });
  return getDelivery(context, user, access);
}

/**
 * Undoes the latest step of a school (or the main account), for whoever may mark it; an activity
 * the delivery had ticked opens again.
 */
export async function undoStep(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  stepId: string,
): Promise<void> {
  const { db } = context;
  const { id: projectId, customerId } = access.project;
  const viewer = await viewerOf(db, user, access);
  await db.transaction().execute(async (trx) => {
    await deliveryRepository.lockProject(trx, context.databaseKind, projectId);
    const steps = await deliveryRepository.steps(trx, projectId);
    const step = steps.find((candidate) => candidate.id === stepId);
    if (!step || !isStepKey(step.step_key)) throw notFound('Leveranssteget');
    const stepKey = step.step_key;
    if (!mayMarkStep(viewer, stepKey, step.school_id)) throw new AppError('FORBIDDEN', forbiddenMessage(stepKey));
    const done = new Set(stepsByChain(steps).get(step.school_id)?.keys() ?? []);
    const latest = latestStepOf(chainOf(step.school_id), done);
    if (latest !== stepKey) {
      throw new AppError('CONFLICT', `Ångra först det senaste steget: ”${stepTitle(latest ?? stepKey)}”`);
    }
    const school =
      step.school_id === null ? null : await deliveryRepository.findSchool(trx, customerId, step.school_id);
    await deliveryRepository.deleteStep(trx, stepId);
    await recordAudit(context, trx, {
      ...auditBase(user, access),
      action: 'delivery.step_undone',
      entityType: 'delivery_step',
      entityId: stepId,
      summary: `Ångrade ”${stepTitle(stepKey)}”${forSchool(school?.name ?? null)}`,
      before: {
        school: school?.name ?? null,
        step: stepTitle(stepKey),
        doneOn: step.done_on,
        doneBy: step.done_by_name,
      },
    });
    const now = context.clock.now().toISOString();
    await reopenIfTickedByDelivery(
      { context, trx, user, access, activityKey: activityOfStep(stepKey), now },
      steps,
      stepKey,
    );
  });
}
