import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../shared/auth.js';
import type { Clock } from '../core/clock.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { organisationNumber } from '../test-support/factories.js';
import { SESSION_COOKIE } from './guard.js';
import { createUser } from './service.js';

const password = 'ett-langt-losenord';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

async function start(options: Parameters<typeof createTestApp>[0] = {}) {
  testApp = await createTestApp(options);
  return testApp.app;
}

/** The session cookie a response set, as a `cookie` request header. */
function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return `${cookie.name}=${cookie.value}`;
}

async function addUser(email = 'anna@exempel.se') {
  if (!testApp) throw new Error('no app');
  return createUser(testApp.app.stegvis, { email, password, name: 'Anna Andersson', role: 'vendor_admin' });
}

const login = (body: object, headers: Record<string, string> = {}) =>
  testApp!.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers });

const sessionWith = (cookie?: string) =>
  testApp!.app.inject({ method: 'GET', url: '/api/auth/session', headers: cookie ? { cookie } : {} });

describe('login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
    const now = new Date('2027-03-01T08:00:00.000Z');
    await start({ clock: { now: () => now } });
    const user = await addUser();

    const response = await login({ email: 'anna@exempel.se', password });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: {
        id: user.id,
        email: 'anna@exempel.se',
        name: 'Anna Andersson',
        role: 'vendor_admin',
        personId: null,
        customerId: null,
      },
      csrfToken: expect.any(String),
    });
    expect(response.json().csrfToken.length).toBeGreaterThanOrEqual(32);

    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
    // The cookie lives as long as the session: SESSION_TTL_HOURS defaults to 12.
    expect(cookie?.expires?.toISOString()).toBe('2027-03-01T20:00:00.000Z');
  });

  it('marks the cookie Secure when Stegvis is served over https', async () => {
    await start({ env: { PUBLIC_URL: 'https://stegvis.exempel.se' } });
    await addUser();
    const response = await login({ email: 'anna@exempel.se', password });
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
  });

  it('accepts the e-mail address in other letter case and with spaces around it, as when pasted', async () => {
    await start();
    await addUser('anna@exempel.se');
    expect((await login({ email: 'Anna@Exempel.SE', password })).statusCode).toBe(200);
    expect((await login({ email: ' anna@exempel.se\t', password })).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail address alike, with 401 and no cookie', async () => {
    await start();
    await addUser();
    const wrongPassword = await login({ email: 'anna@exempel.se', password: 'fel-losenord-helt' });
    const unknownEmail = await login({ email: 'ingen@exempel.se', password });

    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(response.cookies).toEqual([]);
    }
    expect(wrongPassword.json().error.message).toBe(unknownEmail.json().error.message);
  });

  it('refuses a malformed body with 400 and an error per field', async () => {
    await start();
    const malformed = await login({ email: 'inte-en-adress', password: '' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(malformed.json().error.fields).sort()).toEqual(['email', 'password']);
    expect(malformed.json().error.fields.email).toBe('Ange en giltig e-postadress');

    const missing = await login({});
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['email', 'password']);
  });

  it('limits repeated attempts for an address with 429 RATE_LIMITED, even with the right password', async () => {
    await start({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    await addUser('anna@exempel.se');
    await addUser('bo@exempel.se');

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await login({ email: 'anna@exempel.se', password: 'gissning-nummer-1' })).statusCode).toBe(401);
    }
    const limited = await login({ email: 'anna@exempel.se', password });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.cookies).toEqual([]);

    // A colleague at the same address (same school network) can still log in.
    expect((await login({ email: 'bo@exempel.se', password })).statusCode).toBe(200);
  });

  it('cannot be passed by a made-up X-Forwarded-For header when no proxy is trusted', async () => {
    await start({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '2' } });
    await addUser('anna@exempel.se');
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await login(
        { email: 'anna@exempel.se', password: 'gissning' },
        { 'x-forwarded-for': `203.0.113.${attempt}` },
      );
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429, 429]);
  });
});

describe('session', () => {
  it('is returned with the cookie and refused with 401 without it', async () => {
    await start();
    const user = await addUser();
    const loggedIn = await login({ email: 'anna@exempel.se', password });

    const withCookie = await sessionWith(sessionCookieOf(loggedIn));
    expect(withCookie.statusCode).toBe(200);
    expect(withCookie.json()).toEqual({ user: loggedIn.json().user, csrfToken: loggedIn.json().csrfToken });
    expect(withCookie.json().user.id).toBe(user.id);

    const without = await sessionWith();
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('UNAUTHENTICATED');

    const forged = await sessionWith(`${SESSION_COOKIE}=hittat-pa-token`);
    expect(forged.statusCode).toBe(401);
  });

  it('ends on the server at logout: the old cookie no longer works', async () => {
    await start();
    await addUser();
    const loggedIn = await login({ email: 'anna@exempel.se', password });
    const cookie = sessionCookieOf(loggedIn);

    const loggedOut = await testApp!.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, [CSRF_HEADER]: loggedIn.json().csrfToken },
    });
    expect(loggedOut.statusCode).toBe(204);
    const cleared = loggedOut.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');

    expect((await sessionWith(cookie)).statusCode).toBe(401);
  });

  it('expires after SESSION_TTL_HOURS', async () => {
    let now = new Date('2027-03-01T08:00:00.000Z');
    const clock: Clock = { now: () => now };
    await start({ clock, env: { SESSION_TTL_HOURS: '2' } });
    await addUser();
    const cookie = sessionCookieOf(await login({ email: 'anna@exempel.se', password }));

    now = new Date('2027-03-01T09:59:59.000Z');
    expect((await sessionWith(cookie)).statusCode).toBe(200);

    now = new Date('2027-03-01T10:00:01.000Z');
    const expired = await sessionWith(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('cross-site request protection', () => {
  it('refuses a write with the cookie but without or with a wrong CSRF token, and stores nothing', async () => {
    await start();
    await addUser();
    const loggedIn = await login({ email: 'anna@exempel.se', password });
    const cookie = sessionCookieOf(loggedIn);
    const createCustomer = (name: string, headers: Record<string, string>) =>
      testApp!.app.inject({
        method: 'POST',
        url: '/api/customers',
        payload: { name, organisationNumber: organisationNumber() },
        headers: { cookie, ...headers },
      });
    const customerNames = async () =>
      (await testApp!.app.inject({ method: 'GET', url: '/api/customers', headers: { cookie } }))
        .json()
        .items.map((customer: { name: string }) => customer.name);

    const refusedHeaders: Record<string, string>[] = [{}, { [CSRF_HEADER]: '' }, { [CSRF_HEADER]: 'fel-token' }];
    for (const headers of refusedHeaders) {
      const refused = await createCustomer('Borås stad', headers);
      expect(refused.statusCode, JSON.stringify(headers)).toBe(403);
      expect(refused.json().error.code).toBe('CSRF_FAILED');
    }
    expect(await customerNames()).toEqual([]);

    const accepted = await createCustomer('Uppsala kommun', { [CSRF_HEADER]: loggedIn.json().csrfToken });
    expect(accepted.statusCode).toBe(201);
    expect(await customerNames()).toEqual(['Uppsala kommun']);

    // Logging out is a write too: another site cannot end the session.
    const logout = await testApp!.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(403);
    expect((await sessionWith(cookie)).statusCode).toBe(200);
  });

  it('refuses a write from another site by its Origin header, logged in or not', async () => {
    await start();
    const admin = await loginAs(testApp!.app);
    const host = { host: 'stegvis.exempel.se' };

    const sameSite = await admin.request({
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Uppsala kommun', organisationNumber: organisationNumber() },
      headers: { ...host, origin: 'https://stegvis.exempel.se' },
    });
    expect(sameSite.statusCode).toBe(201);

    const foreign = await admin.request({
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Borås stad', organisationNumber: organisationNumber() },
      headers: { ...host, origin: 'https://elak.exempel.com' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CSRF_FAILED');
    expect((await admin.get('/api/customers')).json().items).toHaveLength(1);

    await addUser('anna@exempel.se');
    const foreignLogin = await login(
      { email: 'anna@exempel.se', password },
      { ...host, origin: 'https://elak.exempel.com' },
    );
    expect(foreignLogin.statusCode).toBe(403);
    expect(foreignLogin.cookies).toEqual([]);
  });
});

describe('first-run setup', () => {
  const admin = { name: 'Maria Lind', email: 'maria@leverantoren.se', password: 'ett-langt-losenord' };

  it('creates the vendor admin once on an empty database and logs them in', async () => {
    await start();
    expect((await testApp!.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });

    const created = await testApp!.app.inject({ method: 'POST', url: '/api/setup', payload: admin });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({
      email: 'maria@leverantoren.se',
      name: 'Maria Lind',
      role: 'vendor_admin',
    });
    const session = await sessionWith(sessionCookieOf(created));
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(created.json().user.id);

    expect((await testApp!.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });
    expect((await login({ email: admin.email, password: admin.password })).statusCode).toBe(200);

    const again = await testApp!.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 'Inkräktare', email: 'ny@exempel.se', password: 'ett-annat-losenord' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_ALREADY_DONE');
    expect(again.cookies).toEqual([]);
    expect((await login({ email: 'ny@exempel.se', password: 'ett-annat-losenord' })).statusCode).toBe(401);
  });

  it('creates only one admin when several set-ups arrive at once', async () => {
    await start();
    const attempts = await Promise.all(
      ['a', 'b', 'c'].map((letter) =>
        testApp!.app.inject({
          method: 'POST',
          url: '/api/setup',
          payload: { name: `Admin ${letter}`, email: `${letter}@leverantoren.se`, password: 'ett-langt-losenord' },
        }),
      ),
    );
    expect(attempts.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
    const loggedIn = await Promise.all(
      ['a', 'b', 'c'].map(async (letter) => {
        const response = await login({ email: `${letter}@leverantoren.se`, password: 'ett-langt-losenord' });
        return response.statusCode;
      }),
    );
    expect(loggedIn.sort()).toEqual([200, 401, 401]);
  });

  it('refuses a too short password with a field error and creates no one', async () => {
    await start();
    const response = await testApp!.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...admin, password: 'kort' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ password: 'Lösenordet måste vara minst 10 tecken' });
    expect((await testApp!.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
  });

  it('is not needed when STEGVIS_ADMIN_EMAIL and STEGVIS_ADMIN_PASSWORD create the first admin at start', async () => {
    await start({
      env: { STEGVIS_ADMIN_EMAIL: 'drift@leverantoren.se', STEGVIS_ADMIN_PASSWORD: 'ett-langt-drift-losenord' },
    });
    expect((await testApp!.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });

    const response = await login({ email: 'drift@leverantoren.se', password: 'ett-langt-drift-losenord' });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ role: 'vendor_admin', name: 'Administratör' });

    const setup = await testApp!.app.inject({ method: 'POST', url: '/api/setup', payload: admin });
    expect(setup.statusCode).toBe(409);
    expect(setup.json().error.code).toBe('SETUP_ALREADY_DONE');
  });
});
