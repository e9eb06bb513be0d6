import type { AppContext } from '../core/context.js';
import { type Delivery, type DeliveryOutcome, deliverOnce } from '../reminders/delivery.js';
import { reminderRepository } from '../reminders/repository.js';
import { collectionDatesByGoal, dueCollectionDates } from './collection.js';
import { countOutcomes, escalateMissedGoals, type MailRun } from './escalation.js';
import { collectionMail } from './mails.js';
import { loadRecipients } from './recipients.js';
import { type EffectGoalRow, measurementRepository } from './repository.js';
import { toMailGoal } from './rows.js';

/**
 * Reminds whoever measures each effect goal when one of its collection dates has come (the
 * goal's measurer, or the Projektledare when nobody is named): once per goal, date and person.
 */
export async function remindCollections(context: AppContext, today: string): Promise<MailRun> {
  const { db } = context;
  const schedules = await measurementRepository.collectionSchedules(db);
  const datesByGoal = collectionDatesByGoal(
    schedules.map((row) => ({ id: row.evaluation_item_id, collectionDates: JSON.parse(row.collection_dates) })),
    schedules.map((row) => ({ evaluationItemId: row.evaluation_item_id, goalId: row.id })),
  );
  const goalById = new Map<string, EffectGoalRow>(schedules.map((row) => [row.id, row]));
  const due = [...datesByGoal].flatMap(([goalId, dates]) =>
    dueCollectionDates(dates, today).map((date) => ({ goal: goalById.get(goalId) as EffectGoalRow, date })),
  );
  if (due.length === 0) return { sent: 0, failed: 0 };

  const goalIds = [...new Set(due.map(({ goal }) => goal.id))];
  const projectIds = [...new Set(due.map(({ goal }) => goal.project_id))];
  const [projects, measurers] = await Promise.all([
    measurementRepository.projects(db, projectIds),
    measurementRepository.measurersOfGoals(db, goalIds),
  ]);
  const recipientsOf = await loadRecipients(
    db,
    due.map(({ goal }) => ({ projectId: goal.project_id, namedPersonId: measurers.get(goal.id) ?? null })),
  );
  const projectById = new Map(projects.map((project) => [project.id, project]));

  const reminders = due.flatMap(({ goal, date }) => {
    const project = projectById.get(goal.project_id);
    if (!project) return [];
    return recipientsOf(goal.project_id, measurers.get(goal.id) ?? null).map((person) => ({
      delivery: {
        key: `collection:${goal.id}:${date}:${person.id}`,
        kind: 'collection',
        personId: person.id,
        projectId: project.id,
      } satisfies Delivery,
      mail: () =>
        collectionMail({
          person,
          project: { id: project.id, name: project.name, customerName: project.customer_name },
          goal: toMailGoal(goal),
          date,
          today,
          as: person.as === 'named' ? 'measurer' : 'project_leader',
          publicUrl: context.config.publicUrl,
        }),
    }));
  });
  const delivered = await reminderRepository.deliveredKeys(
    db,
    reminders.map((reminder) => reminder.delivery.key),
  );
  const outcomes: DeliveryOutcome[] = [];
  for (const reminder of reminders.filter((candidate) => !delivered.has(candidate.delivery.key))) {
    outcomes.push(await deliverOnce(context, reminder.delivery, reminder.mail()));
  }
  return countOutcomes(outcomes);
}

/** What the daily reminder job does for measured effect goals, under its lease. */
export async function runMeasurementJob(context: AppContext, today: string): Promise<MailRun> {
  const collections = await remindCollections(context, today);
  const escalations = await escalateMissedGoals(context, today);
  return { sent: collections.sent + escalations.sent, failed: collections.failed + escalations.failed };
}
