import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Checklist } from '../../shared/checklist.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let now = new Date('2027-03-01T09:00:00Z');
const clock = { now: () => now };
let testApp: TestApp;
let admin: Agent & { userId: string };
beforeEach(async () => {
  now = new Date('2027-03-01T09:00:00Z');
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

async function createProject(customerId: string, name: string) {
  const response = await admin.post('/api/projects', { customerId, name, startDate: '2027-03-01' });
  expect(response.statusCode).toBe(201);
  const project: { id: string } = response.json();
  const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
  return { id: project.id, activities: checklist.groups.flatMap((group) => group.activities) };
}

async function changeActivity(projectId: string, activity: Activity, change: object) {
  const checklist: Checklist = (await admin.get(`/api/projects/${projectId}/activities`)).json();
  const current = checklist.groups.flatMap((group) => group.activities).find((item) => item.id === activity.id);
  const response = await admin.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
    version: current?.version,
    ...change,
  });
  expect(response.statusCode).toBe(200);
}

const keyActivitiesOf = (projectIds: string[]) =>
  testApp.app.stegvis.db
    .selectFrom('key_activities')
    .select(['id', 'date'])
    .where('project_id', 'in', projectIds)
    .where('date', 'is not', null)
    .orderBy('date')
    .orderBy('position')
    .execute();

/** Fetches a feed the way a calendar app does: no cookie, no CSRF token, just the address. */
const fetchFeed = (url: string) => testApp.app.inject({ method: 'GET', url: new URL(url).pathname });

function eventsIn(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        allDay: event.startDate.isDate,
        day: event.startDate.toString(),
        description: event.description,
        url: component.getFirstPropertyValue('url'),
      };
    }),
  };
}

const FEED_URL = /^http:\/\/localhost:3000\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

describe('a project’s calendar', () => {
  it('serves deadlines and key activities as all-day events behind a secret address, without a session', async () => {
    const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
    const project = await createProject(customer.id, 'Implementering Åkerby kommun');
    const [open, ticked] = project.activities;
    await changeActivity(project.id, open, { deadline: '2027-03-31' });
    await changeActivity(project.id, ticked, { deadline: '2027-03-15' });
    await changeActivity(project.id, ticked, { done: true });

    const created = await admin.post(`/api/projects/${project.id}/calendar-feed`);
    expect(created.statusCode).toBe(201);
    const { url } = created.json();
    const secret = FEED_URL.exec(url)?.[1] as string;
    expect(secret).toBeDefined();
    const stored = await testApp.app.stegvis.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(stored.map((feed) => [feed.id, feed.scope, feed.project_id, feed.user_id])).toEqual([
      [createHash('sha256').update(secret).digest('hex'), 'project', project.id, admin.userId],
    ]);

    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body).toContain('DTSTART;VALUE=DATE:20270331');
    const { name, events } = eventsIn(response.body);
    expect(name).toBe('Stegvis: Implementering Åkerby kommun');

    const deadlines = events.filter((event) => event.uid.startsWith('aktivitet-'));
    expect(deadlines).toEqual([
      {
        uid: `aktivitet-${ticked.id}@localhost:3000`,
        summary: `Klar: ${ticked.title}`,
        allDay: true,
        day: '2027-03-15',
        description: expect.stringMatching(/^Status: Klar \(avbockad 1 mars 2027 av Användare \d+\)\n/),
        url: `http://localhost:3000/projekt/${project.id}#aktivitet-${ticked.id}`,
      },
      {
        uid: `aktivitet-${open.id}@localhost:3000`,
        summary: open.title,
        allDay: true,
        day: '2027-03-31',
        description: 'Status: Inte klar\nProjekt: Implementering Åkerby kommun (Åkerby kommun)',
        url: `http://localhost:3000/projekt/${project.id}#aktivitet-${open.id}`,
      },
    ]);

    const keyActivities = await keyActivitiesOf([project.id]);
    expect(keyActivities.length).toBeGreaterThan(0);
    const keyEvents = events.filter((event) => event.uid.startsWith('nyckelaktivitet-'));
    expect(keyEvents.map((event) => [event.uid, event.day, event.allDay])).toEqual(
      keyActivities.map((keyActivity) => [`nyckelaktivitet-${keyActivity.id}@localhost:3000`, keyActivity.date, true]),
    );
    expect(keyEvents[0].url).toBe(`http://localhost:3000/projekt/${project.id}/plan`);

    // Overdue a month later, under the same UID.
    now = new Date('2027-04-01T09:00:00Z');
    const later = eventsIn((await fetchFeed(url)).body).events.find((event) => event.uid === deadlines[1].uid);
    expect(later?.description).toMatch(/^Status: Försenad: inte avbockad\n/);
  });

  it('gives each reader an address of their own: renewing it ends only their own old address', async () => {
    const customer = await createCustomer(admin);
    const project = await createProject(customer.id, 'Implementering');
    const principal = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['rektor'],
    });
    const adminFirst = (await admin.post(`/api/projects/${project.id}/calendar-feed`)).json().url;
    const principalFirst = (await principal.post(`/api/projects/${project.id}/calendar-feed`)).json().url;
    expect(principalFirst).not.toBe(adminFirst);

    const renewed = await principal.post(`/api/projects/${project.id}/calendar-feed`);
    expect(renewed.statusCode).toBe(201);
    const principalSecond = renewed.json().url;
    expect(principalSecond).not.toBe(principalFirst);

    const gone = await fetchFeed(principalFirst);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toMatch(/^Kalendern finns inte/);
    expect((await fetchFeed(principalSecond)).statusCode).toBe(200);
    // The colleague's subscription is untouched by the renewal.
    expect((await fetchFeed(adminFirst)).statusCode).toBe(200);
    expect((await fetchFeed('http://localhost:3000/api/calendar/gissning.ics')).statusCode).toBe(404);

    const history = (await admin.get(`/api/projects/${project.id}/history`)).json();
    const renewals = (history.items as { action: string }[]).filter((item) => item.action === 'calendar_feed.renewed');
    expect(renewals).toHaveLength(3);
  });

  it('answers 404 once the subscriber’s roles in the project are taken away, and again when given back', async () => {
    const customer = await createCustomer(admin);
    const project = await createProject(customer.id, 'Implementering');
    const principal = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['rektor'],
    });
    const url = (await principal.post(`/api/projects/${project.id}/calendar-feed`)).json().url;
    expect((await fetchFeed(url)).statusCode).toBe(200);

    const assignment = await testApp.app.stegvis.db
      .selectFrom('role_assignments')
      .select('id')
      .where('person_id', '=', principal.personId)
      .executeTakeFirstOrThrow();
    expect((await admin.delete(`/api/projects/${project.id}/roles/${assignment.id}`)).statusCode).toBe(204);
    const removed = await fetchFeed(url);
    expect(removed.statusCode).toBe(404);
    expect(removed.json().error.message).toMatch(/^Kalendern finns inte/);
    expect(removed.body).not.toContain('Implementering');

    await assignRole(testApp.app, { projectId: project.id, personId: principal.personId, roleKey: 'rektor' });
    expect((await fetchFeed(url)).statusCode).toBe(200);
  });
});

describe('a person’s calendar', () => {
  it('holds the deadlines they answer for across projects and the key activities of their projects', async () => {
    const { app } = testApp;
    const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
    const [first, second, other] = [
      await createProject(customer.id, 'Grundskolan'),
      await createProject(customer.id, 'Gymnasiet'),
      await createProject(customer.id, 'Förskolan'),
    ];
    const bo = await loginAsMember(app, { customerId: customer.id, projectId: first.id, roleKeys: ['bestallare'] });
    const boName = (
      await app.stegvis.db.selectFrom('people').select('name').where('id', '=', bo.personId).executeTakeFirstOrThrow()
    ).name;
    const someoneElse = await createPerson(app, { customerId: customer.id });
    const ordererOnly = (activity: Activity) =>
      activity.vendorResponsible.length === 0 &&
      activity.customerResponsible.map((role) => role.key).join() === 'bestallare';
    const [mine, namedToOther] = first.activities.filter(ordererOnly);
    const notMine = first.activities.find(
      (activity) => !activity.customerResponsible.some((r) => r.key === 'bestallare'),
    );
    const namedToBo = second.activities[5];
    // A reader of the second project too: a feed shows only the projects one may open.
    await assignRole(app, { projectId: second.id, personId: bo.personId, roleKey: 'rektor' });
    const elsewhere = other.activities.find(ordererOnly) as Activity;
    await app.stegvis.db
      .insertInto('activity_people')
      .values([
        { activity_id: namedToOther.id, side: 'customer', person_id: someoneElse.id },
        { activity_id: namedToBo.id, side: 'customer', person_id: bo.personId },
      ])
      .execute();
    for (const [projectId, activity] of [
      [first.id, mine],
      [first.id, namedToOther],
      [first.id, notMine as Activity],
      [second.id, namedToBo],
      [other.id, elsewhere],
    ] as const) {
      await changeActivity(projectId, activity, { deadline: '2027-03-31' });
    }

    const created = await bo.post('/api/me/calendar-feed');
    expect(created.statusCode).toBe(201);
    const { url } = created.json();
    expect(url).toMatch(FEED_URL);
    const { name, events } = eventsIn((await fetchFeed(url)).body);
    expect(name).toBe(`Stegvis: mina uppgifter (${boName})`);
    expect(
      events.filter((event) => event.uid.startsWith('aktivitet-')).map((event) => [event.summary, event.day]),
    ).toEqual([
      [`${mine.title} (Grundskolan)`, '2027-03-31'],
      [`${namedToBo.title} (Gymnasiet)`, '2027-03-31'],
    ]);
    const keyUids = events.filter((event) => event.uid.startsWith('nyckelaktivitet-')).map((event) => event.uid);
    const expectedKeys = await keyActivitiesOf([first.id, second.id]);
    expect(keyUids.sort()).toEqual(
      expectedKeys.map((keyActivity) => `nyckelaktivitet-${keyActivity.id}@localhost:3000`).sort(),
    );

    const renewed = (await bo.post('/api/me/calendar-feed')).json().url;
    expect((await fetchFeed(url)).statusCode).toBe(404);
    expect((await fetchFeed(renewed)).statusCode).toBe(200);
  });

  it('no longer shows a project whose roles were taken away, though the person is still named on its activities', async () => {
    const { app } = testApp;
    const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
    const [kept, left] = [
      await createProject(customer.id, 'Grundskolan'),
      await createProject(customer.id, 'Gymnasiet'),
    ];
    const bo = await loginAsMember(app, { customerId: customer.id, projectId: kept.id, roleKeys: ['bestallare'] });
    const inLeft = await assignRole(app, { projectId: left.id, personId: bo.personId, roleKey: 'bestallare' });
    const ordererOnly = (activity: Activity) =>
      activity.vendorResponsible.length === 0 &&
      activity.customerResponsible.map((role) => role.key).join() === 'bestallare';
    for (const project of [kept, left]) {
      await changeActivity(project.id, project.activities.find(ordererOnly) as Activity, { deadline: '2027-03-31' });
    }
    // Named on one of the project's activities: that alone gives no access to the project.
    const namedInLeft = left.activities.find((activity) => !ordererOnly(activity)) as Activity;
    await changeActivity(left.id, namedInLeft, { deadline: '2027-04-15' });
    await app.stegvis.db
      .insertInto('activity_people')
      .values({ activity_id: namedInLeft.id, side: 'customer', person_id: bo.personId })
      .execute();
    const url = (await bo.post('/api/me/calendar-feed')).json().url;
    const projectsIn = async () =>
      [
        ...new Set(
          eventsIn((await fetchFeed(url)).body).events.map(
            (event) => /\/projekt\/([^/#]+)/.exec(String(event.url))?.[1],
          ),
        ),
      ].sort();
    expect(await projectsIn()).toEqual([kept.id, left.id].sort());

    expect((await admin.delete(`/api/projects/${left.id}/roles/${inLeft.id}`)).statusCode).toBe(204);
    expect(await projectsIn()).toEqual([kept.id]);
    const body = (await fetchFeed(url)).body;
    expect(body).toContain('(Grundskolan)');
    expect(body).not.toContain('Gymnasiet');
  });

  it('is refused, in Swedish, to a login that is no person of the organisation', async () => {
    const response = await admin.post('/api/me/calendar-feed');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/^Ditt konto hör inte till någon person/);
    expect((await testApp.app.inject({ method: 'POST', url: '/api/me/calendar-feed' })).statusCode).toBe(401);
  });
});

describe('the calendar and reminder routes in the API documentation', () => {
  it('are described, with the feed as text/calendar', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const feed = document.paths['/api/calendar/{secret}.ics'].get;
    expect(feed.tags).toEqual(['Kalender']);
    expect(Object.keys(feed.responses['200'].content)).toEqual(['text/calendar']);
    for (const [path, method] of [
      ['/api/projects/{id}/calendar-feed', 'post'],
      ['/api/me/calendar-feed', 'post'],
      ['/api/me/reminders', 'get'],
      ['/api/me/reminders', 'put'],
    ]) {
      expect(document.paths[path][method].summary).toEqual(expect.any(String));
    }
  });
});
