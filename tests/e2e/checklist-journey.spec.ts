import { expect, test } from '@playwright/test';
import { e2eAdmin } from '../../playwright.config.js';
import { expectNoSeriousA11yViolations } from './axe.js';

test('the vendor admin creates a customer and its project, ticks an activity and finds it ticked after a reload', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'inloggning');
  await page.getByLabel('E-postadress').fill(e2eAdmin.email);
  await page.getByLabel('Lösenord').fill('fel-losenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord');
  await page.getByLabel('Lösenord').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Logga in' }).click();

  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'projektlistan');

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await expect(page.getByRole('heading', { name: 'Kunder', level: 1 })).toBeVisible();
  await page.getByLabel('Namn').fill('Sjöstads kommun');
  await page.getByLabel('Organisationsnummer').fill('212000-3006');
  await page.getByRole('button', { name: 'Lägg till kund' }).click();
  await expect(page.getByText('Organisationsnumret har fel kontrollsiffra')).toBeVisible();
  await page.getByLabel('Organisationsnummer').fill('2120003005');
  await page.getByRole('button', { name: 'Lägg till kund' }).click();
  await expect(page.getByRole('status')).toContainText('Kunden Sjöstads kommun är tillagd');
  await expect(page.getByRole('row', { name: /Sjöstads kommun/ })).toContainText('212000-3005');
  await expectNoSeriousA11yViolations(page, 'kunder');

  await page.getByRole('button', { name: 'Skapa implementeringsprojekt för Sjöstads kommun' }).click();
  await expect(page.getByRole('heading', { name: 'Implementering Sjöstads kommun', level: 1 })).toBeVisible();
  for (const group of [
    'Uppstart',
    'Integrationer, importer och övriga inställningar',
    'Utbildningar',
    'Kommunikation',
    'Leverans av systemet',
    'Nästa steg',
  ]) {
    await expect(page.getByRole('heading', { name: group, level: 3 })).toBeVisible();
  }
  const startGroup = page.getByRole('region', { name: 'Uppstart' });
  await expect(startGroup.getByText('0 av 10 klara')).toBeVisible();
  const contractRow = page.getByRole('row', { name: /Avtalspåskrift/ });
  await expect(contractRow).toContainText('Beställare');
  await expectNoSeriousA11yViolations(page, 'projektsidan');

  await page.getByRole('checkbox', { name: 'Markera som klar: Avtalspåskrift' }).check();
  await expect(contractRow).toContainText(`av ${e2eAdmin.name}`);
  await expect(startGroup.getByText('1 av 10 klara')).toBeVisible();

  await page.getByRole('textbox', { name: 'Deadline för Avtalspåskrift' }).fill('2027-02-15');
  await page.getByRole('textbox', { name: 'Deadline för Avtalspåskrift' }).blur();
  await expect(page.getByRole('checkbox', { name: 'Markera som klar: Avtalspåskrift' })).toBeChecked();

  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Markera som klar: Avtalspåskrift' })).toBeChecked();
  await expect(page.getByRole('row', { name: /Avtalspåskrift/ })).toContainText(`av ${e2eAdmin.name}`);
  await expect(page.getByRole('textbox', { name: 'Deadline för Avtalspåskrift' })).toHaveValue('2027-02-15');
  await expect(page.getByRole('region', { name: 'Uppstart' }).getByText('1 av 10 klara')).toBeVisible();
  await expect(
    page.getByRole('checkbox', { name: 'Markera som klar: Beställningsblankett skickad till Leverantören.' }),
  ).not.toBeChecked();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await context.close();
});
