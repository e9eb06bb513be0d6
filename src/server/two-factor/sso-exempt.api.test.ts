import { afterEach, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/guard.js';
import { createUser } from '../auth/service.js';
import { createTestApp, loginAs } from '../test-support/app.js';
import { createCustomer, createPerson } from '../test-support/factories.js';
import { startOidcProvider } from '../test-support/oidc-provider.js';

const CLIENT_ID = 'stegvis';
const CLIENT_SECRET = 'en-hemlig-klientnyckel-4711';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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

it('leaves single sign-on to the provider: a person whose customer requires a second factor signs in through it', async () => {
  const testApp = await createTestApp();
  cleanups.push(() => testApp.close());
  const { app } = testApp;
  const redirectUri = `${testApp.config.publicUrl.replace(/\/$/, '')}/api/auth/sso/callback`;
  const provider = await startOidcProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [redirectUri],
    accounts: [{ email: 'sara@exempelby.se', name: 'Sara i Entra' }],
  });
  cleanups.push(() => provider.close());
  const admin = await loginAs(app);
  const customer = await createCustomer(admin);
  const user = await createUser(app.stegvis, {
    email: 'sara@exempelby.se',
    name: 'Sara Sund',
    password: 'ett-langt-losenord-for-sara',
    role: 'customer',
  });
  await createPerson(app, { customerId: customer.id, userId: user.id, email: 'sara@exempelby.se' });
  expect((await admin.put(`/api/customers/${customer.id}/two-factor-policy`, { required: true })).statusCode).toBe(200);
  const added = await admin.post('/api/sso/providers', {
    name: 'Exempelby Entra ID',
    customerId: customer.id,
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    emailDomains: ['exempelby.se'],
    enabled: true,
  });
  expect(added.statusCode, added.body).toBe(201);

  // With the password she must add a second factor first.
  const byPassword = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'sara@exempelby.se', password: 'ett-langt-losenord-for-sara' },
  });
  expect(byPassword.statusCode).toBe(202);
  expect(byPassword.json().secondFactor.purpose).toBe('enrol');

  // Through her organisation's provider she gets a session at once.
  const start = await app.inject({ method: 'GET', url: `/api/auth/sso/start?provider=${added.json().id}` });
  expect(start.statusCode).toBe(302);
  const state = start.cookies.find((cookie) => cookie.name === 'stegvis_sso_state');
  const browse = providerBrowser();
  const authorizationUrl = start.headers.location as string;
  const toInteraction = await browse(authorizationUrl);
  const interaction = new URL(toInteraction.headers.get('location') as string, authorizationUrl).href;
  await browse(interaction);
  const submitted = await browse(`${interaction}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: 'sara@exempelby.se', password: 'vad-som-helst' }).toString(),
  });
  const back = await browse(new URL(submitted.headers.get('location') as string, authorizationUrl).href);
  const callback = new URL(back.headers.get('location') as string);
  const finished = await app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: `${state?.name}=${state?.value}` },
  });
  expect(finished.statusCode).toBe(302);
  const session = finished.cookies.find((cookie) => cookie.name === SESSION_COOKIE && cookie.value);
  expect(session).toBeDefined();
  const me = await app.inject({
    method: 'GET',
    url: '/api/auth/session',
    headers: { cookie: `${session?.name}=${session?.value}` },
  });
  expect(me.statusCode).toBe(200);
  expect(me.json().user.id).toBe(user.id);
});
