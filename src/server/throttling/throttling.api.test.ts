import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createUser } from '../auth/service.js';
import { type AppConfig, loadConfig, parseDatabaseUrl } from '../config/config.js';
import type { Clock } from '../core/clock.js';
import { createTestApp, type FreshDatabase, freshDatabase, type TestApp } from '../test-support/app.js';
import { mailHeader, parseMail } from '../test-support/smtp.js';

const password = 'ett-langt-losenord';
let now = new Date('2027-03-01T08:00:00.000Z');
const clock: Clock = { now: () => now };
const wait = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
  now = new Date('2027-03-01T08:00:00.000Z');
});

async function start(env: Record<string, string> = {}) {
  testApp = await createTestApp({ clock, env });
  await createUser(testApp.app.stegvis, {
    email: 'anna@exempel.se',
    password,
    name: 'Anna Andersson',
    role: 'vendor_admin',
  });
  return testApp.app;
}

const login = (app: FastifyInstance, email: string, secret: string, address = '198.51.100.7') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: secret }, remoteAddress: address });

const forgot = (app: FastifyInstance, email: string, address = '198.51.100.7') =>
  app.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email }, remoteAddress: address });

/** The mails written to an outbox folder, once every mail has left. */
async function mailsIn(app: FastifyInstance, outbox: string) {
  await app.stegvis.mailer.idle();
  if (!fs.existsSync(outbox)) return [];
  return fs.readdirSync(outbox).map((file) => {
    const raw = fs.readFileSync(path.join(outbox, file), 'utf8');
    return { to: mailHeader(raw, 'To'), ...parseMail(raw) };
  });
}

function expectThrottled(response: LightMyRequestResponse, retryAfter?: number) {
  expect(response.statusCode).toBe(429);
  expect(response.json().error.code).toBe('RATE_LIMITED');
  expect(response.json().error.message).toMatch(
    /^För många försök\. Vänta \d+ (sekund|sekunder|minut|minuter) och försök igen\.$/,
  );
  expect(response.cookies).toEqual([]);
  if (retryAfter !== undefined) expect(response.headers['retry-after']).toBe(String(retryAfter));
}

describe('failed logins from one client address', () => {
  it('are refused with 429 after LOGIN_RATE_LIMIT_PER_ADDRESS, whichever e-mail addresses they try', async () => {
    const app = await start();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 40; attempt++) {
      statuses.push((await login(app, `person${attempt}@exempel.se`, 'sommar2027!')).statusCode);
    }
    // The default is 20 failures in 15 minutes.
    expect(statuses).toEqual([...Array(20).fill(401), ...Array(20).fill(429)]);

    // Even the right password waits from that address; from another, the account is open.
    expectThrottled(await login(app, 'anna@exempel.se', password), 15 * 60);
    expect((await login(app, 'anna@exempel.se', password, '192.0.2.44')).statusCode).toBe(200);

    wait(15 * 60);
    expect((await login(app, 'anna@exempel.se', password)).statusCode).toBe(200);
  });
});

describe('failed logins on one account from many addresses', () => {
  it('wait longer and longer, then lock the account for a while and mail its holder once', async () => {
    const app = await start();
    const outbox = testApp!.config.mail.outboxDir;
    let address = 0;
    const fromNewAddress = (secret: string) => {
      address += 1;
      return login(app, 'anna@exempel.se', secret, `203.0.113.${address}`);
    };

    // Five failures are free (LOGIN_RATE_LIMIT_ACCOUNT_BACKOFF_AFTER).
    for (let failure = 1; failure <= 5; failure++) expect((await fromNewAddress('gissning')).statusCode).toBe(401);

    // Then each failure makes the next attempt wait twice as long; the right password waits too.
    for (const seconds of [2, 4, 8, 16]) {
      expect((await fromNewAddress('gissning')).statusCode).toBe(401);
      expectThrottled(await fromNewAddress(password), seconds);
      wait(seconds);
    }
    expect(await mailsIn(app, outbox)).toEqual([]);

    // The tenth failure (LOGIN_RATE_LIMIT_ACCOUNT_LOCK_AFTER) locks the account for 15 minutes.
    expect((await fromNewAddress('gissning')).statusCode).toBe(401);
    expectThrottled(await fromNewAddress(password), 15 * 60);
    expectThrottled(await fromNewAddress('gissning'));
    wait(14 * 60);
    expectThrottled(await fromNewAddress(password), 60);

    const mails = await mailsIn(app, outbox);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe('anna@exempel.se');
    expect(mails[0].subject).toBe('Inloggningen till ditt konto i Stegvis är tillfälligt spärrad');
    expect(mails[0].text).toContain('spärrad till 1 mars 2027 kl. 09:15');

    wait(60);
    expect((await fromNewAddress(password)).statusCode).toBe(200);
  });

  it('answers an address without an account the same way, and mails nobody', async () => {
    const app = await start({ LOGIN_RATE_LIMIT_ACCOUNT_BACKOFF_AFTER: '3', LOGIN_RATE_LIMIT_ACCOUNT_LOCK_AFTER: '3' });
    const answers: string[] = [];
    for (const email of ['anna@exempel.se', 'ingen-alls@exempel.se']) {
      for (let failure = 1; failure <= 3; failure++) {
        expect((await login(app, email, 'gissning', `203.0.113.${failure}`)).statusCode).toBe(401);
      }
      const locked = await login(app, email, password, '203.0.113.9');
      expectThrottled(locked, 15 * 60);
      answers.push(locked.body);
    }
    expect(answers[1]).toBe(answers[0]);
    expect((await mailsIn(app, testApp!.config.mail.outboxDir)).map((mail) => mail.to)).toEqual(['anna@exempel.se']);
  });

  it('start over after a successful login', async () => {
    const app = await start({ LOGIN_RATE_LIMIT_ACCOUNT_BACKOFF_AFTER: '3' });
    for (let failure = 1; failure <= 2; failure++)
      expect((await login(app, 'anna@exempel.se', 'gissning')).statusCode).toBe(401);
    expect((await login(app, 'anna@exempel.se', password)).statusCode).toBe(200);
    // Two failures before the success would make these six, and the wait 4 s.
    for (let failure = 1; failure <= 4; failure++)
      expect((await login(app, 'anna@exempel.se', 'gissning')).statusCode).toBe(401);
    expectThrottled(await login(app, 'anna@exempel.se', password), 2);
  });
});

describe('forgotten-password requests', () => {
  it('are limited per e-mail address and per client address, whether or not the address has an account', async () => {
    const app = await start();
    const forAnna: number[] = [];
    for (let request = 1; request <= 4; request++) {
      forAnna.push((await forgot(app, 'anna@exempel.se', `203.0.113.${request}`)).statusCode);
    }
    expect(forAnna).toEqual([204, 204, 204, 429]);
    const resetMails = (await mailsIn(app, testApp!.config.mail.outboxDir)).filter(
      (mail) => mail.to === 'anna@exempel.se',
    );
    expect(resetMails).toHaveLength(3);

    const fromOneAddress: number[] = [];
    for (let request = 1; request <= 11; request++) {
      fromOneAddress.push((await forgot(app, `person${request}@exempel.se`)).statusCode);
    }
    expect(fromOneAddress).toEqual([...Array(10).fill(204), 429]);
    expectThrottled(await forgot(app, 'ny-person@exempel.se'), 15 * 60);

    wait(15 * 60);
    expect((await forgot(app, 'anna@exempel.se')).statusCode).toBe(204);
  });
});

describe('the counters', () => {
  it('are removed once they would start over anyway', async () => {
    const app = await start();
    for (let attempt = 1; attempt <= 3; attempt++) await login(app, `person${attempt}@exempel.se`, 'gissning');
    const count = async () =>
      Number(
        (
          await app.stegvis.db
            .selectFrom('login_throttles')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(4);
    wait(31 * 60);
    await login(app, 'anna@exempel.se', 'gissning', '192.0.2.1');
    // Only the two keys this failure counted are left.
    expect(await count()).toBe(2);
  });
});

describe('two instances on one database', () => {
  let database: FreshDatabase | undefined;
  let apps: FastifyInstance[] = [];
  let outbox: string | undefined;
  afterEach(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    apps = [];
    await database?.drop();
    if (outbox) fs.rmSync(outbox, { recursive: true, force: true });
  });

  async function twoInstances(env: Record<string, string>) {
    database = await freshDatabase({ sqliteFile: true });
    outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-outbox-'));
    const config: AppConfig = {
      ...loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        OUTBOX_DIR: outbox,
        REMINDER_INTERVAL_SECONDS: '0',
        ...env,
      }),
      database: parseDatabaseUrl(database.url),
      web: undefined,
    };
    const one = await buildApp(config, { clock });
    const two = await buildApp(config, { clock });
    apps = [one, two];
    await createUser(one.stegvis, { email: 'anna@exempel.se', password, name: 'Anna Andersson', role: 'vendor_admin' });
    return [one, two] as const;
  }

  it('count the same failures, and of failures at once on both only one locks and mails', async () => {
    const [one, two] = await twoInstances({
      LOGIN_RATE_LIMIT_PER_ADDRESS: '4',
      LOGIN_RATE_LIMIT_ACCOUNT_BACKOFF_AFTER: '3',
      LOGIN_RATE_LIMIT_ACCOUNT_LOCK_AFTER: '3',
    });
    // Per address: two failures on each instance use up the address's four.
    for (const app of [one, two, one, two]) {
      expect((await login(app, `person${Math.random()}@exempel.se`, 'gissning')).statusCode).toBe(401);
    }
    expectThrottled(await login(one, 'anna@exempel.se', password));
    expectThrottled(await login(two, 'anna@exempel.se', password));

    // Per account: six failures at the same time, three on each, from six addresses.
    const attempts = [1, 2, 3, 4, 5, 6].map((n) =>
      login(n % 2 ? one : two, 'anna@exempel.se', 'gissning', `203.0.113.${n}`),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expectThrottled(await login(one, 'anna@exempel.se', password, '192.0.2.1'), 15 * 60);
    expectThrottled(await login(two, 'anna@exempel.se', password, '192.0.2.2'), 15 * 60);
    await two.stegvis.mailer.idle();
    const mails = await mailsIn(one, outbox!);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Inloggningen till ditt konto i Stegvis är tillfälligt spärrad',
    ]);
  });
});
