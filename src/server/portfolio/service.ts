import type { CurrentUser } from '../../shared/auth.js';
import type { Portfolio, PortfolioRow } from '../../shared/portfolio.js';
import type { TemplateContent } from '../../shared/templates.js';
import { projectPermissions } from '../access/permissions.js';
import { progressOf } from '../checklist/progress.js';
import { isOverdue } from '../checklist/rules.js';
import type { AppContext } from '../core/context.js';
import { daysBetween, stockholmDay } from '../core/days.js';
import { AppError } from '../core/errors.js';
import { goalStatus } from '../measurements/status.js';
import { organisationReadiness } from '../organisation/readiness.js';
import { PROJECT_SUPPORTER_ROLE } from '../organisation/service.js';
import { unreadRevisionCounts } from '../revisions/service.js';
import { getVendorName } from '../settings/service.js';
import { deriveSteps, stepInForce } from '../steps/rules.js';
import { findTemplateForNewProject, loadTemplateContent } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { sessionsNeeded } from '../trainings/rules.js';
import { customerSilentDays, projectHealth, sessionsShortOfDueTrainings } from './health.js';
import { type PortfolioScope, portfolioRepository } from './repository.js';

const swedish = new Intl.Collator('sv');

type Data = Awaited<ReturnType<typeof loadData>>;
type ProjectRowData = Data['projects'][number];
type Holding = Awaited<ReturnType<typeof portfolioRepository.roleHoldings>>[number];
type KeyActivityRow = Awaited<ReturnType<typeof portfolioRepository.keyActivities>>[number];

/** Groups rows by project id, so each project finds its own without scanning everyone's. */
function byProject<Row extends { project_id: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.project_id);
    if (group) group.push(row);
    else groups.set(row.project_id, [row]);
  }
  return groups;
}

/** Everything the page shows, one query per kind of data whatever the number of projects. */
async function loadData(context: AppContext, scope: PortfolioScope) {
  const { db } = context;
  const [
    projects,
    activities,
    keyActivities,
    decisions,
    holdings,
    schools,
    ranges,
    sessions,
    goals,
    measurements,
    customerChanges,
  ] = await Promise.all([
    portfolioRepository.projects(db, scope),
    portfolioRepository.activities(db, scope),
    portfolioRepository.keyActivities(db, scope),
    portfolioRepository.newestStepDecisions(db, scope),
    portfolioRepository.roleHoldings(db, scope),
    portfolioRepository.schools(db, scope),
    portfolioRepository.trainingRanges(db, scope),
    portfolioRepository.sessionCounts(db, scope),
    portfolioRepository.effectGoals(db, scope),
    portfolioRepository.latestMeasurements(db, scope),
    portfolioRepository.lastCustomerChanges(db, scope),
  ]);
  const schoolIds = new Map<string, string[]>();
  for (const school of schools)
    schoolIds.set(school.customer_id, [...(schoolIds.get(school.customer_id) ?? []), school.id]);
  return {
    projects,
    activities: byProject(activities),
    keyActivities: byProject(keyActivities),
    decisions: new Map(decisions.map((decision) => [decision.project_id, decision])),
    holdings: byProject(holdings),
    schoolIds,
    ranges: byProject(ranges),
    sessions: byProject(sessions),
    goals: byProject(goals),
    latestMeasurement: new Map(measurements.map((measurement) => [measurement.goal_id, measurement])),
    lastCustomerChange: new Map(customerChanges.map((change) => [change.project_id, change.changed_at])),
  };
}

/** Every template the projects follow, each read once. */
async function templatesOf(context: AppContext, templateIds: readonly string[]) {
  const ids = [...new Set(templateIds)];
  const contents = await Promise.all(ids.map((id) => loadTemplateContent(context, id)));
  return new Map(ids.map((id, index) => [id, contents[index]]));
}

const parseKeys = (json: string): string[] => JSON.parse(json);

interface Situation {
  today: string;
  vendorName: string;
  viewerPersonId: string | null;
  unread: Map<string, number>;
}

function buildRow(project: ProjectRowData, template: TemplateContent, data: Data, situation: Situation): PortfolioRow {
  const { today } = situation;
  const closed = project.phase === 'operations';
  const activities = data.activities.get(project.id) ?? [];
  const keyActivities = data.keyActivities.get(project.id) ?? [];
  const holdings = data.holdings.get(project.id) ?? [];

  const derived = deriveSteps(
    template.implementationSteps,
    activities.map((activity) => ({
      id: activity.id,
      templateKey: activity.template_activity_key,
      title: activity.title,
      deadline: activity.deadline,
      done: activity.done_at !== null,
    })),
    keyActivities.map((keyActivity) => ({
      id: keyActivity.id,
      templateKey: keyActivity.template_key,
      title: keyActivity.title,
      date: keyActivity.date,
    })),
    today,
  );
  const decision = data.decisions.get(project.id);
  const stepNumber = stepInForce(
    derived.derived,
    decision ? { stepNumber: decision.step_number, derivedStepNumber: decision.derived_step_number } : null,
    closed,
  );

  // An activity both sides answer for counts on both.
  const overdue = activities.filter(
    (activity) => activity.done_at === null && isOverdue({ done: null, deadline: activity.deadline }, today),
  );
  const overdueCustomer = overdue.filter((activity) => parseKeys(activity.customer_role_keys).length > 0).length;
  const overdueVendor = overdue.filter((activity) => parseKeys(activity.vendor_role_keys).length > 0).length;

  const nextKeyActivity = keyActivities
    .filter((keyActivity): keyActivity is typeof keyActivity & { date: string } => keyActivity.date !== null)
    .filter((keyActivity) => keyActivity.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position)[0];

  const trainings = trainingNeeds(project, template, data, holdings, keyActivities);

  const goalStates = (data.goals.get(project.id) ?? []).map((goal) => {
    const latest = data.latestMeasurement.get(goal.id);
    return goalStatus(
      { baseline: goal.baseline, target: goal.target, targetDate: goal.target_date, startDate: project.start_date },
      latest ? [{ value: latest.value, measuredOn: latest.measured_on, createdAt: latest.created_at }] : [],
      today,
    ).state;
  });
  const goals = {
    atRisk: goalStates.filter((state) => state === 'at_risk').length,
    missed: goalStates.filter((state) => state === 'missed').length,
    total: goalStates.length,
  };

  const organisationGaps = organisationReadiness(
    template,
    data.schoolIds.get(project.customer_id) ?? [],
    holdings.map((holding) => ({ roleKey: holding.role_key, schoolId: holding.school_id })),
  ).gaps.length;

  const lastChangedAt = data.lastCustomerChange.get(project.id);
  const lastChangeDay = lastChangedAt ? stockholmDay(new Date(lastChangedAt)) : null;
  const unreadRevisions = situation.unread.get(project.id) ?? 0;

  const supporters = uniqueByPerson(holdings.filter((holding) => holding.role_key === PROJECT_SUPPORTER_ROLE))
    .map((holding) => ({ personId: holding.person_id, name: holding.person_name }))
    .sort((a, b) => swedish.compare(a.name, b.name));

  return {
    projectId: project.id,
    projectName: project.name,
    customer: { id: project.customer_id, name: project.customer_name },
    phase: project.phase,
    closedAt: project.closed_at,
    startDate: project.start_date,
    step: {
      number: stepNumber,
      title: withVendorName(
        template.implementationSteps.find((step) => step.number === stepNumber)?.title ?? '',
        situation.vendorName,
      ),
      decided: !closed && decision !== undefined && decision.step_number !== null,
    },
    progress: progressOf(activities.filter((activity) => activity.done_at !== null).length, activities.length),
    overdue: { customer: overdueCustomer, vendor: overdueVendor },
    nextKeyActivity: nextKeyActivity ? { title: nextKeyActivity.title, date: nextKeyActivity.date } : null,
    trainings: {
      booked: trainings.reduce((sum, training) => sum + training.booked, 0),
      needed: trainings.reduce((sum, training) => sum + training.needed, 0),
    },
    goals,
    organisationGaps,
    unreadRevisions,
    daysSinceCustomerChange: lastChangeDay === null ? null : daysBetween(lastChangeDay, today),
    supporters,
    mine:
      situation.viewerPersonId !== null && supporters.some((person) => person.personId === situation.viewerPersonId),
    health: projectHealth({
      overdueCustomer,
      overdueVendor,
      goalsAtRisk: goals.atRisk,
      goalsMissed: goals.missed,
      trainingSessionsShort: sessionsShortOfDueTrainings(trainings, today),
      organisationGaps,
      unreadRevisions,
      customerSilentDays: customerSilentDays(lastChangeDay, project.start_date, today),
    }),
  };
}

function uniqueByPerson<Row extends { person_id: string }>(rows: readonly Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.person_id) && seen.add(row.person_id));
}

/**
 * Sessions booked and needed per training given to the holders of a role in sessions of a limited
 * size: as many as the customer's distinct holders fill at the project's own maximum, or the
 * template's. Trainings without a maximum or a participant role need no count of sessions.
 */
function trainingNeeds(
  project: ProjectRowData,
  template: TemplateContent,
  data: Data,
  holdings: readonly Holding[],
  keyActivities: readonly KeyActivityRow[],
) {
  const ranges = data.ranges.get(project.id) ?? [];
  const sessions = data.sessions.get(project.id) ?? [];
  return template.trainingTypes.flatMap((type) => {
    if (!type.participantRoleKey) return [];
    const own = ranges.find((range) => range.training_key === type.key);
    const trainees = uniqueByPerson(
      holdings.filter(
        (holding) => holding.role_key === type.participantRoleKey && holding.person_customer_id === project.customer_id,
      ),
    ).length;
    const needed = sessionsNeeded(trainees, own ? own.max_participants : (type.maxParticipants ?? null));
    if (needed === null) return [];
    return [
      {
        needed,
        booked: sessions.find((row) => row.training_key === type.key)?.sessions ?? 0,
        keyActivityDate:
          keyActivities.find((keyActivity) => keyActivity.template_key === type.keyActivityKey)?.date ?? null,
      },
    ];
  });
}

/** The viewer's own projects first, then open before closed, the least healthy first, by customer. */
const portfolioOrder = (a: PortfolioRow, b: PortfolioRow): number =>
  Number(b.mine) - Number(a.mine) ||
  Number(a.phase === 'operations') - Number(b.phase === 'operations') ||
  a.health.score - b.health.score ||
  swedish.compare(a.customer.name, b.customer.name) ||
  swedish.compare(a.projectName, b.projectName);

/** The rows the viewer may see: the projects where their person holds a vendor role, or all for the vendor admin. */
async function rowsFor(
  context: AppContext,
  user: CurrentUser,
  situation: Omit<Situation, 'unread'>,
): Promise<PortfolioRow[]> {
  const scope: PortfolioScope | null =
    user.role === 'vendor_admin' ? { kind: 'all' } : user.personId ? { kind: 'person', personId: user.personId } : null;
  if (!scope) return [];
  const data = await loadData(context, scope);
  const templates = await templatesOf(
    context,
    data.projects.map((project) => project.template_id),
  );
  const templateOf = (templateId: string) => templates.get(templateId) as TemplateContent;
  const visible = data.projects.filter((project) => {
    const held = (data.holdings.get(project.id) ?? [])
      .filter((holding) => holding.person_id === user.personId)
      .map((holding) => holding.role_key);
    return projectPermissions(user, { customerId: project.customer_id }, held, templateOf(project.template_id)).read;
  });
  const unread = await unreadRevisionCounts(
    context,
    user,
    visible.map((project) => project.id),
  );
  return visible.map((project) => buildRow(project, templateOf(project.template_id), data, { ...situation, unread }));
}

/**
 * The vendor's view over the customer projects it runs: every project for the vendor admin, the
 * projects where they hold a vendor role for the vendor's staff. Customers have no portfolio.
 */
export async function getPortfolio(context: AppContext, user: CurrentUser): Promise<Portfolio> {
  if (user.role === 'customer') {
    throw new AppError('FORBIDDEN', 'Portföljen är bara för leverantörens personal');
  }
  const [vendorName, defaultTemplate] = await Promise.all([getVendorName(context), findTemplateForNewProject(context)]);
  const situation = { today: stockholmDay(context.clock.now()), vendorName, viewerPersonId: user.personId };
  const items = await rowsFor(context, user, situation);
  // After the rows: the projects have most likely read the default template already.
  const defaultContent = await loadTemplateContent(context, defaultTemplate.id);
  return {
    items: items.sort(portfolioOrder),
    steps: defaultContent.implementationSteps.map((step) => ({
      number: step.number,
      title: withVendorName(step.title, vendorName),
    })),
    generatedAt: context.clock.now().toISOString(),
  };
}
