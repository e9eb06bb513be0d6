import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, INVITATION_LINK, linkInNewestMail, logIn, onThisServer } from './journey.js';

/** Checklist activities on the customer's side, without the vendor's name in their titles. */
const CUSTOMER_ACTIVITIES = [
  'Avtalspåskrift',
  'Besluta om hur projektet ska organiseras (styrgrupp, projektgrupp osv se s. 6).',
  'Arbeta med projektets bakgrund, mål och utvärdering (s. 4).',
  'Diskutera och besluta om val av rubriker till IUP, åtgärdsprogram, skriftligt omdöme samt frånvaro.',
];

/** A day a month ago, in the browser's time zone as the checklist shows it. */
function aMonthAgo(): string {
  const day = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  return day.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

test('the vendor finds the late project first in its portfolio, opens it and sees why', async ({ page }) => {
  test.setTimeout(150_000);
  const suffix = Math.random().toString(36).slice(2, 8);
  const late = `Sentby ${suffix} kommun`;
  await logIn(page);
  await createCustomerWithProject(page, late);

  // Deadlines on the customer's side that passed a month ago, none of them done.
  for (const title of CUSTOMER_ACTIVITIES) {
    const deadline = page.getByRole('textbox', { name: `Deadline för ${title}` });
    await deadline.fill(aMonthAgo());
    await deadline.blur();
    await expect(deadline).toHaveValue(aMonthAgo());
  }

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Portfölj' }).click();
  await expect(page.getByRole('heading', { name: 'Portfölj', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Projekt per steg' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'portföljen');

  // The least healthy project leads, and its health says what pulled it down.
  const firstRow = page.getByRole('table').last().getByRole('row').nth(1);
  await expect(firstRow).toContainText(late);
  await firstRow.getByRole('button', { name: /^Varför\?/ }).click();
  await expect(firstRow.getByText(`${CUSTOMER_ACTIVITIES.length} försenade aktiviteter hos kunden`)).toBeVisible();

  await firstRow.getByRole('link', { name: `Implementering ${late}` }).click();
  await expect(page.getByRole('heading', { name: `Implementering ${late}`, level: 1 })).toBeVisible();
  const steps = page.getByRole('region', { name: 'Införandets tio steg' });
  await expect(steps.getByText('Det här saknas för att gå vidare')).toBeVisible();
  await expect(steps.getByText('Avtalspåskrift')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'det sena projektet');
});

test('the Beställare reads what is still open and approves the closure; the plan is then locked', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const suffix = Math.random().toString(36).slice(2, 8);
  const customer = `Slutby ${suffix} kommun`;
  const ordererEmail = `britt.${suffix}@slutby.se`;
  const vendor = await browser.newContext();
  const page = await vendor.newPage();
  await logIn(page);
  await createCustomerWithProject(page, customer);
  const projectUrl = page.url();

  // The customer's Beställare, invited to log in.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await page.getByRole('link', { name: customer }).click();
  const personForm = page.getByRole('region', { name: 'Lägg till person' });
  await personForm.getByLabel('Namn').fill('Britt Beställare');
  await personForm.getByLabel('E-postadress').fill(ordererEmail);
  await personForm.getByLabel('Titel').fill('Förvaltningschef');
  await personForm.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Britt Beställare' })).toBeVisible();
  await page.goto(`${projectUrl}/organisation`);
  const orderer = page.getByRole('region', { name: 'Beställare', exact: true });
  await orderer.getByLabel('Person till Beställare').selectOption({ label: 'Britt Beställare (Förvaltningschef)' });
  await orderer.getByRole('button', { name: 'Lägg till person som Beställare' }).click();
  await orderer.getByRole('button', { name: 'Bjud in Britt Beställare att logga in' }).click();
  await expect(orderer.getByText('Inbjuden', { exact: true })).toBeVisible();

  const link = await linkInNewestMail(testInfo.project.name, ordererEmail, INVITATION_LINK);
  const customerContext = await browser.newContext();
  const britt = await customerContext.newPage();
  await britt.goto(onThisServer(link, page));
  await britt.getByLabel('Nytt lösenord').fill('britts-eget-losenord');
  await britt.getByLabel('Upprepa lösenordet').fill('britts-eget-losenord');
  await britt.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(britt.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();
  await expect(
    britt.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Portfölj' }),
  ).toHaveCount(0);

  // What is still open comes first; approving needs the confirmation that it was read.
  await britt.getByRole('link', { name: `Implementering ${customer}` }).click();
  await britt.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Avslut' }).click();
  await expect(britt.getByRole('heading', { name: 'Det här är fortfarande öppet' })).toBeVisible();
  await expect(britt.getByText(/\d+ saker är öppna\./)).toBeVisible();
  await expectNoSeriousA11yViolations(britt, 'avslut före godkännande');
  await britt.getByRole('button', { name: 'Godkänn projektavslut' }).click();
  await expect(britt.getByText('Bekräfta att du har gått igenom det som är öppet')).toBeVisible();
  await britt.getByRole('checkbox', { name: 'Jag har gått igenom det som är öppet' }).check();
  await britt.getByRole('button', { name: 'Godkänn projektavslut' }).click();
  await expect(
    britt.getByText('Beställaren godkände projektavslutet: Britt Beställare', { exact: false }),
  ).toBeVisible();
  await expect(britt.getByText(/Projektet är avslutat och i genomförandefasen/).first()).toBeVisible();
  // The follow-up meeting is on the timeline, with a date.
  await expect(britt.getByRole('heading', { name: 'Uppföljningsmöte med leverantören' })).toBeVisible();
  await expect(britt.getByText(/^Uppföljningsmöte med .+: \d{1,2} \S+ \d{4}$/)).toBeVisible();
  await expectNoSeriousA11yViolations(britt, 'avslut efter godkännande');

  // The vendor finds it closed: in the portfolio, and with a plan that can no longer be ticked.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Portfölj' }).click();
  const closedRow = page.getByRole('row').filter({ hasText: customer });
  await expect(closedRow).toContainText('Avslutat');
  await page.goto(projectUrl);
  await expect(page.getByText(/Projektet är avslutat och i genomförandefasen/).first()).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Markera som klar: Avtalspåskrift' })).toBeDisabled();
});
