import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Checklist, MyTask } from '../../shared/checklist.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

const clock: Clock = { now: () => new Date('2027-03-01T09:30:00.000Z') };
let queries: string[] = [];
let testApp: TestApp;
beforeEach(async () => {
  queries = [];
  testApp = await createTestApp({ clock, onQuery: (sql) => queries.push(sql) });
});
afterEach(() => testApp.close());

async function namedProject(admin: Agent, customerId: string, name: string) {
  const response = await admin.post('/api/projects', { customerId, name });
  expect(response.statusCode).toBe(201);
  const projectId: string = response.json().id;
  const checklist: Checklist = (await admin.get(`/api/projects/${projectId}/activities`)).json();
  const activities = checklist.groups.flatMap((group) => group.activities);
  const byTitle = (start: string) => activities.find((activity) => activity.title.startsWith(start)) as Activity;
  const change = async (start: string, body: object) => {
    const activity = byTitle(start);
    const saved = await admin.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
      version: activity.version,
      ...body,
    });
    expect(saved.statusCode).toBe(200);
  };
  return { id: projectId, byTitle, change };
}

const SECURITY = 'Kontakta';
const IMPORT = 'Export/import';
const FIREWALL = 'Öppna upp brandväggar';
const HEADINGS = 'Diskutera och besluta om val av rubriker';

async function tasksOf(agent: Agent): Promise<MyTask[]> {
  const response = await agent.get('/api/me/tasks');
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

describe('my tasks', () => {
  it('lists my open activities in all my projects, soonest deadline first, and nothing of another customer', async () => {
    const admin = await loginAs(testApp.app);
    const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
    const north = await namedProject(admin, customer.id, 'Norra skolområdet');
    const south = await namedProject(admin, customer.id, 'Södra skolområdet');
    const me = await loginAsMember(testApp.app, { customerId: customer.id, projectId: north.id, roleKeys: ['it'] });
    await assignRole(testApp.app, { projectId: south.id, personId: me.personId, roleKey: 'it' });
    const colleague = await createPerson(testApp.app, { customerId: customer.id });

    await north.change(FIREWALL, { deadline: '2027-02-20' });
    await north.change(SECURITY, { deadline: '2027-03-10' });
    await south.change(SECURITY, { deadline: '2027-03-05' });
    await south.change(FIREWALL, { deadline: '2027-02-01', done: true });
    await south.change(HEADINGS, { deadline: '2027-04-01', customerPersonId: me.personId });
    await south.change(IMPORT, { customerPersonId: colleague.id });

    // Another customer's project: its IT person's activities, and one naming me (written past the API).
    const otherCustomer = await createCustomer(admin, { name: 'Grannby kommun' });
    const elsewhere = await namedProject(admin, otherCustomer.id, 'Grannbys införande');
    await elsewhere.change(SECURITY, { deadline: '2027-03-02' });
    await loginAsMember(testApp.app, { customerId: otherCustomer.id, projectId: elsewhere.id, roleKeys: ['it'] });
    await testApp.app.stegvis.db
      .insertInto('activity_people')
      .values({ activity_id: elsewhere.byTitle(FIREWALL).id, side: 'customer', person_id: me.personId })
      .execute();

    const tasks = await tasksOf(me);
    expect(tasks.map((task) => [task.project.name, task.activity.id, task.overdue])).toEqual([
      ['Norra skolområdet', north.byTitle(FIREWALL).id, true],
      ['Södra skolområdet', south.byTitle(SECURITY).id, false],
      ['Norra skolområdet', north.byTitle(SECURITY).id, false],
      ['Södra skolområdet', south.byTitle(HEADINGS).id, false],
      ['Norra skolområdet', north.byTitle(IMPORT).id, false],
    ]);
    expect(tasks.every((task) => task.project.customerName === 'Åkerby kommun')).toBe(true);
    expect(tasks[0]).toMatchObject({
      project: { id: north.id },
      activity: { id: north.byTitle(FIREWALL).id, deadline: '2027-02-20', canTick: true },
    });
  });

  it('asks the database the same number of times however many projects there are', async () => {
    const admin = await loginAs(testApp.app);
    const customer = await createCustomer(admin);
    const first = await namedProject(admin, customer.id, 'Projekt 1');
    const me = await loginAsMember(testApp.app, { customerId: customer.id, projectId: first.id, roleKeys: ['it'] });
    await first.change(SECURITY, { dependsOn: [first.byTitle(IMPORT).id] });
    const count = async () => {
      queries.length = 0;
      const tasks = await tasksOf(me);
      return { queries: queries.length, tasks: tasks.length };
    };
    const withOne = await count();

    for (const name of ['Projekt 2', 'Projekt 3', 'Projekt 4']) {
      const project = await namedProject(admin, customer.id, name);
      await assignRole(testApp.app, { projectId: project.id, personId: me.personId, roleKey: 'it' });
      await project.change(SECURITY, { dependsOn: [project.byTitle(IMPORT).id] });
      // Colleagues holding roles and named on activities: rows the query passes over.
      const colleague = await createPerson(testApp.app, { customerId: customer.id });
      await assignRole(testApp.app, { projectId: project.id, personId: colleague.id, roleKey: 'rektor' });
      await project.change(HEADINGS, { customerPersonId: colleague.id });
    }
    // Another customer's projects, people and activities: none of them is a candidate.
    const otherCustomer = await createCustomer(admin);
    for (const name of ['Grannby 1', 'Grannby 2']) {
      const project = await namedProject(admin, otherCustomer.id, name);
      await loginAsMember(testApp.app, { customerId: otherCustomer.id, projectId: project.id, roleKeys: ['it'] });
    }
    const withFour = await count();
    expect(withFour.tasks).toBe(withOne.tasks * 4);
    expect(withFour.queries).toBe(withOne.queries);
    // session, candidate activities, roles held, what they wait for, attachment counts
    expect(withFour.queries).toBeLessThanOrEqual(5);
  });

  it('is empty for someone without a person, and refuses without a session', async () => {
    const admin = await loginAs(testApp.app);
    expect(await tasksOf(admin)).toEqual([]);
    expect((await testApp.app.inject({ method: 'GET', url: '/api/me/tasks' })).statusCode).toBe(401);
  });

  it('leaves out projects where my person is named but I may no longer read', async () => {
    const admin = await loginAs(testApp.app);
    const customer = await createCustomer(admin);
    const project = await namedProject(admin, customer.id, 'Avslutat samarbete');
    const me = await loginAsMember(testApp.app, { customerId: customer.id });
    await project.change(SECURITY, { customerPersonId: me.personId });
    expect(await tasksOf(me)).toEqual([]);
    await assignRole(testApp.app, { projectId: project.id, personId: me.personId, roleKey: 'rektor' });
    expect((await tasksOf(me)).map((task) => task.activity.id)).toEqual([project.byTitle(SECURITY).id]);
  });

  it('leaves out a closed project: nothing in it can be ticked any more', async () => {
    const admin = await loginAs(testApp.app);
    const customer = await createCustomer(admin);
    const open = await namedProject(admin, customer.id, 'Pågående');
    const closed = await namedProject(admin, customer.id, 'Avslutat');
    const me = await loginAsMember(testApp.app, { customerId: customer.id, projectId: open.id, roleKeys: ['it'] });
    await assignRole(testApp.app, { projectId: closed.id, personId: me.personId, roleKey: 'it' });
    const before = await tasksOf(me);
    expect(new Set(before.map((task) => task.project.name))).toEqual(new Set(['Pågående', 'Avslutat']));

    // What the Beställare's approval of the closure leaves behind (closure.api.test.ts).
    await testApp.app.stegvis.db
      .updateTable('projects')
      .set({ phase: 'operations' })
      .where('id', '=', closed.id)
      .execute();
    const after = await tasksOf(me);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((task) => task.project.name === 'Pågående' && task.activity.canTick)).toBe(true);
  });
});
