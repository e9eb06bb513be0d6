import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { e2eAdmin } from '../../playwright.config.js';
import { expectNoSeriousA11yViolations } from './axe.js';

const SCREENSHOTS = '.tmp/screenshots';

/** Changes the school behind the page's back, as another user would: the page's copy goes stale. */
async function renameSchoolElsewhere(page: Page, customerId: string, from: string, to: string): Promise<void> {
  const status = await page.evaluate(
    async ({ customerId, from, to }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const schools = await (await fetch(`/api/customers/${customerId}/schools`)).json();
      const school = schools.items.find((item: { name: string }) => item.name === from);
      const response = await fetch(`/api/customers/${customerId}/schools/${school.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ ...school, name: to, id: undefined }),
      });
      return response.status;
    },
    { customerId, from, to },
  );
  expect(status).toBe(200);
}

test('the vendor admin adds a school and people, gives them roles, sees the gaps shrink and finds it all in the history', async ({
  browser,
}, testInfo) => {
  // A long journey with six axe scans of large pages.
  test.setTimeout(180_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = async (name: string) => {
    // From the top, so that the fixed header is not painted over the middle of the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${testInfo.project.name}.png`, fullPage: true });
  };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  await page.goto('/');
  await page.getByLabel('E-postadress').fill(e2eAdmin.email);
  await page.getByLabel('Lösenord').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();

  // A customer and its project.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await page.getByLabel('Namn').fill('Ekby kommun');
  await page.getByLabel('Organisationsnummer').fill('2120000126');
  await page.getByRole('button', { name: 'Lägg till kund' }).click();
  await expect(page.getByRole('status')).toContainText('Kunden Ekby kommun är tillagd');
  await page.getByRole('button', { name: 'Skapa implementeringsprojekt för Ekby kommun' }).click();
  await expect(page.getByRole('heading', { name: 'Implementering Ekby kommun', level: 1 })).toBeVisible();
  const projectNav = page.getByRole('navigation', { name: 'Projektets delar' });
  await expect(projectNav.getByRole('link', { name: 'Checklista' })).toHaveAttribute('aria-current', 'page');

  // The customer page, from the customer list.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: 'Ekby kommun' }).click();
  await expect(page.getByRole('heading', { name: 'Ekby kommun', level: 1 })).toBeVisible();
  await expect(page.getByText('Kunden har inga skolor ännu.')).toBeVisible();
  const customerId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expectNoSeriousA11yViolations(page, 'kundsidan, tom');

  // A school: the shared schema's messages before anything is sent.
  const schoolForm = page.getByRole('region', { name: 'Lägg till skola' });
  await schoolForm.getByRole('button', { name: 'Lägg till skola' }).click();
  await expect(schoolForm.getByText('Ange skolans namn')).toBeVisible();
  await expect(schoolForm.getByText('Välj minst en skolform')).toBeVisible();
  await schoolForm.getByLabel('Skolans namn').fill('Ekbyskolan');
  await schoolForm.getByRole('checkbox', { name: 'Grundskola', exact: true }).check();
  await schoolForm.getByRole('checkbox', { name: 'Fritidshem' }).check();
  await schoolForm.getByLabel('Skolenhetskod').fill('1234');
  await schoolForm.getByRole('button', { name: 'Lägg till skola' }).click();
  await expect(schoolForm.getByText('Skolenhetskoden har åtta siffror')).toBeVisible();
  await schoolForm.getByLabel('Skolenhetskod').fill('12345678');
  await schoolForm.getByRole('button', { name: 'Lägg till skola' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Skolan Ekbyskolan är tillagd.' })).toBeVisible();
  const schoolRow = page.getByRole('row', { name: /Ekbyskolan/ });
  await expect(schoolRow).toContainText('Grundskola');
  await expect(schoolRow).toContainText('Fritidshem');
  await expect(schoolRow).toContainText('12345678');

  // Importing from a file opens on demand.
  const importSchools = page.getByRole('button', { name: 'Importera skolor från fil' });
  await expect(importSchools).toHaveAttribute('aria-expanded', 'false');
  await importSchools.click();
  await expect(importSchools).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { name: 'Importera skolor från fil' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'kundsidan, import öppen');
  await importSchools.click();
  await expect(page.getByRole('heading', { name: 'Importera skolor från fil' })).toBeHidden();

  // Editing a school someone else has just changed: the conflict is said, the latest is loaded.
  await page.getByRole('button', { name: 'Ändra skolan Ekbyskolan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ändra skolan Ekbyskolan' });
  await expect(dialog).toBeVisible();
  await renameSchoolElsewhere(page, customerId, 'Ekbyskolan', 'Ekbyskolan F–9');
  await dialog.getByLabel('Skolenhetskod').fill('87654321');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Någon annan har ändrat uppgifterna');
  await expectNoSeriousA11yViolations(page, 'kundsidan, ändra skola med konflikt');
  await dialog.getByRole('button', { name: 'Hämta de senaste uppgifterna' }).click();
  await expect(dialog.getByLabel('Skolans namn')).toHaveValue('Ekbyskolan F–9');
  await dialog.getByLabel('Skolenhetskod').fill('87654321');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Skolan Ekbyskolan F–9 är sparad.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Ekbyskolan F–9/ })).toContainText('87654321');

  // Two people.
  const personForm = page.getByRole('region', { name: 'Lägg till person' });
  await personForm.getByLabel('Namn').fill('Anna Andersson');
  await personForm.getByLabel('E-postadress').fill('anna@');
  await personForm.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(personForm.getByText('Ange en giltig e-postadress')).toBeVisible();
  await personForm.getByLabel('E-postadress').fill('anna.andersson@ekby.se');
  await personForm.getByLabel('Titel').fill('IT-chef');
  await personForm.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Anna Andersson är tillagd.' })).toBeVisible();
  await personForm.getByLabel('Namn').fill('Bo Berg');
  await personForm.getByLabel('E-postadress').fill('bo.berg@ekby.se');
  await personForm.getByLabel('Telefon').fill('070-123 45 67');
  await personForm.getByLabel('Titel').fill('Rektor');
  await personForm.getByLabel('Skola').selectOption({ label: 'Ekbyskolan F–9' });
  await personForm.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bo Berg är tillagd.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Bo Berg/ })).toContainText('Ekbyskolan F–9');
  await expect(page.getByRole('row', { name: /Anna Andersson/ })).toContainText('anna.andersson@ekby.se');
  await expectNoSeriousA11yViolations(page, 'kundsidan');
  await shot('kundsidan');

  // The project's organisation: everything is missing at first.
  await page.getByRole('link', { name: 'Organisation för Implementering Ekby kommun' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation', level: 1 })).toBeVisible();
  await expect(projectNav.getByRole('link', { name: 'Organisation' })).toHaveAttribute('aria-current', 'page');
  const status = page.getByRole('region', { name: 'Läget' });
  await expect(status).toContainText('0 av 1 skola är redo');
  await expect(status).toContainText('Ingen har rollen projektledare');
  await expect(status).toContainText('Ekbyskolan F–9 saknar rektor');
  const school = page.getByRole('region', { name: 'Ekbyskolan F–9' });
  await expect(school.getByText('4 brister')).toBeVisible();
  const projectLeader = page.getByRole('region', { name: 'Projektledare', exact: true });
  await expect(projectLeader.getByText('Saknas', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'organisationen, tom');

  // Anna leads the project; a second project leader is refused with the server's reason.
  await projectLeader.getByLabel('Person till Projektledare').selectOption({ label: 'Anna Andersson (IT-chef)' });
  await projectLeader.getByRole('button', { name: 'Lägg till person som Projektledare' }).click();
  await expect(projectLeader.getByRole('list', { name: 'Personer med rollen Projektledare' })).toContainText(
    'Anna Andersson',
  );
  await expect(projectLeader.getByText('Saknas', { exact: true })).toBeHidden();
  await expect(status).not.toContainText('Ingen har rollen projektledare');
  await projectLeader.getByLabel('Person till Projektledare').selectOption({ label: 'Bo Berg (Rektor)' });
  await projectLeader.getByRole('button', { name: 'Lägg till person som Projektledare' }).click();
  await expect(projectLeader.getByRole('alert')).toContainText('Projektledare innehas redan av Anna Andersson');

  // Bo is the school's principal: the school's gaps shrink.
  const principal = school.getByRole('region', { name: 'Rektor' });
  await principal.getByLabel('Person till Rektor').selectOption({ label: 'Bo Berg (Rektor)' });
  await principal.getByRole('button', { name: 'Lägg till person som Rektor' }).click();
  await expect(principal.getByRole('list', { name: 'Personer med rollen Rektor' })).toContainText('Bo Berg');
  await expect(school.getByText('3 brister')).toBeVisible();
  await expect(status).not.toContainText('Ekbyskolan F–9 saknar rektor');
  await expect(status).toContainText('Ekbyskolan F–9 saknar kontaktperson');

  // Bo has no login yet: inviting him works without SMTP, and the page says where the mail went.
  await principal.getByRole('button', { name: 'Bjud in Bo Berg att logga in' }).click();
  await expect(principal.getByRole('status')).toContainText('inbjudan sparades i serverns utkorg');
  await expect(principal.getByText('Inbjuden', { exact: true })).toBeVisible();
  await expect(principal.getByRole('button', { name: 'Bjud in igen: Bo Berg' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'organisationen');
  await shot('organisation');

  // Removing Anna opens the gap again.
  await projectLeader.getByRole('button', { name: 'Ta bort Anna Andersson från Projektledare' }).click();
  await expect(projectLeader.getByText('Ingen har rollen ännu.')).toBeVisible();
  await expect(projectLeader.getByText('Saknas', { exact: true })).toBeVisible();
  await expect(status).toContainText('Ingen har rollen projektledare');

  // The history lists every change, newest first, with what changed.
  await projectNav.getByRole('link', { name: 'Historik' }).click();
  await expect(page.getByRole('heading', { name: 'Historik', level: 1 })).toBeVisible();
  await expect(projectNav.getByRole('link', { name: 'Historik' })).toHaveAttribute('aria-current', 'page');
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Anna Andersson har inte längre rollen Projektledare' })).toContainText(
    e2eAdmin.name,
  );
  await expect(rows.filter({ hasText: 'Bo Berg fick rollen Rektor på Ekbyskolan F–9' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Anna Andersson fick rollen Projektledare' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Lade till Bo Berg' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Lade till skolan Ekbyskolan' })).toBeVisible();
  const edited = rows.filter({ hasText: 'Ändrade skolan Ekbyskolan F–9' });
  await expect(edited).toHaveCount(2);
  await expect(edited.first()).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await edited.first().getByRole('button', { name: 'Visa ändringen' }).click();
  const change = page.getByRole('table', { name: 'Ändringen: Ändrade skolan Ekbyskolan F–9' }).first();
  await expect(change.getByRole('row', { name: /Skolenhetskod/ })).toContainText('12345678');
  await expect(change.getByRole('row', { name: /Skolenhetskod/ })).toContainText('87654321');
  await expectNoSeriousA11yViolations(page, 'historiken');
  await shot('historik');

  // The checklist is still one click away.
  await projectNav.getByRole('link', { name: 'Checklista' }).click();
  await expect(page.getByRole('heading', { name: 'Implementering Ekby kommun', level: 1 })).toBeVisible();
  await context.close();
});

test('a person file with roles imports the people and their roles, and a file with a bad row imports its good rows', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  await page.goto('/');
  await page.getByLabel('E-postadress').fill(e2eAdmin.email);
  await page.getByLabel('Lösenord').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();

  const mainMenu = page.getByRole('navigation', { name: 'Huvudmeny' });
  await mainMenu.getByRole('link', { name: 'Kunder' }).click();
  await page.getByLabel('Namn').fill('Lindby kommun');
  await page.getByLabel('Organisationsnummer').fill('2120000134');
  await page.getByRole('button', { name: 'Lägg till kund' }).click();
  await page.getByRole('button', { name: 'Skapa implementeringsprojekt för Lindby kommun' }).click();
  await expect(page.getByRole('heading', { name: 'Implementering Lindby kommun', level: 1 })).toBeVisible();
  await mainMenu.getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: 'Lindby kommun' }).click();
  await expect(page.getByRole('heading', { name: 'Lindby kommun', level: 1 })).toBeVisible();

  // The school first, from its own file.
  await page.getByRole('button', { name: 'Importera skolor från fil' }).click();
  const schoolImport = page.getByRole('region', { name: 'Importera skolor från fil' });
  await schoolImport.getByLabel('Välj fil (CSV eller Excel)').setInputFiles({
    name: 'skolor.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Skola;Skolformer\nLindbyskolan;Grundskola\n', 'utf8'),
  });
  await schoolImport.getByRole('button', { name: 'Förhandsgranska' }).click();
  await schoolImport.getByRole('button', { name: 'Importera 1 rad' }).click();
  await expect(schoolImport.getByRole('status').filter({ hasText: '1 skola importerades' })).toBeVisible();

  // People with their roles; one row names a school the customer does not have.
  await page.getByRole('button', { name: 'Importera personer från fil' }).click();
  const peopleImport = page.getByRole('region', { name: 'Importera personer från fil' });
  // Roles are read only for a project the user chooses.
  await expect(peopleImport.getByLabel('Projekt för rollerna')).toHaveValue('');
  await peopleImport.getByLabel('Projekt för rollerna').selectOption({ label: 'Implementering Lindby kommun' });
  await peopleImport.getByLabel('Välj fil (CSV eller Excel)').setInputFiles({
    name: 'personal.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Namn;E-post;Skola;Roll\n' +
        'Rut Rektorsson;rut@lindby.se;Lindbyskolan;Rektor\n' +
        'Adam Admin;adam@lindby.se;Lindbyskolan;Administratör, Användarstödjare\n' +
        'Pia Ledare;pia@lindby.se;;Projektledare\n' +
        'Olle Okänd;olle@lindby.se;Månskolan;Administratör\n',
      'utf8',
    ),
  });
  await peopleImport.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(
    peopleImport.getByText('Roller läses från kolumnen Roll och ges i projektet Implementering Lindby kommun.'),
  ).toBeVisible();
  const mapping = peopleImport.getByRole('table', { name: 'Så blir värdena i filen roller i projektets mall' });
  await expect(mapping.getByRole('row', { name: /Administratör/ })).toContainText('Administratör (per skola)');
  await expect(mapping.getByRole('row', { name: /Projektledare/ })).toContainText('Projektledare (hela projektet)');
  await expect(
    peopleImport.getByText('Rätta felen i filen och ladda upp den igen – eller importera de giltiga raderna nu.'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'kundsidan, import med roller och fel');
  await peopleImport.evaluate((element) => element.scrollIntoView());
  await page.screenshot({ path: `${SCREENSHOTS}/import-roller-${testInfo.project.name}.png`, fullPage: true });
  // The same preview on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/import-roller-390-${testInfo.project.name}.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await peopleImport.getByRole('button', { name: 'Importera de 3 giltiga raderna' }).click();
  await expect(peopleImport.getByRole('status').filter({ hasText: '3 personer importerades' })).toContainText(
    '4 roller gavs i projektet.',
  );
  await expect(peopleImport.getByText('1 rad importerades inte')).toBeVisible();
  await expect(peopleImport.getByText(/Rad 5: Skola: Skolan Månskolan finns inte hos kunden/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await peopleImport.getByRole('button', { name: 'Ladda ned raderna som inte importerades (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('rader-som-inte-importerades.csv');
  const csvPath = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv).toContain('Rad;Orsak;Namn;E-post;Telefon;Titel;Skola;Roll');
  expect(csv).toContain(
    '5;Skola: Skolan Månskolan finns inte hos kunden. Importera skolorna först.;Olle Okänd;olle@lindby.se',
  );
  await expectNoSeriousA11yViolations(page, 'kundsidan, import klar');
  await page.screenshot({ path: `${SCREENSHOTS}/import-klar-${testInfo.project.name}.png`, fullPage: true });

  // The roles are in the project, and the count of administrators agrees in number.
  await page.getByRole('link', { name: 'Organisation för Implementering Lindby kommun' }).click();
  const status = page.getByRole('region', { name: 'Läget' });
  await expect(status).toContainText('Lindbyskolan har 1 av 2 administratörer');
  await expect(status).not.toContainText('Ingen har rollen projektledare');
  await expect(
    page.getByRole('region', { name: 'Projektledare', exact: true }).getByRole('list', {
      name: 'Personer med rollen Projektledare',
    }),
  ).toContainText('Pia Ledare');

  // The history has the import with the row it turned away, and each role given.
  await page.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Historik' }).click();
  const rows = page.getByRole('row');
  await expect(
    rows.filter({ hasText: 'Importerade 3 personer med 4 roller från fil; 1 rad med fel importerades inte' }),
  ).toBeVisible();
  await expect(rows.filter({ hasText: 'Adam Admin fick rollen Administratör på Lindbyskolan' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Pia Ledare fick rollen Projektledare' })).toBeVisible();
  await context.close();
});
