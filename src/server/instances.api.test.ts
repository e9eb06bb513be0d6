/**
 * Several instances of Stegvis on one database, as docs/operations.md promises for PostgreSQL: two
 * apps built with the same configuration, started at the same time and driven at once. The test
 * crosses domains (the migrator, sessions, the checklist's versions, the reminder job's lease), so it
 * sits beside app.ts rather than in one of them.
 *
 * On SQLite both apps share one database file (WAL, busy_timeout), a stand-in for two processes with
 * two limits, each explained where it applies: the start (no migration lock on SQLite) and the
 * overlap of write transactions.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Checklist } from '../shared/checklist.js';
import { buildApp } from './app.js';
import { createUser } from './auth/service.js';
import { type AppConfig, loadConfig, parseDatabaseUrl } from './config/config.js';
import { runReminders } from './reminders/service.js';
import { Agent, type FreshDatabase, freshDatabase, testDatabaseKind } from './test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from './test-support/factories.js';
import { type SmtpListener, startSmtp } from './test-support/smtp.js';

// Wednesday 31 March 2027, 09:00 in Sweden: a deadline on Friday 2 April is due soon (three days
// by default) and no weekly digest is due, so each due reminder is one known mail.
const clock = { now: () => new Date('2027-03-31T07:00:00Z') };
const DEADLINE = '2027-04-02';

let smtp: SmtpListener;
let database: FreshDatabase;
let one: FastifyInstance;
let two: FastifyInstance;

beforeEach(async () => {
  smtp = await startSmtp();
  // A file on SQLite, so that both apps open the same database rather than an in-memory one each.
  database = await freshDatabase({ sqliteFile: true });
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: smtp.url, REMINDER_INTERVAL_SECONDS: '0' }),
    database: parseDatabaseUrl(database.url),
    web: undefined,
  };
  if (testDatabaseKind === 'postgres') {
    // Both migrate the empty database and seed the settings and default template at the same time:
    // the migrator's lock (an advisory lock) makes one wait for the other.
    [one, two] = await Promise.all([buildApp(config, { clock }), buildApp(config, { clock })]);
  } else {
    // Kysely takes no migration lock on SQLite (it expects one connection), so two apps starting
    // at once on one file both create the first tables and one fails. SQLite is for one instance
    // (docs/operations.md); here the second starts on the migrated file, as after a restart.
    one = await buildApp(config, { clock });
    two = await buildApp(config, { clock });
  }
});

afterEach(async () => {
  await Promise.allSettled([one?.close(), two?.close()]);
  await database.drop();
  await smtp.close();
});

/** Logs a new vendor admin in on `app`, and gives back the same browser on each instance. */
async function loginOn(app: FastifyInstance, other: FastifyInstance) {
  const email = `instans-${randomBytes(3).toString('hex')}@exempel.se`;
  const password = 'ett-langt-losenord';
  await createUser(app.stegvis, { email, password, name: 'Ines Instans', role: 'vendor_admin' });
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie, csrfToken, on: new Agent(app, cookie, csrfToken), onOther: new Agent(other, cookie, csrfToken) };
}

const activitiesOf = async (agent: Agent, projectId: string): Promise<Activity[]> => {
  const response = await agent.get(`/api/projects/${projectId}/activities`);
  expect(response.statusCode).toBe(200);
  return (response.json() as Checklist).groups.flatMap((group) => group.activities);
};

const statuses = (responses: LightMyRequestResponse[]) => responses.map((response) => response.statusCode);

describe(`two instances on one ${testDatabaseKind} database`, () => {
  it('started on one database, migrated it once and both answer ready', async () => {
    const { rows: migrations } = await sql<{ name: string }>`select name from kysely_migration`.execute(one.stegvis.db);
    expect(migrations.length).toBeGreaterThan(0);
    expect(new Set(migrations.map((row) => row.name)).size).toBe(migrations.length);
    const templates = await two.stegvis.db.selectFrom('templates').select('id').execute();
    expect(templates).toHaveLength(1);
    expect(statuses(await Promise.all([one.inject('/api/ready'), two.inject('/api/ready')]))).toEqual([200, 200]);
  });

  it('accepts a session made on one instance on the other, for reads and CSRF-protected writes', async () => {
    const { on: a, onOther: b, cookie } = await loginOn(one, two);

    const session = await b.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ user: { name: 'Ines Instans' }, csrfToken: a.csrfToken });

    // A write on B with A's cookie and token, then read back on A.
    const customer = await createCustomer(b, { name: 'Tvåby kommun' });
    const read = await a.get('/api/customers');
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toContainEqual(expect.objectContaining({ id: customer.id, name: 'Tvåby kommun' }));

    // B checks the token against the session in the database, not one of its own.
    const withoutToken = await two.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie },
      payload: { name: 'Utan token', organisationNumber: '212000-0142' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_FAILED');

    // Logging out on B ends the session on A too.
    expect((await b.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/customers')).statusCode).toBe(401);
  });

  // On PostgreSQL the two transactions overlap: the later UPDATE waits for the row lock and then finds
  // the version gone. On SQLite in one process each transaction runs to its commit without yielding
  // (better-sqlite3 answers synchronously), so the apps' writes take turns at whole transactions:
  // this proves the versioning across two connections to one file, not lock waits between
  // processes (busy_timeout's part), which one process cannot show without blocking itself.
  it('takes writes through both at once: different activities all saved, the same version once', async () => {
    const { on: a, onOther: b } = await loginOn(one, two);
    const project = await createProject(a);
    const activities = (await activitiesOf(a, project.id)).slice(0, 6);
    expect(activities).toHaveLength(6);

    // Six different activities of one project ticked at once, alternately through A and B.
    const ticks = await Promise.all(
      activities.map((activity, index) =>
        (index % 2 === 0 ? a : b).patch(`/api/projects/${project.id}/activities/${activity.id}`, {
          version: activity.version,
          done: true,
        }),
      ),
    );
    expect(statuses(ticks), ticks.map((response) => response.body).join('\n')).toEqual(activities.map(() => 200));
    const ticked = new Set(activities.map((activity) => activity.id));
    const afterTicks = (await activitiesOf(b, project.id)).filter((activity) => ticked.has(activity.id));
    expect(afterTicks.every((activity) => activity.done !== null)).toBe(true);

    // The same activity, on the same version, from both: one change wins and the other is told
    // it was based on a stale version, never both saved and never a server error.
    const [contested] = afterTicks;
    const url = `/api/projects/${project.id}/activities/${contested.id}`;
    const both = await Promise.all([
      a.patch(url, { version: contested.version, title: 'Ändrad på instans A' }),
      b.patch(url, { version: contested.version, title: 'Ändrad på instans B' }),
    ]);
    expect(statuses(both).sort(), both.map((response) => response.body).join('\n')).toEqual([200, 409]);
    const winner = both.find((response) => response.statusCode === 200) as LightMyRequestResponse;
    const saved = (await activitiesOf(a, project.id)).find((activity) => activity.id === contested.id);
    expect(saved).toMatchObject({ title: (winner.json() as Activity).title, version: contested.version + 1 });
  });

  it('sends each due reminder once when both run the reminder job at the same time', async () => {
    const { on: a } = await loginOn(one, two);
    const customer = await createCustomer(a, { name: 'Påminnelseby kommun' });
    const project = await createProject(a, customer.id);
    const bo = await createPerson(one, { customerId: customer.id, name: 'Bo Beställare', email: 'bo@paminnelseby.se' });
    await assignRole(two, { projectId: project.id, personId: bo.id, roleKey: 'bestallare' });
    // Activities the Beställare alone answers for: each reminds Bo and nobody else.
    const ordererOnly = (await activitiesOf(a, project.id)).filter(
      (activity) =>
        activity.vendorResponsible.length === 0 &&
        activity.customerResponsible.map((role) => role.key).join() === 'bestallare',
    );
    expect(ordererOnly.length).toBeGreaterThanOrEqual(2);
    for (const activity of ordererOnly) {
      const response = await a.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
        version: activity.version,
        deadline: DEADLINE,
      });
      expect(response.statusCode).toBe(200);
    }

    const runs = await Promise.all([runReminders(one.stegvis), runReminders(two.stegvis)]);
    expect(runs[0].sent + runs[1].sent).toBe(ordererOnly.length);
    expect(runs.every((run) => run.failed === 0)).toBe(true);
    expect(smtp.received).toHaveLength(ordererOnly.length);
    expect(new Set(smtp.received.map((mail) => mail.subject)).size).toBe(ordererOnly.length);
    expect(smtp.received.every((mail) => mail.to === 'bo@paminnelseby.se')).toBe(true);

    // Run again on both: everything due has gone out, so nothing more is sent.
    const again = await Promise.all([runReminders(two.stegvis), runReminders(one.stegvis)]);
    expect(again.map((run) => run.sent)).toEqual([0, 0]);
    expect(smtp.received).toHaveLength(ordererOnly.length);
  });
});
