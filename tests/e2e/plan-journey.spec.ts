import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { pdfTextOnOneLine } from '../../src/server/test-support/pdf-text.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, INVITATION_LINK, linkInNewestMail, logIn, onThisServer } from './journey.js';

const SCREENSHOTS = '.tmp/screenshots';
const GOAL = '100 % av eleverna har bedömning i varje ämne varje termin';

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function sendRevision(page: Page, number: number, message: string): Promise<void> {
  await openTab(page, 'Revisioner');
  await page.getByLabel('Meddelande till leverantören').fill(message);
  await page.getByRole('button', { name: 'Skicka till leverantören' }).click();
  await expect(page.getByText(`Version ${number} skickad till leverantören`)).toBeVisible();
}

test('the plan is written and sent twice; the vendor’s project supporter sees exactly the changed target and downloads the PDF', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const suffix = Math.random().toString(36).slice(2, 8);
  const customerName = `Älvby ${suffix} kommun`;
  const supporterName = `Sam Stödjare ${suffix}`;
  const supporterEmail = `sam.${suffix}@leverantor.se`;
  const vendor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await vendor.newPage();
  await logIn(page);

  // The vendor's project supporter gets a login and the role in the new customer's project.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Leverantören' }).click();
  const form = page.getByRole('region', { name: 'Lägg till person' });
  await form.getByLabel('Namn').fill(supporterName);
  await form.getByLabel('E-postadress').fill(supporterEmail);
  await form.getByLabel('Titel').fill('Projektstödjare');
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await page.getByRole('button', { name: `Bjud in ${supporterName} att logga in` }).click();
  await expect(
    page.getByRole('row', { name: new RegExp(supporterName) }).getByText('Inbjuden', { exact: true }),
  ).toBeVisible();
  await createCustomerWithProject(page, customerName);
  await page.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Organisation' }).click();
  const support = page.getByRole('region', { name: 'Projektstödjare', exact: true });
  await support.getByLabel('Person till Projektstödjare').selectOption({ label: `${supporterName} (Projektstödjare)` });
  await support.getByRole('button', { name: 'Lägg till person som Projektstödjare' }).click();
  await expect(support.getByRole('list', { name: 'Personer med rollen Projektstödjare' })).toContainText(supporterName);

  const supporterContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const supporter = await supporterContext.newPage();
  const invitation = await linkInNewestMail(testInfo.project.name, supporterEmail, INVITATION_LINK);
  await supporter.goto(onThisServer(invitation, page));
  await supporter.getByLabel('Nytt lösenord').fill('sams-eget-losenord');
  await supporter.getByLabel('Upprepa lösenordet').fill('sams-eget-losenord');
  await supporter.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(supporter.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();

  // Bakgrund and one measurable effect goal.
  await openTab(page, 'Projektplan');
  await expect(page.getByText('Exempel: …underlätta skolans administrativa')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'projektplanen, tom');
  await page.getByRole('button', { name: 'Redigera Bakgrund' }).click();
  const purpose = page.getByRole('textbox', { name: 'Syftet med att införa Leverantören är att…' });
  await purpose.click();
  await purpose.pressSequentially('samla bedömning och frånvaro på ett ställe.');
  await expectNoSeriousA11yViolations(page, 'projektplanen, bakgrund redigeras');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('samla bedömning och frånvaro på ett ställe.')).toBeVisible();

  await page.getByRole('button', { name: 'Lägg till effektmål' }).click();
  const goalForm = page.getByRole('form', { name: 'Nytt effektmål' });
  await goalForm.getByRole('textbox', { name: 'Mål', exact: true }).fill(GOAL);
  await goalForm.getByRole('button', { name: 'Spara' }).click();
  await expect(goalForm.getByText('Ett effektmål måste vara mätbart: ange vad som mäts')).toBeVisible();
  await goalForm.getByLabel('Vad mäts?').fill('Andel elever med bedömning i varje ämne');
  await goalForm.getByLabel('Enhet').click();
  await page.getByRole('option', { name: 'Procent' }).click();
  await goalForm.getByLabel('Utgångsvärde').fill('40');
  await goalForm.getByRole('textbox', { name: 'Målvärde' }).fill('100');
  await goalForm.getByLabel('Nått senast').fill('2027-06-15');
  await goalForm.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText(GOAL)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'projektplanen med mål');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/projektplan-${testInfo.project.name}.png`, fullPage: true });

  await sendRevision(page, 1, 'Första versionen med bakgrund och effektmål.');
  await expectNoSeriousA11yViolations(page, 'revisioner efter första versionen');

  // The target is lowered and the plan sent again.
  await openTab(page, 'Projektplan');
  await page.getByRole('button', { name: `Ändra målet ${GOAL}` }).click();
  await page.getByRole('textbox', { name: 'Målvärde' }).fill('90');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText(/90 %/).first()).toBeVisible();
  await sendRevision(page, 2, 'Målvärdet är sänkt till 90 %.');

  // The supporter follows the link in the mail and sees that change and nothing else.
  const revisionLink = await linkInNewestMail(
    testInfo.project.name,
    supporterEmail,
    /https?:\/\/[^\s"<>]+\/projekt\/[0-9a-f-]+\/revisioner\?version=2/,
  );
  await supporter.goto(onThisServer(revisionLink, page));
  await expect(supporter.getByRole('heading', { name: 'Revisioner', level: 1 })).toBeVisible();
  await expect(supporter.getByText('Version 1 → Version 2')).toBeVisible();
  await expect(supporter.getByText(/^1 ändring/)).toBeVisible();
  const change = supporter.getByRole('article', { name: GOAL });
  await expect(change.getByText('Ändrad', { exact: true })).toBeVisible();
  await expect(change.locator('del')).toHaveText(/100/);
  await expect(change.locator('ins')).toHaveText(/90/);
  await expect(supporter.getByRole('heading', { name: 'Bakgrund', level: 3 })).toHaveCount(0);
  await expectNoSeriousA11yViolations(supporter, 'jämförelse för projektstödjaren');
  await supporter.evaluate(() => window.scrollTo(0, 0));
  await supporter.screenshot({ path: `${SCREENSHOTS}/revisioner-${testInfo.project.name}.png`, fullPage: true });

  const download = supporter.waitForEvent('download');
  await supporter.getByRole('link', { name: 'Ladda ner version 2 som PDF' }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
  const text = await pdfTextOnOneLine(readFileSync(file));
  expect(text).toContain(customerName);
  expect(text).toMatch(/Version 2, skickad/);
  // The goal's table row, with the lowered target (cells wrap, so look for its parts).
  expect(text).toContain('Effektmål');
  expect(text).toMatch(/40 %\s+90 %\s+2027-06-15/);
  await vendor.close();
  await supporterContext.close();
});
