import type { GoalStatus, GoalStatusResult } from '../../shared/measurements.js';
import type { AppContext } from '../core/context.js';
import { addDays } from '../core/days.js';
import { type DeliveryOutcome, deliverOnce } from '../reminders/delivery.js';
import { escalationMail, type MailGoal, type MailProject } from './mails.js';
import { informedPeople, loadRecipients, type RecipientLookup } from './recipients.js';
import { measurementRepository } from './repository.js';
import { toGoalPath, toMailGoal, toMeasurement } from './rows.js';
import { goalStatus, latestMeasurement } from './status.js';

const ESCALATED_STATES: readonly GoalStatus[] = ['at_risk', 'missed'];

/** A goal is escalated when it falls behind or misses its target, not while it stays there. */
const needsEscalation = (before: GoalStatus, after: GoalStatus): boolean =>
  ESCALATED_STATES.includes(after) && after !== before;

/**
 * What makes an escalation the same one: a goal at risk once per measurement that puts it there
 * (back on track and behind again is news), a goal missed once per target date (however it came
 * to be missed, by the date passing or by a later measurement), each to each person once.
 */
function escalationKey(
  goal: { id: string; targetDate: string | null },
  status: { state: GoalStatus },
  latestMeasurementId: string | null,
  personId: string,
): string {
  const about = status.state === 'missed' ? goal.targetDate : latestMeasurementId;
  return `goal-escalation:${goal.id}:${status.state}:${about}:${personId}`;
}

export interface Escalation {
  project: MailProject;
  goal: MailGoal;
  status: GoalStatusResult;
  /** The measurement the status rests on; null when nothing was measured. */
  latestMeasurementId: string | null;
}

export interface MailRun {
  sent: number;
  failed: number;
}

export const countOutcomes = (outcomes: readonly DeliveryOutcome[]): MailRun => ({
  sent: outcomes.filter((outcome) => outcome === 'sent').length,
  failed: outcomes.filter((outcome) => outcome === 'failed').length,
});

async function deliverEscalation(
  context: AppContext,
  escalation: Escalation,
  recipientsOf: RecipientLookup,
  informedPersonId: string | null,
): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (const person of recipientsOf(escalation.project.id, informedPersonId)) {
    outcomes.push(
      await deliverOnce(
        context,
        {
          key: escalationKey(escalation.goal, escalation.status, escalation.latestMeasurementId, person.id),
          kind: 'goal_escalation',
          personId: person.id,
          projectId: escalation.project.id,
        },
        escalationMail({
          ...escalation,
          person,
          as: person.as === 'named' ? 'informed' : 'project_leader',
          publicUrl: context.config.publicUrl,
        }),
      ),
    );
  }
  return outcomes;
}

/**
 * Mails the person informed about the goals (or the Projektledare) when a change of the goal's
 * measurements made it fall behind or miss its target. Called after the change is stored; a mail
 * the SMTP server refuses is logged by the mailer and not tried again.
 */
export async function escalateChange(
  context: AppContext,
  before: GoalStatusResult,
  after: Escalation,
): Promise<MailRun> {
  if (!needsEscalation(before.state, after.status.state)) return { sent: 0, failed: 0 };
  const projectId = after.project.id;
  const informed = (await informedPeople(context.db, [projectId])).get(projectId) ?? null;
  const recipientsOf = await loadRecipients(context.db, [{ projectId, namedPersonId: informed }]);
  return countOutcomes(await deliverEscalation(context, after, recipientsOf, informed));
}

/** How long after its target date a missed goal is still reported, e.g. after the job could not run. */
const MISSED_GRACE_DAYS = 7;

/**
 * The daily job's part: effect goals whose target date passed in the last week without the target
 * being met are reported missed, once per target date. Before the date passed they could not be
 * missed, so each is a change. A handful of queries whatever the number of goals.
 */
export async function escalateMissedGoals(context: AppContext, today: string): Promise<MailRun> {
  const { db } = context;
  const goals = await measurementRepository.effectGoalsWithTargetDateBetween(
    db,
    addDays(today, -MISSED_GRACE_DAYS),
    addDays(today, -1),
  );
  if (goals.length === 0) return { sent: 0, failed: 0 };
  const projectIds = [...new Set(goals.map((goal) => goal.project_id))];
  const [measurements, projects, informed] = await Promise.all([
    measurementRepository.measurementsOfGoals(
      db,
      goals.map((goal) => goal.id),
    ),
    measurementRepository.projects(db, projectIds),
    informedPeople(db, projectIds),
  ]);
  const recipientsOf = await loadRecipients(
    db,
    projectIds.map((projectId) => ({ projectId, namedPersonId: informed.get(projectId) ?? null })),
  );
  const projectById = new Map(projects.map((project) => [project.id, project]));
  const outcomes: DeliveryOutcome[] = [];
  for (const goal of goals) {
    const project = projectById.get(goal.project_id);
    if (!project) continue;
    const ofGoal = measurements.filter((measurement) => measurement.goal_id === goal.id).map(toMeasurement);
    const status = goalStatus(toGoalPath(goal, project.start_date), ofGoal, today);
    if (status.state !== 'missed') continue;
    outcomes.push(
      ...(await deliverEscalation(
        context,
        {
          project: { id: project.id, name: project.name, customerName: project.customer_name },
          goal: toMailGoal(goal),
          status,
          latestMeasurementId: latestMeasurement(ofGoal)?.id ?? null,
        },
        recipientsOf,
        informed.get(project.id) ?? null,
      )),
    );
  }
  return countOutcomes(outcomes);
}
