import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcknowledgementOverview, MyRolesToConfirm } from '../../shared/acknowledgements.js';
import type { ClosureOverview } from '../../shared/closure.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { createSchool } from '../test-support/trainings.js';

const clock = { now: () => new Date('2027-03-03T09:00:00.000Z') };
let queries: string[] = [];
let testApp: TestApp;
let admin: Agent;

beforeEach(async () => {
  queries = [];
  testApp = await createTestApp({ clock, onQuery: (sql) => queries.push(sql) });
  admin = await loginAs(testApp.app);
});
afterEach(async () => {
  await testApp.close();
});

async function namedProject(customerId: string, name: string): Promise<string> {
  const response = await admin.post('/api/projects', { customerId, name });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function rolesToConfirm(agent: Agent): Promise<MyRolesToConfirm['projects']> {
  const response = await agent.get('/api/me/acknowledgements');
  expect(response.statusCode).toBe(200);
  return response.json().projects;
}

/** Confirms one of the viewer's roles through the project's own route, with the text Mina uppgifter gave. */
async function confirmFromMyTasks(agent: Agent, projectId: string, roleKey: string) {
  const project = (await rolesToConfirm(agent)).find((candidate) => candidate.project.id === projectId);
  const role = project?.roles.find((candidate) => candidate.roleKey === roleKey);
  if (!role) throw new Error(`nothing to confirm for ${roleKey}`);
  const response = await agent.post(`/api/projects/${projectId}/acknowledgements`, {
    roleKey,
    responsibility: role.responsibility,
  });
  expect(response.statusCode).toBe(200);
  return response.json() as AcknowledgementOverview;
}

describe('my roles to confirm across projects', () => {
  it('lists per project, by name, the roles whose text the viewer has not confirmed, each once', async () => {
    const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
    const north = await namedProject(customer.id, 'Norra införandet');
    const south = await namedProject(customer.id, 'Södra införandet');
    const school = await createSchool(admin, customer.id, { name: 'Björkskolan' });
    const second = await createSchool(admin, customer.id, { name: 'Ekskolan' });
    const me = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: south,
      roleKeys: ['projektledare'],
    });
    await assignRole(testApp.app, { projectId: south, personId: me.personId, roleKey: 'styrgrupp' });
    await assignRole(testApp.app, {
      projectId: north,
      personId: me.personId,
      roleKey: 'administrator',
      schoolId: school.id,
    });
    await assignRole(testApp.app, {
      projectId: north,
      personId: me.personId,
      roleKey: 'administrator',
      schoolId: second.id,
    });
    // Someone else's role is theirs to confirm.
    await loginAsMember(testApp.app, { customerId: customer.id, projectId: north, roleKeys: ['bestallare'] });

    const projects = await rolesToConfirm(me);
    expect(
      projects.map(({ project, roles }) => [project.name, project.customerName, roles.map((role) => role.roleKey)]),
    ).toEqual([
      ['Norra införandet', 'Åkerby kommun', ['administrator']],
      ['Södra införandet', 'Åkerby kommun', ['styrgrupp', 'projektledare']],
    ]);
    expect(projects[1].roles[1]).toEqual({
      roleKey: 'projektledare',
      roleTitle: 'Projektledare',
      responsibility: expect.stringContaining('Projektledare har det övergripande ansvaret'),
      state: 'missing',
    });

    // The text given here is the one the project's confirmation takes.
    const overview = await confirmFromMyTasks(me, south, 'projektledare');
    expect(overview.mine.map((role) => role.roleKey)).toEqual(['styrgrupp']);
    await confirmFromMyTasks(me, north, 'administrator');
    expect(
      (await rolesToConfirm(me)).map(({ project, roles }) => [project.name, roles.map((role) => role.roleKey)]),
    ).toEqual([['Södra införandet', ['styrgrupp']]]);
  });

  it('asks again for a role whose text changed since it was confirmed', async () => {
    const customer = await createCustomer(admin);
    const projectId = await namedProject(customer.id, 'Införandet');
    const me = await loginAsMember(testApp.app, { customerId: customer.id, projectId, roleKeys: ['styrgrupp'] });
    await confirmFromMyTasks(me, projectId, 'styrgrupp');
    expect(await rolesToConfirm(me)).toEqual([]);

    const newText = 'Styrgruppen fastställer mål och direktiv och beslutar om ändringar av resultat, tid och budget.';
    const changed = await admin.put(`/api/projects/${projectId}/role-texts/styrgrupp`, {
      responsibility: newText,
      version: 0,
    });
    expect(changed.statusCode).toBe(200);
    expect(await rolesToConfirm(me)).toEqual([
      {
        project: { id: projectId, name: 'Införandet', customerName: customer.name },
        roles: [{ roleKey: 'styrgrupp', roleTitle: 'Styrgrupp', responsibility: newText, state: 'outdated' }],
      },
    ]);
  });

  it('leaves out a project once its closure is approved', async () => {
    const customer = await createCustomer(admin);
    const projectId = await namedProject(customer.id, 'Införandet');
    const orderer = await loginAsMember(testApp.app, { customerId: customer.id, projectId, roleKeys: ['bestallare'] });
    expect((await rolesToConfirm(orderer)).map(({ project }) => project.id)).toEqual([projectId]);

    const closure: ClosureOverview = (await orderer.get(`/api/projects/${projectId}/closure`)).json();
    const approved = await orderer.post(`/api/projects/${projectId}/closure`, { openItemsSeen: closure.openCount });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await rolesToConfirm(orderer)).toEqual([]);
  });

  it('asks the database the same number of times however many projects there are', async () => {
    const customer = await createCustomer(admin);
    const first = await namedProject(customer.id, 'Projekt 1');
    const me = await loginAsMember(testApp.app, { customerId: customer.id, projectId: first, roleKeys: ['it'] });
    const count = async () => {
      await rolesToConfirm(me);
      queries.length = 0;
      const projects = await rolesToConfirm(me);
      return { queries: queries.length, projects: projects.length };
    };
    const withOne = await count();
    for (const name of ['Projekt 2', 'Projekt 3', 'Projekt 4']) {
      const projectId = await namedProject(customer.id, name);
      await assignRole(testApp.app, { projectId, personId: me.personId, roleKey: 'it' });
    }
    const withFour = await count();
    expect(withFour).toEqual({ queries: withOne.queries, projects: 4 });
    // session, the holdings with their projects, the vendor's name
    expect(withFour.queries).toBeLessThanOrEqual(3);
  });

  it('is empty for someone without a person, and refuses without a session', async () => {
    expect(await rolesToConfirm(admin)).toEqual([]);
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/me/acknowledgements' });
    expect(anonymous.statusCode).toBe(401);
  });
});
