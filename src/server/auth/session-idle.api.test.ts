import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { SESSION_COOKIE } from './guard.js';
import { createUser } from './service.js';

const password = 'ett-langt-losenord';
let now = new Date('2027-03-01T08:00:00.000Z');
const clock: Clock = { now: () => now };
const minutesLater = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
  now = new Date('2027-03-01T08:00:00.000Z');
});

/** An app with SESSION_IDLE_MINUTES as given, and the session cookie of a fresh login. */
async function loggedIn(env: Record<string, string>): Promise<{ app: FastifyInstance; cookie: string }> {
  testApp = await createTestApp({ clock, env });
  const app = testApp.app;
  await createUser(app.stegvis, { email: 'anna@exempel.se', password, name: 'Anna', role: 'vendor_admin' });
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'anna@exempel.se', password },
  });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(response.body);
  return { app, cookie: `${cookie.name}=${cookie.value}` };
}

const sessionOf = (app: FastifyInstance, cookie: string) =>
  app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });

describe('the idle timeout', () => {
  it('ends a session unused for SESSION_IDLE_MINUTES with 401, like an expired one', async () => {
    const { app, cookie } = await loggedIn({ SESSION_IDLE_MINUTES: '30' });
    minutesLater(29);
    expect((await sessionOf(app, cookie)).statusCode).toBe(200);
    // Counted from that last request, not from the login.
    minutesLater(29);
    expect((await sessionOf(app, cookie)).statusCode).toBe(200);
    minutesLater(30);
    const idle = await sessionOf(app, cookie);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps a session in use until SESSION_TTL_HOURS, not longer', async () => {
    const { app, cookie } = await loggedIn({ SESSION_IDLE_MINUTES: '60', SESSION_TTL_HOURS: '2' });
    for (let step = 0; step < 2; step++) {
      minutesLater(59);
      expect((await sessionOf(app, cookie)).statusCode).toBe(200);
    }
    minutesLater(5);
    expect((await sessionOf(app, cookie)).statusCode).toBe(401);
  });

  it('writes the last activity at most about once a minute', async () => {
    const writes: string[] = [];
    testApp = await createTestApp({
      clock,
      env: { SESSION_IDLE_MINUTES: '60' },
      onQuery: (sql) => {
        if (/^update "sessions"/i.test(sql)) writes.push(sql);
      },
    });
    const app = testApp.app;
    await createUser(app.stegvis, { email: 'anna@exempel.se', password, name: 'Anna', role: 'vendor_admin' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'anna@exempel.se', password },
    });
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (let request = 0; request < 10; request++) await sessionOf(app, cookie);
    expect(writes).toEqual([]);
    minutesLater(2);
    for (let request = 0; request < 10; request++) await sessionOf(app, cookie);
    expect(writes).toHaveLength(1);
  });
});
