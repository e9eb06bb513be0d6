import { createHash } from 'node:crypto';
import type { CurrentUser } from '../../shared/auth.js';
import type { Portfolio, PortfolioRow } from '../../shared/portfolio.js';
import type { TemplateContent } from '../../shared/templates.js';
import { projectPermissions } from '../access/permissions.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError } from '../core/errors.js';
import { revisionsReadCount, unreadRevisionCounts } from '../revisions/service.js';
import { getVendorName } from '../settings/service.js';
import { defaultTemplateId, loadTemplateContent } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { type CachedProject, portfolioCacheOf } from './cache.js';
import { dayView, dayViewKey, type PortfolioProject, type ProjectData, portfolioRow, projectFacts } from './facts.js';
import { MAX_LISTED_PROJECTS, type PortfolioScope, portfolioRepository } from './repository.js';

const swedish = new Intl.Collator('sv');

interface Situation {
  today: string;
  vendorName: string;
  viewerPersonId: string | null;
}

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

/** Every kind of data the facts are made of, one query per kind whatever the number of projects. */
async function loadProjectData(context: AppContext, scope: PortfolioScope) {
  const { db } = context;
  const [
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
  for (const school of schools) {
    const ids = schoolIds.get(school.customer_id);
    if (ids) ids.push(school.id);
    else schoolIds.set(school.customer_id, [school.id]);
  }
  const grouped = {
    activities: byProject(activities),
    keyActivities: byProject(keyActivities),
    decisions: new Map(decisions.map((decision) => [decision.project_id, decision])),
    holdings: byProject(holdings),
    ranges: byProject(ranges),
    sessions: byProject(sessions),
    goals: byProject(goals),
    latestMeasurements: new Map(measurements.map((measurement) => [measurement.goal_id, measurement])),
    lastCustomerChange: new Map(customerChanges.map((change) => [change.project_id, change.changed_at])),
  };
  return (project: PortfolioProject): ProjectData => ({
    activities: grouped.activities.get(project.id) ?? [],
    keyActivities: grouped.keyActivities.get(project.id) ?? [],
    stepDecision: grouped.decisions.get(project.id),
    holdings: grouped.holdings.get(project.id) ?? [],
    schoolIds: schoolIds.get(project.customer_id) ?? [],
    trainingRanges: grouped.ranges.get(project.id) ?? [],
    sessionCounts: grouped.sessions.get(project.id) ?? [],
    goals: grouped.goals.get(project.id) ?? [],
    latestMeasurements: grouped.latestMeasurements,
    lastCustomerChangeAt: grouped.lastCustomerChange.get(project.id) ?? null,
  });
}

/** Every template the projects follow, each read once. */
async function templatesOf(context: AppContext, templateIds: readonly string[]) {
  const ids = [...new Set(templateIds)];
  const contents = await Promise.all(ids.map((id) => loadTemplateContent(context, id)));
  const templates = new Map(ids.map((id, index) => [id, contents[index]]));
  return (templateId: string) => templates.get(templateId) as TemplateContent;
}

type ListedProject = PortfolioProject & { change_count: number };

/**
 * Each project's cache entry, kept where the project's change count is still the one its facts
 * were made at, made afresh for the others: from all of the scope's data at once when many changed
 * (as on the first request), otherwise from just theirs.
 */
async function cachedProjects(
  context: AppContext,
  scope: PortfolioScope,
  projects: readonly ListedProject[],
  templateOf: (templateId: string) => TemplateContent,
): Promise<Map<string, CachedProject>> {
  const cache = portfolioCacheOf(context);
  const stale = projects.filter((project) => cache.get(project.id)?.changeCount !== project.change_count);
  if (stale.length > 0) {
    const dataOf = await loadProjectData(
      context,
      stale.length > MAX_LISTED_PROJECTS ? scope : { kind: 'projects', projectIds: stale.map((project) => project.id) },
    );
    for (const project of stale) {
      const facts = projectFacts(project, templateOf(project.template_id), dataOf(project));
      cache.set(project.id, { changeCount: project.change_count, facts });
    }
  }
  return cache;
}

/** The entry's day view for today, made if the day or anything else it shows has changed since the last. */
function dayViewOf(entry: CachedProject, project: ListedProject, template: TemplateContent, situation: Situation) {
  const key = dayViewKey(project, situation.today, situation.vendorName);
  if (entry.view?.key !== key) {
    entry.view = { key, view: dayView(project, template, entry.facts, situation.today, situation.vendorName) };
  }
  return entry.view.view;
}

/** The viewer's own projects first, then open before closed, the least healthy first, by customer. */
const portfolioOrder = (a: PortfolioRow, b: PortfolioRow): number =>
  Number(b.mine) - Number(a.mine) ||
  Number(a.phase === 'operations') - Number(b.phase === 'operations') ||
  a.health.score - b.health.score ||
  swedish.compare(a.customer.name, b.customer.name) ||
  swedish.compare(a.projectName, b.projectName);

/** The projects the viewer may see among: every project for the vendor admin, those where their person holds a role for staff. */
const scopeOf = (user: CurrentUser): PortfolioScope | null =>
  user.role === 'vendor_admin' ? { kind: 'all' } : user.personId ? { kind: 'person', personId: user.personId } : null;

const templateOfNone = (templateId: string): TemplateContent => {
  throw new Error(`no template ${templateId} in an empty portfolio`);
};

/** Everything the viewer's portfolio is made of, read afresh on each request: the queries, no rows built yet. */
async function portfolioState(context: AppContext, user: CurrentUser, scope: PortfolioScope | null) {
  if (!scope) return { scope, visible: [], unread: new Map<string, number>(), templateOf: templateOfNone };
  const [projects, held] = await Promise.all([
    portfolioRepository.projects(context.db, scope),
    user.personId ? portfolioRepository.heldRoles(context.db, user.personId) : [],
  ]);
  const templateOf = await templatesOf(
    context,
    projects.map((project) => project.template_id),
  );
  const heldByProject = byProject(held);
  const visible = projects.filter(
    (project) =>
      projectPermissions(
        user,
        { customerId: project.customer_id },
        (heldByProject.get(project.id) ?? []).map((holding) => holding.role_key),
        templateOf(project.template_id),
      ).read,
  );
  const unread = await unreadRevisionCounts(
    context,
    user,
    visible.map((project) => project.id),
  );
  return { scope, visible, unread, templateOf };
}

type PortfolioState = Awaited<ReturnType<typeof portfolioState>>;

/** The rows of the visible projects, from each project's cached facts seen on the day. */
async function rowsOf(context: AppContext, situation: Situation, state: PortfolioState) {
  if (!state.scope) return [];
  const entries = await cachedProjects(context, state.scope, state.visible, state.templateOf);
  return state.visible.map((project) => {
    const template = state.templateOf(project.template_id);
    const view = dayViewOf(entries.get(project.id) as CachedProject, project, template, situation);
    return portfolioRow(view, {
      personId: situation.viewerPersonId,
      unreadRevisions: state.unread.get(project.id) ?? 0,
    });
  });
}

export interface PortfolioAnswer {
  /** Names this answer: the same tag for the same viewer means the same portfolio. */
  etag: string;
  /** Builds the portfolio; only needed when the viewer's last answer is not the same. */
  build(): Promise<Portfolio>;
}

/**
 * The vendor's view over the customer projects it runs: every project for the vendor admin, the
 * projects where they hold a vendor role for the vendor's staff. Customers have no portfolio.
 * Each request tallies the changes in its scope; the rows are only read and built when the tally,
 * the day or what the viewer has read has moved.
 */
export async function getPortfolio(context: AppContext, user: CurrentUser): Promise<PortfolioAnswer> {
  if (user.role === 'customer') {
    throw new AppError('FORBIDDEN', 'Portföljen är bara för leverantörens personal');
  }
  const scope = scopeOf(user);
  const [vendorName, defaultTemplate, tally, revisionsRead] = await Promise.all([
    getVendorName(context),
    defaultTemplateId(context),
    scope ? portfolioRepository.changeTally(context.db, scope) : { projects: 0, changes: 0 },
    revisionsReadCount(context, user),
  ]);
  const situation = { today: stockholmDay(context.clock.now()), vendorName, viewerPersonId: user.personId };
  // What the answer depends on besides the data the tally follows: the day, the vendor's name,
  // the viewer, and which revisions they have read.
  const key = [
    situation.today,
    vendorName,
    defaultTemplate,
    user.id,
    user.role,
    user.personId,
    tally.projects,
    tally.changes,
    revisionsRead,
  ];
  return {
    etag: `"${createHash('sha256').update(key.join('\u0000')).digest('base64url')}"`,
    build: async () => {
      const state = await portfolioState(context, user, scope);
      const items = await rowsOf(context, situation, state);
      const defaultContent = await loadTemplateContent(context, defaultTemplate);
      return {
        items: items.sort(portfolioOrder),
        steps: defaultContent.implementationSteps.map((step) => ({
          number: step.number,
          title: withVendorName(step.title, vendorName),
        })),
        generatedAt: context.clock.now().toISOString(),
      };
    },
  };
}
