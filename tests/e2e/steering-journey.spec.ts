import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { pdfTextOnOneLine } from '../../src/server/test-support/pdf-text.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, INVITATION_LINK, linkInNewestMail, logIn, onThisServer } from './journey.js';

const GO_LIVE = 'Systemet är klart för att börja användas skarpt';
const NEW_GO_LIVE = '2027-04-19';

/** Adds a person to the customer, gives them a role in the project and invites them; the vendor's page ends on the organisation. */
async function addInvitedRoleHolder(
  page: Page,
  projectUrl: string,
  customer: string,
  person: { name: string; email: string; title: string; role: string },
) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: customer }).click();
  const personForm = page.getByRole('region', { name: 'Lägg till person' });
  await personForm.getByLabel('Namn').fill(person.name);
  await personForm.getByLabel('E-postadress').fill(person.email);
  await personForm.getByLabel('Titel').fill(person.title);
  await personForm.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('status').filter({ hasText: person.name })).toBeVisible();
  await page.goto(`${projectUrl}/organisation`);
  const role = page.getByRole('region', { name: person.role, exact: true });
  await role.getByLabel(`Person till ${person.role}`).selectOption({ label: `${person.name} (${person.title})` });
  await role.getByRole('button', { name: `Lägg till person som ${person.role}` }).click();
  await role.getByRole('button', { name: `Bjud in ${person.name} att logga in` }).click();
  await expect(role.getByText('Inbjuden', { exact: true }).first()).toBeVisible();
}

/** Opens the invitation in a browser of their own, chooses a password and lands on the project's Styrning page. */
async function acceptInvitation(browser: Browser, vendorPage: Page, link: string, projectUrl: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(onThisServer(link, vendorPage));
  await page.getByLabel('Nytt lösenord').fill('ett-eget-losenord-2027');
  await page.getByLabel('Upprepa lösenordet').fill('ett-eget-losenord-2027');
  await page.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();
  await page.goto(`${projectUrl}/styrning`);
  await expect(page.getByRole('heading', { name: 'Styrning', level: 1 })).toBeVisible();
  return page;
}

test('the Projektledare asks to move the go-live date, the steering group approves it at its meeting, and the plan follows', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const suffix = Math.random().toString(36).slice(2, 8);
  const customer = `Styrby ${suffix} kommun`;
  const vendor = await (await browser.newContext()).newPage();
  await logIn(vendor);
  await createCustomerWithProject(vendor, customer);
  const projectUrl = vendor.url();
  const leaderEmail = `pia.${suffix}@styrby.se`;
  const memberEmail = `sven.${suffix}@styrby.se`;
  await addInvitedRoleHolder(vendor, projectUrl, customer, {
    name: 'Pia Projektledare',
    email: leaderEmail,
    title: 'Utvecklingsledare',
    role: 'Projektledare',
  });
  await addInvitedRoleHolder(vendor, projectUrl, customer, {
    name: 'Sven Styrgrupp',
    email: memberEmail,
    title: 'Skolchef',
    role: 'Styrgrupp',
  });

  // Read now: the steering group's next mail will be about the request.
  const leaderLink = await linkInNewestMail(testInfo.project.name, leaderEmail, INVITATION_LINK);
  const memberLink = await linkInNewestMail(testInfo.project.name, memberEmail, INVITATION_LINK);

  // Pia calls the steering group and prepares the request for its meeting.
  const pia = await acceptInvitation(browser, vendor, leaderLink, projectUrl);
  await pia.getByRole('button', { name: 'Nytt styrgruppsmöte' }).click();
  const meetingForm = pia.getByRole('form', { name: 'Nytt styrgruppsmöte' });
  await meetingForm.getByLabel(/^Datum/).fill('2027-02-10');
  await meetingForm.getByLabel('Tid', { exact: true }).fill('13:00');
  await meetingForm.getByLabel('Plats').fill('Kommunhuset, sal 2');
  await meetingForm.getByRole('button', { name: 'Spara mötet' }).click();
  await expect(pia.getByRole('status').filter({ hasText: 'Styrgruppsmötet' })).toBeVisible();

  await pia.getByRole('button', { name: 'Nytt ändringsförslag' }).click();
  const requestForm = pia.getByRole('form', { name: 'Nytt ändringsförslag' });
  await requestForm.getByLabel('Rubrik').fill('Skarp start flyttas till efter påsklovet');
  await requestForm.getByRole('checkbox', { name: 'Tid' }).check();
  await requestForm.getByLabel('Vad ändras').fill('Skarp start flyttas från mars till april.');
  await requestForm.getByLabel('Varför').fill('Importen av elevregistret är inte testad än.');
  await requestForm
    .getByLabel('Förslag till beslut')
    .fill('Styrgruppen beslutar att skarp start blir den 19 april 2027.');
  await requestForm.getByLabel('Tas upp på styrgruppsmöte').selectOption({ index: 1 });
  await requestForm.getByRole('button', { name: 'Lägg till ett datum att flytta' }).click();
  const activity = requestForm.getByLabel('Aktivitet i tidplanen');
  const goLive = await activity.locator('option', { hasText: GO_LIVE }).first().getAttribute('value');
  await activity.selectOption(goLive ?? '');
  await requestForm.getByLabel('Nytt datum').fill(NEW_GO_LIVE);
  await requestForm.getByRole('button', { name: 'Skicka till styrgruppen' }).click();
  await expect(pia.getByText('Ändringsförslag #1 är skickat till styrgruppen.')).toBeVisible();
  await expect(pia.getByText('Väntar på beslut').first()).toBeVisible();
  await expect(pia.getByRole('button', { name: 'Besluta om ändringsförslag #1' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(pia, 'styrning, förslaget skickat');

  // Sven approves it at the meeting.
  const sven = await acceptInvitation(browser, vendor, memberLink, projectUrl);
  await sven.getByRole('button', { name: 'Besluta om ändringsförslag #1' }).click();
  const decideForm = sven.getByRole('form', { name: 'Beslut om ändringsförslag #1' });
  await decideForm.getByRole('radio', { name: 'Godkänn' }).check();
  await decideForm.getByLabel('Kommentar').fill('Godkänt på mötet; importen testas i mars.');
  await decideForm.getByRole('button', { name: 'Registrera beslutet' }).click();
  await expect(sven.getByText(/^Godkänt av Sven Styrgrupp/)).toBeVisible();
  const log = sven.getByRole('region', { name: 'Beslutslogg' });
  await expect(log.getByRole('heading', { name: 'Beslut #1: Skarp start flyttas till efter påsklovet' })).toBeVisible();
  await log.getByLabel('Sök i beslutsloggen').fill('påsklovet');
  await expect(log.getByRole('heading', { name: /^Beslut #1/ })).toBeVisible();
  await expectNoSeriousA11yViolations(sven, 'styrning, beslutet taget');

  // The timeline has moved, and the exported plan carries the decision.
  await sven.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Tidplan' }).click();
  await expect(sven.getByRole('row', { name: new RegExp(GO_LIVE) }).first()).toContainText(/19 april 2027|2027-04-19/);
  await sven.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Revisioner' }).click();
  const download = sven.waitForEvent('download');
  await sven.getByRole('link', { name: 'Ladda ner PDF' }).click();
  const file = await (await download).path();
  const text = await pdfTextOnOneLine(readFileSync(file));
  expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
  expect(text).toContain('Beslutslogg');
  expect(text).toContain('Skarp start flyttas till efter påsklovet');
});
