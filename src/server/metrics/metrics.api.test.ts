import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import { createUser } from '../auth/service.js';
import { runReminders } from '../reminders/service.js';
import { createTestApp, loginAs, type TestApp, type TestAppOptions, testDatabaseKind } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { type SmtpListener, startSmtp } from '../test-support/smtp.js';

const METRICS_TOKEN = 'skrapnyckel-for-prometheus-1';

const apps: TestApp[] = [];
let smtp: SmtpListener | undefined;
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await smtp?.close();
  smtp = undefined;
});

async function appWith(options: TestAppOptions = {}): Promise<FastifyInstance> {
  const testApp = await createTestApp(options);
  apps.push(testApp);
  return testApp.app;
}

const withToken = (options: TestAppOptions = {}) => appWith({ ...options, env: { METRICS_TOKEN, ...options.env } });

async function scrape(app: FastifyInstance): Promise<string> {
  const response = await app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.statusCode).toBe(200);
  return response.body;
}

/** The value of one series, by its name and labels exactly as Prometheus' text writes them; 0 when absent. */
function seriesValue(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const app = await appWith();
    const response = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer x' } });
    expect(response.statusCode).toBe(404);
  });

  it('answers 401 without the token or with another one', async () => {
    const app = await withToken();
    for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}x`, METRICS_TOKEN, `Basic ${METRICS_TOKEN}`]) {
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
      expect(response.body).not.toContain('http_requests_total');
    }
  });

  it('counts and times requests by route pattern, never by the address asked for', async () => {
    const app = await withToken();
    const admin = await loginAs(app);
    const customer = await createCustomer(admin);
    expect((await admin.get(`/api/customers/${customer.id}/schools`)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/finns-inte/${customer.id}` })).statusCode).toBe(404);

    const response = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    const schools = 'method="GET",route="/api/customers/:customerId/schools",status_code="200"';
    expect(seriesValue(text, `http_requests_total{${schools}}`)).toBe(1);
    expect(seriesValue(text, `http_request_duration_seconds_count{${schools}}`)).toBe(1);
    expect(seriesValue(text, `http_request_duration_seconds_bucket{le="+Inf",${schools}}`)).toBe(1);
    expect(seriesValue(text, 'http_requests_total{method="GET",route="not_found",status_code="404"}')).toBe(1);
    expect(seriesValue(text, 'http_requests_total{method="POST",route="/api/customers",status_code="201"}')).toBe(1);
    expect(text).not.toContain(customer.id);
  });

  it('times database statements by database and first keyword, and has the process metrics', async () => {
    const app = await withToken();
    const text = await scrape(app);
    // Building the app migrated and seeded its database: statements of every kind have run.
    for (const statement of ['select', 'insert', 'create']) {
      const count = seriesValue(
        text,
        `db_query_duration_seconds_count{database="${testDatabaseKind}",statement="${statement}"}`,
      );
      expect(count, statement).toBeGreaterThan(0);
    }
    expect(text).toContain('# TYPE db_query_duration_seconds histogram');
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('keeps each app its own metrics', async () => {
    const first = await withToken();
    const second = await withToken();
    await first.inject({ method: 'GET', url: '/api/health' });
    await first.inject({ method: 'GET', url: '/api/health' });
    const health = 'http_requests_total{method="GET",route="/api/health",status_code="200"}';
    expect(seriesValue(await scrape(first), health)).toBe(2);
    expect(seriesValue(await scrape(second), health)).toBe(0);
  });
});

describe('mail and reminder metrics', () => {
  const mailSent = 'stegvis_mail_sent_total';
  const mailFailed = 'stegvis_mail_failed_total';
  /** A forgotten password mailed to a user who exists, so that a mail goes out. */
  async function forgotPassword(app: FastifyInstance): Promise<void> {
    const email = 'bo@kommun.se';
    await createUser(app.stegvis, { email, password: 'ett-langt-losenord', name: 'Bo Berg', role: 'customer' });
    const response = await app.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email } });
    expect(response.statusCode).toBe(204);
    await app.stegvis.mailer.idle();
  }

  it('counts a mail sent (to the outbox without SMTP) and one the SMTP server refused', async () => {
    const app = await withToken();
    const before = await scrape(app);
    await forgotPassword(app);
    const after = await scrape(app);
    expect(seriesValue(after, mailSent) - seriesValue(before, mailSent)).toBe(1);
    expect(seriesValue(after, mailFailed)).toBe(0);

    smtp = await startSmtp();
    smtp.control.refuse = true;
    const refusing = await withToken({ env: { SMTP_URL: smtp.url } });
    await forgotPassword(refusing);
    const refused = await scrape(refusing);
    expect([seriesValue(refused, mailSent), seriesValue(refused, mailFailed)]).toEqual([0, 1]);
  });

  it('counts the reminders a run sent and when the job last finished', async () => {
    let now = new Date('2027-03-25T07:00:00Z');
    const app = await withToken({ clock: { now: () => now } });
    const admin = await loginAs(app);
    const customer = await createCustomer(admin);
    const project = await createProject(admin, customer.id);
    const bo = await createPerson(app, { customerId: customer.id, name: 'Bo Beställare', email: 'bo@akerby.se' });
    await assignRole(app, { projectId: project.id, personId: bo.id, roleKey: 'bestallare' });
    const activity = ((await admin.get(`/api/projects/${project.id}/activities`)).json() as Checklist).groups
      .flatMap((group) => group.activities)
      .find(
        (candidate) =>
          candidate.vendorResponsible.length === 0 &&
          candidate.customerResponsible.map((role) => role.key).join() === 'bestallare',
      );
    if (!activity) throw new Error('the template has no activity for the Beställare alone');
    const changed = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: activity.version,
      deadline: '2027-04-02',
    });
    expect(changed.statusCode).toBe(200);
    expect(seriesValue(await scrape(app), 'stegvis_reminder_job_last_success_timestamp_seconds')).toBe(0);

    now = new Date('2027-03-30T07:00:00Z');
    expect(await runReminders(app.stegvis)).toMatchObject({ ran: true, sent: 1, failed: 0 });
    const text = await scrape(app);
    expect(seriesValue(text, 'stegvis_reminders_sent_total')).toBe(1);
    expect(seriesValue(text, 'stegvis_reminders_failed_total')).toBe(0);
    expect(seriesValue(text, mailSent)).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, 'stegvis_reminder_job_last_success_timestamp_seconds')).toBe(now.getTime() / 1000);
  });
});
