import { expect, type Page, request, test } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { e2eAdmin } from '../../playwright.config.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { INVITATION_LINK, linkInNewestMail } from './journey.js';

/** The code an authenticator app shows for `secret` at `timestamp` (SHA1, 6 digits, 30 s). */
const totpCode = (secret: string, timestamp: number) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp });

/**
 * One of the vendor's people with a password, made through the API as the admin would in the
 * browser (the invitation journey covers those pages).
 */
async function vendorUserWithPassword(site: string, serverName: string, email: string, password: string) {
  const admin = await request.newContext({ baseURL: site });
  const login = await admin.post('/api/auth/login', { data: { email: e2eAdmin.email, password: e2eAdmin.password } });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken };
  const person = await admin.post('/api/vendor/people', { data: { name: 'Tove Tvåsteg', email }, headers });
  expect(person.status(), await person.text()).toBe(201);
  const invited = await admin.post(`/api/people/${(await person.json()).id}/invitation`, { headers });
  expect(invited.status()).toBe(201);
  await admin.dispose();
  const link = await linkInNewestMail(serverName, email, INVITATION_LINK);
  const newcomer = await request.newContext({ baseURL: site });
  const accepted = await newcomer.post('/api/auth/accept', {
    data: { token: new URL(link).searchParams.get('token'), password },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await newcomer.dispose();
}

async function passwordStep(page: Page, site: string, email: string, password: string) {
  await page.goto(`${site}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

const projectsHeading = (page: Page) => page.getByRole('heading', { name: 'Projekt', level: 1 });

test('a user adds an authenticator app and a passkey, and signs in with each after the password', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // Passkeys are refused on an IP address: the server is reached as localhost, its relying party.
  const url = new URL(baseURL as string);
  url.hostname = 'localhost';
  const site = url.origin;
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `tove.${suffix}@leverantor.se`;
  const password = `tva-steg-${suffix}-losenord`;
  await vendorUserWithPassword(site, testInfo.project.name, email, password);

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
