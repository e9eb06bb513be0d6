import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { e2eAdmin, e2eOutbox } from '../../playwright.config.js';
import { hasValidLuhnChecksum } from '../../src/shared/common.js';

/** Steps several journeys take the same way. */

/** A valid organisation number that no other journey on the same server is likely to use. */
export function organisationNumber(): string {
  const body = `212${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(body + digit));
  return `${body}${check}`;
}

export async function logIn(page: Page, email = e2eAdmin.email, password = e2eAdmin.password): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible();
}

/** Adds a customer and creates its project from the default template; ends on the project page. */
export async function createCustomerWithProject(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  // The page before may have had a name field too: fill in the customer form only.
  await expect(page.getByRole('heading', { name: 'Kunder', level: 1 })).toBeVisible();
  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('Organisationsnummer').fill(organisationNumber());
  await page.getByRole('button', { name: 'Lägg till kund' }).click();
  await expect(page.getByRole('status')).toContainText(`Kunden ${name} är tillagd`);
  await page.getByRole('button', { name: `Skapa implementeringsprojekt för ${name}` }).click();
  await expect(page.getByRole('heading', { name: `Implementering ${name}`, level: 1 })).toBeVisible();
}

/** The first link matching `pattern` in the newest mail to `to` in the server's outbox (no SMTP in the journeys). */
export async function linkInNewestMail(serverName: string, to: string, pattern: RegExp): Promise<string> {
  const folder = e2eOutbox(serverName);
  let found: string | undefined;
  await expect
    .poll(() => {
      const mails = readdirSync(folder)
        .map((file) => path.join(folder, file))
        .filter((file) => readFileSync(file, 'utf8').includes(to))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
      const text = mails[0]
        ? readFileSync(mails[0], 'utf8')
            .replace(/=\r?\n/g, '')
            .replace(/=3D/g, '=')
        : '';
      found = text.match(pattern)?.[0];
      return found;
    })
    .toBeTruthy();
  return found as string;
}

export const INVITATION_LINK = /https?:\/\/[^\s"<>]+\/valj-losenord\?token=[A-Za-z0-9_-]+/;

/** The link's path on the server the page is on (mails link to the configured public address). */
export const onThisServer = (link: string, page: Page): string =>
  new URL(new URL(link).pathname + new URL(link).search, page.url()).toString();
