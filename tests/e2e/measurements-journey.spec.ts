import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { stockholmToday } from '../../src/web/checklist/dates.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { createCustomerWithProject, logIn } from './journey.js';

const SCREENSHOTS = '.tmp/screenshots';
const GOAL = 'Alla elever bedöms i varje ämne varje termin';

/** A Swedish Excel CSV: semicolons, a byte-order mark. */
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

async function chooseFile(page: Page, card: Locator, label: string, name: string, content: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: label }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: content });
  await expect(card.getByRole('group', { name: `Kolumner i ${name}` })).toBeVisible();
}

async function mapColumn(page: Page, card: Locator, file: string, field: string, column: string): Promise<void> {
  await card
    .getByRole('group', { name: `Kolumner i ${file}` })
    .getByRole('combobox', { name: field })
    .click();
  await page.getByRole('option', { name: column, exact: true }).click();
}

test('an effect goal is measured from a roster and an assessment export: figure, students not covered and the chart', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const suffix = Math.random().toString(36).slice(2, 8);
  const today = stockholmToday();
  const nextYear = `${Number(today.slice(0, 4)) + 1}-06-15`;
  await logIn(page);
  await createCustomerWithProject(page, `Östby ${suffix} kommun`);

  // The measurable goal, written in the plan.
  await page.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: 'Projektplan' }).click();
  await page.getByRole('button', { name: 'Lägg till effektmål' }).click();
  const goalForm = page.getByRole('form', { name: 'Nytt effektmål' });
  await goalForm.getByRole('textbox', { name: 'Mål', exact: true }).fill(GOAL);
  await goalForm.getByLabel('Vad mäts?').fill('Andel elever med bedömning i varje ämne under terminen');
  await goalForm.getByLabel('Enhet').click();
  await page.getByRole('option', { name: 'Procent' }).click();
  await goalForm.getByLabel('Utgångsvärde').fill('40');
  await goalForm.getByRole('textbox', { name: 'Målvärde' }).fill('100');
  await goalForm.getByLabel('Nått senast').fill(nextYear);
  await goalForm.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText(GOAL)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Projektets delar' })
    .getByRole('link', { name: 'Måluppföljning' })
    .click();
  await expect(page.getByRole('heading', { name: 'Måluppföljning', level: 1 })).toBeVisible();
  const card = page.getByRole('region', { name: GOAL });
  await expect(card).toContainText('Inte mätt än');
  await expectNoSeriousA11yViolations(page, 'måluppföljning, inga mätningar');

  // The roster of student × subject and the platform's assessment export, with one unreadable row.
  await card.getByRole('tab', { name: 'Från fil' }).click();
  // The goal speaks of students assessed in every subject: that is the measure offered first.
  await expect(
    card.getByRole('radio', { name: 'Andel elever med minst en bedömning i varje ämne', exact: true }),
  ).toBeChecked();
  await chooseFile(
    page,
    card,
    'Elevregister (CSV eller Excel)',
    'elevregister.csv',
    csv([
      'Elevens namn;Ämne',
      'Åsa Öberg;Svenska',
      'Åsa Öberg;Matematik',
      'Erik Ängel;Svenska',
      'Erik Ängel;Matematik',
    ]),
  );
  await mapColumn(page, card, 'elevregister.csv', 'Elev', 'Elevens namn');
  await mapColumn(page, card, 'elevregister.csv', 'Ämne/grupp (valfritt)', 'Ämne');
  await chooseFile(
    page,
    card,
    'Händelseexport, t.ex. bedömningar',
    'bedomningar.csv',
    csv([
      'Elev;Ämne;Bedömd',
      `ÅSA ÖBERG;Svenska;${today}`,
      `Åsa Öberg;Matematik;${today}`,
      `Erik Ängel;Svenska;${today}`,
      'Erik Ängel;Matematik;31/31/2026',
    ]),
  );
  await mapColumn(page, card, 'bedomningar.csv', 'Elev', 'Elev');
  await mapColumn(page, card, 'bedomningar.csv', 'Ämne/grupp (valfritt)', 'Ämne');
  await mapColumn(page, card, 'bedomningar.csv', 'Datum', 'Bedömd');
  await expectNoSeriousA11yViolations(page, 'måluppföljning, kolumner valda');
  await card.getByRole('button', { name: 'Beräkna' }).click();

  // One of two students is assessed in every subject; three of four student × subject pairs are, shown beside it.
  const result = card.getByRole('region', { name: 'Resultat' });
  await expect(result).toContainText('1 av 2');
  await expect(result).toContainText('50');
  await expect(result.getByRole('table')).toContainText('3 av 4');
  await expect(result).toContainText('Rader som inte gick att läsa: 1');
  await expect(result).toContainText('Rader som inte användes: 1');
  const uncovered = result.getByRole('region', { name: 'Elever som saknar bedömning i något ämne' });
  await expect(uncovered).toContainText('Erik Ängel – saknar Matematik');
  await expect(uncovered).not.toContainText('Åsa Öberg');
  await expectNoSeriousA11yViolations(page, 'måluppföljning, resultat');

  await result.getByRole('button', { name: 'Spara som mätning' }).click();
  const chart = card.getByRole('img', { name: /Diagram för/ });
  await expect(chart).toHaveAttribute('aria-label', /en mätning, 50/);
  // The result panel has closed: the one table left is the goal's measurements.
  await expect(card.getByRole('table')).toContainText('Täckning');
  await expectNoSeriousA11yViolations(page, 'måluppföljning, en mätning');
  await page.screenshot({ path: `${SCREENSHOTS}/maluppfoljning-${testInfo.project.name}.png`, fullPage: true });
});
