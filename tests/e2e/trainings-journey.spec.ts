import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { stockholmToday } from '../../src/web/checklist/dates.js';
import { formatSessionDate } from '../../src/web/trainings/dates.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, INVITATION_LINK, linkInNewestMail, logIn, onThisServer } from './journey.js';

const SCREENSHOTS = '.tmp/screenshots';

function daysAfter(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

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

async function assignSchoolRole(page: Page, school: string, role: string, person: string) {
  const region = page.getByRole('region', { name: school }).getByRole('region', { name: role, exact: true });
  const chooser = region.getByLabel(`Person till ${role}`);
  const holders = region.getByRole('list', { name: `Personer med rollen ${role}` });
  await expect(chooser).toBeVisible();
  // A person file whose title names the role gives the person the role at the school on import.
  if ((await holders.getByText(person).count()) === 0) {
    await chooser.selectOption({ label: `${person} (Administratör)` });
    await region.getByRole('button', { name: `Lägg till person som ${role}` }).click();
  }
  await expect(holders).toContainText(person);
}

async function openTrainings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Utbildningar' }).click();
  await expect(page.getByRole('heading', { name: 'Utbildningar', level: 1 })).toBeVisible();
}

const training = (page: Page, title: string): Locator => page.getByRole('region', { name: title, exact: true });

async function confirmSession(page: Page, section: Locator, proposalLabel: string, place: string): Promise<void> {
  await section.getByRole('button', { name: `Bekräfta: ${proposalLabel}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Plats', exact: true }).fill(place);
  await dialog.getByRole('button', { name: 'Bekräfta tillfället' }).click();
  await expect(dialog).toHaveCount(0);
}

test('the customer proposes three dates, the vendor confirms two sessions, attendance is marked and the absent administrator is booked on the catch-up', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const suffix = Math.random().toString(36).slice(2, 8);
  const customerName = `Norrby ${suffix} kommun`;
  const leaderEmail = `pia.${suffix}@norrby.se`;
  const today = stockholmToday();
  const later = daysAfter(today, 21);

  const vendor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await vendor.newPage();
  await logIn(page);
  await createCustomerWithProject(page, customerName);
  const projectUrl = page.url();

  // Two schools with two administrators each, and the project leader, from the registers.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: customerName }).click();
  await importFile(
    page,
    'Importera skolor från fil',
    'skolor.csv',
    'Namn;Skolformer\nNorrskolan;Grundskola\nSöderskolan;Grundskola\n',
    /Importera 2 rader/,
  );
  await importFile(
    page,
    'Importera personer från fil',
    'personal.csv',
    [
      'Namn;E-post;Titel;Skola',
      `Pia Projektledare;${leaderEmail};Utvecklingsledare;`,
      `Anna Åberg;anna.${suffix}@norrby.se;Administratör;Norrskolan`,
      `Bo Ek;bo.${suffix}@norrby.se;Administratör;Norrskolan`,
      `Cilla Öst;cilla.${suffix}@norrby.se;Administratör;Söderskolan`,
      `Dan Berg;dan.${suffix}@norrby.se;Administratör;Söderskolan`,
    ].join('\n'),
    /Importera 5 rader/,
  );
  await expect(page.getByText('5 personer importerades')).toBeVisible();

  await page.goto(`${projectUrl}/organisation`);
  await assignSchoolRole(page, 'Norrskolan', 'Administratör', 'Anna Åberg');
  await assignSchoolRole(page, 'Norrskolan', 'Administratör', 'Bo Ek');
  await assignSchoolRole(page, 'Söderskolan', 'Administratör', 'Cilla Öst');
  await assignSchoolRole(page, 'Söderskolan', 'Administratör', 'Dan Berg');
  const leader = page.getByRole('region', { name: 'Projektledare', exact: true });
  await leader.getByLabel('Person till Projektledare').selectOption({ label: 'Pia Projektledare (Utvecklingsledare)' });
  await leader.getByRole('button', { name: 'Lägg till person som Projektledare' }).click();
  await leader.getByRole('button', { name: 'Bjud in Pia Projektledare att logga in' }).click();
  await expect(leader.getByText('Inbjuden', { exact: true })).toBeVisible();

  // The project leader proposes dates for the administrators' training in her own browser.
  const customer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const pia = await customer.newPage();
  await pia.goto(onThisServer(await linkInNewestMail(testInfo.project.name, leaderEmail, INVITATION_LINK), page));
  await pia.getByLabel('Nytt lösenord').fill('pias-eget-losenord');
  await pia.getByLabel('Upprepa lösenordet').fill('pias-eget-losenord');
  await pia.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await pia.getByRole('link', { name: `Implementering ${customerName}` }).click();
  await openTrainings(pia);
  const admins = training(pia, 'Utbildning av administratörer');
  await expect(admins).toContainText('4 personer med rollen Administratör');
  await expect(admins).toContainText('15–20 deltagare per tillfälle');
  await expectNoSeriousA11yViolations(pia, 'utbildningar, kunden');

  await admins.getByRole('button', { name: 'Föreslå datum' }).click();
  const proposal = admins.getByRole('form', { name: 'Föreslå datum: Utbildning av administratörer' });
  await proposal.getByLabel(/^Datum 1\b/).fill(today);
  await proposal.getByLabel('Tid på dagen, datum 1').selectOption({ label: 'Förmiddag' });
  await proposal.getByLabel(/^Datum 2\b/).fill(today);
  await proposal.getByLabel('Tid på dagen, datum 2').selectOption({ label: 'Eftermiddag' });
  await proposal.getByRole('button', { name: 'Ta bort datum 3' }).click();
  await proposal.getByRole('button', { name: 'Skicka förslag till leverantören' }).click();
  await expect(proposal.getByText('Föreslå minst 3 datum så att leverantören kan välja')).toBeVisible();
  await expectNoSeriousA11yViolations(pia, 'utbildningar, för få datum');

  await proposal.getByRole('button', { name: 'Lägg till datum' }).click();
  await proposal.getByLabel(/^Datum 3\b/).fill(later);
  await proposal.getByRole('button', { name: 'Skicka förslag till leverantören' }).click();
  await expect(pia.getByText('Förslaget med 3 datum är skickat till leverantören.')).toBeVisible();
  await expect(admins.getByRole('row', { name: /Inte bekräftat/ })).toHaveCount(3);

  // The vendor confirms the two sessions of today and books the administrators as suggested.
  await page.goto(projectUrl);
  await openTrainings(page);
  const vendorAdmins = training(page, 'Utbildning av administratörer');
  const morning = `${formatSessionDate(today, 'sv')}, förmiddag`;
  const afternoon = `${formatSessionDate(today, 'sv')}, eftermiddag`;
  await confirmSession(page, vendorAdmins, morning, 'Norrskolans aula');
  await confirmSession(page, vendorAdmins, afternoon, 'Söderskolans bibliotek');
  // Four administrators cannot make a group of 15–20: the training says so and suggests nobody
  // until the project chooses; sessions nobody is booked on do not warn of too few.
  await expect(vendorAdmins).toContainText('4 personer kan inte delas i grupper om 15–20.');
  await expect(vendorAdmins).toContainText('Behövs: beror på valet nedan · Bekräftade: 2');
  await expect(vendorAdmins).toContainText('Välj först hur utbildningen ska hållas');
  await expect(vendorAdmins.getByText('Färre deltagare än minst 15')).toHaveCount(0);
  const choice = vendorAdmins.getByRole('radiogroup', { name: 'Hur ska utbildningen hållas?' });
  await expect(choice.getByRole('radio')).toHaveCount(2);
  await choice.getByRole('radio', { name: 'Ett annat intervall för det här projektet' }).check();
  await expect(vendorAdmins.getByRole('form', { name: 'Ett annat intervall för det här projektet' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'utbildningar, val av gruppstorlek');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await vendorAdmins.screenshot({
      path: `${SCREENSHOTS}/utbildningar-gruppstorlek-${width}-${testInfo.project.name}.png`,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await choice.getByRole('radio', { name: '1 tillfälle med 4 deltagare, färre än minst 15' }).check();
  await vendorAdmins.getByRole('button', { name: 'Spara valet' }).click();
  await expect(page.getByText('Valet för Utbildning av administratörer är sparat.')).toBeVisible();
  await expect(vendorAdmins).toContainText('Valt: 1 tillfälle med 4 deltagare, färre än minst 15.');
  await expect(vendorAdmins).toContainText('Behövs: 1 tillfälle · Bekräftade: 2');
  await vendorAdmins.getByRole('button', { name: 'Boka enligt förslaget' }).click();
  await expect(page.getByText('Deltagarna är bokade enligt förslaget.')).toBeVisible();
  await expect(vendorAdmins.getByText('Färre deltagare än minst 15')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'utbildningar, leverantören efter bokning');

  // Attendance of the morning session, where all four are booked: one of them did not come.
  const firstSession = vendorAdmins.getByRole('article', { name: /Tillfälle 1/ });
  await firstSession.getByRole('button', { name: /Markera närvaro/ }).click();
  const attendance = firstSession.getByRole('radiogroup', { name: /Närvaro för / });
  await expect(attendance).toHaveCount(4);
  const absentGroupName = await attendance
    .nth(1)
    .evaluate(
      (group) =>
        group.getAttribute('aria-label') ??
        document.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent ??
        '',
    );
  const absentName = absentGroupName.replace('Närvaro för ', '').trim();
  expect(['Anna Åberg', 'Bo Ek', 'Cilla Öst', 'Dan Berg']).toContain(absentName);
  await attendance.nth(0).getByLabel('Närvarande').check();
  await attendance.nth(1).getByLabel('Frånvarande').check();
  await firstSession.getByRole('button', { name: 'Spara närvaro' }).click();
  await expect(page.getByText(/Närvaron för .* är sparad\./)).toBeVisible();

  // A catch-up session, and the absent administrator booked on it in one click.
  const catchUp = training(page, 'Uppsamlingsheat');
  await catchUp.getByRole('button', { name: 'Nytt tillfälle' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Datum/).fill(later);
  await dialog.getByLabel('Starttid').fill('13:00');
  await dialog.getByLabel('Sluttid').fill('15:00');
  await dialog.getByRole('radio', { name: 'Webb' }).check();
  await dialog.getByRole('textbox', { name: 'Länk', exact: true }).fill('https://moten.exempel.se/uppsamling');
  await dialog.getByRole('button', { name: 'Lägg till tillfället' }).click();
  await expect(dialog).toHaveCount(0);

  const missed = vendorAdmins.getByRole('region', { name: 'Har missat utbildningen' });
  await expect(missed).toContainText(absentName);
  await missed.getByRole('button', { name: `Boka på uppsamlingsheat: ${absentName}` }).click();
  await expect(missed).toContainText(`Bokad på uppsamlingsheat ${formatSessionDate(later, 'sv')}`);
  await expectNoSeriousA11yViolations(page, 'utbildningar, uppsamlingsheat bokat');
  await page.screenshot({ path: `${SCREENSHOTS}/utbildningar-${testInfo.project.name}.png`, fullPage: true });

  await vendor.close();
  await customer.close();
});
