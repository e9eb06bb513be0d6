import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createPerson } from '../test-support/factories.js';
import { createUser } from './service.js';

const common = 'Password123';
const refusal = {
  code: 'VALIDATION_FAILED',
  message: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
  fields: { password: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.' },
};

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

async function start(env: Record<string, string> = {}) {
  testApp = await createTestApp({ env });
  return testApp.app;
}

/** The token of the newest choose-password link mailed to `to`. */
async function linkTokenFor(app: FastifyInstance, to: string): Promise<string> {
  await app.stegvis.mailer.idle();
  const outbox = testApp!.config.mail.outboxDir;
  const files = fs
    .readdirSync(outbox)
    .filter((file) => file.includes(to))
    .sort();
  const raw = fs.readFileSync(path.join(outbox, files[files.length - 1]), 'utf8').replace(/=\r?\n/g, '');
  const match = raw.match(/valj-losenord\?token=3D([A-Za-z0-9_-]+)|valj-losenord\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no link in ${raw}`);
  return match[1] ?? match[2];
}

const accept = (app: FastifyInstance, token: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/accept', payload: { token, password } });

describe('a common password', () => {
  it('is refused at first-run setup, in any letter case, and nobody is created', async () => {
    const app = await start();
    for (const password of [common, 'QWERTYUIOP', '1234567890']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { name: 'Ada', email: 'ada@exempel.se', password },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual(refusal);
    }
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 'Ada', email: 'ada@exempel.se', password: 'ett-langt-losenord' },
    });
    expect(accepted.statusCode).toBe(201);
  });

  it('is refused when an invitation is accepted, and the link still works for a better one', async () => {
    const app = await start();
    const admin = await loginAs(app);
    const customer = await createCustomer(admin);
    const person = await createPerson(app, { customerId: customer.id, email: 'bo@kommun.se' });
    expect((await admin.post(`/api/people/${person.id}/invitation`)).statusCode).toBe(201);
    const token = await linkTokenFor(app, 'bo@kommun.se');

    const refused = await accept(app, token, 'password123');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toEqual(refusal);
    expect((await accept(app, token, 'ett-langt-losenord')).statusCode).toBe(200);
  });

  it('is refused when a forgotten password is reset', async () => {
    const app = await start();
    await createUser(app.stegvis, {
      email: 'cia@exempel.se',
      password: 'ett-langt-losenord',
      name: 'Cia',
      role: 'vendor_admin',
    });
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email: 'cia@exempel.se' } })).statusCode,
    ).toBe(204);
    const token = await linkTokenFor(app, 'cia@exempel.se');

    const refused = await accept(app, token, 'Qwerty12345');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toEqual(refusal);
    const login = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'cia@exempel.se', password } });
    expect((await login('Qwerty12345')).statusCode).toBe(401);
    expect((await accept(app, token, 'ett-annat-langt-losenord')).statusCode).toBe(200);
    expect((await login('ett-annat-langt-losenord')).statusCode).toBe(200);
  });

  it('is refused for a user the administrators create, and for the first admin from STEGVIS_ADMIN_PASSWORD', async () => {
    const app = await start();
    await expect(
      createUser(app.stegvis, { email: 'dan@exempel.se', password: common, name: 'Dan', role: 'vendor_staff' }),
    ).rejects.toMatchObject(refusal);
    await testApp?.close();
    testApp = undefined;
    await expect(
      start({ STEGVIS_ADMIN_EMAIL: 'drift@exempel.se', STEGVIS_ADMIN_PASSWORD: 'basketball' }),
    ).rejects.toMatchObject(refusal);
  });
});
