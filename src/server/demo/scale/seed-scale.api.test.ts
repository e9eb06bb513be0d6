import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { MyTask } from '../../../shared/checklist.js';
import type { Portfolio } from '../../../shared/portfolio.js';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import { PROJECT_SUPPORTER_ROLE } from '../../organisation/service.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { type ScaleSeedCounts, type ScaleSeedSummary, seedScale } from './seed-scale.js';

const clock: Clock = { now: () => new Date('2027-03-15T09:00:00.000Z') };
const admin = { email: 'admin@skala.exempel.se', password: 'admin-losenord-123' };
const options = { seed: 4711, customers: 3 };

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function seeded(seed = options.seed): Promise<{ app: FastifyInstance; summary: ScaleSeedSummary }> {
  const testApp = await createTestApp({
    clock,
    env: { STEGVIS_ADMIN_EMAIL: admin.email, STEGVIS_ADMIN_PASSWORD: admin.password },
  });
  apps.push(testApp);
  const summary = await seedScale(testApp.app.stegvis, { ...options, seed });
  return { app: testApp.app, summary };
}

async function signIn(app: FastifyInstance, login: { email: string; password: string }) {
  // The login's other details (the person, the name) are not part of a sign-in.
  const payload = { email: login.email, password: login.password };
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
  expect(response.statusCode, response.body).toBe(200);
  return { cookie: response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') };
}

async function count(app: FastifyInstance, table: keyof Database): Promise<number> {
  const query = app.stegvis.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count'));
  return Number((await query.executeTakeFirstOrThrow()).count);
}

/** The counts of the data set's rows as the database holds them. */
async function countsIn(app: FastifyInstance): Promise<ScaleSeedCounts> {
  const db = app.stegvis.db;
  const today = '2027-03-15';
  const scalar = async (query: { executeTakeFirstOrThrow(): Promise<{ count: number | string | bigint }> }) =>
    Number((await query.executeTakeFirstOrThrow()).count);
  const countAll = db.fn.countAll<number>().as('count');
  return {
    customers: await count(app, 'customers'),
    projects: await count(app, 'projects'),
    closedProjects: await scalar(db.selectFrom('projects').select(countAll).where('phase', '=', 'operations')),
    schools: await count(app, 'schools'),
    people: await count(app, 'people'),
    // The vendor admin is made by the app at start, not by the seed.
    users: (await count(app, 'users')) - 1,
    roleAssignments: await count(app, 'role_assignments'),
    activities: await count(app, 'activities'),
    doneActivities: await scalar(db.selectFrom('activities').select(countAll).where('done_at', 'is not', null)),
    overdueActivities: await scalar(
      db.selectFrom('activities').select(countAll).where('done_at', 'is', null).where('deadline', '<', today),
    ),
    comments: await count(app, 'activity_comments'),
    revisions: await count(app, 'plan_revisions'),
    revisionReads: await count(app, 'plan_revision_reads'),
    trainingProposals: await count(app, 'training_proposals'),
    trainingSessions: await count(app, 'training_sessions'),
    trainingParticipants: await count(app, 'training_participants'),
    goals: await count(app, 'goals'),
    measurements: await count(app, 'goal_measurements'),
    decisions: await count(app, 'decisions'),
    stepDecisions: await count(app, 'project_step_decisions'),
    auditEvents: await count(app, 'audit_events'),
  };
}

describe('the national-scale data set (npm run seed:scale), small', () => {
  it('holds exactly what its summary counts, a bit of everything', async () => {
    const { app, summary } = await seeded();

    expect(await countsIn(app)).toEqual(summary.counts);
    expect(summary.counts.customers).toBe(3);
    expect(summary.projectIds).toHaveLength(3);
    for (const [kind, value] of Object.entries(summary.counts)) {
      if (kind === 'closedProjects' || kind === 'stepDecisions' || kind === 'overdueActivities') continue;
      expect(value, kind).toBeGreaterThan(0);
    }
    expect(summary.counts.revisions).toBeGreaterThanOrEqual(2 * 3);
    expect(summary.counts.revisions).toBeLessThanOrEqual(6 * 3);
    expect(summary.sampleRevisionNumbers.length).toBeGreaterThanOrEqual(2);
    // Each project's change count is what recording its history through the services would have made it.
    const sample = await app.stegvis.db
      .selectFrom('projects')
      .select(['change_count', 'customer_id'])
      .where('id', '=', summary.sampleProjectId)
      .executeTakeFirstOrThrow();
    const events = await app.stegvis.db
      .selectFrom('audit_events')
      .select('project_id')
      .where('customer_id', '=', sample.customer_id)
      .execute();
    expect(sample.change_count).toBe(
      events.filter((event) => event.project_id === null || event.project_id === summary.sampleProjectId).length,
    );
  });

  it('gives the one Projektstödjare that role on every project', async () => {
    const { app, summary } = await seeded();
    const held = await app.stegvis.db
      .selectFrom('role_assignments')
      .select('project_id')
      .where('person_id', '=', summary.logins.supporter.personId)
      .where('role_key', '=', PROJECT_SUPPORTER_ROLE)
      .execute();
    expect(held.map((row) => row.project_id).sort()).toEqual([...summary.projectIds].sort());
  });

  it('lets the admin, the supporter and the customer Projektledare sign in, and answers their pages', async () => {
    const { app, summary } = await seeded();
    const { supporter, customerLeader } = summary.logins;
    expect(summary.logins.admin).toEqual(admin);

    const adminSession = await signIn(app, admin);
    const adminPortfolio = await app.inject({ method: 'GET', url: '/api/portfolio', headers: adminSession });
    expect(adminPortfolio.statusCode).toBe(200);
    expect((adminPortfolio.json() as Portfolio).items).toHaveLength(summary.projectIds.length);

    const supporterSession = await signIn(app, supporter);
    const portfolio = await app.inject({ method: 'GET', url: '/api/portfolio', headers: supporterSession });
    expect(portfolio.statusCode).toBe(200);
    expect((portfolio.json() as Portfolio).items.map((row) => row.projectId).sort()).toEqual(
      [...summary.projectIds].sort(),
    );
    const tasks = await app.inject({ method: 'GET', url: '/api/me/tasks', headers: supporterSession });
    expect(tasks.statusCode).toBe(200);
    const openProjects = await app.stegvis.db
      .selectFrom('projects')
      .select('id')
      .where('phase', '=', 'implementation')
      .execute();
    const taskProjects = new Set((tasks.json() as { items: MyTask[] }).items.map((task) => task.project.id));
    expect([...taskProjects].sort()).toEqual(openProjects.map((row) => row.id).sort());

    const leaderSession = await signIn(app, customerLeader);
    const project = await app.inject({
      method: 'GET',
      url: `/api/projects/${customerLeader.projectId}/activities`,
      headers: leaderSession,
    });
    expect(project.statusCode, project.body).toBe(200);
    expect(customerLeader.projectId).toBe(summary.sampleProjectId);
    const [from, to] = summary.sampleRevisionNumbers;
    const comparison = await app.inject({
      method: 'GET',
      url: `/api/projects/${customerLeader.projectId}/revisions/compare?from=${from}&to=${to}`,
      headers: leaderSession,
    });
    expect(comparison.statusCode, comparison.body).toBe(200);
  });

  it('makes the same data from the same seed, and other data from another', async () => {
    const first = await seeded();
    const again = await seeded();
    const other = await seeded(options.seed + 1);
    const names = async (app: FastifyInstance) => ({
      customers: (await app.stegvis.db.selectFrom('customers').select('name').orderBy('name').execute()).map(
        (row) => row.name,
      ),
      people: (await app.stegvis.db.selectFrom('people').select(['id', 'name']).orderBy('id').execute()).map(
        (row) => `${row.id} ${row.name}`,
      ),
    });

    expect(again.summary.counts).toEqual(first.summary.counts);
    // The customers' and projects' own ids come from the services; everything the seed makes is the same.
    const emails = (summary: ScaleSeedSummary) => Object.values(summary.logins).map((login) => login?.email);
    expect(emails(again.summary)).toEqual(emails(first.summary));
    expect(again.summary.logins.supporter.personId).toBe(first.summary.logins.supporter.personId);
    expect(await names(again.app)).toEqual(await names(first.app));
    expect((await names(other.app)).customers).not.toEqual((await names(first.app)).customers);
  });
});
