import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Organisation } from '../../shared/organisation.js';
import type { Portfolio, PortfolioRow } from '../../shared/portfolio.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import {
  assignRole,
  createCustomer,
  createEffectGoal,
  createPerson,
  createProject,
  recordMeasurement,
} from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { createRoleHolders, createSchool } from '../test-support/trainings.js';

const START = new Date('2027-02-01T09:00:00Z');
// Thirty days after the projects start: the customer of a project who last changed something at
// its start has been silent for 30 days.
const LATER = new Date('2027-03-03T09:00:00Z');
const TODAY = '2027-03-03';
/** More than this many queries for one portfolio page means something is loaded per project. */
const QUERY_CEILING = 18;

let now = START;
const clock = { now: () => now };
let testApp: TestApp;
let admin: Agent & { userId: string };
let queries: string[] = [];

beforeEach(async () => {
  now = START;
  queries = [];
  // Sessions outlive the month the clock moves on.
  testApp = await createTestApp({
    clock,
    env: { SESSION_TTL_HOURS: '2160' },
    // The session's last activity, written when the clock has moved on, is no query of the page.
    onQuery: (sql) => sql.startsWith('update "sessions"') || queries.push(sql),
  });
  admin = await loginAs(testApp.app);
});
afterEach(async () => {
  await testApp.close();
});

const db = () => testApp.app.stegvis.db;

async function portfolioOf(agent: Agent): Promise<Portfolio> {
  const response = await agent.get('/api/portfolio');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const rowOf = (portfolio: Portfolio, projectId: string): PortfolioRow => {
  const row = portfolio.items.find((item) => item.projectId === projectId);
  if (!row) throw new Error(`project ${projectId} is not in the portfolio`);
  return row;
};

/** The checklist activity the template gave the project under `key`. */
const activityFrom = (projectId: string, key: string) =>
  db()
    .selectFrom('activities')
    .select(['id', 'version'])
    .where('project_id', '=', projectId)
    .where('template_activity_key', '=', key)
    .executeTakeFirstOrThrow();

async function changeActivity(projectId: string, key: string, change: { deadline?: string; done?: boolean }) {
  const activity = await activityFrom(projectId, key);
  const response = await admin.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
    version: activity.version,
    ...change,
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function bookAdministratorSession(projectId: string, date: string) {
  const session = await admin.post(`/api/projects/${projectId}/trainings/administratorer/sessions`, {
    date,
    startTime: '09:00',
    endTime: '12:00',
    mode: 'on_site',
    place: 'Aulan',
    trainerPersonId: null,
    proposalId: null,
  });
  expect(session.statusCode, session.body).toBe(201);
}

async function newProject(customerName: string) {
  const customer = await createCustomer(admin, { name: customerName });
  const project = await createProject(admin, customer.id);
  return { customerId: customer.id, projectId: project.id };
}

/**
 * A project in trouble, built at the start and looked at 30 days later: the customer's
 * Projektledare set an effect goal and sent the plan at the start and has done nothing since;
 * two activities of each side are overdue (one answered by both); the goal's measurement falls
 * below its path; one of two schools has a single administrator; the administrators' training,
 * five weeks away, has one of the two sessions its three participants need.
 */
async function lateProject(customerName: string) {
  const { app } = testApp;
  const { customerId, projectId } = await newProject(customerName);
  const writer = await loginAsMember(app, { customerId, projectId, roleKeys: ['projektledare'] });
  const goal = await createEffectGoal(writer, projectId, { baseline: 40, target: 100, targetDate: '2027-12-20' });
  await createEffectGoal(writer, projectId, { title: 'Färre frånvarande', baseline: 10, target: 5 });
  const revision = await writer.post(`/api/projects/${projectId}/revisions`, { message: 'Första versionen av planen' });
  expect(revision.statusCode, revision.body).toBe(201);

  const alfa = await createSchool(admin, customerId, { name: 'Alfaskolan' });
  const beta = await createSchool(admin, customerId, { name: 'Betaskolan' });
  await createRoleHolders(app, { customerId, projectId, schoolId: alfa.id, roleKey: 'administrator', names: ['Ada'] });
  await createRoleHolders(app, {
    customerId,
    projectId,
    schoolId: beta.id,
    roleKey: 'administrator',
    names: ['Bea', 'Cecilia'],
  });
  const range = await admin.put(`/api/projects/${projectId}/trainings/administratorer`, {
    version: 0,
    minParticipants: 1,
    maxParticipants: 2,
  });
  expect(range.statusCode, range.body).toBe(200);
  await bookAdministratorSession(projectId, '2027-04-05');

  now = LATER;
  await changeActivity(projectId, 'bestallningsblankett', { deadline: '2027-03-01' });
  await changeActivity(projectId, 'orderbekraftelse', { deadline: '2027-03-01' });
  await changeActivity(projectId, 'leverans-system', { deadline: '2027-03-02' });
  // Past its deadline but done, and due today: neither is overdue.
  await changeActivity(projectId, 'avtalspaskrift', { deadline: '2027-03-01', done: true });
  await changeActivity(projectId, 'projektorganisation', { deadline: TODAY });
  await recordMeasurement(admin, projectId, goal.id, { measuredOn: TODAY, value: 40 });
  now = START;
  return { customerId, projectId, writer, alfaId: alfa.id };
}

/** A project whose first step is done and that a project manager moved on to step 4. */
async function steadyProject(customerName: string) {
  const { customerId, projectId } = await newProject(customerName);
  for (const key of ['bestallningsblankett', 'avtalspaskrift', 'orderbekraftelse']) {
    await changeActivity(projectId, key, { done: true });
  }
  // Moved on to 6, then back to 4 a minute later: the newer decision is in force.
  const startedAt = now;
  for (const [version, stepNumber] of [6, 4].entries()) {
    const response = await admin.put(`/api/projects/${projectId}/step`, {
      stepNumber,
      reason: 'Planen blir klar tidigare än mallen räknar med',
      version,
    });
    expect(response.statusCode, response.body).toBe(200);
    now = new Date(now.getTime() + 60_000);
  }
  now = startedAt;
  return { customerId, projectId };
}

const CLOSED_AT = new Date('2027-03-01T14:00:00Z');

/** A project whose every activity is long overdue, closed by its Beställare all the same. */
async function closedProject(customerName: string) {
  const { customerId, projectId } = await newProject(customerName);
  await db().updateTable('activities').set({ deadline: '2027-02-15' }).where('project_id', '=', projectId).execute();
  const orderer = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['bestallare'] });
  const startedAt = now;
  now = CLOSED_AT;
  const overview = await orderer.get(`/api/projects/${projectId}/closure`);
  expect(overview.statusCode, overview.body).toBe(200);
  const approval = await orderer.post(`/api/projects/${projectId}/closure`, {
    openItemsSeen: overview.json().openCount,
  });
  expect(approval.statusCode, approval.body).toBe(200);
  now = startedAt;
  return { customerId, projectId };
}

describe('the portfolio', () => {
  it('shows a project in trouble with every figure behind its health', async () => {
    const { projectId, alfaId } = await lateProject('Åkerby kommun');
    now = LATER;

    const portfolio = await portfolioOf(admin);
    const row = rowOf(portfolio, projectId);
    const organisation: Organisation = (await admin.get(`/api/projects/${projectId}/organisation`)).json();
    const administratorGaps = organisation.readiness.gaps.filter((gap) => gap.roleKey === 'administrator');
    expect(administratorGaps).toEqual([expect.objectContaining({ schoolId: alfaId, have: 1, need: 2 })]);

    expect(row).toMatchObject({
      projectName: 'Implementering Åkerby kommun',
      customer: { name: 'Åkerby kommun' },
      phase: 'implementation',
      closedAt: null,
      step: { number: 1, title: 'Beställning och avtal', decided: false },
      progress: { done: 1, total: 23, percent: 4 },
      overdue: { customer: 2, vendor: 2 },
      nextKeyActivity: { title: 'Projektplanen klar och förankrad med personalen', date: '2027-03-15' },
      trainings: { booked: 1, needed: 2 },
      goals: { atRisk: 1, missed: 0 },
      organisationGaps: organisation.readiness.gaps.length,
      unreadRevisions: 1,
      daysSinceCustomerChange: 30,
      supporters: [],
      mine: false,
    });
    expect(row.health.factors).toEqual([
      { key: 'organisationGaps', points: 15, count: organisation.readiness.gaps.length },
      { key: 'overdueVendor', points: 10, count: 2 },
      { key: 'customerSilent', points: 10, count: 30 },
      { key: 'overdueCustomer', points: 8, count: 2 },
      { key: 'goalsAtRisk', points: 8, count: 1 },
      { key: 'trainingsShort', points: 5, count: 1 },
      { key: 'unreadRevisions', points: 5, count: 1 },
    ]);
    expect(row.health).toMatchObject({ score: 39, level: 'critical' });
    expect(portfolio.steps).toHaveLength(10);
    expect(portfolio.steps[0]).toEqual({ number: 1, title: 'Beställning och avtal' });
    expect(portfolio.generatedAt).toBe(LATER.toISOString());
  });

  it('follows each change to a project at once, though it keeps its figures between requests', async () => {
    const { projectId, customerId, writer, alfaId } = await lateProject('Åkerby kommun');
    now = LATER;
    const before = rowOf(await portfolioOf(admin), projectId);
    expect(rowOf(await portfolioOf(admin), projectId)).toEqual(before);

    // The customer's Projektledare ticks an overdue activity of theirs.
    const overdue = await activityFrom(projectId, 'bestallningsblankett');
    const ticked = await writer.patch(`/api/projects/${projectId}/activities/${overdue.id}`, {
      version: overdue.version,
      done: true,
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    // A second administrator for Alfaskolan, through the organisation page.
    const person = await admin.post(`/api/customers/${customerId}/people`, { name: 'Doris Dahl' });
    expect(person.statusCode, person.body).toBe(201);
    const role = await admin.post(`/api/projects/${projectId}/roles`, {
      roleKey: 'administrator',
      personId: person.json().id,
      schoolId: alfaId,
    });
    expect(role.statusCode, role.body).toBe(201);
    // The administrators' second session.
    await bookAdministratorSession(projectId, '2027-04-12');

    const after = rowOf(await portfolioOf(admin), projectId);
    expect(after.progress.done).toBe(before.progress.done + 1);
    expect(after.overdue.customer).toBe(before.overdue.customer - 1);
    expect(after.daysSinceCustomerChange).toBe(0);
    expect(after.organisationGaps).toBe(before.organisationGaps - 1);
    // Four administrators in sessions of two need two sessions, and both are booked.
    expect(after.trainings).toEqual({ booked: 2, needed: 2 });
    expect(after.health.factors.map((factor) => factor.key)).not.toContain('customerSilent');
  });

  it('answers 304 to a browser holding the same portfolio, and anew once anything changed or a revision is read', async () => {
    const { projectId, writer } = await lateProject('Åkerby kommun');
    now = LATER;
    const ask = (etag?: string) =>
      admin.request({ method: 'GET', url: '/api/portfolio', headers: etag ? { 'if-none-match': etag } : {} });
    const first = await ask();
    expect(first.statusCode, first.body).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(rowOf(first.json(), projectId).unreadRevisions).toBe(1);

    const same = await ask(etag);
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect((await ask()).body).toBe(first.body);

    // Reading the revision changes no project, only what the admin has left to read.
    const read = await admin.post(`/api/projects/${projectId}/revisions/1/read`);
    expect(read.statusCode, read.body).toBeLessThan(300);
    const afterRead = await ask(etag);
    expect(afterRead.statusCode, afterRead.body).toBe(200);
    expect(afterRead.headers.etag).not.toBe(etag);
    expect(rowOf(afterRead.json(), projectId).unreadRevisions).toBe(0);

    const overdue = await activityFrom(projectId, 'bestallningsblankett');
    const ticked = await writer.patch(`/api/projects/${projectId}/activities/${overdue.id}`, {
      version: overdue.version,
      done: true,
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    const afterTick = await ask(afterRead.headers.etag as string);
    expect(afterTick.statusCode, afterTick.body).toBe(200);
    expect(rowOf(afterTick.json(), projectId).progress.done).toBe(rowOf(afterRead.json(), projectId).progress.done + 1);

    // Another viewer's answer is their own, though nothing changed.
    const staff = await loginAsMember(testApp.app, { customerId: null, projectId, roleKeys: ['projektstodjare'] });
    const theirs = await staff.get('/api/portfolio');
    expect(theirs.headers.etag).not.toBe(afterTick.headers.etag);
    expect(rowOf(theirs.json(), projectId).mine).toBe(true);
  });

  it('puts the late project first for the vendor admin and the closed one last', async () => {
    const steady = await steadyProject('Björkby kommun');
    const late = await lateProject('Östra Åby kommun');
    const closed = await closedProject('Cedertuna kommun');
    now = LATER;

    const portfolio = await portfolioOf(admin);
    expect(portfolio.items.map((item) => item.projectId)).toEqual([late.projectId, steady.projectId, closed.projectId]);

    const steadyRow = rowOf(portfolio, steady.projectId);
    // The newest decision is in force: moved on to 4, not the 6 decided before it.
    expect(steadyRow.step).toEqual({ number: 4, title: 'Projektplan: bakgrund, mål och utvärdering', decided: true });
    // Its customer never changed anything: that counts from the start, but no day of change is shown.
    expect(steadyRow.daysSinceCustomerChange).toBeNull();
    expect(steadyRow.health.factors.map((factor) => factor.key)).toEqual(['organisationGaps', 'customerSilent']);

    const closedRow = rowOf(portfolio, closed.projectId);
    expect(closedRow).toMatchObject({
      phase: 'operations',
      closedAt: CLOSED_AT.toISOString(),
      step: { number: 10, decided: false },
    });
    // Less healthy than an open project before it, and still last.
    expect(closedRow.health.score).toBeLessThan(steadyRow.health.score);
  });

  it('shows the vendor staff only their projects, those they support first', async () => {
    const { app } = testApp;
    const supported = await steadyProject('Björkby kommun');
    const trained = await lateProject('Åkerby kommun');
    const other = await newProject('Cedertuna kommun');
    const staff = await loginAsMember(app, {
      customerId: null,
      projectId: supported.projectId,
      roleKeys: ['projektstodjare'],
    });
    await assignRole(app, { projectId: trained.projectId, personId: staff.personId, roleKey: 'utbildningsledare' });
    const colleague = await createPerson(app, { customerId: null, name: 'Örjan Projektstödjare' });
    await assignRole(app, { projectId: trained.projectId, personId: colleague.id, roleKey: 'projektstodjare' });
    now = LATER;

    const portfolio = await portfolioOf(staff);
    expect(portfolio.items.map((item) => item.projectId)).toEqual([supported.projectId, trained.projectId]);
    expect(portfolio.items.map((item) => item.mine)).toEqual([true, false]);
    const staffName = (
      await db().selectFrom('people').select('name').where('id', '=', staff.personId).executeTakeFirstOrThrow()
    ).name;
    expect(rowOf(portfolio, supported.projectId).supporters).toEqual([{ personId: staff.personId, name: staffName }]);
    expect(rowOf(portfolio, trained.projectId).supporters).toEqual([
      { personId: colleague.id, name: 'Örjan Projektstödjare' },
    ]);
    // The revision sent to the vendor is unread by the staff member as well.
    expect(rowOf(portfolio, trained.projectId).unreadRevisions).toBe(1);

    const adminView = await portfolioOf(admin);
    expect(adminView.items.map((item) => item.projectId)).toContain(other.projectId);
    expect(adminView.items.every((item) => !item.mine)).toBe(true);
  });

  it('is closed to the customer and to anyone not logged in', async () => {
    const { writer } = await lateProject('Åkerby kommun');
    const response = await writer.get('/api/portfolio');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({
      code: 'FORBIDDEN',
      message: 'Portföljen är bara för leverantörens personal',
    });
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/portfolio' });
    expect(anonymous.statusCode).toBe(401);
  });

  // Building eight projects through the API takes a while on PostgreSQL.
  it('is loaded with the same few queries for 2 projects as for 8, for the admin and for the staff', {
    timeout: 60_000,
  }, async () => {
    const { app } = testApp;
    const first = await lateProject('Kommun 1');
    await steadyProject('Kommun 2');
    // The vendor staff's page is narrowed to the projects they hold a role in: a scope of its own.
    const staff = await loginAsMember(app, {
      customerId: null,
      projectId: first.projectId,
      roleKeys: ['projektstodjare'],
    });
    now = LATER;
    // The first request reads the template once; every later one finds it parsed.
    await portfolioOf(admin);

    /** Queries of a request that computes every project afresh, as if all had changed, and of the next. */
    const countQueries = async (agent: Agent) => {
      await db()
        .updateTable('projects')
        .set((eb) => ({ change_count: eb('change_count', '+', 1) }))
        .execute();
      queries = [];
      const portfolio = await portfolioOf(agent);
      const afresh = queries.length;
      queries = [];
      await portfolioOf(agent);
      return { afresh, unchanged: queries.length, projects: portfolio.items.length };
    };
    const few = await countQueries(admin);
    const fewOwn = await countQueries(staff);
    now = START;
    for (let index = 3; index <= 5; index++) {
      const { projectId, customerId } = await lateProject(`Kommun ${index}`);
      await assignRole(app, { projectId, personId: staff.personId, roleKey: 'projektstodjare' });
      // More people and activities than the first projects have.
      for (let extra = 1; extra <= 3; extra++) {
        const person = await createPerson(app, { customerId });
        await assignRole(app, { projectId, personId: person.id, roleKey: 'rektor' });
        const added = await admin.post(`/api/projects/${projectId}/activities`, {
          groupKey: 'uppstart',
          title: `Extra aktivitet ${extra}`,
          customerPersonId: person.id,
          deadline: '2027-03-01',
        });
        expect(added.statusCode, added.body).toBe(201);
      }
    }
    for (let index = 6; index <= 7; index++) await steadyProject(`Kommun ${index}`);
    await closedProject('Kommun 8');
    now = LATER;
    const many = await countQueries(admin);
    const manyOwn = await countQueries(staff);

    expect([few.projects, many.projects]).toEqual([2, 8]);
    expect([fewOwn.projects, manyOwn.projects]).toEqual([1, 4]);
    expect(many).toEqual({ ...few, projects: 8 });
    expect(manyOwn).toEqual({ ...fewOwn, projects: 4 });
    // An unchanged project is not read again.
    expect(few.unchanged).toBeLessThan(few.afresh);
    expect(Math.max(many.afresh, manyOwn.afresh)).toBeLessThanOrEqual(QUERY_CEILING);
  });
});
