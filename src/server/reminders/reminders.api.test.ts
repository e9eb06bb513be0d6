import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Checklist } from '../../shared/checklist.js';
import { buildApp } from '../app.js';
import { loadConfig, parseDatabaseUrl } from '../config/config.js';
import {
  type Agent,
  createTestApp,
  type FreshDatabase,
  freshDatabase,
  loginAs,
  type TestApp,
} from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { type ReceivedMail, type SmtpListener, startSmtp } from '../test-support/smtp.js';
import { runReminders } from './service.js';

let now = new Date();
const clock = { now: () => now };
/** Travels to 09:00 Swedish summer time on that day. */
const travelTo = (day: string) => {
  now = new Date(`${day}T07:00:00Z`);
};

let smtp: SmtpListener;
let testApp: TestApp;
let admin: Agent;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  travelTo('2027-03-25');
  smtp = await startSmtp();
  // Sessions long enough to last through the weeks a test travels.
  testApp = await createTestApp({ clock, env: { SMTP_URL: smtp.url, SESSION_TTL_HOURS: '2160' } });
  admin = await loginAs(testApp.app);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await testApp.close();
  await smtp.close();
});

const activitiesOf = async (agent: Agent, projectId: string): Promise<Activity[]> =>
  ((await agent.get(`/api/projects/${projectId}/activities`)).json() as Checklist).groups.flatMap(
    (group) => group.activities,
  );

/** Changes an activity through the checklist's own endpoint, on its current version. */
async function changeActivity(agent: Agent, projectId: string, activityId: string, change: object) {
  const current = (await activitiesOf(agent, projectId)).find((activity) => activity.id === activityId);
  const response = await agent.patch(`/api/projects/${projectId}/activities/${activityId}`, {
    version: current?.version,
    ...change,
  });
  expect(response.statusCode).toBe(200);
}

/**
 * A customer's project whose Beställare is Bo, with the orderer's activities found: those the
 * Beställare alone answers for.
 */
async function projectWithOrderer(app: FastifyInstance, agent: Agent) {
  const customer = await createCustomer(agent, { name: 'Åkerby kommun' });
  const project = await createProject(agent, customer.id);
  const bo = await createPerson(app, { customerId: customer.id, name: 'Bo Beställare', email: 'bo@akerby.se' });
  await assignRole(app, { projectId: project.id, personId: bo.id, roleKey: 'bestallare' });
  const activities = await activitiesOf(agent, project.id);
  const ordererOnly = activities.filter(
    (activity) =>
      activity.vendorResponsible.length === 0 &&
      activity.customerResponsible.map((role) => role.key).join() === 'bestallare',
  );
  expect(ordererOnly.length).toBeGreaterThanOrEqual(2);
  return { customer, project, bo, activities, ordererOnly };
}

const sent = () => smtp.received.map((mail) => [mail.to, mail.subject]);

/** A second app on a database of its own that tests share: a restart, or another instance. */
async function appOn(database: FreshDatabase): Promise<FastifyInstance> {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: smtp.url, SESSION_TTL_HOURS: '2160' }),
    database: parseDatabaseUrl(database.url),
    web: undefined,
  };
  const app = await buildApp(config, { clock });
  cleanups.push(() => app.close());
  return app;
}

async function sharedDatabase(): Promise<FreshDatabase> {
  const database = await freshDatabase({ sqliteFile: true });
  cleanups.push(() => database.drop());
  return database;
}

describe('reminders by e-mail', () => {
  it('reminds before the deadline, once it has passed and in the weekly digest, each once', async () => {
    const { app } = testApp;
    const { project, bo, ordererOnly } = await projectWithOrderer(app, admin);
    const [blankett] = ordererOnly;
    // Friday 2 April 2027.
    await changeActivity(admin, project.id, blankett.id, { deadline: '2027-04-02' });
    const link = `http://localhost:3000/projekt/${project.id}#aktivitet-${blankett.id}`;

    expect(await runReminders(app.stegvis)).toEqual({ ran: true, sent: 0, failed: 0 });

    travelTo('2027-03-30');
    expect(await runReminders(app.stegvis)).toEqual({ ran: true, sent: 1, failed: 0 });
    expect(sent()).toEqual([['bo@akerby.se', `Påminnelse: ${blankett.title} ska vara klar 2 april 2027`]]);
    const [dueSoon] = smtp.received;
    expect(dueSoon.text).toContain('Hej Bo Beställare!');
    expect(dueSoon.text).toContain(`i Implementering Åkerby kommun ska vara klar 2 april 2027, om 3 dagar.`);
    expect(dueSoon.text).toContain(link);
    expect(dueSoon.text).toContain('stänga av dem, under Mina uppgifter: http://localhost:3000/mina-uppgifter');
    expect(dueSoon.html).toContain(`href="${link}"`);

    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 0 });
    travelTo('2027-04-02');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 0 });

    travelTo('2027-04-03');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 1 });
    expect(sent()[1]).toEqual(['bo@akerby.se', `Försenad: ${blankett.title} skulle vara klar 2 april 2027`]);
    expect(smtp.received[1].text).toContain('skulle ha varit klar 2 april 2027 och är inte avbockad');

    // Monday: Bo's digest, with the overdue activity in it.
    travelTo('2027-04-05');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 1 });
    expect(sent()[2]).toEqual(['bo@akerby.se', 'Veckans uppgifter i Stegvis']);
    expect(smtp.received[2].text).toContain(
      `Försenade (1):\n• ${blankett.title} (Implementering Åkerby kommun) – 2 april 2027\n  ${link}`,
    );

    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 0 });
    travelTo('2027-04-08');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(3);

    const deliveries = await app.stegvis.db
      .selectFrom('reminder_deliveries')
      .select(['delivery_key', 'kind', 'sent_at'])
      .orderBy('created_at')
      .execute();
    expect(deliveries.map((delivery) => delivery.delivery_key)).toEqual([
      `due_soon:${blankett.id}:2027-04-02:${bo.id}`,
      `overdue:${blankett.id}:2027-04-02:${bo.id}`,
      `digest:${bo.id}:2027-W14`,
    ]);
    expect(deliveries.every((delivery) => delivery.sent_at !== null)).toBe(true);
  });

  it('sends nothing again after a restart on the same database', async () => {
    const database = await sharedDatabase();
    const first = await appOn(database);
    const firstAdmin = await loginAs(first);
    const { project, ordererOnly } = await projectWithOrderer(first, firstAdmin);
    for (const activity of ordererOnly)
      await changeActivity(firstAdmin, project.id, activity.id, { deadline: '2027-04-02' });
    travelTo('2027-03-31');
    expect(await runReminders(first.stegvis)).toMatchObject({ sent: ordererOnly.length });
    await first.close();

    const restarted = await appOn(database);
    expect(await runReminders(restarted.stegvis)).toEqual({ ran: true, sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(ordererOnly.length);
  });

  it('sends each reminder once when two instances run the job at the same time', async () => {
    const database = await sharedDatabase();
    const [one, two] = [await appOn(database), await appOn(database)];
    const oneAdmin = await loginAs(one);
    const { project, customer, ordererOnly } = await projectWithOrderer(one, oneAdmin);
    const second = await createPerson(one, { customerId: customer.id, name: 'Bea Beställare' });
    await assignRole(one, { projectId: project.id, personId: second.id, roleKey: 'bestallare' });
    for (const activity of ordererOnly)
      await changeActivity(oneAdmin, project.id, activity.id, { deadline: '2027-04-02' });
    travelTo('2027-03-31');

    const runs = await Promise.all([runReminders(one.stegvis), runReminders(two.stegvis)]);
    const expected = ordererOnly.length * 2;
    expect(runs[0].sent + runs[1].sent).toBe(expected);
    expect(smtp.received).toHaveLength(expected);
    expect(new Set(sent().map(([to, subject]) => `${to} ${subject}`)).size).toBe(expected);

    expect(await Promise.all([runReminders(one.stegvis), runReminders(two.stegvis)])).toEqual([
      expect.objectContaining({ sent: 0 }),
      expect.objectContaining({ sent: 0 }),
    ]);
  });

  it('lets one instance at a time hold the job’s lease, until it is released or expires', async () => {
    const { db } = testApp.app.stegvis;
    const stale = new Date(now.getTime() - 1000).toISOString();
    await db.insertInto('job_leases').values({ name: 'reminders', holder: 'other', expires_at: stale }).execute();
    expect(await runReminders(testApp.app.stegvis)).toMatchObject({ ran: true });

    const later = new Date(now.getTime() + 60_000).toISOString();
    await db.insertInto('job_leases').values({ name: 'reminders', holder: 'other', expires_at: later }).execute();
    expect(await runReminders(testApp.app.stegvis)).toEqual({ ran: false, sent: 0, failed: 0 });
    travelTo('2027-03-26');
    expect(await runReminders(testApp.app.stegvis)).toMatchObject({ ran: true });
  });

  it('never sends a reminder whose delivery a run claimed before it stopped (at most once)', async () => {
    const { app } = testApp;
    const { project, bo, ordererOnly } = await projectWithOrderer(app, admin);
    const [crashed, other] = ordererOnly;
    for (const activity of [crashed, other])
      await changeActivity(admin, project.id, activity.id, { deadline: '2027-04-02' });
    await app.stegvis.db
      .insertInto('reminder_deliveries')
      .values({
        id: '00000000-0000-4000-8000-000000000001',
        delivery_key: `due_soon:${crashed.id}:2027-04-02:${bo.id}`,
        kind: 'due_soon',
        person_id: bo.id,
        project_id: project.id,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .execute();
    travelTo('2027-03-31');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 1 });
    expect(sent()).toEqual([['bo@akerby.se', `Påminnelse: ${other.title} ska vara klar 2 april 2027`]]);
  });

  it('tries again on the next run when the mail server refused the mail', async () => {
    const { app } = testApp;
    const { project, ordererOnly } = await projectWithOrderer(app, admin);
    await changeActivity(admin, project.id, ordererOnly[0].id, { deadline: '2027-04-02' });
    travelTo('2027-03-31');
    smtp.control.refuse = true;
    expect(await runReminders(app.stegvis)).toEqual({ ran: true, sent: 0, failed: 1 });
    expect(smtp.received).toEqual([]);

    smtp.control.refuse = false;
    expect(await runReminders(app.stegvis)).toEqual({ ran: true, sent: 1, failed: 0 });
    expect(sent()).toEqual([['bo@akerby.se', `Påminnelse: ${ordererOnly[0].title} ska vara klar 2 april 2027`]]);
  });

  it('stops when the person turns reminders off, and follows the days before they chose', async () => {
    const { app } = testApp;
    const { project, customer, ordererOnly } = await projectWithOrderer(app, admin);
    const cecilia = await loginAsMember(app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['bestallare'],
    });
    const { email: ceciliaEmail } = await app.stegvis.db
      .selectFrom('people')
      .select('email')
      .where('id', '=', cecilia.personId)
      .executeTakeFirstOrThrow();
    const [first, second] = ordererOnly;
    await changeActivity(admin, project.id, first.id, { deadline: '2027-04-02' });
    await changeActivity(admin, project.id, second.id, { deadline: '2027-04-09' });

    const off = await cecilia.put('/api/me/reminders', { enabled: false, daysBefore: 3, digestWeekday: 1 });
    expect(off.statusCode).toBe(200);
    travelTo('2027-03-31');
    await runReminders(app.stegvis);
    expect(sent()).toEqual([['bo@akerby.se', `Påminnelse: ${first.title} ska vara klar 2 april 2027`]]);

    // Back on, ten days ahead: the second activity is reminded at once, the first too since it was never sent.
    expect(
      (await cecilia.put('/api/me/reminders', { enabled: true, daysBefore: 10, digestWeekday: 5 })).statusCode,
    ).toBe(200);
    await runReminders(app.stegvis);
    expect(sent().slice(1)).toEqual([
      [ceciliaEmail, `Påminnelse: ${first.title} ska vara klar 2 april 2027`],
      [ceciliaEmail, `Påminnelse: ${second.title} ska vara klar 9 april 2027`],
    ]);

    // Friday is her digest day; Monday no longer is.
    travelTo('2027-04-02');
    await runReminders(app.stegvis);
    expect(sent().filter(([to]) => to === ceciliaEmail)).toContainEqual([ceciliaEmail, 'Veckans uppgifter i Stegvis']);
  });

  it('reminds again of a moved deadline, and stops once the activity is ticked done', async () => {
    const { app } = testApp;
    const { project, ordererOnly } = await projectWithOrderer(app, admin);
    const [moved, ticked] = ordererOnly;
    await changeActivity(admin, project.id, moved.id, { deadline: '2027-04-02' });
    await changeActivity(admin, project.id, ticked.id, { deadline: '2027-04-02' });
    travelTo('2027-03-31');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 2 });

    await changeActivity(admin, project.id, moved.id, { deadline: '2027-04-16' });
    await changeActivity(admin, project.id, ticked.id, { done: true });
    travelTo('2027-04-03');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 0 });

    travelTo('2027-04-14');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 1 });
    expect(sent()[2]).toEqual(['bo@akerby.se', `Påminnelse: ${moved.title} ska vara klar 16 april 2027`]);
    travelTo('2027-04-17');
    expect(await runReminders(app.stegvis)).toMatchObject({ sent: 1 });
    expect(sent()[3]).toEqual(['bo@akerby.se', `Försenad: ${moved.title} skulle vara klar 16 april 2027`]);
  });

  it('reminds the person named on the activity instead of the role, and sums up the week for the Projektledare', async () => {
    const { app } = testApp;
    const { project, customer, ordererOnly, activities } = await projectWithOrderer(app, admin);
    const dana = await createPerson(app, { customerId: customer.id, name: 'Dana Ansvarig', email: 'dana@akerby.se' });
    const lena = await createPerson(app, { customerId: customer.id, name: 'Lena Ledare', email: 'lena@akerby.se' });
    await assignRole(app, { projectId: project.id, personId: lena.id, roleKey: 'projektledare' });
    const [named, late] = ordererOnly;
    await app.stegvis.db
      .insertInto('activity_people')
      .values({ activity_id: named.id, side: 'customer', person_id: dana.id })
      .execute();
    await changeActivity(admin, project.id, named.id, { deadline: '2027-04-07' });
    await changeActivity(admin, project.id, late.id, { deadline: '2027-04-01' });
    const done = activities.find((activity) => !ordererOnly.includes(activity)) as Activity;
    await changeActivity(admin, project.id, done.id, { done: true });

    // Monday 5 April, week 14.
    travelTo('2027-04-05');
    await runReminders(app.stegvis);
    const byRecipient = (to: string) => smtp.received.filter((mail) => mail.to === to).map((mail) => mail.subject);
    expect(byRecipient('dana@akerby.se')).toEqual([
      `Påminnelse: ${named.title} ska vara klar 7 april 2027`,
      'Veckans uppgifter i Stegvis',
    ]);
    expect(byRecipient('bo@akerby.se')).toEqual([
      `Försenad: ${late.title} skulle vara klar 1 april 2027`,
      'Veckans uppgifter i Stegvis',
    ]);
    expect(byRecipient('lena@akerby.se')).toEqual(['Veckosammanfattning: Implementering Åkerby kommun']);
    const summary = smtp.received.find((mail) => mail.to === 'lena@akerby.se') as ReceivedMail;
    expect(summary.text).toContain('Så går det för Implementering Åkerby kommun (Åkerby kommun) vecka 14.');
    expect(summary.text).toContain(`Framdrift: 1 av ${activities.length} aktiviteter klara (`);
    expect(summary.text).toContain(`Försenade (1):\n• ${late.title} – 1 april 2027`);
    expect(summary.text).toContain(`Ska vara klara den här veckan (1):\n• ${named.title} – 7 april 2027`);
    expect(summary.text).toContain(`http://localhost:3000/projekt/${project.id}`);
  });
  it('sends nothing for a closed project: no reminder, digest or weekly summary', async () => {
    const { app } = testApp;
    const { project, customer, ordererOnly } = await projectWithOrderer(app, admin);
    const lena = await createPerson(app, { customerId: customer.id, name: 'Lena Ledare', email: 'lena@akerby.se' });
    await assignRole(app, { projectId: project.id, personId: lena.id, roleKey: 'projektledare' });
    const [late] = ordererOnly;
    await changeActivity(admin, project.id, late.id, { deadline: '2027-04-01' });
    // What the Beställare's approval of the closure leaves behind (closure.api.test.ts).
    await app.stegvis.db.updateTable('projects').set({ phase: 'operations' }).where('id', '=', project.id).execute();

    // Monday 5 April: the activity is overdue, and it is the day of digests and summaries.
    travelTo('2027-04-05');
    expect(await runReminders(app.stegvis)).toEqual({ ran: true, sent: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
  });
});

describe('reminder preferences', () => {
  it('starts from the defaults and keeps what the person saves, recorded in the history', async () => {
    const { app } = testApp;
    const customer = await createCustomer(admin);
    const project = await createProject(admin, customer.id);
    const member = await loginAsMember(app, { customerId: customer.id, projectId: project.id, roleKeys: ['rektor'] });
    const initial = await member.get('/api/me/reminders');
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({ enabled: true, daysBefore: 3, digestWeekday: 1 });

    const saved = await member.put('/api/me/reminders', { enabled: true, daysBefore: 7, digestWeekday: 4 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ enabled: true, daysBefore: 7, digestWeekday: 4 });
    await member.put('/api/me/reminders', { enabled: false, daysBefore: 7, digestWeekday: 4 });
    expect((await member.get('/api/me/reminders')).json()).toEqual({ enabled: false, daysBefore: 7, digestWeekday: 4 });

    const audit = await app.stegvis.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'customer_id'])
      .where('entity_id', '=', member.personId)
      .orderBy('created_at')
      .execute();
    expect(audit.map((event) => event.action)).toEqual([
      'reminders.preferences_changed',
      'reminders.preferences_changed',
    ]);
    expect(audit[1].customer_id).toBe(customer.id);
  });

  it('refuses values out of range and a login without a person, in Swedish', async () => {
    const customer = await createCustomer(admin);
    const project = await createProject(admin, customer.id);
    const member = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['rektor'],
    });
    const tooEarly = await member.put('/api/me/reminders', { enabled: true, daysBefore: 61, digestWeekday: 1 });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.fields).toEqual({ daysBefore: 'Högst 60 dagar' });
    expect((await member.put('/api/me/reminders', { enabled: true, daysBefore: 3, digestWeekday: 8 })).statusCode).toBe(
      400,
    );

    for (const response of [
      await admin.get('/api/me/reminders'),
      await admin.put('/api/me/reminders', { enabled: false, daysBefore: 3, digestWeekday: 1 }),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/^Ditt konto hör inte till någon person/);
    }
    expect((await testApp.app.inject({ method: 'GET', url: '/api/me/reminders' })).statusCode).toBe(401);
  });
});
