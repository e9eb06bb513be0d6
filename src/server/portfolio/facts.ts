import type { PortfolioRow } from '../../shared/portfolio.js';
import type { TemplateContent } from '../../shared/templates.js';
import type { SplitChoice } from '../../shared/trainings.js';
import { progressOf } from '../checklist/progress.js';
import { isOverdue } from '../checklist/rules.js';
import { daysBetween, stockholmDay } from '../core/days.js';
import { goalStatus } from '../measurements/status.js';
import { organisationReadiness } from '../organisation/readiness.js';
import { PROJECT_SUPPORTER_ROLE } from '../organisation/service.js';
import { deriveSteps, type StepActivity, type StepKeyActivity, stepInForce } from '../steps/rules.js';
import { withVendorName } from '../templates/vendor-name.js';
import { sessionsNeeded } from '../trainings/rules.js';
import { customerSilentDays, type HealthInput, projectHealth, sessionsShortOfDueTrainings } from './health.js';

/**
 * What the portfolio needs of one project's data, boiled down and independent of the day and of
 * who looks: a project's facts change only when its data does, so they can be kept between requests
 * while the project's change count stays the same (docs/decisions/013). What depends on the day
 * (overdue, the step a key activity's date has passed, a goal's status, silence) is worked out from
 * them by `dayView`, once a day; what depends on the viewer (unread revisions, "mine", and so the
 * health) by `portfolioRow`, on every request.
 */
export interface ProjectFacts {
  activities: { total: number; done: number };
  /**
   * The template activities not yet done, for the step rule. Done ones are left out: to the rule a
   * done requirement and a missing one are alike, neither holds a step back.
   */
  openStepActivities: StepActivity[];
  /** Deadlines of the activities not yet done, and which side answers for each. */
  openDeadlines: { deadline: string; customer: boolean; vendor: boolean }[];
  keyActivities: (StepKeyActivity & { position: number })[];
  stepDecision: { stepNumber: number | null; derivedStepNumber: number } | null;
  trainings: { needed: number; booked: number; keyActivityDate: string | null }[];
  goals: {
    baseline: number | null;
    target: number | null;
    targetDate: string | null;
    latest: { value: number; measuredOn: string; createdAt: string } | null;
  }[];
  organisationGaps: number;
  lastCustomerChangeAt: string | null;
  supporters: { personId: string; name: string }[];
}

/** The project's own columns, read afresh on every request. */
export interface PortfolioProject {
  id: string;
  name: string;
  customer_id: string;
  customer_name: string;
  template_id: string;
  phase: 'implementation' | 'operations';
  start_date: string;
  closed_at: string | null;
}

/** One project's rows of each kind, as the repository loads them. */
export interface ProjectData {
  activities: {
    id: string;
    template_activity_key: string | null;
    title: string;
    customer_role_keys: string;
    vendor_role_keys: string;
    deadline: string | null;
    done_at: string | null;
  }[];
  keyActivities: {
    id: string;
    template_key: string | null;
    title: string;
    date: string | null;
    position: number;
  }[];
  stepDecision: { step_number: number | null; derived_step_number: number } | undefined;
  holdings: {
    role_key: string;
    school_id: string | null;
    person_id: string;
    person_name: string;
    person_customer_id: string | null;
  }[];
  schoolIds: string[];
  trainingRanges: {
    training_key: string;
    min_participants: number | null;
    max_participants: number | null;
    split_choice: SplitChoice | null;
  }[];
  sessionCounts: { training_key: string; sessions: number }[];
  goals: { id: string; baseline: number | null; target: number | null; target_date: string | null }[];
  latestMeasurements: Map<string, { value: number; measured_on: string; created_at: string }>;
  lastCustomerChangeAt: string | null;
}

const swedish = new Intl.Collator('sv');

function uniqueByPerson<Row extends { person_id: string }>(rows: readonly Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.person_id) && seen.add(row.person_id));
}

const hasRoles = (json: string): boolean => (JSON.parse(json) as string[]).length > 0;

/**
 * Sessions booked and needed per training given to the holders of a role in sessions of a limited
 * size: as many as the customer's distinct holders need at the project's own range, or the
 * template's, split as the project chose when they do not fit it. Trainings without a maximum or a participant role need no count of sessions.
 */
function trainingNeeds(project: PortfolioProject, template: TemplateContent, data: ProjectData) {
  return template.trainingTypes.flatMap((type) => {
    if (!type.participantRoleKey) return [];
    const own = data.trainingRanges.find((range) => range.training_key === type.key);
    const trainees = uniqueByPerson(
      data.holdings.filter(
        (holding) => holding.role_key === type.participantRoleKey && holding.person_customer_id === project.customer_id,
      ),
    ).length;
    const needed = sessionsNeeded(
      trainees,
      own
        ? { min: own.min_participants, max: own.max_participants }
        : { min: type.minParticipants ?? null, max: type.maxParticipants ?? null },
      own?.split_choice ?? null,
    );
    if (needed === null) return [];
    return [
      {
        needed,
        booked: data.sessionCounts.find((row) => row.training_key === type.key)?.sessions ?? 0,
        keyActivityDate:
          data.keyActivities.find((keyActivity) => keyActivity.template_key === type.keyActivityKey)?.date ?? null,
      },
    ];
  });
}

export function projectFacts(project: PortfolioProject, template: TemplateContent, data: ProjectData): ProjectFacts {
  const open = data.activities.filter((activity) => activity.done_at === null);
  return {
    activities: { total: data.activities.length, done: data.activities.length - open.length },
    openStepActivities: open.map((activity) => ({
      id: activity.id,
      templateKey: activity.template_activity_key,
      title: activity.title,
      deadline: activity.deadline,
      done: false,
    })),
    openDeadlines: open.flatMap((activity) =>
      activity.deadline === null
        ? []
        : [
            {
              deadline: activity.deadline,
              customer: hasRoles(activity.customer_role_keys),
              vendor: hasRoles(activity.vendor_role_keys),
            },
          ],
    ),
    keyActivities: data.keyActivities.map((keyActivity) => ({
      id: keyActivity.id,
      templateKey: keyActivity.template_key,
      title: keyActivity.title,
      date: keyActivity.date,
      position: keyActivity.position,
    })),
    stepDecision: data.stepDecision
      ? { stepNumber: data.stepDecision.step_number, derivedStepNumber: data.stepDecision.derived_step_number }
      : null,
    trainings: trainingNeeds(project, template, data),
    goals: data.goals.map((goal) => {
      const latest = data.latestMeasurements.get(goal.id);
      return {
        baseline: goal.baseline,
        target: goal.target,
        targetDate: goal.target_date,
        latest: latest ? { value: latest.value, measuredOn: latest.measured_on, createdAt: latest.created_at } : null,
      };
    }),
    organisationGaps: organisationReadiness(
      template,
      data.schoolIds,
      data.holdings.map((holding) => ({ roleKey: holding.role_key, schoolId: holding.school_id })),
    ).gaps.length,
    lastCustomerChangeAt: data.lastCustomerChangeAt,
    supporters: uniqueByPerson(data.holdings.filter((holding) => holding.role_key === PROJECT_SUPPORTER_ROLE))
      .map((holding) => ({ personId: holding.person_id, name: holding.person_name }))
      .sort((a, b) => swedish.compare(a.name, b.name)),
  };
}

/** What the row shows of a project on a day, the same for every viewer. */
export interface DayView {
  row: Omit<PortfolioRow, 'unreadRevisions' | 'mine' | 'health'>;
  health: Omit<HealthInput, 'unreadRevisions'>;
}

/** The key a day view was computed for: what it depends on besides the project's facts. */
export const dayViewKey = (project: PortfolioProject, today: string, vendorName: string): string =>
  [today, vendorName, project.name, project.customer_name, project.phase, project.start_date, project.closed_at].join(
    '\u0000',
  );

/** The project's facts seen on a day. */
export function dayView(
  project: PortfolioProject,
  template: TemplateContent,
  facts: ProjectFacts,
  today: string,
  vendorName: string,
): DayView {
  const closed = project.phase === 'operations';
  const derived = deriveSteps(template.implementationSteps, facts.openStepActivities, facts.keyActivities, today);
  const stepNumber = stepInForce(derived.derived, facts.stepDecision, closed);

  // An activity both sides answer for counts on both.
  let overdueCustomer = 0;
  let overdueVendor = 0;
  for (const open of facts.openDeadlines) {
    if (!isOverdue({ done: null, deadline: open.deadline }, today)) continue;
    if (open.customer) overdueCustomer++;
    if (open.vendor) overdueVendor++;
  }

  const nextKeyActivity = facts.keyActivities
    .filter((keyActivity): keyActivity is typeof keyActivity & { date: string } => keyActivity.date !== null)
    .filter((keyActivity) => keyActivity.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position)[0];

  const goalStates = facts.goals.map(
    (goal) =>
      goalStatus(
        { baseline: goal.baseline, target: goal.target, targetDate: goal.targetDate, startDate: project.start_date },
        goal.latest ? [goal.latest] : [],
        today,
      ).state,
  );
  const goals = {
    atRisk: goalStates.filter((state) => state === 'at_risk').length,
    missed: goalStates.filter((state) => state === 'missed').length,
  };

  const lastChangeDay = facts.lastCustomerChangeAt ? stockholmDay(new Date(facts.lastCustomerChangeAt)) : null;
  return {
    row: {
      projectId: project.id,
      projectName: project.name,
      customer: { name: project.customer_name },
      phase: project.phase,
      closedAt: project.closed_at,
      step: {
        number: stepNumber,
        title: withVendorName(
          template.implementationSteps.find((step) => step.number === stepNumber)?.title ?? '',
          vendorName,
        ),
        decided: !closed && facts.stepDecision !== null && facts.stepDecision.stepNumber !== null,
      },
      progress: progressOf(facts.activities.done, facts.activities.total),
      overdue: { customer: overdueCustomer, vendor: overdueVendor },
      nextKeyActivity: nextKeyActivity ? { title: nextKeyActivity.title, date: nextKeyActivity.date } : null,
      trainings: {
        booked: facts.trainings.reduce((sum, training) => sum + training.booked, 0),
        needed: facts.trainings.reduce((sum, training) => sum + training.needed, 0),
      },
      goals,
      organisationGaps: facts.organisationGaps,
      daysSinceCustomerChange: lastChangeDay === null ? null : daysBetween(lastChangeDay, today),
      supporters: facts.supporters,
    },
    health: {
      overdueCustomer,
      overdueVendor,
      goalsAtRisk: goals.atRisk,
      goalsMissed: goals.missed,
      trainingSessionsShort: sessionsShortOfDueTrainings(facts.trainings, today),
      organisationGaps: facts.organisationGaps,
      customerSilentDays: customerSilentDays(lastChangeDay, project.start_date, today),
    },
  };
}

/** The portfolio's row of a project: its day view as the viewer sees it. */
export function portfolioRow(
  view: DayView,
  viewer: { personId: string | null; unreadRevisions: number },
): PortfolioRow {
  return {
    ...view.row,
    unreadRevisions: viewer.unreadRevisions,
    mine: viewer.personId !== null && view.row.supporters.some((person) => person.personId === viewer.personId),
    health: projectHealth({ ...view.health, unreadRevisions: viewer.unreadRevisions }),
  };
}
