import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, INVITATION_LINK, linkInNewestMail, logIn, onThisServer } from './journey.js';

const SCREENSHOTS = '.tmp/screenshots';
const FIREWALL = 'Öppna upp brandväggar till mailserverkonto för att tillåta Leverantören som avsändare av e-post.';

test('the customer’s IT person finds their task on Mina uppgifter, ticks it, and sees it done on the timeline', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const suffix = Math.random().toString(36).slice(2, 8);
  const customerName = `Forsby ${suffix} kommun`;
  const itName = `Ida IT ${suffix}`;
  const itEmail = `ida.${suffix}@forsby.se`;
  const vendor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await vendor.newPage();
  await logIn(page);
  await createCustomerWithProject(page, customerName);
  const projectUrl = page.url();

  // The deadline the IT person answers for.
  await page.getByLabel(`Deadline för ${FIREWALL}`).fill('2027-05-20');
  await page.getByLabel(`Deadline för ${FIREWALL}`).blur();
  await expect(page.getByLabel(`Deadline för ${FIREWALL}`)).toHaveValue('2027-05-20');

  // The IT person: added at the customer, given the IT role, invited.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: customerName }).click();
  const personForm = page.getByRole('region', { name: 'Lägg till person' });
  await personForm.getByLabel('Namn').fill(itName);
  await personForm.getByLabel('E-postadress').fill(itEmail);
  await personForm.getByLabel('Titel').fill('IT-samordnare');
  await personForm.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('row', { name: new RegExp(itName) })).toBeVisible();
  await page.goto(`${projectUrl}/organisation`);
  const itRole = page.getByRole('region', { name: 'IT-verksamhet', exact: true });
  await itRole.getByLabel('Person till IT-verksamhet').selectOption({ label: `${itName} (IT-samordnare)` });
  await itRole.getByRole('button', { name: 'Lägg till person som IT-verksamhet' }).click();
  await itRole.getByRole('button', { name: `Bjud in ${itName} att logga in` }).click();
  await expect(itRole.getByText('Inbjuden', { exact: true })).toBeVisible();

  const customer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ida = await customer.newPage();
  await ida.goto(onThisServer(await linkInNewestMail(testInfo.project.name, itEmail, INVITATION_LINK), page));
  await ida.getByLabel('Nytt lösenord').fill('idas-eget-losenord');
  await ida.getByLabel('Upprepa lösenordet').fill('idas-eget-losenord');
  await ida.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(ida.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();

  // Her own tasks, soonest first: the one with a deadline leads.
  await ida.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
  await expect(ida.getByRole('heading', { name: 'Mina uppgifter', level: 1 })).toBeVisible();
  const tick = ida.getByRole('checkbox', { name: `Markera som klar: ${FIREWALL}` });
  await expect(tick).toBeVisible();
  await expectNoSeriousA11yViolations(ida, 'mina uppgifter');
  await ida.screenshot({ path: `${SCREENSHOTS}/mina-uppgifter-${testInfo.project.name}.png`, fullPage: true });
  // Ticked, the task leaves the list at once: click rather than wait for a checked box.
  await tick.click();
  await expect(ida.getByRole('status').filter({ hasText: 'är markerad som klar' })).toBeVisible();
  await expect(ida.getByRole('checkbox', { name: `Markera som klar: ${FIREWALL}` })).toHaveCount(0);

  // The project's timeline shows it done.
  await ida.goto(`${projectUrl}/tidplan`);
  await expect(ida.getByRole('heading', { name: 'Tidplan', level: 1 })).toBeVisible();
  const row = ida.getByRole('row', { name: new RegExp(FIREWALL.slice(0, 40)) });
  await expect(row).toContainText('2027-05-20');
  await expect(row).toContainText('Klar');
  await expectNoSeriousA11yViolations(ida, 'tidplanen');
  await ida.screenshot({ path: `${SCREENSHOTS}/tidplan-${testInfo.project.name}.png`, fullPage: true });
  await vendor.close();
  await customer.close();
});
