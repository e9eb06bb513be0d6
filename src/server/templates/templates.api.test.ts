import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateDetail, TemplateSummary } from '../../shared/templates.js';
import { buildApp } from '../app.js';
import { loadConfig, parseDatabaseUrl } from '../config/config.js';
import { createTestApp, freshDatabase, loginAs, type TestApp } from '../test-support/app.js';
import { readDefaultTemplateFile } from './service.js';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

const unknownId = '0b9d3c1e-9a55-4a4e-8a0e-5a8a3c3f0f00';

const defaultVersion = readDefaultTemplateFile().version;

describe('templates', () => {
  it('lists the default template', async () => {
    testApp = await createTestApp();
    const user = await loginAs(testApp.app, 'vendor_staff');
    const response = await user.get('/api/templates');
    expect(response.statusCode).toBe(200);
    const items: TemplateSummary[] = response.json().items;
    expect(items).toEqual([
      {
        id: expect.any(String),
        key: 'standard',
        version: defaultVersion,
        name: readDefaultTemplateFile().name,
        isDefault: true,
        createdAt: expect.any(String),
      },
    ]);
  });

  it('shows a template version with the vendor name in place of {vendor}', async () => {
    testApp = await createTestApp({ env: { STEGVIS_VENDOR_NAME: 'Skolplattformen AB' } });
    const user = await loginAs(testApp.app);
    const [summary] = (await user.get('/api/templates')).json().items as TemplateSummary[];

    const response = await user.get(`/api/templates/${summary.id}`);
    expect(response.statusCode).toBe(200);
    const detail: TemplateDetail = response.json();
    expect(detail).toMatchObject({ id: summary.id, key: 'standard', version: defaultVersion, isDefault: true });

    const activityTitles = detail.content.checklistGroups.flatMap((group) => group.activities.map((a) => a.title));
    expect(activityTitles).toContain('Beställningsblankett skickad till Skolplattformen AB.');
    expect(detail.content.keyActivities.map((k) => k.title)).toContain('Projektmöte med Skolplattformen AB');

    const text = JSON.stringify(detail.content);
    expect(text).not.toContain('{vendor}');
    const tokens = JSON.stringify(readDefaultTemplateFile().content).split('{vendor}').length - 1;
    expect(tokens).toBeGreaterThan(0);
    expect(text.split('Skolplattformen AB').length - 1).toBe(tokens);
  });

  it('answers 404 for an unknown template, 400 for a malformed id and 401 without a session', async () => {
    testApp = await createTestApp();
    const user = await loginAs(testApp.app);
    const unknown = await user.get(`/api/templates/${unknownId}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const malformed = await user.get('/api/templates/standard');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toHaveProperty('id');

    const [summary] = (await user.get('/api/templates')).json().items as TemplateSummary[];
    for (const url of ['/api/templates', `/api/templates/${summary.id}`]) {
      const anonymous = await testApp.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('is loaded once: a second app on the same database finds it and adds no copy', async () => {
    const database = await freshDatabase({ sqliteFile: true });
    const config = {
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      database: parseDatabaseUrl(database.url),
      web: undefined,
    };
    const apps: FastifyInstance[] = [];
    try {
      const templatesOf = async (app: FastifyInstance) =>
        (await (await loginAs(app)).get('/api/templates')).json().items as TemplateSummary[];

      apps.push(await buildApp(config));
      const first = await templatesOf(apps[0]);
      expect(first).toHaveLength(1);

      // A second instance starts while the first still runs, then the first restarts.
      apps.push(await buildApp(config));
      await apps[0].close();
      apps[0] = await buildApp(config);

      for (const app of apps) expect(await templatesOf(app)).toEqual(first);
      const rows = await apps[1].stegvis.db.selectFrom('templates').select(['id', 'key', 'version']).execute();
      expect(rows).toEqual([{ id: first[0].id, key: 'standard', version: defaultVersion }]);
    } finally {
      for (const app of apps) await app.close();
      await database.drop();
    }
  });
});
