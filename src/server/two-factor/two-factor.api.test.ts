import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserRole } from '../../shared/auth.js';
import { SESSION_COOKIE } from '../auth/guard.js';
import { createUser } from '../auth/service.js';
import { Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createPerson } from '../test-support/factories.js';
import { PENDING_COOKIE } from './gate.js';
import { relyingParty } from './rules.js';
import { sealStoredTotpSecrets } from './secret-box.js';
import { softAuthenticator } from './soft-authenticator.js';

const password = 'ett-langt-losenord-for-tva-steg';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

/** The app's clock, moved by the test: codes are computed for the time the server sees. */
function movableClock() {
  let now = Date.parse('2027-03-01T08:00:00.000Z');
  return {
    clock: { now: () => new Date(now) },
    now: () => now,
    advanceSeconds: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

async function start() {
  const time = movableClock();
  // The per-address burst limit counts in real time; these tests send many codes on purpose.
  testApp = await createTestApp({ clock: time.clock, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  return { app: testApp.app, time };
}

const cookieOf = (response: LightMyRequestResponse, name: string) => {
  const cookie = response.cookies.find((candidate) => candidate.name === name && candidate.value);
  return cookie ? `${cookie.name}=${cookie.value}` : undefined;
};

async function addUser(app: FastifyInstance, role: UserRole = 'vendor_staff', customerId?: string) {
  const email = `person-${Math.random().toString(36).slice(2, 8)}@exempel.se`;
  const user = await createUser(app.stegvis, { email, password, name: 'Tua Tvåsteg', role });
  if (customerId) await createPerson(app, { customerId, userId: user.id, email });
  return { ...user, email };
}

const login = (app: FastifyInstance, email: string, secret = password) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: secret } });

/** A password sign-in that waits for its next step: the pending cookie and its CSRF token, as a browser holds them. */
async function pendingSignIn(app: FastifyInstance, email: string) {
  const response = await login(app, email);
  expect(response.statusCode).toBe(202);
  const cookie = cookieOf(response, PENDING_COOKIE);
  expect(cookie).toBeDefined();
  expect(cookieOf(response, SESSION_COOKIE)).toBeUndefined();
  const step = response.json().secondFactor;
  return { step, agent: new Agent(app, cookie, step.csrfToken) };
}

async function sessionAgent(app: FastifyInstance, response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(200);
  const cookie = cookieOf(response, SESSION_COOKIE);
  expect(cookie).toBeDefined();
  const body = response.json();
  return new Agent(app, cookie, body.csrfToken ?? body.session?.csrfToken);
}

const codeAt = (secret: string, timestamp: number) =>
  OTPAuth.TOTP.generate({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp,
  });

/** Adds an app from a signed-in session; gives its secret and the recovery codes shown. */
async function enrolTotp(agent: Agent, now: number) {
  const setup = await agent.post('/api/two-factor/totp');
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret, uri } = setup.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Stegvis:.+\?.*issuer=Stegvis/);
  expect(uri).toContain(`secret=${secret}`);
  const confirmed = await agent.post('/api/two-factor/totp/confirm', { code: codeAt(secret, now) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe('an authenticator app (TOTP)', () => {
  it('is confirmed with a code before it counts, then a password alone no longer signs in', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const agent = await sessionAgent(app, await login(app, user.email));

    const setup = await agent.post('/api/two-factor/totp');
    const { secret } = setup.json();
    // Unconfirmed, it is nothing yet: the password still signs in.
    expect((await login(app, user.email)).statusCode).toBe(200);
    const wrong = await agent.post('/api/two-factor/totp/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_SECOND_FACTOR');

    const confirmed = await agent.post('/api/two-factor/totp/confirm', { code: codeAt(secret, time.now()) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Only hashes are kept: no code, and no secret's code, is in the table.
    const stored = await app.stegvis.db
      .selectFrom('recovery_codes')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0].replaceAll('-', ''));

    // The secret is sealed with SECRETS_KEY: the row does not hold it.
    const totpRow = await app.stegvis.db
      .selectFrom('totp_factors')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(totpRow.secret).not.toContain(secret);
    expect(totpRow.secret).toMatch(/^v1:/);

    const status = await agent.get('/api/two-factor');
    expect(status.json()).toMatchObject({ totp: { enabledAt: expect.any(String) }, recoveryCodesLeft: 10 });

    const { step } = await pendingSignIn(app, user.email);
    expect(step).toMatchObject({ purpose: 'verify', methods: ['totp', 'recovery'] });
    const audit = await app.stegvis.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit.map((row) => row.action)).toContain('two_factor.totp_added');
  });

  it('signs in with a code from the app, ±1 step, each code once and never an older one', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const { secret } = await enrolTotp(await sessionAgent(app, await login(app, user.email)), time.now());
    time.advanceSeconds(60);

    const first = await pendingSignIn(app, user.email);
    const wrong = await first.agent.post('/api/auth/two-factor/verify', { method: 'totp', code: '123 456' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_SECOND_FACTOR');
    // The previous step's code (a clock 30 s behind) is accepted.
    const previousCode = codeAt(secret, time.now() - 30_000);
    const signedIn = await sessionAgent(
      app,
      await first.agent.post('/api/auth/two-factor/verify', { method: 'totp', code: previousCode }),
    );
    expect((await signedIn.get('/api/auth/session')).statusCode).toBe(200);
    // The pending sign-in is used up.
    const again = await first.agent.post('/api/auth/two-factor/verify', { method: 'totp', code: previousCode });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('UNAUTHENTICATED');

    // The same code in a new sign-in is refused, and so is an older one once a newer one was used.
    const second = await pendingSignIn(app, user.email);
    const replay = await second.agent.post('/api/auth/two-factor/verify', { method: 'totp', code: previousCode });
    expect(replay.statusCode).toBe(401);
    const current = await second.agent.post('/api/auth/two-factor/verify', {
      method: 'totp',
      code: codeAt(secret, time.now()),
    });
    expect(current.statusCode).toBe(200);
    const third = await pendingSignIn(app, user.email);
    const older = await third.agent.post('/api/auth/two-factor/verify', {
      method: 'totp',
      code: codeAt(secret, time.now() - 30_000),
    });
    expect(older.statusCode).toBe(401);
    // Two steps ahead is outside the window.
    const ahead = await third.agent.post('/api/auth/two-factor/verify', {
      method: 'totp',
      code: codeAt(secret, time.now() + 60_000),
    });
    expect(ahead.statusCode).toBe(401);
  });

  it('ends a pending sign-in after five wrong codes, and after five minutes', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const { secret } = await enrolTotp(await sessionAgent(app, await login(app, user.email)), time.now());
    time.advanceSeconds(30);

    const { agent } = await pendingSignIn(app, user.email);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await agent.post('/api/auth/two-factor/verify', { method: 'totp', code: '999999' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 410]);
    const rightTooLate = await agent.post('/api/auth/two-factor/verify', {
      method: 'totp',
      code: codeAt(secret, time.now()),
    });
    expect(rightTooLate.statusCode).toBe(401);
    expect(rightTooLate.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

    const slow = await pendingSignIn(app, user.email);
    time.advanceSeconds(5 * 60);
    const expired = await slow.agent.post('/api/auth/two-factor/verify', {
      method: 'totp',
      code: codeAt(secret, time.now()),
    });
    expect(expired.statusCode).toBe(401);
  });

  it('stops offering a second step to an account after ten wrong codes in a quarter of an hour', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const { secret } = await enrolTotp(await sessionAgent(app, await login(app, user.email)), time.now());
    time.advanceSeconds(30);
    // Five wrong codes, a new sign-in with the password, four more, and one on a third.
    for (const tries of [5, 4, 1]) {
      const { agent } = await pendingSignIn(app, user.email);
      for (let attempt = 0; attempt < tries; attempt++) {
        await agent.post('/api/auth/two-factor/verify', { method: 'totp', code: '999999' });
      }
    }
    const locked = await login(app, user.email);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect(cookieOf(locked, PENDING_COOKIE)).toBeUndefined();

    time.advanceSeconds(15 * 60 + 1);
    const { agent } = await pendingSignIn(app, user.email);
    await sessionAgent(
      app,
      await agent.post('/api/auth/two-factor/verify', { method: 'totp', code: codeAt(secret, time.now()) }),
    );
  });

  it('wants the pending sign-in’s CSRF token, as a session does', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const { secret } = await enrolTotp(await sessionAgent(app, await login(app, user.email)), time.now());
    time.advanceSeconds(30);
    const { agent } = await pendingSignIn(app, user.email);
    const withoutToken = await agent.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify',
      payload: { method: 'totp', code: codeAt(secret, time.now()) },
      headers: { 'x-csrf-token': 'fel' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_FAILED');
  });
});

describe('a TOTP secret stored before SECRETS_KEY', () => {
  it('is sealed at start and still gives the codes', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const { secret } = await enrolTotp(await sessionAgent(app, await login(app, user.email)), time.now());
    await app.stegvis.db.updateTable('totp_factors').set({ secret }).where('user_id', '=', user.id).execute();

    expect(await sealStoredTotpSecrets(app.stegvis)).toEqual({ sealed: 1 });
    const row = await app.stegvis.db
      .selectFrom('totp_factors')
      .select('secret')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).toMatch(/^v1:/);
    expect(await sealStoredTotpSecrets(app.stegvis)).toEqual({ sealed: 0 });

    time.advanceSeconds(30);
    const { agent } = await pendingSignIn(app, user.email);
    await sessionAgent(
      app,
      await agent.post('/api/auth/two-factor/verify', { method: 'totp', code: codeAt(secret, time.now()) }),
    );
  });
});

describe('recovery codes', () => {
  it('each sign in once, and can be renewed with the password', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const session = await sessionAgent(app, await login(app, user.email));
    const { recoveryCodes } = await enrolTotp(session, time.now());

    const first = await pendingSignIn(app, user.email);
    const typed = recoveryCodes[3].toLowerCase().replaceAll('-', ' ');
    await sessionAgent(app, await first.agent.post('/api/auth/two-factor/verify', { method: 'recovery', code: typed }));

    const second = await pendingSignIn(app, user.email);
    const reused = await second.agent.post('/api/auth/two-factor/verify', {
      method: 'recovery',
      code: recoveryCodes[3],
    });
    expect(reused.statusCode).toBe(401);
    expect((await session.get('/api/two-factor')).json().recoveryCodesLeft).toBe(9);

    const refused = await session.post('/api/two-factor/recovery-codes', { password: 'inte-mitt-losenord' });
    expect(refused.statusCode).toBe(401);
    const renewed = await session.post('/api/two-factor/recovery-codes', { password });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().recoveryCodes).toHaveLength(10);
    const oldCode = await second.agent.post('/api/auth/two-factor/verify', {
      method: 'recovery',
      code: recoveryCodes[4],
    });
    expect(oldCode.statusCode).toBe(401);
    await sessionAgent(
      app,
      await second.agent.post('/api/auth/two-factor/verify', {
        method: 'recovery',
        code: renewed.json().recoveryCodes[0],
      }),
    );
  });
});

describe('a mailed password link', () => {
  it('does not pass the second factor', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    await enrolTotp(await sessionAgent(app, await login(app, user.email)), time.now());
    await app.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email: user.email } });
    const { token } = await import('node:crypto').then(async () => {
      // The token is only mailed; the test makes its own reset link the way the service does.
      const { randomBytes, createHash } = await import('node:crypto');
      const raw = randomBytes(32).toString('base64url');
      const nowIso = new Date(time.now()).toISOString();
      await app.stegvis.db
        .insertInto('auth_tokens')
        .values({
          id: createHash('sha256').update(raw).digest('hex'),
          user_id: user.id,
          purpose: 'password_reset',
          created_at: nowIso,
          expires_at: new Date(time.now() + 3600_000).toISOString(),
          used_at: null,
        })
        .execute();
      return { token: raw };
    });
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/auth/accept',
      payload: { token, password: 'ett-helt-nytt-losenord-2027' },
    });
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().secondFactor.purpose).toBe('verify');
    expect(cookieOf(accepted, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('removing a factor', () => {
  it('asks for the password, and is audited', async () => {
    const { app, time } = await start();
    const user = await addUser(app);
    const session = await sessionAgent(app, await login(app, user.email));
    await enrolTotp(session, time.now());

    const wrong = await session.request({
      method: 'DELETE',
      url: '/api/two-factor/totp',
      payload: { password: 'fel-losenord' },
    });
    expect(wrong.statusCode).toBe(401);
    const removed = await session.request({ method: 'DELETE', url: '/api/two-factor/totp', payload: { password } });
    expect(removed.statusCode).toBe(204);
    expect((await session.get('/api/two-factor')).json()).toMatchObject({ totp: null, recoveryCodesLeft: 0 });
    expect((await login(app, user.email)).statusCode).toBe(200);
    const audit = await app.stegvis.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['two_factor.totp_added', 'two_factor.totp_removed']),
    );
  });
});

describe('the vendor admin’s requirement', () => {
  it('lets a customer’s person who has no factor do nothing but add one, then gives the session', async () => {
    const { app, time } = await start();
    const admin = await loginAs(app, 'vendor_admin');
    const customer = await createCustomer(admin);
    const other = await createCustomer(admin);
    const user = await addUser(app, 'customer', customer.id);
    const elsewhere = await addUser(app, 'customer', other.id);

    const set = await admin.put(`/api/customers/${customer.id}/two-factor-policy`, { required: true });
    expect(set.statusCode, set.body).toBe(200);
    expect((await admin.get(`/api/customers/${customer.id}/two-factor-policy`)).json()).toEqual({ required: true });
    // Only the vendor admin sets it.
    const byCustomer = await sessionAgent(app, await login(app, elsewhere.email));
    const byCustomerAnswer = await byCustomer.put(`/api/customers/${other.id}/two-factor-policy`, { required: false });
    expect([403, 404]).toContain(byCustomerAnswer.statusCode);
    // Another customer's people are not held to it.
    expect((await login(app, elsewhere.email)).statusCode).toBe(200);

    const { step, agent } = await pendingSignIn(app, user.email);
    expect(step).toMatchObject({ purpose: 'enrol', methods: [] });
    for (const url of ['/api/projects', '/api/auth/session', `/api/customers/${customer.id}/people`]) {
      const refused = await agent.get(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    }
    expect((await agent.get('/api/two-factor')).json()).toMatchObject({ required: true, totp: null });

    const setup = await agent.post('/api/two-factor/totp');
    expect(setup.statusCode).toBe(200);
    const confirmed = await agent.post('/api/two-factor/totp/confirm', {
      code: codeAt(setup.json().secret, time.now()),
    });
    const session = await sessionAgent(app, confirmed);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect(confirmed.json().session.user.id).toBe(user.id);
    expect((await session.get('/api/projects')).statusCode).toBe(200);

    // The last factor of someone who must have one stays.
    const kept = await session.request({ method: 'DELETE', url: '/api/two-factor/totp', payload: { password } });
    expect(kept.statusCode).toBe(409);
    // Next time the code is asked for.
    time.advanceSeconds(30);
    expect((await pendingSignIn(app, user.email)).step.purpose).toBe('verify');
  });

  it('holds the vendor’s staff to the vendor setting', async () => {
    const { app } = await start();
    const admin = await loginAs(app, 'vendor_admin');
    const staff = await addUser(app, 'vendor_staff');
    expect((await admin.get('/api/two-factor/policy')).json()).toEqual({ vendorStaffRequired: false });
    const set = await admin.put('/api/two-factor/policy', { vendorStaffRequired: true });
    expect(set.json()).toEqual({ vendorStaffRequired: true });
    const pending = await pendingSignIn(app, staff.email);
    expect(pending.step.purpose).toBe('enrol');
    expect((await pending.agent.get('/api/two-factor')).statusCode).toBe(200);
    // Signing out ends the sign-in that was not finished.
    expect((await pending.agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await pending.agent.get('/api/two-factor')).statusCode).toBe(401);
    const audit = await app.stegvis.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'two_factor.vendor_policy_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('a passkey', () => {
  it('is registered and then completes a password sign-in, for its own user only', async () => {
    const { app } = await start();
    const user = await addUser(app);
    const session = await sessionAgent(app, await login(app, user.email));
    const { origin } = relyingParty(testApp!.config.publicUrl);
    const authenticator = softAuthenticator(origin);

    const options = (await session.post('/api/two-factor/passkeys/options')).json().options;
    expect(options.rp.id).toBe(relyingParty(testApp!.config.publicUrl).rpID);
    const registered = await session.post('/api/two-factor/passkeys', {
      name: 'Min dator',
      response: authenticator.register(options),
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json().recoveryCodes).toHaveLength(10);
    // A challenge is answered once.
    const replayed = await session.post('/api/two-factor/passkeys', {
      name: 'Igen',
      response: authenticator.register(options),
    });
    expect(replayed.statusCode).toBe(409);
    const status = (await session.get('/api/two-factor')).json();
    expect(status.passkeys).toEqual([expect.objectContaining({ id: authenticator.id, name: 'Min dator' })]);

    const { step, agent } = await pendingSignIn(app, user.email);
    expect(step.methods).toEqual(['passkey', 'recovery']);
    const signIn = (await agent.post('/api/auth/two-factor/passkey/options')).json().options;
    expect(signIn.allowCredentials).toEqual([expect.objectContaining({ id: authenticator.id })]);
    // An answer signed for another site is refused.
    const phished = await agent.post('/api/auth/two-factor/passkey', {
      response: authenticator.authenticate(signIn, { origin: 'https://stegvis.example.net' }),
    });
    expect(phished.statusCode).toBe(401);
    const signedIn = await agent.post('/api/auth/two-factor/passkey', { response: authenticator.authenticate(signIn) });
    await sessionAgent(app, signedIn);

    // Another user's pending sign-in cannot be completed with this passkey.
    const stranger = await addUser(app);
    const strangerSession = await sessionAgent(app, await login(app, stranger.email));
    const otherKey = softAuthenticator(origin);
    const otherOptions = (await strangerSession.post('/api/two-factor/passkeys/options')).json().options;
    await strangerSession.post('/api/two-factor/passkeys', {
      name: 'Annan',
      response: otherKey.register(otherOptions),
    });
    const strangerPending = await pendingSignIn(app, stranger.email);
    const strangerChallenge = (await strangerPending.agent.post('/api/auth/two-factor/passkey/options')).json().options;
    const wrongKey = await strangerPending.agent.post('/api/auth/two-factor/passkey', {
      response: authenticator.authenticate({ ...strangerChallenge, rpId: strangerChallenge.rpId }),
    });
    expect(wrongKey.statusCode).toBe(401);

    const removed = await session.request({
      method: 'DELETE',
      url: `/api/two-factor/passkeys/${encodeURIComponent(authenticator.id)}`,
      payload: { password },
    });
    expect(removed.statusCode).toBe(204);
    expect((await login(app, user.email)).statusCode).toBe(200);
  });
});
