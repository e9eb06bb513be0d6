import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, INVITATION_LINK, linkInNewestMail, logIn, onThisServer } from './journey.js';

async function importFile(page: Page, section: string, fileName: string, content: string, commit: RegExp) {
  await page.getByRole('button', { name: section }).click();
  const panel = page.getByRole('region', { name: section });
  await panel.getByLabel('Välj fil (CSV eller Excel)').setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${content}`, 'utf8'),
  });
  await panel.getByRole('button', { name: 'Förhandsgranska' }).click();
  await panel.getByRole('button', { name: commit }).click();
}

test('schools and people come from files, the Projektledare is invited, chooses a password and sees only their own project', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const suffix = Math.random().toString(36).slice(2, 8);
  const leaderEmail = `pia.${suffix}@lindo.se`;
  const vendor = await browser.newContext();
  const page = await vendor.newPage();
  await logIn(page);

  await createCustomerWithProject(page, `Grannby ${suffix} kommun`);
  await createCustomerWithProject(page, `Lindö ${suffix} kommun`);
  const projectUrl = page.url();

  // The customer's schools, then its staff, from register exports.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: `Lindö ${suffix} kommun` }).click();
  await importFile(
    page,
    'Importera skolor från fil',
    'skolor.csv',
    'Namn;Skolformer;Skolenhetskod\nLindöskolan;Grundskola, Fritidshem;12345678\n',
    /Importera 1 rad/,
  );
  await expect(page.getByRole('row', { name: /Lindöskolan/ }).first()).toContainText('12345678');
  await importFile(
    page,
    'Importera personer från fil',
    'personal.csv',
    `Namn;E-post;Titel;Skola\nPia Projektledare;${leaderEmail};Utvecklingsledare;\nRolf Rektor;rolf.${suffix}@lindo.se;Rektor;Lindöskolan\n`,
    /Importera 2 rader/,
  );
  await expect(page.getByText('2 personer importerades')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'kundsidan efter import');

  // Their roles in the project, and the invitation.
  await page.goto(`${projectUrl}/organisation`);
  const leader = page.getByRole('region', { name: 'Projektledare', exact: true });
  await leader.getByLabel('Person till Projektledare').selectOption({ label: 'Pia Projektledare (Utvecklingsledare)' });
  await leader.getByRole('button', { name: 'Lägg till person som Projektledare' }).click();
  await expect(leader.getByRole('list', { name: 'Personer med rollen Projektledare' })).toContainText(
    'Pia Projektledare',
  );
  const principal = page.getByRole('region', { name: 'Lindöskolan' }).getByRole('region', { name: 'Rektor' });
  await principal.getByLabel('Person till Rektor').selectOption({ label: 'Rolf Rektor (Rektor)' });
  await principal.getByRole('button', { name: 'Lägg till person som Rektor' }).click();
  await expect(principal.getByRole('list', { name: 'Personer med rollen Rektor' })).toContainText('Rolf Rektor');
  await leader.getByRole('button', { name: 'Bjud in Pia Projektledare att logga in' }).click();
  await expect(leader.getByText('Inbjuden', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'organisationen');

  // Pia opens the link from the mail in her own browser.
  const link = await linkInNewestMail(testInfo.project.name, leaderEmail, INVITATION_LINK);
  const customer = await browser.newContext();
  const pia = await customer.newPage();
  await pia.goto(onThisServer(link, page));
  await expect(pia.getByRole('heading', { name: 'Välkommen, Pia Projektledare' })).toBeVisible();
  await expectNoSeriousA11yViolations(pia, 'välj lösenord');
  await pia.getByLabel('Nytt lösenord').fill('pias-eget-losenord');
  await pia.getByLabel('Upprepa lösenordet').fill('pias-eget-losenord');
  await pia.getByRole('button', { name: 'Spara lösenord och logga in' }).click();

  await expect(pia.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();
  await expect(pia.getByRole('link', { name: `Implementering Lindö ${suffix} kommun` })).toBeVisible();
  await expect(pia.getByText(`Grannby ${suffix} kommun`)).toHaveCount(0);
  await expect(pia.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(pia, 'projektlistan för kunden');

  // As Projektledare she writes the plan: she may tick any activity.
  await pia.getByRole('link', { name: `Implementering Lindö ${suffix} kommun` }).click();
  await pia.getByRole('checkbox', { name: 'Markera som klar: Avtalspåskrift' }).check();
  await expect(pia.getByRole('row', { name: /Avtalspåskrift/ })).toContainText('av Pia Projektledare');

  // The other customer's project answers as if it did not exist.
  await page.goto('/projekt');
  await page.getByRole('link', { name: `Implementering Grannby ${suffix} kommun` }).click();
  await pia.goto(page.url());
  await expect(pia.getByRole('alert')).toContainText('Projektet finns inte');
  await vendor.close();
  await customer.close();
});
