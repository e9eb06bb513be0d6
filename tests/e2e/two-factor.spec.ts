import { expect, type Page, request, test } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { e2eAdmin } from '../../playwright.config.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { INVITATION_LINK, linkInNewestMail, organisationNumber } from './journey.js';

/** The code an authenticator app shows for `secret` at `timestamp` (SHA1, 6 digits, 30 s). */
const totpCode = (secret: string, timestamp: number) =>
  OTPAuth.TOTP.generate({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp,
  });

/**
 * A person with a password, made through the API as the admin would in the browser (the
 * invitation journey covers those pages): one of the vendor's people, or with `customer` one of a
 * new customer's, whose customer requires a second factor.
 */
async function userWithPassword(
  site: string,
  serverName: string,
  person: { name: string; email: string; password: string; customer?: boolean },
) {
  const { email, password } = person;
  const admin = await request.newContext({ baseURL: site });
  const login = await admin.post('/api/auth/login', { data: { email: e2eAdmin.email, password: e2eAdmin.password } });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken };
  let peopleUrl = '/api/vendor/people';
  if (person.customer) {
    const customer = await admin.post('/api/customers', {
      data: { name: `Tvåstegsby ${email.slice(0, 6)} kommun`, organisationNumber: organisationNumber() },
      headers,
    });
    expect(customer.status(), await customer.text()).toBe(201);
    const customerId = (await customer.json()).id;
    const required = await admin.put(`/api/customers/${customerId}/two-factor-policy`, {
      data: { required: true },
      headers,
    });
    expect(required.status()).toBe(200);
    peopleUrl = `/api/customers/${customerId}/people`;
  }
  const created = await admin.post(peopleUrl, { data: { name: person.name, email }, headers });
  expect(created.status(), await created.text()).toBe(201);
  const invited = await admin.post(`/api/people/${(await created.json()).id}/invitation`, { headers });
  expect(invited.status()).toBe(201);
  await admin.dispose();
  const link = await linkInNewestMail(serverName, email, INVITATION_LINK);
  const newcomer = await request.newContext({ baseURL: site });
  const accepted = await newcomer.post('/api/auth/accept', {
    data: { token: new URL(link).searchParams.get('token'), password },
  });
  // Someone who must have a second factor chooses the password but is not signed in by the link.
  expect(accepted.status(), await accepted.text()).toBe(person.customer ? 202 : 200);
  await newcomer.dispose();
}

async function passwordStep(page: Page, site: string, email: string, password: string) {
  await page.goto(`${site}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

const projectsHeading = (page: Page) => page.getByRole('heading', { name: 'Projekt', level: 1 });

/** The server as localhost, its passkeys' relying party: browsers refuse them on an IP address. */
const localSite = (baseURL: string | undefined) => {
  const url = new URL(baseURL as string);
  url.hostname = 'localhost';
  return url.origin;
};

test('a customer’s person whose customer requires a second factor adds one before anything else', async ({
  page,
  baseURL,
}, testInfo) => {
  const site = localSite(baseURL);
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `kim.${suffix}@tvastegsby.se`;
  const password = `kravet-${suffix}-losenord`;
  await userWithPassword(site, testInfo.project.name, { name: 'Kim Krav', email, password, customer: true });

  await passwordStep(page, site, email, password);
  await expect(page.getByRole('heading', { name: 'Lägg till tvåstegsverifiering', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'lägg till tvåstegsverifiering vid inloggningen');
  // Nothing else answers until a factor is added.
  const elsewhere = await page.request.get(`${site}/api/projects`);
  expect(elsewhere.status()).toBe(403);
  expect((await elsewhere.json()).error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');

  await page.getByRole('button', { name: 'Lägg till app' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  await page.getByLabel('Kod från appen').fill(totpCode(secret, Date.now()));
  await page.getByRole('button', { name: 'Bekräfta' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await expectNoSeriousA11yViolations(page, 'återställningskoder vid inloggningen');
  await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
  await expect(projectsHeading(page)).toBeVisible();
});

test('a user adds an authenticator app and a passkey, and signs in with each after the password', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const site = localSite(baseURL);
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `tove.${suffix}@leverantor.se`;
  const password = `tva-steg-${suffix}-losenord`;
  await userWithPassword(site, testInfo.project.name, { name: 'Tove Tvåsteg', email, password });

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });

  // No factor yet: the password signs in, and the account page offers to add one.
  await passwordStep(page, site, email, password);
  await expect(projectsHeading(page)).toBeVisible();
  await page.getByRole('link', { name: 'Tove Tvåsteg' }).click();
  await expect(page.getByRole('heading', { name: 'Mitt konto', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tvåstegsverifiering', level: 2 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'mitt konto');

  // The app: the secret shown as text, confirmed with the code the app would show now.
  await page.getByRole('button', { name: 'Lägg till app' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole('link', { name: /^otpauth:\/\/totp\// })).toHaveAttribute('href', /issuer=Stegvis/);
  await expectNoSeriousA11yViolations(page, 'mitt konto, lägg till app');
  await page.getByLabel('Kod från appen').fill('000000');
  await page.getByRole('button', { name: 'Bekräfta' }).click();
  await expect(page.getByRole('alert')).toContainText('Koden stämmer inte');
  await page.getByLabel('Kod från appen').fill(totpCode(secret, Date.now()));
  await page.getByRole('button', { name: 'Bekräfta' }).click();
  const codes = page.getByTestId('recovery-codes');
  await expect(codes.getByRole('listitem')).toHaveCount(10);
  await expectNoSeriousA11yViolations(page, 'mitt konto, återställningskoder');
  await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
  await expect(page.getByText(/Påslagen sedan/)).toBeVisible();

  // Signed out, the password alone no longer signs in: the code is asked for.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await passwordStep(page, site, email, password);
  await expect(page.getByRole('heading', { name: 'Bekräfta inloggningen', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'bekräfta inloggningen');
  // The next step's code: the one used to confirm the app is never accepted twice.
  await page.getByLabel('Kod från appen').fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Bekräfta' }).click();
  await expect(projectsHeading(page)).toBeVisible();

  // A passkey in this browser (Chrome's virtual authenticator stands in for the fingerprint).
  await page.getByRole('link', { name: 'Tove Tvåsteg' }).click();
  await page.getByLabel('Namn på nyckeln').fill('Jobbdatorn');
  await page.getByRole('button', { name: 'Lägg till nyckel' }).click();
  await expect(page.getByRole('list', { name: 'Nycklar (passkeys)' })).toContainText('Jobbdatorn');
  await expectNoSeriousA11yViolations(page, 'mitt konto med nyckel');

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await passwordStep(page, site, email, password);
  await expect(page.getByRole('heading', { name: 'Bekräfta inloggningen', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Använd nyckel' }).click();
  await expect(projectsHeading(page)).toBeVisible();
  await context.close();
});
