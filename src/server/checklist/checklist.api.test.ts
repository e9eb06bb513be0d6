import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Checklist, Comment } from '../../shared/checklist.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

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
    expect(all[0]).toMatchObject({
      description: '',
      templateTitle: null,
      customerPerson: null,
      vendorPerson: null,
      dependsOn: [],
      dueBeforeDependency: false,
      commentCount: 0,
    });
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

  it('reads the checklist with the same few queries however many activities, people and comments it has', async () => {
    const queries: string[] = [];
    await testApp.close();
    testApp = await createTestApp({ clock, onQuery: (sql) => queries.push(sql) });
    const { app } = testApp;
    const admin = await loginAs(app);
    const project = await createProject(admin);
    const customerId = project.customer.id;
    const member = await loginAsMember(app, { customerId, projectId: project.id, roleKeys: ['it'] });
    const url = `/api/projects/${project.id}/activities`;
    // Counted per viewer: the vendor admin and a role holder of the customer reach the project differently.
    const count = async () => {
      const counts: number[] = [];
      for (const agent of [admin, member]) {
        for (const path of [url, `${url}?filter=mine`]) {
          queries.length = 0;
          const response = await agent.get(path);
          expect(response.statusCode, response.body).toBe(200);
          counts.push(queries.length);
        }
      }
      return { counts, activities: allActivities(await checklistOf(admin, project.id)).length };
    };
    // The first read parses the template; every later one finds it parsed.
    await count();
    const small = await count();

    // More of everything the checklist shows: activities naming people and waiting for others,
    // comments, role holders (their confirmations are counted), and another project beside it.
    const before = allActivities(await checklistOf(admin, project.id));
    for (let index = 0; index < 12; index++) {
      const person = await createPerson(app, { customerId });
      await assignRole(app, { projectId: project.id, personId: person.id, roleKey: 'rektor' });
      const created = await admin.post(url, {
        groupKey: 'uppstart',
        title: `Extra aktivitet ${index + 1}`,
        customerRoleKeys: ['it'],
        customerPersonId: person.id,
        dependsOn: [before[index].id],
      });
      expect(created.statusCode, created.body).toBe(201);
      const comment = await admin.post(`${url}/${created.json().id}/comments`, { body: 'Klart på fredag?' });
      expect(comment.statusCode, comment.body).toBe(201);
    }
    await createProject(admin, customerId);
    const grown = await count();

    expect(grown.activities).toBe(small.activities + 12);
    expect(grown.counts).toEqual(small.counts);
    // session, project, activities, attachment counts, role holders' confirmations; a role holder's
    // roles for the access check, and once more for "mine"
    expect(Math.max(...grown.counts)).toBeLessThanOrEqual(7);
  });
});

const allActivities = (checklist: Checklist): Activity[] => checklist.groups.flatMap((group) => group.activities);

async function checklistOf(agent: Agent, projectId: string): Promise<Checklist> {
  const response = await agent.get(`/api/projects/${projectId}/activities`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function expectInHistory(agent: Agent, projectId: string, event: { action: string; summary: string }) {
  const history: { action: string; summary: string }[] = (await agent.get(`/api/projects/${projectId}/history`)).json()
    .items;
  expect(history).toContainEqual(expect.objectContaining(event));
}

describe('adding, changing, moving and removing activities', () => {
  it('adds an activity of the project’s own last in its group, with everything it can hold', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const customerPerson = await createPerson(testApp.app, { customerId: project.customer.id, name: 'Åsa Öberg' });
    const vendorPerson = await createPerson(testApp.app, { customerId: null, name: 'Björn Leverantör' });
    const before = await checklistOf(admin, project.id);
    const waitedFor = before.groups[1].activities[0];

    const created = await admin.post(`/api/projects/${project.id}/activities`, {
      groupKey: 'integrationer',
      title: 'Testa inloggningen från skolornas nätverk',
      description: 'Gäller även förskolorna.',
      customerRoleKeys: ['it'],
      vendorRoleKeys: ['integrationsansvarig'],
      customerPersonId: customerPerson.id,
      vendorPersonId: vendorPerson.id,
      deadline: '2027-04-01',
      dependsOn: [waitedFor.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      groupKey: 'integrationer',
      title: 'Testa inloggningen från skolornas nätverk',
      description: 'Gäller även förskolorna.',
      fromTemplate: false,
      templateTitle: null,
      customerResponsible: [{ key: 'it', title: 'IT-verksamhet' }],
      vendorResponsible: [{ key: 'integrationsansvarig', title: 'Integrationsansvarig' }],
      customerPerson: { id: customerPerson.id, name: 'Åsa Öberg' },
      vendorPerson: { id: vendorPerson.id, name: 'Björn Leverantör' },
      deadline: '2027-04-01',
      dependsOn: [{ id: waitedFor.id, title: waitedFor.title, deadline: null, done: false }],
      done: null,
      version: 1,
      commentCount: 0,
    });

    const after = await checklistOf(admin, project.id);
    const group = after.groups.find((candidate) => candidate.key === 'integrationer');
    expect(group?.activities.at(-1)?.id).toBe(created.json().id);
    expect(group?.progress.total).toBe(before.groups[1].progress.total + 1);
    expect(after.progress.total).toBe(before.progress.total + 1);
    await expectInHistory(admin, project.id, {
      action: 'activity.created',
      summary: 'Lade till aktiviteten ”Testa inloggningen från skolornas nätverk”',
    });
  });

  it('refuses an unknown group, unknown roles and people of the wrong side, field by field', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const otherCustomer = await createCustomer(admin);
    const stranger = await createPerson(testApp.app, { customerId: otherCustomer.id });
    const own = await createPerson(testApp.app, { customerId: project.customer.id });
    const url = `/api/projects/${project.id}/activities`;
    const fieldsOf = async (body: object) => {
      const response = await admin.post(url, { groupKey: 'uppstart', title: 'En ny aktivitet', ...body });
      expect(response.statusCode).toBe(400);
      return Object.keys(response.json().error.fields);
    };
    expect(await fieldsOf({ groupKey: 'finns-inte' })).toEqual(['groupKey']);
    expect(await fieldsOf({ title: 'x' })).toEqual(['title']);
    expect(await fieldsOf({ customerRoleKeys: ['leveransansvarig'] })).toEqual(['customerRoleKeys']);
    expect(await fieldsOf({ vendorRoleKeys: ['bestallare'] })).toEqual(['vendorRoleKeys']);
    expect(await fieldsOf({ customerPersonId: stranger.id })).toEqual(['customerPersonId']);
    expect(await fieldsOf({ vendorPersonId: own.id })).toEqual(['vendorPersonId']);
    const activity = firstActivity(await checklistOf(admin, project.id));
    const patched = await admin.patch(`${url}/${activity.id}`, { version: 1, customerPersonId: stranger.id });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.fields).toEqual({ customerPersonId: expect.any(String) });
    expect(firstActivity(await checklistOf(admin, project.id)).version).toBe(1);
  });

  it('rewrites a template activity and keeps the template’s wording beside it', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const activity = firstActivity(await checklistOf(admin, project.id));
    const url = `/api/projects/${project.id}/activities/${activity.id}`;
    const person = await createPerson(testApp.app, { customerId: project.customer.id, name: 'Örjan Ågren' });

    const changed = await admin.patch(url, {
      version: 1,
      title: 'Beställningsblanketten skickas senast vecka 12',
      description: 'Förvaltningschefen skriver under.',
      customerRoleKeys: ['bestallare', 'projektledare'],
      customerPersonId: person.id,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      title: 'Beställningsblanketten skickas senast vecka 12',
      templateTitle: activity.title,
      fromTemplate: true,
      description: 'Förvaltningschefen skriver under.',
      customerResponsible: [
        { key: 'bestallare', title: 'Beställare' },
        { key: 'projektledare', title: 'Projektledare' },
      ],
      customerPerson: { id: person.id, name: 'Örjan Ågren' },
      version: 2,
    });
    await expectInHistory(admin, project.id, {
      action: 'activity.updated',
      summary: 'Ändrade aktiviteten ”Beställningsblanketten skickas senast vecka 12”',
    });

    const restored = await admin.patch(url, { version: 2, title: activity.title, customerPersonId: null });
    expect(restored.json()).toMatchObject({ title: activity.title, templateTitle: null, customerPerson: null });
  });

  it('moves an activity within its group and to another, numbering the places anew', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const before = await checklistOf(admin, project.id);
    const [first, second, third] = before.groups[0].activities;
    const url = (id: string) => `/api/projects/${project.id}/activities/${id}/move`;

    const within = await admin.post(url(third.id), { version: third.version, groupKey: 'uppstart', index: 0 });
    expect(within.statusCode).toBe(200);
    const moved: Checklist = within.json();
    expect(moved.groups[0].activities.slice(0, 3).map((activity) => activity.id)).toEqual([
      third.id,
      first.id,
      second.id,
    ]);
    const positions = allActivities(moved).map((activity) => activity.position);
    expect(positions).toEqual(positions.map((_, index) => index));

    const across = await admin.post(url(first.id), { version: first.version, groupKey: 'leverans', index: 1 });
    expect(across.statusCode).toBe(200);
    const delivery = (across.json() as Checklist).groups.find((group) => group.key === 'leverans');
    expect(delivery?.activities[1]).toMatchObject({ id: first.id, groupKey: 'leverans', version: 2 });
    expect(delivery?.progress.total).toBe(4);
    // The others were only renumbered: their versions stand, so nobody editing them is refused.
    const others = allActivities(await checklistOf(admin, project.id)).filter(
      (activity) => activity.id !== first.id && activity.id !== third.id,
    );
    expect(others.every((activity) => activity.version === 1)).toBe(true);
    await expectInHistory(admin, project.id, {
      action: 'activity.moved',
      summary: `Flyttade ”${first.title}” till Leverans av systemet, plats 2`,
    });
  });

  it('removes an activity, and what waited for it no longer does', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const [first, second] = (await checklistOf(admin, project.id)).groups[0].activities;
    const waiting = await admin.patch(`/api/projects/${project.id}/activities/${second.id}`, {
      version: 1,
      dependsOn: [first.id],
    });
    expect(waiting.json().dependsOn).toHaveLength(1);

    const removed = await admin.delete(`/api/projects/${project.id}/activities/${first.id}?version=1`);
    expect(removed.statusCode).toBe(204);
    const after = await checklistOf(admin, project.id);
    expect(allActivities(after).some((activity) => activity.id === first.id)).toBe(false);
    expect(allActivities(after).find((activity) => activity.id === second.id)?.dependsOn).toEqual([]);
    await expectInHistory(admin, project.id, {
      action: 'activity.deleted',
      summary: `Tog bort aktiviteten ”${first.title}”`,
    });
    expect((await admin.delete(`/api/projects/${project.id}/activities/${first.id}?version=1`)).statusCode).toBe(404);
  });

  it('refuses edits, moves and removals based on a stale version with 409', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const activity = firstActivity(await checklistOf(admin, project.id));
    const url = `/api/projects/${project.id}/activities/${activity.id}`;
    expect((await admin.patch(url, { version: 1, title: 'Först sparad' })).statusCode).toBe(200);

    const stale = [
      await admin.patch(url, { version: 1, title: 'Sparad på gammal version' }),
      await admin.post(`${url}/move`, { version: 1, groupKey: 'leverans', index: 0 }),
      await admin.delete(`${url}?version=1`),
    ];
    expect(stale.map((response) => response.statusCode)).toEqual([409, 409, 409]);
    expect(stale.map((response) => response.json().error.code)).toEqual(Array(3).fill('VERSION_CONFLICT'));
    expect(firstActivity(await checklistOf(admin, project.id))).toMatchObject({
      title: 'Först sparad',
      groupKey: 'uppstart',
      version: 2,
    });
  });

  it('lets a reader tick the activities of their role, and nothing else, with 403', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const reader = await loginAsMember(testApp.app, {
      customerId: project.customer.id,
      projectId: project.id,
      roleKeys: ['it'],
    });
    const checklist = await checklistOf(reader, project.id);
    const itActivity = allActivities(checklist).find((activity) =>
      activity.customerResponsible.some((role) => role.key === 'it'),
    ) as Activity;
    const other = firstActivity(checklist);
    const url = (id: string) => `/api/projects/${project.id}/activities/${id}`;

    const ticked = await reader.patch(url(itActivity.id), { version: 1, done: true });
    expect(ticked.statusCode).toBe(200);
    await expectInHistory(admin, project.id, {
      action: 'activity.ticked',
      summary: `Bockade av ”${itActivity.title}”`,
    });

    const refused = [
      await reader.patch(url(other.id), { version: 1, done: true }),
      await reader.patch(url(itActivity.id), { version: 2, deadline: '2027-05-01' }),
      await reader.patch(url(itActivity.id), { version: 2, title: 'Min egen rubrik' }),
      await reader.post(`/api/projects/${project.id}/activities`, { groupKey: 'uppstart', title: 'Något nytt' }),
      await reader.post(`${url(other.id)}/move`, { version: 1, groupKey: 'leverans', index: 0 }),
      await reader.delete(`${url(other.id)}?version=1`),
    ];
    expect(refused.map((response) => response.statusCode)).toEqual(Array(6).fill(403));
    expect(allActivities(await checklistOf(admin, project.id))).toHaveLength(allActivities(checklist).length);
  });
});

describe('dependencies', () => {
  it('shows what an activity waits for and warns when it is due before that', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const [first, second, third] = (await checklistOf(admin, project.id)).groups[0].activities;
    const url = (id: string) => `/api/projects/${project.id}/activities/${id}`;
    await admin.patch(url(first.id), { version: 1, deadline: '2027-04-10' });
    await admin.patch(url(second.id), { version: 1, deadline: '2027-03-20' });

    const waiting = await admin.patch(url(third.id), {
      version: 1,
      deadline: '2027-04-01',
      dependsOn: [first.id, second.id, first.id],
    });
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toMatchObject({
      dependsOn: [
        { id: second.id, title: second.title, deadline: '2027-03-20', done: false },
        { id: first.id, title: first.title, deadline: '2027-04-10', done: false },
      ],
      dueBeforeDependency: true,
    });

    await admin.patch(url(third.id), { version: 2, deadline: '2027-04-15' });
    const listed = allActivities(await checklistOf(admin, project.id)).find((activity) => activity.id === third.id);
    expect(listed?.dueBeforeDependency).toBe(false);
    expect(listed?.dependsOn.map((dependency) => dependency.id)).toEqual([second.id, first.id]);
  });

  it('refuses waiting for itself, round a loop, or for another project’s activity', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const [first, second, third] = (await checklistOf(admin, project.id)).groups[0].activities;
    const url = (id: string) => `/api/projects/${project.id}/activities/${id}`;
    expect((await admin.patch(url(second.id), { version: 1, dependsOn: [first.id] })).statusCode).toBe(200);
    expect((await admin.patch(url(third.id), { version: 1, dependsOn: [second.id] })).statusCode).toBe(200);

    const itself = await admin.patch(url(first.id), { version: 1, dependsOn: [first.id] });
    const loop = await admin.patch(url(first.id), { version: 1, dependsOn: [third.id] });
    for (const response of [itself, loop]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/skulle vänta på sig själv/);
      expect(Object.keys(response.json().error.fields)).toEqual(['dependsOn']);
    }

    const otherProject = await createProject(admin);
    const foreign = firstActivity(await checklistOf(admin, otherProject.id));
    const elsewhere = await admin.patch(url(first.id), { version: 1, dependsOn: [foreign.id] });
    expect(elsewhere.statusCode).toBe(400);
    expect(Object.keys(elsewhere.json().error.fields)).toEqual(['dependsOn']);
    const created = await admin.post(`/api/projects/${project.id}/activities`, {
      groupKey: 'uppstart',
      title: 'Väntar på ett annat projekt',
      dependsOn: [foreign.id],
    });
    expect(created.statusCode).toBe(400);
    expect(firstActivity(await checklistOf(admin, project.id))).toMatchObject({ dependsOn: [], version: 1 });
  });
});

describe('comments', () => {
  it('lists comments oldest first under their authors’ names, counted on the activity', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const reader = await loginAsMember(testApp.app, {
      customerId: project.customer.id,
      projectId: project.id,
      roleKeys: ['rektor'],
    });
    const activity = firstActivity(await checklistOf(admin, project.id));
    const url = `/api/projects/${project.id}/activities/${activity.id}/comments`;

    const first = await reader.post(url, { body: '  Vi väntar på underskrift från förvaltningschefen.  ' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      author: { id: reader.userId, name: expect.stringMatching(/^Användare/) },
      body: 'Vi väntar på underskrift från förvaltningschefen.',
      createdAt: '2027-03-01T09:30:00.000Z',
    });
    now = new Date('2027-03-01T09:31:00.000Z');
    expect((await admin.post(url, { body: 'Påminner i morgon.' })).statusCode).toBe(201);

    const listed = await reader.get(url);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((comment: Comment) => [comment.author.id, comment.body])).toEqual([
      [reader.userId, 'Vi väntar på underskrift från förvaltningschefen.'],
      [admin.userId, 'Påminner i morgon.'],
    ]);
    expect(listed.json().mayComment).toBe(true);
    expect(firstActivity(await checklistOf(admin, project.id)).commentCount).toBe(2);
    await expectInHistory(admin, project.id, {
      action: 'activity.commented',
      summary: `Kommenterade ”${activity.title}”`,
    });

    expect((await admin.post(url, { body: '   ' })).statusCode).toBe(400);
    const otherProject = await createProject(admin);
    expect((await admin.get(`/api/projects/${otherProject.id}/activities/${activity.id}/comments`)).statusCode).toBe(
      404,
    );
  });
});
