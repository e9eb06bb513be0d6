import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateIdentityProviderBody, IdentityProvider } from '../../shared/sso.js';
import { buildApp } from '../app.js';
import { SESSION_COOKIE } from '../auth/guard.js';
import { createUser } from '../auth/service.js';
import { loadConfig, parseDatabaseUrl } from '../config/config.js';
import type { Clock } from '../core/clock.js';
import { keyIdOf, parseSecretsKey } from '../core/secrets.js';
import { Agent, createTestApp, freshDatabase, loginAs, TEST_SECRETS_KEY, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { type OidcAccount, startOidcProvider } from '../test-support/oidc-provider.js';

const CLIENT_ID = 'stegvis';
const CLIENT_SECRET = 'en-hemlig-klientnyckel-4711';
const REDIRECT_URI = 'http://localhost:3000/api/auth/sso/callback';

const testKey = parseSecretsKey(TEST_SECRETS_KEY) as Buffer;

/** What an administrator is told of any provider that cannot be used, whatever the reason. */
const neutralFailure = (issuer: string) =>
  `Stegvis kunde inte läsa någon OpenID Connect-beskrivning från ${issuer}. Kontrollera att adressen är leverantörens issuer, exakt som i dess .well-known/openid-configuration, och att leverantören nås över internet.`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startProvider(accounts: OidcAccount[], options: { claimsInIdToken?: boolean } = {}) {
  const provider = await startOidcProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [REDIRECT_URI],
    accounts,
    ...options,
  });
  cleanups.push(() => provider.close());
  return provider;
}

async function startApp(clock?: Clock): Promise<TestApp> {
  const testApp = await createTestApp({ clock });
  cleanups.push(() => testApp.close());
  return testApp;
}

/** A clock the test moves by hand, starting now: the provider's tokens are checked against real time. */
function movableClock() {
  let now = Date.now();
  return {
    clock: { now: () => new Date(now) } satisfies Clock,
    advanceMinutes: (minutes: number) => (now += minutes * 60_000),
  };
}

const providerBody = (
  issuer: string,
  overrides: Partial<CreateIdentityProviderBody> = {},
): CreateIdentityProviderBody => ({
  name: 'Exempelby kommun Entra ID',
  customerId: null,
  issuer,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  emailDomains: ['exempelby.se'],
  enabled: true,
  ...overrides,
});

async function addProvider(admin: Agent, issuer: string, overrides: Partial<CreateIdentityProviderBody> = {}) {
  const response = await admin.post('/api/sso/providers', providerBody(issuer, overrides));
  if (response.statusCode !== 201) throw new Error(`provider not added: ${response.body}`);
  return response.json() as IdentityProvider;
}

/** A browser at the provider: its cookies kept, redirects followed by hand. */
function providerBrowser() {
  const cookies = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value && !/expires=Thu, 01 Jan 1970/i.test(header)) cookies.set(name, value);
      else cookies.delete(name);
    }
    return response;
  };
}

const locationOf = (response: { headers: Headers | LightMyRequestResponse['headers'] }) => {
  const location = response.headers instanceof Headers ? response.headers.get('location') : response.headers.location;
  if (typeof location !== 'string') throw new Error('no redirect');
  return location;
};

/** Opens Stegvis' start address: where the browser is sent, and the sign-in cookie it is given. */
async function startAt(app: FastifyInstance, providerId: string, returnTo?: string) {
  const query = new URLSearchParams({ provider: providerId, ...(returnTo === undefined ? {} : { returnTo }) });
  const response = await app.inject({ method: 'GET', url: `/api/auth/sso/start?${query}` });
  expect(response.statusCode).toBe(302);
  const cookie = response.cookies.find((candidate) => candidate.name === 'stegvis_sso_state');
  return { location: locationOf(response), stateCookie: cookie ? `${cookie.name}=${cookie.value}` : undefined };
}

/**
 * Signs in at the provider's login page (or cancels there) and gives the path and query the
 * provider sends the browser back to Stegvis with.
 */
async function atProvider(authorizationUrl: string, login: string | { cancel: true }): Promise<string> {
  const browse = providerBrowser();
  const toInteraction = await browse(authorizationUrl);
  expect(toInteraction.status).toBe(303);
  const interaction = new URL(locationOf(toInteraction), authorizationUrl).href;
  const page = await browse(interaction);
  expect(await page.text()).toContain('name="login"');
  const submitted =
    typeof login === 'string'
      ? await browse(`${interaction}/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login, password: 'vad-som-helst' }).toString(),
        })
      : await browse(`${interaction}/abort`);
  expect(submitted.status).toBe(303);
  const backToStegvis = await browse(new URL(locationOf(submitted), authorizationUrl).href);
  const callback = new URL(locationOf(backToStegvis));
  expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
  return callback.pathname + callback.search;
}

async function finishAt(app: FastifyInstance, callbackPath: string, stateCookie: string | undefined) {
  return app.inject({
    method: 'GET',
    url: callbackPath,
    headers: stateCookie ? { cookie: stateCookie } : {},
  });
}

/** The whole journey: Stegvis → the provider's login → back to Stegvis. */
async function signIn(app: FastifyInstance, providerId: string, login: string, returnTo?: string) {
  const started = await startAt(app, providerId, returnTo);
  const callbackPath = await atProvider(started.location, login);
  const callback = await finishAt(app, callbackPath, started.stateCookie);
  expect(callback.statusCode).toBe(302);
  return { callback, location: locationOf(callback), callbackPath, stateCookie: started.stateCookie };
}

/** The browser after landing: the web app asks who it is, and writes with the CSRF token it gets. */
async function sessionAfter(app: FastifyInstance, callback: LightMyRequestResponse) {
  const cookie = callback.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const session = await app.inject({
    method: 'GET',
    url: '/api/auth/session',
    headers: { cookie: `${cookie.name}=${cookie.value}` },
  });
  expect(session.statusCode).toBe(200);
  const { user, csrfToken } = session.json() as { user: CurrentUser; csrfToken: string };
  return { user, agent: new Agent(app, `${cookie.name}=${cookie.value}`, csrfToken), cookie };
}

async function identitiesOf(app: FastifyInstance, userId: string) {
  return app.stegvis.db.selectFrom('sso_identities').selectAll().where('user_id', '=', userId).execute();
}

describe('signing in through the organisation’s provider', () => {
  it('signs in a user who has the address, with a session like a password login, on the page asked for', async () => {
    const { app } = await startApp();
    const provider = await startProvider([{ email: 'Anna.Andersson@exempelby.se', name: 'Anna i Entra' }]);
    const admin = await loginAs(app);
    const customer = await createCustomer(admin);
    const settings = await addProvider(admin, provider.issuer, { customerId: customer.id });
    const anna = await createUser(app.stegvis, {
      email: 'anna.andersson@exempelby.se',
      name: 'Anna Andersson',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });

    const { callback, location } = await signIn(app, settings.id, 'anna.andersson@exempelby.se', '/projekt?flik=mina');
    expect(location).toBe('/projekt?flik=mina');
    expect(callback.headers['cache-control']).toBe('no-store');
    const { user, agent, cookie } = await sessionAfter(app, callback);
    expect(user).toMatchObject({ id: anna.id, name: 'Anna Andersson', role: 'vendor_staff' });
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Writes need the CSRF token, exactly as after a password login.
    const withoutToken = { cookie: `${cookie.name}=${cookie.value}` };
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: withoutToken });
    expect(logout.statusCode).toBe(403);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);

    const [identity] = await identitiesOf(app, anna.id);
    expect(identity).toMatchObject({ provider_id: settings.id });
    const [listed] = (await admin.get('/api/sso/providers')).json().items as IdentityProvider[];
    expect(listed).toMatchObject({ linkedUserCount: 1, lastSignInAt: identity.last_sign_in_at });
    const audit = await app.stegvis.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'customer_id'])
      .where('entity_id', '=', anna.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'user.identity_linked',
        summary: 'Anna Andersson loggade in via Exempelby kommun Entra ID för första gången',
        customer_id: customer.id,
      },
    ]);
  });

  it('finds the user by the provider’s subject later, even after the provider changes the address', async () => {
    const { app } = await startApp();
    const provider = await startProvider([{ email: 'bo@exempelby.se', name: 'Bo', sub: 'entra-oid-1' }]);
    const admin = await loginAs(app);
    const settings = await addProvider(admin, provider.issuer);
    const bo = await createUser(app.stegvis, {
      email: 'bo@exempelby.se',
      name: 'Bo Berg',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });
    const first = await signIn(app, settings.id, 'bo@exempelby.se');
    expect((await sessionAfter(app, first.callback)).user.id).toBe(bo.id);
    expect(await identitiesOf(app, bo.id)).toMatchObject([{ subject: 'entra-oid-1' }]);

    // Bo married: a new address the provider vouches for, which no user of Stegvis has.
    provider.setAccounts([{ email: 'bo.lind@exempelby.se', name: 'Bo Lind', sub: 'entra-oid-1' }]);
    const later = await signIn(app, settings.id, 'bo.lind@exempelby.se');
    const { user } = await sessionAfter(app, later.callback);
    expect(user).toMatchObject({ id: bo.id, email: 'bo@exempelby.se' });
    expect(await identitiesOf(app, bo.id)).toHaveLength(1);
  });

  it('gives a person of the customer a login on the first sign-in, seeing only that customer’s project', async () => {
    const { app } = await startApp();
    const provider = await startProvider([{ email: 'cilla@exempelby.se', name: 'Cilla C' }]);
    const admin = await loginAs(app);
    const exempelby = await createCustomer(admin, { name: 'Exempelby kommun' });
    const other = await createCustomer(admin, { name: 'Annanstad kommun' });
    const ownProject = await createProject(admin, exempelby.id);
    const otherProject = await createProject(admin, other.id);
    const cilla = await createPerson(app, {
      customerId: exempelby.id,
      name: 'Cilla Carlsson',
      email: 'cilla@exempelby.se',
    });
    await assignRole(app, { projectId: ownProject.id, personId: cilla.id, roleKey: 'rektor' });
    // The same address at another customer is another person, not this one.
    await createPerson(app, { customerId: other.id, name: 'Cilla hos Annanstad', email: 'cilla@exempelby.se' });
    const settings = await addProvider(admin, provider.issuer, { customerId: exempelby.id });

    const { callback } = await signIn(app, settings.id, 'cilla@exempelby.se');
    const { user, agent } = await sessionAfter(app, callback);
    expect(user).toMatchObject({
      email: 'cilla@exempelby.se',
      name: 'Cilla Carlsson',
      role: 'customer',
      personId: cilla.id,
      customerId: exempelby.id,
    });
    const projects = (await agent.get('/api/projects')).json().items as { id: string }[];
    expect(projects.map((project) => project.id)).toEqual([ownProject.id]);
    expect((await agent.get(`/api/projects/${otherProject.id}`)).statusCode).toBe(404);

    const stored = await app.stegvis.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    // A real hash of a password nobody knows: "Glömt lösenord" gives the person one of their own.
    expect(stored.password_hash.startsWith('$argon2')).toBe(true);
    const [created] = await app.stegvis.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'actor_user_id'])
      .where('entity_id', '=', cilla.id)
      .execute();
    expect(created).toEqual({
      action: 'person.account_created',
      summary: 'Cilla Carlsson fick ett konto vid första inloggningen via Exempelby kommun Entra ID',
      actor_user_id: user.id,
    });

    const again = await signIn(app, settings.id, 'cilla@exempelby.se');
    expect((await sessionAfter(app, again.callback)).user.id).toBe(user.id);
    expect(
      await app.stegvis.db.selectFrom('users').select('id').where('email', '=', 'cilla@exempelby.se').execute(),
    ).toHaveLength(1);
  });

  it('gives the vendor’s own person a staff login through the vendor’s provider', async () => {
    const { app } = await startApp();
    const provider = await startProvider([{ email: 'dag@leverantoren.se', name: 'Dag' }]);
    const admin = await loginAs(app);
    const dag = await createPerson(app, { customerId: null, name: 'Dag Dahl', email: 'dag@leverantoren.se' });
    const settings = await addProvider(admin, provider.issuer, {
      name: 'Leverantörens Entra ID',
      emailDomains: ['leverantoren.se'],
    });
    const { callback } = await signIn(app, settings.id, 'dag@leverantoren.se');
    expect((await sessionAfter(app, callback)).user).toMatchObject({
      role: 'vendor_staff',
      personId: dag.id,
      customerId: null,
    });
  });

  it('reads the address from userinfo or from the ID token, whichever the provider gives it in', async () => {
    const { app } = await startApp();
    const provider = await startProvider([{ email: 'eva@exempelby.se', name: 'Eva' }], { claimsInIdToken: true });
    const admin = await loginAs(app);
    const eva = await createUser(app.stegvis, {
      email: 'eva@exempelby.se',
      name: 'Eva',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });
    const settings = await addProvider(admin, provider.issuer);
    const { callback } = await signIn(app, settings.id, 'eva@exempelby.se');
    expect((await sessionAfter(app, callback)).user.id).toBe(eva.id);
  });
});

describe('a sign-in that does not lead to an account', () => {
  async function setUp(accounts: OidcAccount[]) {
    const { app } = await startApp();
    const provider = await startProvider(accounts);
    const admin = await loginAs(app);
    const exempelby = await createCustomer(admin);
    const settings = await addProvider(admin, provider.issuer, { customerId: exempelby.id });
    return { app, admin, provider, settings, exempelby };
  }

  const noSession = (callback: LightMyRequestResponse) =>
    expect(callback.cookies.find((cookie) => cookie.name === SESSION_COOKIE)).toBeUndefined();

  it('is login_disabled for a person whose login is switched off, who had signed in before', async () => {
    const { app, admin, settings, exempelby } = await setUp([{ email: 'frida@exempelby.se', name: 'Frida' }]);
    const frida = await createPerson(app, { customerId: exempelby.id, email: 'frida@exempelby.se' });
    const first = await signIn(app, settings.id, 'frida@exempelby.se');
    const { agent } = await sessionAfter(app, first.callback);

    expect((await admin.put(`/api/people/${frida.id}/login`, { disabled: true })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    const { callback, location } = await signIn(app, settings.id, 'frida@exempelby.se');
    expect(location).toBe('/logga-in?sso=login_disabled');
    noSession(callback);

    expect((await admin.put(`/api/people/${frida.id}/login`, { disabled: false })).statusCode).toBe(200);
    await sessionAfter(app, (await signIn(app, settings.id, 'frida@exempelby.se')).callback);
  });

  it('is no_account for an address nobody in the provider’s organisation has', async () => {
    const { app, admin, settings } = await setUp([{ email: 'frida@exempelby.se', name: 'Frida' }]);
    // A person with the address at another customer cannot be signed in by Exempelby's provider.
    const annanstad = await createCustomer(admin);
    await createPerson(app, { customerId: annanstad.id, email: 'frida@exempelby.se' });
    const { callback, location } = await signIn(app, settings.id, 'frida@exempelby.se');
    expect(location).toBe('/logga-in?sso=no_account');
    noSession(callback);
    expect(await app.stegvis.db.selectFrom('sso_identities').selectAll().execute()).toEqual([]);
  });

  it('is wrong_domain when the provider asserts an address outside its domains', async () => {
    const { app, settings } = await setUp([{ email: 'gustav@akerby.se', name: 'Gustav' }]);
    // Åkerby's user must not be reachable through Exempelby's provider, whatever it claims.
    await createUser(app.stegvis, {
      email: 'gustav@akerby.se',
      name: 'Gustav',
      password: 'ett-langt-losenord',
      role: 'vendor_admin',
    });
    const { callback, location } = await signIn(app, settings.id, 'gustav@akerby.se');
    expect(location).toBe('/logga-in?sso=wrong_domain');
    noSession(callback);
  });

  it('is no_email when the provider says it has not verified the address', async () => {
    const { app, settings } = await setUp([{ email: 'hanna@exempelby.se', name: 'Hanna', emailVerified: false }]);
    await createUser(app.stegvis, {
      email: 'hanna@exempelby.se',
      name: 'Hanna',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });
    const { callback, location } = await signIn(app, settings.id, 'hanna@exempelby.se');
    expect(location).toBe('/logga-in?sso=no_email');
    noSession(callback);
  });

  it('is refused when the user cancels at the provider', async () => {
    const { app, settings } = await setUp([{ email: 'ida@exempelby.se', name: 'Ida' }]);
    const started = await startAt(app, settings.id);
    const callbackPath = await atProvider(started.location, { cancel: true });
    expect(callbackPath).toContain('error=access_denied');
    const callback = await finishAt(app, callbackPath, started.stateCookie);
    expect(locationOf(callback)).toBe('/logga-in?sso=refused');
    noSession(callback);
  });

  it('is provider_error when the token exchange fails, with nothing of it shown', async () => {
    const { app, admin, provider } = await setUp([{ email: 'jan@exempelby.se', name: 'Jan' }]);
    await createUser(app.stegvis, {
      email: 'jan@exempelby.se',
      name: 'Jan',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });
    const wrongSecret = await addProvider(admin, provider.issuer, {
      name: 'Fel hemlighet',
      emailDomains: ['annan.exempelby.se'],
      clientSecret: 'inte-den-riktiga',
    });
    const { callback, location } = await signIn(app, wrongSecret.id, 'jan@exempelby.se');
    expect(location).toBe('/logga-in?sso=provider_error');
    noSession(callback);
  });

  it('is expired when the same callback comes twice, or from a browser that did not start it', async () => {
    const { app, settings } = await setUp([{ email: 'kim@exempelby.se', name: 'Kim' }]);
    await createUser(app.stegvis, {
      email: 'kim@exempelby.se',
      name: 'Kim',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });

    const started = await startAt(app, settings.id);
    const callbackPath = await atProvider(started.location, 'kim@exempelby.se');
    // Sent to someone else: their browser has no sign-in cookie, and the sign-in stays for its owner.
    const elsewhere = await finishAt(app, callbackPath, undefined);
    expect(locationOf(elsewhere)).toBe('/logga-in?sso=expired');
    noSession(elsewhere);

    const first = await finishAt(app, callbackPath, started.stateCookie);
    expect(locationOf(first)).toBe('/');
    const second = await finishAt(app, callbackPath, started.stateCookie);
    expect(locationOf(second)).toBe('/logga-in?sso=expired');
    noSession(second);
  });

  it('is expired when the sign-in took more than ten minutes', async () => {
    const { clock, advanceMinutes } = movableClock();
    const { app } = await startApp(clock);
    const provider = await startProvider([{ email: 'lo@exempelby.se', name: 'Lo' }]);
    const admin = await loginAs(app);
    const settings = await addProvider(admin, provider.issuer);
    await createUser(app.stegvis, {
      email: 'lo@exempelby.se',
      name: 'Lo',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });

    const inTime = await startAt(app, settings.id);
    const inTimePath = await atProvider(inTime.location, 'lo@exempelby.se');
    const late = await startAt(app, settings.id);
    const latePath = await atProvider(late.location, 'lo@exempelby.se');

    advanceMinutes(9);
    expect(locationOf(await finishAt(app, inTimePath, inTime.stateCookie))).toBe('/');
    advanceMinutes(2);
    const tooLate = await finishAt(app, latePath, late.stateCookie);
    expect(locationOf(tooLate)).toBe('/logga-in?sso=expired');
    noSession(tooLate);
  });

  it('is disabled for a provider turned off, before or during the sign-in, or one that does not exist', async () => {
    const { app, admin, settings } = await setUp([{ email: 'maj@exempelby.se', name: 'Maj' }]);
    await createUser(app.stegvis, {
      email: 'maj@exempelby.se',
      name: 'Maj',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });
    const started = await startAt(app, settings.id);
    const callbackPath = await atProvider(started.location, 'maj@exempelby.se');

    const {
      version,
      id,
      linkedUserCount: _count,
      lastSignInAt: _last,
      customerName: _name,
      updatedAt: _at,
      ...rest
    } = settings;
    const off = await admin.patch(`/api/sso/providers/${id}`, { ...rest, enabled: false, version });
    expect(off.statusCode).toBe(200);
    expect(locationOf(await finishAt(app, callbackPath, started.stateCookie))).toBe('/logga-in?sso=disabled');

    const refused = await startAt(app, settings.id);
    expect(refused).toEqual({ location: '/logga-in?sso=disabled', stateCookie: undefined });
    const unknown = await startAt(app, '00000000-0000-4000-8000-000000000000');
    expect(unknown.location).toBe('/logga-in?sso=disabled');
  });

  it('lands on the start page when the page to return to leads outside the app', async () => {
    const { app, settings } = await setUp([{ email: 'nils@exempelby.se', name: 'Nils' }]);
    await createUser(app.stegvis, {
      email: 'nils@exempelby.se',
      name: 'Nils',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });
    const { callback, location } = await signIn(app, settings.id, 'nils@exempelby.se', '//evil.example');
    expect(location).toBe('/');
    await sessionAfter(app, callback);
  });
});

describe('several instances of Stegvis', () => {
  it('finishes on one instance a sign-in started on another: nothing of it is held in memory', async () => {
    const database = await freshDatabase({ sqliteFile: true });
    cleanups.push(() => database.drop());
    const config = {
      ...loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SECRETS_KEY: TEST_SECRETS_KEY,
        SSO_ALLOW_LOOPBACK: 'true',
      }),
      database: parseDatabaseUrl(database.url),
      web: undefined,
    };
    const first = await buildApp(config);
    cleanups.push(() => first.close());
    const second = await buildApp(config);
    cleanups.push(() => second.close());
    const provider = await startProvider([{ email: 'olle@exempelby.se', name: 'Olle' }]);
    const settings = await addProvider(await loginAs(first), provider.issuer);
    const olle = await createUser(first.stegvis, {
      email: 'olle@exempelby.se',
      name: 'Olle',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });

    const started = await startAt(first, settings.id, '/mina-uppgifter');
    const callbackPath = await atProvider(started.location, 'olle@exempelby.se');
    const callback = await finishAt(second, callbackPath, started.stateCookie);
    expect(locationOf(callback)).toBe('/mina-uppgifter');
    expect((await sessionAfter(second, callback)).user.id).toBe(olle.id);
    expect((await sessionAfter(first, callback)).user.id).toBe(olle.id);
  });
});

describe('the providers, as the vendor admin keeps them', () => {
  it('are kept by the vendor admin alone', async () => {
    const { app } = await startApp();
    const admin = await loginAs(app);
    const settings = await addProvider(admin, 'https://login.exempelby.se');
    const id = settings.id;
    const body = providerBody('https://login.exempelby.se');
    for (const role of ['vendor_staff', 'customer'] as const) {
      const other = await loginAs(app, role);
      for (const response of [
        await other.get('/api/sso/providers'),
        await other.post('/api/sso/providers', body),
        await other.patch(`/api/sso/providers/${id}`, { ...body, version: 1 }),
        await other.delete(`/api/sso/providers/${id}`),
        await other.post(`/api/sso/providers/${id}/check`),
      ]) {
        expect(response.statusCode, `${role} ${response.body}`).toBe(403);
      }
    }
    for (const [method, url] of [
      ['GET', '/api/sso/providers'],
      ['POST', '/api/sso/providers'],
      ['PATCH', `/api/sso/providers/${id}`],
      ['DELETE', `/api/sso/providers/${id}`],
      ['POST', `/api/sso/providers/${id}/check`],
    ] as const) {
      expect((await app.inject({ method, url, payload: method === 'GET' ? undefined : body })).statusCode).toBe(401);
    }
  });

  it('never give the client secret back, and keep it when a change leaves it out', async () => {
    const { app } = await startApp();
    const admin = await loginAs(app);
    const customer = await createCustomer(admin, { name: 'Exempelby kommun' });
    const created = await admin.post(
      '/api/sso/providers',
      providerBody('https://login.exempelby.se/tenant-1/v2.0', {
        customerId: customer.id,
        emailDomains: ['Exempelby.se', '@skola.exempelby.se', 'exempelby.se'],
      }),
    );
    expect(created.statusCode).toBe(201);
    const provider = created.json() as IdentityProvider;
    expect(provider).toMatchObject({
      name: 'Exempelby kommun Entra ID',
      customerId: customer.id,
      customerName: 'Exempelby kommun',
      issuer: 'https://login.exempelby.se/tenant-1/v2.0',
      clientId: CLIENT_ID,
      emailDomains: ['exempelby.se', 'skola.exempelby.se'],
      enabled: true,
      linkedUserCount: 0,
      lastSignInAt: null,
      version: 1,
    });

    const {
      id,
      version,
      linkedUserCount: _count,
      lastSignInAt: _last,
      customerName: _name,
      updatedAt: _at,
      ...rest
    } = provider;
    const renamed = await admin.patch(`/api/sso/providers/${id}`, { ...rest, name: 'Exempelby Entra', version });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Exempelby Entra', version: 2 });
    const list = await admin.get('/api/sso/providers');
    expect(list.json()).toMatchObject({ redirectUri: REDIRECT_URI, items: [{ id, name: 'Exempelby Entra' }] });
    const stored = await app.stegvis.db
      .selectFrom('identity_providers')
      .select('client_secret')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Sealed with SECRETS_KEY: a backup of the database holds no usable secret.
    expect(stored.client_secret).toMatch(new RegExp(`^v1:${keyIdOf(testKey)}:`));
    expect(stored.client_secret).not.toContain(CLIENT_SECRET);

    const resecret = await admin.patch(`/api/sso/providers/${id}`, {
      ...rest,
      clientSecret: 'en-ny-hemlighet',
      version: 2,
    });
    expect(resecret.statusCode).toBe(200);
    const audit = await app.stegvis.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((event) => event.action).sort()).toEqual([
      'identity_provider.created',
      'identity_provider.updated',
      'identity_provider.updated',
    ]);
    for (const text of [created.body, renamed.body, resecret.body, list.body, JSON.stringify(audit)]) {
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain('en-ny-hemlighet');
    }

    expect((await admin.delete(`/api/sso/providers/${id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/sso/providers/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/sso/providers')).json().items).toEqual([]);
  });

  it('refuse a stale version, an http issuer off this machine, a domain another enabled provider has, and a customer that does not exist', async () => {
    const { app } = await startApp();
    const admin = await loginAs(app);
    const first = await addProvider(admin, 'https://login.exempelby.se');
    const {
      id,
      version,
      linkedUserCount: _count,
      lastSignInAt: _last,
      customerName: _name,
      updatedAt: _at,
      ...rest
    } = first;
    expect((await admin.patch(`/api/sso/providers/${id}`, { ...rest, name: 'Ny', version })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/sso/providers/${id}`, { ...rest, name: 'Gammal', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const insecure = await admin.post(
      '/api/sso/providers',
      providerBody('http://login.exempelby.se', { emailDomains: ['a.se'] }),
    );
    expect(insecure.statusCode).toBe(400);
    expect(insecure.json().error.fields).toEqual({ issuer: 'Adressen ska börja med https://' });
    const loopback = await admin.post(
      '/api/sso/providers',
      providerBody('http://127.0.0.1:9', { emailDomains: ['b.se'] }),
    );
    expect(loopback.statusCode).toBe(201);

    const taken = await admin.post(
      '/api/sso/providers',
      providerBody('https://adfs.akerby.se', { name: 'Åkerby ADFS', emailDomains: ['akerby.se', 'exempelby.se'] }),
    );
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.emailDomains).toContain('Ny');
    // Turned off, it may list the domain: it takes over only when the other is turned off first.
    const waiting = await admin.post(
      '/api/sso/providers',
      providerBody('https://adfs.akerby.se', { name: 'Åkerby ADFS', emailDomains: ['exempelby.se'], enabled: false }),
    );
    expect(waiting.statusCode).toBe(201);
    const waitingProvider = waiting.json() as IdentityProvider;
    const turnOn = await admin.patch(`/api/sso/providers/${waitingProvider.id}`, {
      ...providerBody('https://adfs.akerby.se', { name: 'Åkerby ADFS', emailDomains: ['exempelby.se'] }),
      clientSecret: undefined,
      version: 1,
    });
    expect(turnOn.statusCode).toBe(400);
    expect(turnOn.json().error.fields.emailDomains).toContain('exempelby.se');

    const noCustomer = await admin.post(
      '/api/sso/providers',
      providerBody('https://login.c.se', {
        emailDomains: ['c.se'],
        customerId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(noCustomer.statusCode).toBe(400);
    expect(noCustomer.json().error.fields).toHaveProperty('customerId');
    expect(
      (await admin.patch('/api/sso/providers/00000000-0000-4000-8000-000000000000', { ...rest, version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('are found by the domain of an address, when enabled', async () => {
    const { app } = await startApp();
    const admin = await loginAs(app);
    const exempelby = await addProvider(admin, 'https://login.exempelby.se', {
      emailDomains: ['exempelby.se', 'skola.exempelby.se'],
    });
    await addProvider(admin, 'https://adfs.akerby.se', { name: 'Åkerby', emailDomains: ['akerby.se'], enabled: false });
    const discover = async (email: string) =>
      (await app.inject({ method: 'POST', url: '/api/auth/sso/discover', payload: { email } })).json();

    expect(await discover('Pia@Skola.Exempelby.se')).toEqual({
      provider: {
        id: exempelby.id,
        name: 'Exempelby kommun Entra ID',
        startUrl: `/api/auth/sso/start?provider=${exempelby.id}`,
      },
    });
    expect(await discover('pia@akerby.se')).toEqual({ provider: null });
    expect(await discover('pia@annanstad.se')).toEqual({ provider: null });
    const invalid = await app.inject({ method: 'POST', url: '/api/auth/sso/discover', payload: { email: 'pia' } });
    expect(invalid.statusCode).toBe(400);
  });

  it('are checked by reading the discovery document, with a reason when it cannot be read', async () => {
    const { app } = await startApp();
    const admin = await loginAs(app);
    const provider = await startProvider([]);
    const working = await addProvider(admin, provider.issuer);
    expect((await admin.post(`/api/sso/providers/${working.id}/check`)).json()).toEqual({
      ok: true,
      authorizationEndpoint: `${provider.issuer}/auth`,
      scopesSupported: expect.arrayContaining(['openid', 'email', 'profile']),
    });

    const closedPort = await new Promise<number>((resolve) => {
      const server = http.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const unreachable = await addProvider(admin, `http://127.0.0.1:${closedPort}`, {
      name: 'Stängd',
      emailDomains: ['stangd.se'],
    });
    const closed = await admin.post(`/api/sso/providers/${unreachable.id}/check`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({ ok: false, message: neutralFailure(`http://127.0.0.1:${closedPort}`) });

    const plainSite = http.createServer((_request, response) => response.writeHead(404).end('Sidan finns inte'));
    await new Promise<void>((resolve) => plainSite.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => plainSite.close(() => resolve())));
    const site = `http://127.0.0.1:${(plainSite.address() as AddressInfo).port}`;
    const notProvider = await addProvider(admin, site, { name: 'Webbplats', emailDomains: ['webbplats.se'] });
    // The same words whether nothing answers or something that is no provider does.
    expect((await admin.post(`/api/sso/providers/${notProvider.id}/check`)).json()).toEqual({
      ok: false,
      message: neutralFailure(site),
    });
  });
});

/** A web server on 127.0.0.1 that is no provider (every path answers 404) and counts the requests it gets. */
async function countingSite() {
  let requests = 0;
  const server = http.createServer((_request, response) => {
    requests += 1;
    response.writeHead(404).end('Sidan finns inte');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

describe('the addresses a provider may have (server-side request forgery)', () => {
  it('refuse private, link-local and other non-public hosts at registration, with the one neutral text', async () => {
    const { app } = await startApp();
    const admin = await loginAs(app);
    // Literal addresses: refused before any connection is tried, so no traffic goes to them.
    for (const issuer of [
      'https://169.254.169.254/x',
      'https://10.0.0.1',
      'https://192.168.1.10/adfs',
      'https://100.64.0.1',
      'https://[::ffff:169.254.169.254]',
      'https://[fd00::1]',
      'https://0.0.0.0',
    ]) {
      const response = await admin.post('/api/sso/providers', providerBody(issuer));
      expect(response.statusCode, issuer).toBe(400);
      expect(response.json().error.fields, issuer).toEqual({ issuer: neutralFailure(issuer) });
    }
    const allowed = await addProvider(admin, 'https://login.exempelby.se');
    const { id, version, linkedUserCount: _c, lastSignInAt: _l, customerName: _n, updatedAt: _u, ...rest } = allowed;
    const moved = await admin.patch(`/api/sso/providers/${id}`, {
      ...rest,
      issuer: 'https://169.254.169.254',
      version,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({ issuer: neutralFailure('https://169.254.169.254') });
    expect(
      (await app.stegvis.db.selectFrom('identity_providers').select('issuer').execute()).map((row) => row.issuer),
    ).toEqual(['https://login.exempelby.se']);
  });

  it('refuse this machine without SSO_ALLOW_LOOPBACK, at registration and at every fetch', async () => {
    const testApp = await createTestApp({ env: { SSO_ALLOW_LOOPBACK: 'false' } });
    cleanups.push(() => testApp.close());
    const { app } = testApp;
    const admin = await loginAs(app);
    const site = await countingSite();
    for (const issuer of [site.url, 'https://localhost', 'https://127.0.0.2']) {
      const response = await admin.post('/api/sso/providers', providerBody(issuer));
      expect(response.statusCode, issuer).toBe(400);
      expect(response.json().error.fields, issuer).toEqual({ issuer: neutralFailure(issuer) });
    }

    // A provider stored while the flag was on (or a name that resolved elsewhere then) is checked again before each fetch.
    const allowedBefore = await createTestApp({ env: {} });
    cleanups.push(() => allowedBefore.close());
    const stored = await addProvider(await loginAs(allowedBefore.app), site.url);
    const row = await allowedBefore.app.stegvis.db
      .selectFrom('identity_providers')
      .selectAll()
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    await app.stegvis.db.insertInto('identity_providers').values(row).execute();

    const check = await admin.post(`/api/sso/providers/${stored.id}/check`);
    expect(check.json()).toEqual({ ok: false, message: neutralFailure(site.url) });
    const started = await app.inject({ method: 'GET', url: `/api/auth/sso/start?provider=${stored.id}` });
    expect(locationOf(started)).toBe('/logga-in?sso=provider_error');
    expect(site.requests()).toBe(0);
  });

  it('keep a failed discovery for a minute: anonymous sign-in starts do not make the server fetch again', async () => {
    const { clock, advanceMinutes } = movableClock();
    const { app } = await startApp(clock);
    const site = await countingSite();
    const provider = await addProvider(await loginAs(app), site.url);
    const start = async () =>
      locationOf(await app.inject({ method: 'GET', url: `/api/auth/sso/start?provider=${provider.id}` }));

    expect(await start()).toBe('/logga-in?sso=provider_error');
    const afterFirst = site.requests();
    expect(afterFirst).toBeGreaterThan(0);
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await start()).toBe('/logga-in?sso=provider_error');
    expect(site.requests()).toBe(afterFirst);

    advanceMinutes(1.5);
    expect(await start()).toBe('/logga-in?sso=provider_error');
    expect(site.requests()).toBe(afterFirst * 2);
  });
});

describe('the client secrets at rest', () => {
  const otherKey = 'b3RoZXIta2V5LWZvci1zdGVndmlzLXJvdGF0aW9uLTE=';

  async function appOn(url: string, env: Record<string, string>) {
    const app = await buildApp({
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SSO_ALLOW_LOOPBACK: 'true', ...env }),
      database: parseDatabaseUrl(url),
      web: undefined,
    });
    cleanups.push(() => app.close());
    return app;
  }

  const storedSecret = async (app: FastifyInstance) =>
    (await app.stegvis.db.selectFrom('identity_providers').select('client_secret').executeTakeFirstOrThrow())
      .client_secret;

  it('stop the start without SECRETS_KEY, seal plain ones at start, and open with the previous key after a rotation', async () => {
    const database = await freshDatabase({ sqliteFile: true });
    cleanups.push(() => database.drop());
    const provider = await startProvider([{ email: 'olle@exempelby.se', name: 'Olle' }]);

    const first = await appOn(database.url, { SECRETS_KEY: TEST_SECRETS_KEY });
    const settings = await addProvider(await loginAs(first), provider.issuer);
    await createUser(first.stegvis, {
      email: 'olle@exempelby.se',
      name: 'Olle',
      password: 'ett-langt-losenord',
      role: 'vendor_staff',
    });
    const sealed = await storedSecret(first);
    // As a database from before SECRETS_KEY holds it.
    await first.stegvis.db.updateTable('identity_providers').set({ client_secret: CLIENT_SECRET }).execute();
    await first.close();

    await expect(appOn(database.url, {})).rejects.toThrow(
      /SECRETS_KEY saknas, men databasen har 1 klienthemligheter .* i klartext/,
    );

    const second = await appOn(database.url, { SECRETS_KEY: TEST_SECRETS_KEY });
    const resealed = await storedSecret(second);
    expect(resealed).toMatch(new RegExp(`^v1:${keyIdOf(testKey)}:`));
    expect(resealed).not.toBe(sealed);
    expect(resealed).not.toContain(CLIENT_SECRET);
    await second.close();

    await expect(appOn(database.url, {})).rejects.toThrow(
      new RegExp(
        `SECRETS_KEY saknas, men databasen har klienthemligheter .* krypterade med den \\(nyckel-id ${keyIdOf(testKey)}\\)`,
      ),
    );
    await expect(appOn(database.url, { SECRETS_KEY: otherKey })).rejects.toThrow(/SECRETS_KEY_PREVIOUS/);

    // Rotation: the new key seals, the old one opens what it sealed, and the start seals it anew.
    const rotated = await appOn(database.url, { SECRETS_KEY: otherKey, SECRETS_KEY_PREVIOUS: TEST_SECRETS_KEY });
    expect(await storedSecret(rotated)).toMatch(new RegExp(`^v1:${keyIdOf(parseSecretsKey(otherKey) as Buffer)}:`));
    const { location } = await signIn(rotated, settings.id, 'olle@exempelby.se', '/mina-uppgifter');
    expect(location).toBe('/mina-uppgifter');
  });
});
