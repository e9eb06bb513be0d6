import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, INVITATION_LINK, linkInNewestMail, logIn, onThisServer } from './journey.js';

const SCREENSHOTS = '.tmp/screenshots';

test('the vendor admin adds one of the vendor’s people, invites them, makes them Projektstödjare and switches their login off', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const suffix = Math.random().toString(36).slice(2, 8);
  const customerName = `Vikby ${suffix} kommun`;
  const email = `stina.${suffix}@leverantor.se`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  await logIn(page);
  const mainNav = page.getByRole('navigation', { name: 'Huvudmeny' });

  // The vendor's own people, from the main menu.
  await mainNav.getByRole('link', { name: 'Leverantören' }).click();
  await expect(page.getByRole('heading', { name: 'Leverantörens personer', level: 1 })).toBeVisible();
  await expect(mainNav.getByRole('link', { name: 'Leverantören' })).toHaveAttribute('aria-current', 'page');
  const form = page.getByRole('region', { name: 'Lägg till person' });
  await expect(form.getByLabel('Skola')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'leverantörens personer');

  // The shared schema's messages come first; then the person is added and listed.
  await form.getByLabel('Namn').fill('Stina Stöd');
  await form.getByLabel('E-postadress').fill('stina@');
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(form.getByText('Ange en giltig e-postadress')).toBeVisible();
  await form.getByLabel('E-postadress').fill(email);
  await form.getByLabel('Telefon').fill('08-123 456');
  await form.getByLabel('Titel').fill('Projektstödjare');
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stina Stöd är tillagd.' })).toBeVisible();
  await expect(form.getByLabel('Namn')).toHaveValue('');
  const row = page.getByRole('row', { name: /Stina Stöd/ });
  await expect(row).toContainText(email);
  await expect(row).toContainText('08-123 456');
  await expect(row).toContainText('Projektstödjare');

  // An invitation gives a vendor staff login; the row says it is pending.
  await row.getByRole('button', { name: 'Bjud in Stina Stöd att logga in' }).click();
  await expect(row.getByRole('status')).toContainText('inbjudan sparades i serverns utkorg');
  await expect(row.getByText('Inbjuden', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Bjud in igen: Stina Stöd' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'leverantörens personer, med en person');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/leverantorens-personer-${testInfo.project.name}.png`, fullPage: true });

  // A customer's project: Stina can be chosen for the vendor's roles.
  await createCustomerWithProject(page, customerName);
  await page.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation', level: 1 })).toBeVisible();

  const support = page.getByRole('region', { name: 'Projektstödjare', exact: true });
  await support.getByLabel('Person till Projektstödjare').selectOption({ label: 'Stina Stöd (Projektstödjare)' });
  await support.getByRole('button', { name: 'Lägg till person som Projektstödjare' }).click();
  const holders = support.getByRole('list', { name: 'Personer med rollen Projektstödjare' });
  await expect(holders).toContainText('Stina Stöd');
  await expect(holders.getByText('Inbjuden', { exact: true })).toBeVisible();
  await expect(support.getByText('Saknas', { exact: true })).toBeHidden();
  await expectNoSeriousA11yViolations(page, 'organisationen med leverantörens person');

  // Stina chooses her password through the invitation and is signed in.
  const stinasContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const stina = await stinasContext.newPage();
  await stina.goto(onThisServer(await linkInNewestMail(testInfo.project.name, email, INVITATION_LINK), page));
  await stina.getByLabel('Nytt lösenord').fill('stinas-eget-losenord');
  await stina.getByLabel('Upprepa lösenordet').fill('stinas-eget-losenord');
  await stina.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(stina.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();

  // Stina leaves: the vendor admin switches her login off, after being asked again.
  await mainNav.getByRole('link', { name: 'Leverantören' }).click();
  const stinasRow = page.getByRole('row', { name: /Stina Stöd/ });
  await expect(stinasRow.getByText('Har inloggning', { exact: true })).toBeVisible();
  await stinasRow.getByRole('button', { name: 'Stäng av inloggningen för Stina Stöd' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stäng av inloggningen för Stina Stöd?' });
  await expect(dialog).toContainText('loggas ut direkt');
  await expectNoSeriousA11yViolations(page, 'stäng av inloggning');
  await dialog.getByRole('button', { name: 'Stäng av inloggning' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Inloggningen för Stina Stöd är avstängd.' })).toBeVisible();
  await expect(stinasRow.getByText('Avstängd', { exact: true })).toBeVisible();
  await expect(stinasRow.getByRole('button', { name: 'Aktivera inloggningen för Stina Stöd' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'leverantörens personer, en inloggning avstängd');

  // Her session has ended, and her password no longer lets her in.
  await stina.reload();
  await expect(stina.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await stina.getByLabel('E-postadress').fill(email);
  await stina.getByLabel('Lösenord').fill('stinas-eget-losenord');
  await stina.getByRole('button', { name: 'Logga in' }).click();
  await expect(stina.getByRole('alert')).toContainText('Inloggningen är avstängd');
  await expect(stina.getByRole('heading', { name: 'Projekt', level: 1 })).toHaveCount(0);
  await stinasContext.close();
  await context.close();
});
