import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Activity, Checklist } from '../../shared/checklist.js';
import type { Timeline } from '../../shared/timeline.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

const clock: Clock = { now: () => new Date('2027-03-01T09:30:00.000Z') };
let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

/** A project started 1 February 2027: key activities fall 1, 2, 6, 8 … weeks after. */
async function startedProject() {
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const response = await admin.post('/api/projects', { customerId: customer.id, startDate: '2027-02-01' });
  expect(response.statusCode).toBe(201);
  return { projectId: response.json().id as string, customerId: customer.id };
}

async function timelineOf(agent: Agent, projectId: string): Promise<Timeline['items']> {
  const response = await agent.get(`/api/projects/${projectId}/timeline`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function setDeadline(projectId: string, activity: Activity, body: object) {
  const response = await admin.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
    version: activity.version,
    ...body,
  });
  expect(response.statusCode).toBe(200);
}

describe('the timeline', () => {
  it('lists key activities and checklist deadlines by date, key activity first on the same day', async () => {
    const { projectId } = await startedProject();
    const checklist: Checklist = (await admin.get(`/api/projects/${projectId}/activities`)).json();
    const [first, second, third] = checklist.groups[0].activities;
    await setDeadline(projectId, first, { deadline: '2027-02-10' });
    await setDeadline(projectId, second, { deadline: '2027-02-20', done: true });
    await setDeadline(projectId, third, { deadline: '2027-03-15' });

    const items = await timelineOf(admin, projectId);
    expect(items.slice(0, 6).map((item) => [item.kind, item.date, item.title.slice(0, 28)])).toEqual([
      ['key', '2027-02-08', 'Projektmöte med Leverantören'],
      ['activity', '2027-02-10', first.title.slice(0, 28)],
      ['key', '2027-02-15', 'Projektgruppen påbörjar arbe'],
      ['activity', '2027-02-20', second.title.slice(0, 28)],
      ['key', '2027-03-15', 'Projektplanen klar och föran'],
      ['activity', '2027-03-15', third.title.slice(0, 28)],
    ]);
    const dates = items.map((item) => item.date as string);
    expect(dates).toEqual([...dates].sort());
    expect(items.filter((item) => item.kind === 'activity')).toHaveLength(3);
    expect(items[1]).toMatchObject({ done: false, overdue: true, groupTitle: 'Uppstart', version: 2 });
    expect(items[3]).toMatchObject({ done: true, overdue: false });
    expect(items[0]).toMatchObject({ done: true, overdue: false, version: 1 });
    expect(items[0]).not.toHaveProperty('groupTitle');
    expect(items[4]).toMatchObject({ done: false, overdue: false });
  });

  it('moves a key activity to another day, recorded in the project history', async () => {
    const { projectId } = await startedProject();
    const meeting = (await timelineOf(admin, projectId))[0];
    const url = `/api/projects/${projectId}/key-activities/${meeting.id}`;

    const moved = await admin.patch(url, { version: meeting.version, date: '2027-04-20' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: meeting.id, date: '2027-04-20', version: 2 });
    const items = await timelineOf(admin, projectId);
    expect(items.findIndex((item) => item.id === meeting.id)).toBeGreaterThan(0);
    const plan = (await admin.get(`/api/projects/${projectId}/plan`)).json();
    expect(plan.keyActivities.find((key: { id: string }) => key.id === meeting.id)?.date).toBe('2027-04-20');

    const history: AuditEvent[] = (await admin.get(`/api/projects/${projectId}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'key_activity.date_changed',
      entityId: meeting.id,
      summary: 'Flyttade ”Projektmöte med Leverantören” från 2027-02-08 till 2027-04-20',
      before: { date: '2027-02-08' },
      after: { date: '2027-04-20' },
    });

    const undated = await admin.patch(url, { version: 2, date: null });
    expect(undated.json().date).toBeNull();
    expect((await timelineOf(admin, projectId)).at(-1)).toMatchObject({ id: meeting.id, date: null, done: false });
  });

  it('refuses a stale version with 409, a reader with 403 and another project’s key activity with 404', async () => {
    const { projectId, customerId } = await startedProject();
    const meeting = (await timelineOf(admin, projectId))[0];
    const url = `/api/projects/${projectId}/key-activities/${meeting.id}`;
    expect((await admin.patch(url, { version: 1, date: '2027-02-09' })).statusCode).toBe(200);

    const stale = await admin.patch(url, { version: 1, date: '2027-02-10' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['rektor'] });
    expect((await timelineOf(reader, projectId)).length).toBeGreaterThan(0);
    expect((await reader.patch(url, { version: 2, date: '2027-02-10' })).statusCode).toBe(403);

    const other = await startedProject();
    const elsewhere = await admin.patch(`/api/projects/${other.projectId}/key-activities/${meeting.id}`, {
      version: 2,
      date: '2027-02-10',
    });
    expect(elsewhere.statusCode).toBe(404);
    expect((await timelineOf(admin, projectId))[0]).toMatchObject({ id: meeting.id, date: '2027-02-09', version: 2 });
  });
});
