import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Checklist } from '../../shared/checklist.js';
import type { Clock } from '../core/clock.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createProject } from '../test-support/factories.js';

let now = new Date('2027-03-01T09:30:00.000Z');
const clock: Clock = { now: () => now };
let testApp: TestApp;
beforeEach(async () => {
  now = new Date('2027-03-01T09:30:00.000Z');
  testApp = await createTestApp({ clock });
});
afterEach(() => testApp.close());

const firstActivity = (checklist: Checklist): Activity => checklist.groups[0].activities[0];

describe('checklist', () => {
  it('is grouped as in the template with default responsible roles on both sides', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const response = await admin.get(`/api/projects/${project.id}/activities`);
    expect(response.statusCode).toBe(200);
    const checklist: Checklist = response.json();
    expect(checklist.groups.map((group) => group.title)).toEqual([
      'Uppstart',
      'Integrationer, importer och övriga inställningar',
      'Utbildningar',
      'Kommunikation',
      'Leverans av systemet',
      'Nästa steg',
    ]);
    const all = checklist.groups.flatMap((group) => group.activities);
    const delivery = all.find((activity) => activity.title.startsWith('Leverantören levererar systemet'));
    expect(delivery?.customerResponsible.map((role) => role.title)).toEqual(['Beställare']);
    expect(delivery?.vendorResponsible.map((role) => role.title)).toEqual(['Leveransansvarig']);
    expect(all.every((activity) => activity.fromTemplate && activity.done === null && activity.deadline === null)).toBe(
      true,
    );
    expect(all.some((activity) => activity.title.includes('{vendor}'))).toBe(false);
  });

  it('records who ticked an activity and when, and the tick survives a new request', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const activity = firstActivity((await admin.get(`/api/projects/${project.id}/activities`)).json());

    const ticked = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: activity.version,
      done: true,
    });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json().done).toEqual({
      at: '2027-03-01T09:30:00.000Z',
      by: { id: admin.userId, name: expect.any(String) },
    });

    const reloaded: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
    expect(firstActivity(reloaded).done?.by.id).toBe(admin.userId);
    expect(reloaded.groups[0].progress.done).toBe(1);
    expect(reloaded.groups[1].progress.done).toBe(0);
    expect(reloaded.progress.done).toBe(1);
    expect((await admin.get(`/api/projects/${project.id}`)).json().progress.done).toBe(1);

    const unticked = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: ticked.json().version,
      done: false,
    });
    expect(unticked.json().done).toBeNull();
  });

  it('sets and clears a deadline', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const activity = firstActivity((await admin.get(`/api/projects/${project.id}/activities`)).json());
    const set = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: 1,
      deadline: '2027-04-15',
    });
    expect(set.json()).toMatchObject({ deadline: '2027-04-15', version: 2 });
    const cleared = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: 2,
      deadline: null,
    });
    expect(cleared.json()).toMatchObject({ deadline: null, version: 3 });
  });

  it('refuses a save based on a stale version with 409 and keeps the first save', async () => {
    const admin = await loginAs(testApp.app);
    const colleague = await loginAs(testApp.app);
    const project = await createProject(admin);
    const activity = firstActivity((await admin.get(`/api/projects/${project.id}/activities`)).json());
    const url = `/api/projects/${project.id}/activities/${activity.id}`;

    expect((await admin.patch(url, { version: activity.version, deadline: '2027-05-01' })).statusCode).toBe(200);
    const stale = await colleague.patch(url, { version: activity.version, done: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const current = firstActivity((await admin.get(`/api/projects/${project.id}/activities`)).json());
    expect(current).toMatchObject({ deadline: '2027-05-01', done: null, version: 2 });
  });

  it('rejects malformed changes field by field and unknown activities with 404', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const activity = firstActivity((await admin.get(`/api/projects/${project.id}/activities`)).json());
    const bad = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: 0,
      deadline: '15/4',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['deadline', 'version']);

    const nothing = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, { version: 1 });
    expect(nothing.statusCode).toBe(400);

    const otherProject = await createProject(admin);
    const elsewhere = await admin.patch(`/api/projects/${otherProject.id}/activities/${activity.id}`, {
      version: 1,
      done: true,
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('reads the checklist with a bounded number of queries, whatever its size', async () => {
    const queries: string[] = [];
    await testApp.close();
    testApp = await createTestApp({ clock, onQuery: (sql) => queries.push(sql) });
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    await admin.get(`/api/projects/${project.id}/activities`);
    queries.length = 0;
    await admin.get(`/api/projects/${project.id}/activities`);
    // session, project access, activities
    expect(queries.length).toBeLessThanOrEqual(3);
  });
});
