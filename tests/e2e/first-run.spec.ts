import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';

test('on first start the vendor admin is created on the first-run page and can log out and in again', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Välkommen till Stegvis' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'första start');

  await page.getByLabel('Namn').fill('Frida Första');
  await page.getByLabel('E-postadress').fill('frida@leverantoren.se');
  await page.getByLabel('Lösenord').fill('kort');
  await page.getByRole('button', { name: 'Skapa administratör' }).click();
  await expect(page.getByText('Lösenordet måste vara minst 10 tecken')).toBeVisible();

  await page.getByLabel('Lösenord').fill('ett-riktigt-langt-losenord');
  await page.getByRole('button', { name: 'Skapa administratör' }).click();
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();
  await expect(page.getByText('Inga projekt ännu')).toBeVisible();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await page.getByLabel('E-postadress').fill('frida@leverantoren.se');
  await page.getByLabel('Lösenord').fill('ett-riktigt-langt-losenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Frida Första')).toBeVisible();
  await context.close();
});
