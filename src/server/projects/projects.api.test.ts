import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDefaultTemplateFile } from '../templates/service.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject, savePlanSection } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(() => testApp.close());

describe('projects', () => {
  it('creates a project from the default template with every checklist activity of it', async () => {
    const admin = await loginAs(testApp.app);
    const customer = await createCustomer(admin, { name: 'Uppsala kommun' });

    const created = await admin.post('/api/projects', { customerId: customer.id, startDate: '2027-01-11' });
    expect(created.statusCode).toBe(201);
    const project = created.json();
    expect(project).toMatchObject({
      name: 'Implementering Uppsala kommun',
      customer: { id: customer.id, name: 'Uppsala kommun' },
      phase: 'implementation',
      startDate: '2027-01-11',
      template: { key: 'standard', version: readDefaultTemplateFile().version },
    });

    const template = readDefaultTemplateFile();
    const templateActivities = template.content.checklistGroups.flatMap((group) => group.activities);
    expect(project.progress).toEqual({ done: 0, total: templateActivities.length, percent: 0 });

    const listed = await admin.get(`/api/projects?customerId=${customer.id}`);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([project.id]);
    expect((await admin.get(`/api/projects/${project.id}`)).json().id).toBe(project.id);
  });

  it('refuses a project for an unknown customer and a malformed body with field errors', async () => {
    const admin = await loginAs(testApp.app);
    const unknown = await admin.post('/api/projects', { customerId: '0b9d3c1e-9a55-4a4e-8a0e-5a8a3c3f0f00' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');

    const malformed = await admin.post('/api/projects', { customerId: 'nej', startDate: '2027-02-30' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(malformed.json().error.fields).sort()).toEqual(['customerId', 'startDate']);
  });

  it('answers 404 for an unknown project id and 401 without a session', async () => {
    const admin = await loginAs(testApp.app);
    const response = await admin.get('/api/projects/0b9d3c1e-9a55-4a4e-8a0e-5a8a3c3f0f00');
    expect(response.statusCode).toBe(404);
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/projects' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lets only the vendor admin create projects', async () => {
    const admin = await loginAs(testApp.app);
    const customer = await createCustomer(admin);
    const staff = await loginAs(testApp.app, 'vendor_staff');
    const response = await staff.post('/api/projects', { customerId: customer.id });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    await createProject(admin, customer.id);
    // Vendor staff see the projects where they hold a vendor role, and this one holds none.
    expect((await staff.get('/api/projects')).json().items).toEqual([]);
  });

  it('reads a project with the same few queries however many revisions, people and projects there are', async () => {
    const queries: string[] = [];
    await testApp.close();
    testApp = await createTestApp({ onQuery: (sql) => queries.push(sql) });
    const { app } = testApp;
    const admin = await loginAs(app);
    const customer = await createCustomer(admin);
    const project = await createProject(admin, customer.id);
    const writer = await loginAsMember(app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['projektledare'],
    });
    // Counted for the vendor admin and for the customer's Projektledare, who reach the project differently.
    const count = async () => {
      const counts: number[] = [];
      for (const agent of [admin, writer]) {
        queries.length = 0;
        const response = await agent.get(`/api/projects/${project.id}`);
        expect(response.statusCode, response.body).toBe(200);
        counts.push(queries.length);
      }
      return counts;
    };
    // The first read parses the template; every later one finds it parsed.
    await count();
    const small = await count();

    // Revisions sent (their unread marks are counted), role holders and other projects of the customer.
    for (let index = 1; index <= 3; index++) {
      await savePlanSection(writer, project.id, 'bakgrund', { syfte: `Syftet, version ${index}` });
      const revision = await writer.post(`/api/projects/${project.id}/revisions`, { message: `Version ${index}` });
      expect(revision.statusCode, revision.body).toBe(201);
      const person = await createPerson(app, { customerId: customer.id });
      await assignRole(app, { projectId: project.id, personId: person.id, roleKey: 'rektor' });
      await createProject(admin, customer.id);
    }
    const grown = await count();

    expect((await admin.get(`/api/projects/${project.id}`)).json().unreadRevisions).toBe(3);
    expect(grown).toEqual(small);
    // session, project access (+ the Projektledare's roles), project, template, unread revisions, vendor name
    expect(Math.max(...grown)).toBeLessThanOrEqual(7);
  });
});
