import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

/**
 * Walks every route the app registered, not a hand-kept list: a route under a project, a customer
 * or a person must answer 401 without a session and 404 to someone of another customer, and any
 * other route must be named below as deliberately not customer-scoped.
 */
const SCOPED = /^\/api\/(projects\/:id|customers\/:customerId|people\/:personId)(\/|$)/;
const NOT_CUSTOMER_SCOPED = [
  /^\/api\/health$/,
  // Readiness and metrics for the operations team: no customer data (health.api.test.ts, metrics.api.test.ts).
  /^\/api\/ready$/,
  /^\/metrics$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/docs/,
  /^\/api\/auth\//,
  /^\/api\/setup$/,
  /^\/api\/templates(\/:id)?$/,
  /^\/api\/customers$/,
  /^\/api\/projects$/,
  /^\/api\/vendor\/people$/,
  // The vendor's portfolio: refused to customers, each vendor person's projects chosen by their roles (portfolio.api.test.ts).
  /^\/api\/portfolio$/,
  // The viewer's own tasks across projects, each project checked for access (my-tasks.api.test.ts).
  /^\/api\/me\/tasks$/,
  // The viewer's own roles to confirm across projects, each project checked for access (my-roles.api.test.ts).
  /^\/api\/me\/acknowledgements$/,
  // The signed-in user's own reminders and calendar address.
  /^\/api\/me\/(reminders|calendar-feed)$/,
  // One's own second factors, and the vendor's policy for them, the vendor admin's (two-factor.api.test.ts, route-matrix.api.test.ts).
  /^\/api\/two-factor(\/.*)?$/,
  // The organisations' sign-in providers: the vendor admin's alone (sso.api.test.ts).
  /^\/api\/sso\/providers(\/:id(\/check)?)?$/,
  // A calendar feed answers to its secret address alone, without a session.
  /^\/api\/calendar\/:secret\.ics$/,
  // Pages and assets of the web app, served when it is built.
  /^\/$/,
  /^\/[^/]*\.(html|js|css|png|svg|ico)$/,
  /^\/assets\//,
];

let testApp: TestApp;
let ids: Record<string, string>;
let outsider: Agent;

beforeAll(async () => {
  testApp = await createTestApp();
  const admin = await loginAs(testApp.app);
  const customerA = await createCustomer(admin, { name: 'Kommun A' });
  const projectA = await createProject(admin, customerA.id);
  const school = (
    await admin.post(`/api/customers/${customerA.id}/schools`, { name: 'Ekskolan', schoolForms: ['grundskola'] })
  ).json();
  const person = (
    await admin.post(`/api/customers/${customerA.id}/people`, { name: 'Anna A', email: 'anna@a.se' })
  ).json();
  const assignment = (
    await admin.post(`/api/projects/${projectA.id}/roles`, { roleKey: 'projektledare', personId: person.id })
  ).json();
  const checklist: Checklist = (await admin.get(`/api/projects/${projectA.id}/activities`)).json();
  ids = {
    id: projectA.id,
    customerId: customerA.id,
    schoolId: school.id,
    personId: person.id,
    activityId: checklist.groups[0].activities[0].id,
    assignmentId: assignment.assignmentId,
  };

  const customerB = await createCustomer(admin, { name: 'Kommun B' });
  const projectB = await createProject(admin, customerB.id);
  outsider = await loginAsMember(testApp.app, {
    customerId: customerB.id,
    projectId: projectB.id,
    roleKeys: ['bestallare', 'projektledare'],
  });
});
afterAll(() => testApp.close());

const fill = (url: string) =>
  url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000');

const scopedRoutes = () => testApp.app.routeTable.filter((route) => route.method !== 'HEAD' && SCOPED.test(route.url));

describe('isolation between customers', () => {
  it('knows every route: each is customer-scoped or deliberately not', () => {
    const unexplained = testApp.app.routeTable
      .filter((route) => !SCOPED.test(route.url) && !NOT_CUSTOMER_SCOPED.some((pattern) => pattern.test(route.url)))
      .map((route) => `${route.method} ${route.url}`);
    expect(unexplained).toEqual([]);
    const scoped = scopedRoutes().map((route) => `${route.method} ${route.url}`);
    for (const known of [
      'GET /api/projects/:id',
      'GET /api/projects/:id/activities',
      'PATCH /api/projects/:id/activities/:activityId',
      'GET /api/projects/:id/organisation',
      'POST /api/projects/:id/roles',
      'DELETE /api/projects/:id/roles/:assignmentId',
      'GET /api/projects/:id/history',
      'GET /api/customers/:customerId/schools',
      'PATCH /api/customers/:customerId/people/:personId',
    ]) {
      expect(scoped).toContain(known);
    }
  });

  it('answers 404 on every scoped route to a user of another customer, and changes nothing', async () => {
    const answers = [];
    for (const route of scopedRoutes()) {
      const response = await outsider.request({ method: route.method as 'GET', url: fill(route.url), payload: {} });
      answers.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('→ 404'))).toEqual([]);
    const admin = await loginAs(testApp.app);
    const organisation = (await admin.get(`/api/projects/${ids.id}/organisation`)).json();
    const projectLeader = organisation.customerRoles.find((role: { key: string }) => role.key === 'projektledare');
    expect(projectLeader.holders.map((holder: { person: { name: string } }) => holder.person.name)).toEqual(['Anna A']);
  });

  it('answers 401 on every scoped route without a session', async () => {
    const answers = [];
    for (const route of scopedRoutes()) {
      const response = await testApp.app.inject({ method: route.method as 'GET', url: fill(route.url), payload: {} });
      answers.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('→ 401'))).toEqual([]);
  });

  it('lists only the own customer’s projects, and no customers at all, to a customer user', async () => {
    const projects = (await outsider.get('/api/projects')).json().items;
    expect(projects.map((project: { customer: { name: string } }) => project.customer.name)).toEqual(['Kommun B']);
    expect((await outsider.get('/api/customers')).statusCode).toBe(403);
  });
});
