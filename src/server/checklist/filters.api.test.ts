import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Checklist } from '../../shared/checklist.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let now = new Date('2027-03-01T09:30:00.000Z');
const clock: Clock = { now: () => now };
let testApp: TestApp;
beforeEach(async () => {
  now = new Date('2027-03-01T09:30:00.000Z');
  testApp = await createTestApp({ clock });
});
afterEach(() => testApp.close());

const all = (checklist: Checklist): Activity[] => checklist.groups.flatMap((group) => group.activities);

/**
 * A project on 1 March 2027 whose activities are, by template key:
 * - bestallningsblankett (Beställare): overdue since 20 February
 * - avtalspaskrift (Beställare): due 25 February, done
 * - sakerhetslosningar (IT): due today
 * - import-register (IT): due 14 March, the last day of "soon"
 * - brandvaggar (IT): due 15 March, with another person named at the customer
 * - rubriker (Projektgrupp): the IT person named at the customer
 * and a customer person holding the IT role, who reads and ticks.
 */
async function projectWithDeadlines() {
  const admin = await loginAs(testApp.app);
  const project = await createProject(admin);
  const itPerson = await loginAsMember(testApp.app, {
    customerId: project.customer.id,
    projectId: project.id,
    roleKeys: ['it'],
  });
  const colleague = await createPerson(testApp.app, { customerId: project.customer.id, name: 'Kollega' });
  const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
  const byTitle = (start: string) => all(checklist).find((activity) => activity.title.startsWith(start)) as Activity;
  const activities = {
    overdue: byTitle('Beställningsblankett'),
    done: byTitle('Avtalspåskrift'),
    dueToday: byTitle('Kontakta'),
    lastSoonDay: byTitle('Export/import'),
    otherNamed: byTitle('Öppna upp brandväggar'),
    itNamed: byTitle('Diskutera och besluta om val av rubriker'),
  };
  const change = async (activity: Activity, body: object) => {
    const response = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: activity.version,
      ...body,
    });
    expect(response.statusCode).toBe(200);
  };
  await change(activities.overdue, { deadline: '2027-02-20' });
  await change(activities.done, { deadline: '2027-02-25', done: true });
  await change(activities.dueToday, { deadline: '2027-03-01' });
  await change(activities.lastSoonDay, { deadline: '2027-03-14' });
  await change(activities.otherNamed, { deadline: '2027-03-15', customerPersonId: colleague.id });
  await change(activities.itNamed, { customerPersonId: itPerson.personId });
  const ids = Object.fromEntries(Object.entries(activities).map(([name, activity]) => [activity.id, name]));
  return { admin, itPerson, project, total: all(checklist).length, ids };
}

async function listed(agent: Agent, projectId: string, query: string, ids: Record<string, string>) {
  const response = await agent.get(`/api/projects/${projectId}/activities?${query}`);
  expect(response.statusCode).toBe(200);
  const checklist: Checklist = response.json();
  return { checklist, names: all(checklist).map((activity) => ids[activity.id] ?? activity.groupKey) };
}

describe('checklist filters', () => {
  it('filters one way at a time', async () => {
    const { admin, itPerson, project, total, ids } = await projectWithDeadlines();
    const names = async (query: string, agent: Agent = admin) => (await listed(agent, project.id, query, ids)).names;

    expect(await names('filter=overdue')).toEqual(['overdue']);
    expect(await names('filter=soon')).toEqual(['dueToday', 'lastSoonDay']);
    expect(await names('filter=mine', itPerson)).toEqual(['itNamed', 'dueToday', 'lastSoonDay']);
    expect(await names('status=done')).toEqual(['done']);
    expect((await names('status=open')).includes('done')).toBe(false);
    expect(await names('group=integrationer')).toEqual(['integrationer', 'dueToday', 'lastSoonDay', 'otherNamed']);
    expect(await names('side=vendor')).toEqual(['uppstart', 'uppstart', 'leverans']);
    // All but the vendor's two in Uppstart; the delivery is on both sides.
    expect(await names('side=customer')).toHaveLength(total - 2);
  });

  it('combines filters: every one must hold', async () => {
    const { admin, itPerson, project, ids } = await projectWithDeadlines();
    const names = async (query: string, agent: Agent = admin) => (await listed(agent, project.id, query, ids)).names;

    expect(await names('filter=mine&group=integrationer', itPerson)).toEqual(['dueToday', 'lastSoonDay']);
    expect(await names('filter=soon&side=customer&status=open')).toEqual(['dueToday', 'lastSoonDay']);
    expect(await names('filter=overdue&group=leverans')).toEqual([]);
    expect(await names('status=done&side=vendor')).toEqual([]);
  });

  it('counts progress over all activities, whatever is listed', async () => {
    const { admin, project, total, ids } = await projectWithDeadlines();
    const { checklist } = await listed(admin, project.id, 'filter=overdue', ids);
    expect(checklist.progress).toMatchObject({ done: 1, total });
    expect(checklist.groups.map((group) => group.key)).toHaveLength(6);
    expect(checklist.groups[0].progress).toMatchObject({ done: 1, total: 10 });
    expect(checklist.groups[1].activities).toEqual([]);
    expect(checklist.groups[1].progress.total).toBe(4);
  });

  it("lists nothing as the vendor admin's own when the admin has no person", async () => {
    const { admin, project, ids } = await projectWithDeadlines();
    expect((await listed(admin, project.id, 'filter=mine', ids)).names).toEqual([]);
  });

  it('judges "today" in Sweden: half past midnight there is already the next day', async () => {
    now = new Date('2027-03-01T20:00:00.000Z');
    const { admin, project, ids } = await projectWithDeadlines();
    expect((await listed(admin, project.id, 'filter=overdue', ids)).names).toEqual(['overdue']);
    now = new Date('2027-03-01T23:30:00.000Z');
    expect((await listed(admin, project.id, 'filter=overdue', ids)).names).toEqual(['overdue', 'dueToday']);
  });

  it('refuses an unknown filter with 400', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const response = await admin.get(`/api/projects/${project.id}/activities?filter=everything`);
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['filter']);
  });
});
