import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/guard.js';
import { createUser } from '../auth/service.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp, type TestAppOptions } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { mailHeader, parseMail, type SmtpListener, startSmtp } from '../test-support/smtp.js';

const password = 'ett-nytt-langt-losenord';

/** The token of the choose-password link in a mail. */
function tokenIn(mail: string): string {
  const match = mail.match(/http:\/\/localhost:3000\/valj-losenord\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no link in\n${mail}`);
  return match[1];
}

let testApp: TestApp | undefined;
let smtp: SmtpListener | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
  await smtp?.close();
  smtp = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function startWithSmtp(options: TestAppOptions & { refuse?: boolean } = {}) {
  // A server that requires a login: the app must log in with the credentials in SMTP_URL.
  smtp = await startSmtp({ login: { user: 'stegvis', password: 'hemligt' } });
  smtp.control.refuse = options.refuse ?? false;
  testApp = await createTestApp({ ...options, env: { SMTP_URL: smtp.url, ...options.env } });
  return { app: testApp.app, smtp };
}

/** Waits until every mail the app sent has arrived. */
async function settle(app: FastifyInstance) {
  await app.stegvis.mailer.idle();
}

const cookieOf = (response: LightMyRequestResponse) => {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
};

const login = (app: FastifyInstance, email: string, withPassword: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: withPassword } });
const tokenInfo = (app: FastifyInstance, token: string) =>
  app.inject({ method: 'GET', url: `/api/auth/token/${token}` });
const accept = (app: FastifyInstance, token: string, withPassword = password) =>
  app.inject({ method: 'POST', url: '/api/auth/accept', payload: { token, password: withPassword } });
const forgot = (app: FastifyInstance, email: string) =>
  app.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email } });
const invite = (agent: Agent, personId: string) => agent.post(`/api/people/${personId}/invitation`);

/** A customer with a person who has an e-mail address, set up by the vendor admin. */
async function customerWithPerson(app: FastifyInstance, person: { name?: string; email?: string | null } = {}) {
  const admin = await loginAs(app);
  const customer = await createCustomer(admin);
  const anna = await createPerson(app, {
    customerId: customer.id,
    name: person.name ?? 'Anna Andersson',
    email: person.email === undefined ? 'anna@kommun.se' : person.email,
  });
  return { admin, customer, anna };
}

/** A customer user who holds `roleKey` in a project of that customer. */
async function customerUser(app: FastifyInstance, admin: Agent, customerId: string, roleKey: string) {
  const project = await createProject(admin, customerId);
  const agent = await loginAs(app, 'customer');
  const person = await createPerson(app, { customerId, userId: agent.userId });
  await assignRole(app, { projectId: project.id, personId: person.id, roleKey });
  return agent;
}

describe('an invitation by e-mail', () => {
  it('mails a link by SMTP where the person chooses a password, is logged in and can log in later', async () => {
    const now = new Date('2027-03-01T08:00:00.000Z');
    const { app, smtp } = await startWithSmtp({ clock: { now: () => now } });
    const { admin, customer, anna } = await customerWithPerson(app);

    const invited = await invite(admin, anna.id);
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toEqual({ delivery: 'smtp', expiresAt: '2027-03-04T08:00:00.000Z' });

    expect(smtp.logins).toEqual(['stegvis']);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toBe('anna@kommun.se');
    expect(mail.from).toBe('no-reply@localhost');
    expect(mail.raw).toMatch(/^Subject: Inbjudan till Stegvis$/m);
    expect(mail.text).toContain('Hej Anna Andersson!');
    expect(mail.text).toContain('Länken gäller till 4 mars 2027 kl. 09:00');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);

    const token = tokenIn(mail.text);
    const info = await tokenInfo(app, token);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({
      purpose: 'invitation',
      email: 'anna@kommun.se',
      name: 'Anna Andersson',
      expiresAt: '2027-03-04T08:00:00.000Z',
    });

    // Before the password is chosen, no password works.
    expect((await login(app, 'anna@kommun.se', 'vad-som-helst-langt')).statusCode).toBe(401);

    const accepted = await accept(app, token);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({
      user: {
        id: expect.any(String),
        email: 'anna@kommun.se',
        name: 'Anna Andersson',
        role: 'customer',
        personId: anna.id,
        customerId: customer.id,
      },
      csrfToken: expect.any(String),
    });
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: cookieOf(accepted) },
    });
    expect(session.json().user.personId).toBe(anna.id);

    const again = await login(app, 'anna@kommun.se', password);
    expect(again.statusCode).toBe(200);
    expect(again.json().user.id).toBe(accepted.json().user.id);

    const audit = await app.stegvis.db.selectFrom('audit_events').selectAll().execute();
    expect(audit).toEqual([
      expect.objectContaining({
        customer_id: customer.id,
        actor_user_id: admin.userId,
        action: 'person.invited',
        entity_type: 'person',
        entity_id: anna.id,
        summary: 'Bjöd in Anna Andersson (anna@kommun.se)',
      }),
    ]);

    const twice = await invite(admin, anna.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CONFLICT');
    expect(twice.json().error.message).toContain('har redan ett konto');
    expect(smtp.received).toHaveLength(1);
  });

  it('gives the vendor’s own people a vendor staff login', async () => {
    const { app, smtp } = await startWithSmtp();
    const admin = await loginAs(app);
    const bo = await createPerson(app, { customerId: null, name: 'Bo Berg', email: 'bo@leverantoren.se' });
    expect((await invite(admin, bo.id)).statusCode).toBe(201);
    const accepted = await accept(app, tokenIn(smtp.received[0].text));
    expect(accepted.json().user).toMatchObject({ role: 'vendor_staff', personId: bo.id, customerId: null });
  });

  it('writes the mail to the outbox folder as an .eml file when SMTP_URL is not set, with every value escaped in HTML', async () => {
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-outbox-test-'));
    cleanups.push(() => fs.rmSync(outbox, { recursive: true, force: true }));
    testApp = await createTestApp({ env: { OUTBOX_DIR: outbox } });
    const app = testApp.app;
    const { admin, anna } = await customerWithPerson(app, { name: 'Åsa "Ö" <b>Lind</b> & co' });

    const invited = await invite(admin, anna.id);
    expect(invited.statusCode).toBe(201);
    expect(invited.json().delivery).toBe('outbox');

    const files = fs.readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/anna@kommun\.se-[0-9a-f]+\.eml$/);
    const raw = fs.readFileSync(path.join(outbox, files[0]), 'utf8');
    const eml = parseMail(raw);
    expect(mailHeader(raw, 'To')).toBe('anna@kommun.se');
    expect(eml.text).toContain('Hej Åsa "Ö" <b>Lind</b> & co!');
    expect(eml.html).toContain('Hej Åsa &quot;Ö&quot; &lt;b&gt;Lind&lt;/b&gt; &amp; co!');
    for (const part of [eml.text, eml.html]) expect(part).not.toContain('<p style="margin:0 0 16px">Hej Åsa "Ö" <b>');

    // The link in the file works like a mailed one.
    expect((await accept(app, tokenIn(eml.text))).statusCode).toBe(200);
  });

  it('replaces the earlier link when the person is invited again', async () => {
    const { app, smtp } = await startWithSmtp();
    const { admin, anna } = await customerWithPerson(app);
    expect((await invite(admin, anna.id)).statusCode).toBe(201);
    expect((await invite(admin, anna.id)).statusCode).toBe(201);
    const [first, second] = smtp.received.map((mail) => tokenIn(mail.text));
    expect(first).not.toBe(second);

    const old = await tokenInfo(app, first);
    expect(old.statusCode).toBe(404);
    expect(old.json().error.message).toContain('ersatts av en nyare länk');
    expect((await accept(app, first)).statusCode).toBe(404);
    expect((await accept(app, second)).statusCode).toBe(200);

    const users = await app.stegvis.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'anna@kommun.se')
      .execute();
    expect(users).toHaveLength(1);
  });

  it('stops working after INVITATION_TTL_HOURS, and a new invitation works again', async () => {
    let now = new Date('2027-03-01T08:00:00.000Z');
    const clock: Clock = { now: () => now };
    const { app, smtp } = await startWithSmtp({ clock, env: { INVITATION_TTL_HOURS: '24' } });
    const { admin, anna } = await customerWithPerson(app);
    expect((await invite(admin, anna.id)).json().expiresAt).toBe('2027-03-02T08:00:00.000Z');
    const token = tokenIn(smtp.received[0].text);

    now = new Date('2027-03-02T07:59:59.000Z');
    expect((await tokenInfo(app, token)).statusCode).toBe(200);

    now = new Date('2027-03-02T08:00:01.000Z');
    const expired = await tokenInfo(app, token);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toEqual({
      code: 'TOKEN_EXPIRED',
      message: 'Länken har gått ut – be om en ny inbjudan.',
    });
    const refused = await accept(app, token);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().error.code).toBe('TOKEN_EXPIRED');
    expect(refused.cookies).toEqual([]);
    expect((await login(app, 'anna@kommun.se', password)).statusCode).toBe(401);

    const renewed = await loginAs(app);
    expect((await invite(renewed, anna.id)).statusCode).toBe(201);
    expect((await accept(app, tokenIn(smtp.received[1].text))).statusCode).toBe(200);
  });

  it('works once: a used link is refused, also when two requests race with it', async () => {
    const { app, smtp } = await startWithSmtp();
    const { admin, anna } = await customerWithPerson(app);
    await invite(admin, anna.id);
    const token = tokenIn(smtp.received[0].text);

    const racing = await Promise.all([accept(app, token, 'forsta-losenordet'), accept(app, token, 'andra-losenordet')]);
    expect(racing.map((response) => response.statusCode).sort()).toEqual([200, 410]);
    const winner = racing[0].statusCode === 200 ? 'forsta-losenordet' : 'andra-losenordet';
    const loser = winner === 'forsta-losenordet' ? 'andra-losenordet' : 'forsta-losenordet';
    expect((await login(app, 'anna@kommun.se', winner)).statusCode).toBe(200);
    expect((await login(app, 'anna@kommun.se', loser)).statusCode).toBe(401);

    const used = await tokenInfo(app, token);
    expect(used.statusCode).toBe(410);
    expect(used.json().error.code).toBe('TOKEN_USED');
    expect(used.json().error.message).toContain('redan använd');
    const reused = await accept(app, token, 'ett-tredje-losenord');
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('TOKEN_USED');
  });

  it('answers an unknown or malformed link with 404 or 400', async () => {
    testApp = await createTestApp();
    const unknown = await tokenInfo(testApp.app, 'x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect((await accept(testApp.app, 'y'.repeat(43))).statusCode).toBe(404);
    expect((await tokenInfo(testApp.app, 'kort')).statusCode).toBe(400);

    const shortPassword = await accept(testApp.app, 'y'.repeat(43), 'kort');
    expect(shortPassword.statusCode).toBe(400);
    expect(shortPassword.json().error.fields).toEqual({ password: 'Lösenordet måste vara minst 10 tecken' });
  });

  it('needs an e-mail address: 400 with a field error, and no user is created', async () => {
    const { app, smtp } = await startWithSmtp();
    const { admin, anna } = await customerWithPerson(app, { email: null });
    const response = await invite(admin, anna.id);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.fields).toEqual({ email: expect.any(String) });
    expect(smtp.received).toHaveLength(0);
    const person = await app.stegvis.db
      .selectFrom('people')
      .select('user_id')
      .where('id', '=', anna.id)
      .executeTakeFirst();
    expect(person?.user_id).toBeNull();
  });

  it('refuses an address that already belongs to another person’s login', async () => {
    const { app, smtp } = await startWithSmtp();
    const { admin, customer, anna } = await customerWithPerson(app);
    expect((await invite(admin, anna.id)).statusCode).toBe(201);
    const namesake = await createPerson(app, { customerId: customer.id, email: 'anna@kommun.se' });
    const response = await invite(admin, namesake.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual({ email: expect.any(String) });
    expect(smtp.received).toHaveLength(1);
  });

  it('may be sent by the customer’s plan writers; others of the customer get 403, anyone else 404', async () => {
    const { app, smtp } = await startWithSmtp();
    const { admin, customer, anna } = await customerWithPerson(app);
    const other = await createCustomer(admin);

    const stranger = await customerUser(app, admin, other.id, 'projektledare');
    const fromStranger = await invite(stranger, anna.id);
    expect(fromStranger.statusCode).toBe(404);
    expect(fromStranger.json().error.code).toBe('NOT_FOUND');

    const principal = await customerUser(app, admin, customer.id, 'rektor');
    const fromReader = await invite(principal, anna.id);
    expect(fromReader.statusCode).toBe(403);
    expect(fromReader.json().error.code).toBe('FORBIDDEN');

    const vendorPerson = await createPerson(app, { customerId: null, email: 'cecilia@leverantoren.se' });
    expect((await invite(principal, vendorPerson.id)).statusCode).toBe(404);
    const staff = await loginAs(app, 'vendor_staff');
    expect((await invite(staff, vendorPerson.id)).statusCode).toBe(404);

    expect((await app.inject({ method: 'POST', url: `/api/people/${anna.id}/invitation` })).statusCode).toBe(401);
    expect((await invite(admin, '3f0c8a52-8c57-4c1e-9f44-2a3b1c0d9e11')).statusCode).toBe(404);
    expect(smtp.received).toHaveLength(0);

    const projectLeader = await customerUser(app, admin, customer.id, 'projektledare');
    const fromLeader = await invite(projectLeader, anna.id);
    expect(fromLeader.statusCode).toBe(201);
    expect(smtp.received).toHaveLength(1);
  });

  it('says clearly when the SMTP server refuses the mail, and records no invitation', async () => {
    const { app } = await startWithSmtp({ refuse: true });
    const { admin, anna } = await customerWithPerson(app);
    const response = await invite(admin, anna.id);
    expect(response.statusCode).toBe(500);
    expect(response.json().error.message).toContain('kunde inte skickas');
    expect(await app.stegvis.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
  });
});

describe('forgotten password', () => {
  async function userWithPassword(app: FastifyInstance, email = 'bo@kommun.se') {
    return createUser(app.stegvis, { email, password: 'det-gamla-losenordet', name: 'Bo Berg', role: 'customer' });
  }

  it('mails a reset link; the new password works, the old one and other sessions stop working', async () => {
    const now = new Date('2027-03-01T08:00:00.000Z');
    const { app, smtp } = await startWithSmtp({ clock: { now: () => now } });
    await userWithPassword(app);
    const laptop = cookieOf(await login(app, 'bo@kommun.se', 'det-gamla-losenordet'));
    const phone = cookieOf(await login(app, 'bo@kommun.se', 'det-gamla-losenordet'));

    const response = await forgot(app, ' Bo@Kommun.se ');
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    await settle(app);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toBe('bo@kommun.se');
    expect(smtp.received[0].text).toContain('Länken gäller till 1 mars 2027 kl. 11:00');

    const token = tokenIn(smtp.received[0].text);
    expect((await tokenInfo(app, token)).json()).toEqual({
      purpose: 'password_reset',
      email: 'bo@kommun.se',
      name: 'Bo Berg',
      expiresAt: '2027-03-01T10:00:00.000Z',
    });

    const accepted = await accept(app, token, 'det-nya-losenordet');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.email).toBe('bo@kommun.se');

    expect((await login(app, 'bo@kommun.se', 'det-gamla-losenordet')).statusCode).toBe(401);
    expect((await login(app, 'bo@kommun.se', 'det-nya-losenordet')).statusCode).toBe(200);
    const sessionWith = (cookie: string) =>
      app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect((await sessionWith(laptop)).statusCode).toBe(401);
    expect((await sessionWith(phone)).statusCode).toBe(401);
    expect((await sessionWith(cookieOf(accepted))).statusCode).toBe(200);
    expect((await accept(app, token, 'ett-tredje-losenord')).statusCode).toBe(410);
  });

  it('answers 204 for an unknown address, or one without a chosen password, and sends nothing', async () => {
    const { app, smtp } = await startWithSmtp();
    const { admin, anna } = await customerWithPerson(app);
    await invite(admin, anna.id);
    expect(smtp.received).toHaveLength(1);

    for (const email of ['ingen@kommun.se', 'anna@kommun.se']) {
      const response = await forgot(app, email);
      expect(response.statusCode).toBe(204);
    }
    await settle(app);
    expect(smtp.received).toHaveLength(1);
    expect(await app.stegvis.db.selectFrom('auth_tokens').select('purpose').execute()).toEqual([
      { purpose: 'invitation' },
    ]);
  });

  it('expires after RESET_TTL_HOURS and keeps only the newest link', async () => {
    let now = new Date('2027-03-01T08:00:00.000Z');
    const { app, smtp } = await startWithSmtp({ clock: { now: () => now } });
    await userWithPassword(app);
    await forgot(app, 'bo@kommun.se');
    await forgot(app, 'bo@kommun.se');
    await settle(app);
    const [first, second] = smtp.received.map((mail) => tokenIn(mail.text));
    expect((await tokenInfo(app, first)).statusCode).toBe(404);

    now = new Date('2027-03-01T10:00:01.000Z');
    const expired = await tokenInfo(app, second);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('TOKEN_EXPIRED');
    expect((await accept(app, second, 'det-nya-losenordet')).statusCode).toBe(410);
    expect((await login(app, 'bo@kommun.se', 'det-gamla-losenordet')).statusCode).toBe(200);
  });

  it('is rate limited like login, and refuses a malformed address', async () => {
    testApp = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '2' } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await forgot(testApp.app, 'bo@kommun.se')).statusCode);
    expect(statuses).toEqual([204, 204, 429]);
    expect((await forgot(testApp.app, 'ada@kommun.se')).statusCode).toBe(204);

    const malformed = await forgot(testApp.app, 'inte-en-adress');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toEqual({ email: 'Ange en giltig e-postadress' });
  });
});
