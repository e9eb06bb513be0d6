/**
 * Screenshots of the main pages against a running Stegvis (default http://localhost:3000, demo data):
 *   npx tsx scripts/screenshots.ts [baseUrl] [outDir]
 */
import { chromium } from '@playwright/test';
import { DEMO_ADMIN } from '../src/server/demo/seed.js';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';

const baseUrl = process.argv[2] ?? 'http://localhost:3000';
const outDir = process.argv[3] ?? '.tmp/screenshots';

const browser = await chromium.launch(chromiumLaunchOptions);
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
const page = await context.newPage();
await page.goto(`${baseUrl}/logga-in`);
await page.screenshot({ path: `${outDir}/login.png` });
await page.getByLabel('E-postadress').fill(DEMO_ADMIN.email);
await page.getByLabel('Lösenord').fill(DEMO_ADMIN.password);
await page.getByRole('button', { name: 'Logga in' }).click();
await page.getByRole('heading', { name: 'Projekt', level: 1 }).waitFor();
await page.screenshot({ path: `${outDir}/projects.png` });
await page
  .getByRole('link', { name: /Införande/ })
  .first()
  .click();
await page.getByRole('heading', { name: /Checklista/ }).waitFor();
await page.getByRole('checkbox').first().waitFor();
await page.screenshot({ path: `${outDir}/project.png` });
await page.screenshot({ path: `${outDir}/project-full.png`, fullPage: true });
for (const [tab, file] of [
  ['Måluppföljning', 'maluppfoljning'],
  ['Utbildningar', 'utbildningar'],
  ['Kommunikation', 'kommunikation'],
  ['Leverans', 'leverans'],
  ['Styrning', 'styrning'],
  ['Avslut', 'avslut'],
] as const) {
  await page.getByRole('navigation', { name: 'Projektets delar' }).getByRole('link', { name: tab }).click();
  await page.getByRole('heading', { name: tab, level: 1 }).waitFor();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/${file}.png` });
}
await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Portfölj' }).click();
await page.getByRole('heading', { name: 'Portfölj', level: 1 }).waitFor();
await page.getByRole('table').last().waitFor();
await page.waitForLoadState('networkidle');
await page.screenshot({ path: `${outDir}/portfolj.png` });
await page.getByRole('link', { name: 'Kunder' }).click();
await page.getByRole('heading', { name: 'Kunder', level: 1 }).waitFor();
await page.screenshot({ path: `${outDir}/customers.png` });
await browser.close();
console.log(`Screenshots in ${outDir}`);
