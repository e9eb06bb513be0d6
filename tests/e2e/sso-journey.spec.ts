import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { e2eOidcProvider } from '../../playwright.config.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, logIn } from './journey.js';

const SCREENSHOTS = '.tmp/screenshots';

/** The provider's own login page, as a municipality's would show it: any password for a known address. */
async function signInAtProvider(page: Page, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${e2eOidcProvider.issuer}/interaction/`));
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('kommunens-eget-losenord');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

async function startOrganisationSignIn(page: Page, email: string) {
  const section = page.getByRole('region', { name: 'Använd organisationens konto' });
  await section.getByLabel('E-post för organisationens konto').fill(email);
  await section.getByRole('button', { name: 'Fortsätt' }).click();
}

test('the vendor admin connects a municipality’s own sign-in; its Projektledare signs in with it, and a stranger is told why not', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const suffix = Math.random().toString(36).slice(2, 8);
  const customerName = `Solby ${suffix} kommun`;
  const domain = `solby-${suffix}.se`;
  const leaderEmail = `anna.berg@${domain}`;

  // The municipality, its project and its Projektledare, as the vendor admin sets them up.
  await logIn(page);
  await createCustomerWithProject(page, customerName);
  const projectUrl = page.url();
  const mainNav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await mainNav.getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: customerName }).click();
  const personForm = page.getByRole('region', { name: 'Lägg till person' });
  await personForm.getByLabel('Namn').fill('Anna Berg');
  await personForm.getByLabel('E-postadress').fill(leaderEmail);
  await personForm.getByLabel('Titel').fill('IT-strateg');
  await personForm.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('row', { name: /Anna Berg/ })).toBeVisible();
  await page.goto(new URL('organisation', `${projectUrl}/`).toString());
  const projectLeader = page.getByRole('region', { name: 'Projektledare', exact: true });
  await projectLeader.getByLabel('Person till Projektledare').selectOption({ label: 'Anna Berg (IT-strateg)' });
  await projectLeader.getByRole('button', { name: 'Lägg till person som Projektledare' }).click();
  await expect(projectLeader.getByRole('list', { name: 'Personer med rollen Projektledare' })).toContainText(
    'Anna Berg',
  );

  // The municipality's identity provider, registered with the address the page gives.
  await mainNav.getByRole('link', { name: 'Inloggning' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggning med organisationens konto', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Omdirigeringsadress (redirect URI)')).toHaveValue(
    new URL('/api/auth/sso/callback', page.url()).toString(),
  );
  await expectNoSeriousA11yViolations(page, 'inloggningstjänster');
  const form = page.getByRole('region', { name: 'Lägg till inloggningstjänst' });
  await form.getByLabel('Namn').fill(customerName);
  await form.getByRole('combobox', { name: 'Vems personal loggar in' }).click();
  await page.getByRole('option', { name: customerName }).click();
  await form.getByLabel('Inloggningstjänstens adress (issuer)').fill('http://login.solby.se');
  await form.getByLabel('Klient-id').fill(e2eOidcProvider.clientId);
  await form.getByLabel('Klienthemlighet').fill(e2eOidcProvider.clientSecret);
  await form.getByLabel('E-postdomäner').fill(domain);
  await form.getByLabel('E-postdomäner').press('Enter');
  await form.getByRole('button', { name: 'Lägg till inloggningstjänst' }).click();
  // Only loopback may go without https; a real provider address must be secure.
  await expect(form.getByText('Adressen ska börja med https://')).toBeVisible();
  await form.getByLabel('Inloggningstjänstens adress (issuer)').fill(e2eOidcProvider.issuer);
  await form.getByRole('button', { name: 'Lägg till inloggningstjänst' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Inloggningstjänsten ${customerName} är tillagd` }),
  ).toBeVisible();
  const card = page.getByRole('article', { name: customerName });
  await card.getByRole('button', { name: `Testa anslutningen till ${customerName}` }).click();
  await expect(card.getByText('Anslutningen fungerar')).toBeVisible();
  await expect(card).toContainText(`${e2eOidcProvider.issuer}/auth`);
  await expectNoSeriousA11yViolations(page, 'inloggningstjänster, med en');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/inloggning-${testInfo.project.name}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // Anna has no password in Stegvis: her municipality's account lets her in, to her project only.
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await startOrganisationSignIn(page, leaderEmail);
  await signInAtProvider(page, leaderEmail);
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: `Implementering ${customerName}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /Implementering/ })).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' })).toHaveCount(
    0,
  );
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();

  // On another computer, someone of the municipality whom nobody has added to Stegvis is told what to do.
  const strangersContext = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const stranger = await strangersContext.newPage();
  await stranger.goto(new URL('/logga-in', page.url()).toString());
  await startOrganisationSignIn(stranger, `okand@${domain}`);
  await signInAtProvider(stranger, `okand@${domain}`);
  await expect(stranger).toHaveURL(/\/logga-in\?sso=no_account/);
  await expect(stranger.getByRole('alert')).toContainText('det finns inget konto i Stegvis för adressen');
  await expectNoSeriousA11yViolations(stranger, 'inloggningssidan efter en nekad inloggning');

  // An address whose domain has no provider of its own is sent back to the password.
  await startOrganisationSignIn(stranger, 'nagon@annanstans.se');
  await expect(
    stranger.getByText('Det finns ingen inloggning via organisationens konto för annanstans.se'),
  ).toBeVisible();
  await strangersContext.close();
});
