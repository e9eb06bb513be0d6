import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, testDatabaseKind } from '../test-support/app.js';
import { createCustomer } from '../test-support/factories.js';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(() => testApp.close());

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

describe('health', () => {
  it('answers 200 with the database kind', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: testDatabaseKind, version: expect.any(String) });
  });

  it('sends page protections (CSP, no framing) with pages and nosniff with API answers', async () => {
    const api = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    const page = await testApp.app.inject({ method: 'GET', url: '/projekt' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('OpenAPI document', () => {
  it('describes the stable paths, with request bodies from the shared schemas', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const document: OpenApiDocument = response.json();
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toMatchObject({ title: 'Stegvis API', version: expect.any(String) });

    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/customers',
        'POST /api/customers',
        'GET /api/projects',
        'POST /api/projects',
        'GET /api/projects/{id}',
        'GET /api/projects/{id}/activities',
        'PATCH /api/projects/{id}/activities/{activityId}',
      ]),
    );
    // Fastify's own `:id` syntax must not leak into the document.
    expect(Object.keys(document.paths).filter((path) => path.includes(':'))).toEqual([]);

    const bodyOf = (method: string, path: string) =>
      document.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;
    const login = bodyOf('post', '/api/auth/login');
    expect(login?.type).toBe('object');
    expect(Object.keys(login?.properties ?? {}).sort()).toEqual(['email', 'password']);
    expect(login?.required?.sort()).toEqual(['email', 'password']);
    expect(Object.keys(bodyOf('post', '/api/customers')?.properties ?? {}).sort()).toEqual([
      'name',
      'organisationNumber',
    ]);
    expect(bodyOf('patch', '/api/projects/{id}/activities/{activityId}')?.properties).toHaveProperty('version');
  });
});

describe('errors', () => {
  it('answers an unknown API path with 404 JSON', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await testApp.app.inject({ method, url: '/api/finns-inte?x=1' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });

  it('answers an unexpected error with 500 INTERNAL and no internal detail', async () => {
    testApp.app.get('/api/test/kaboom', async () => {
      throw new Error('hemlig detalj: lösenord=hunter2 i /srv/stegvis/src/server/app.ts');
    });
    const response = await testApp.app.inject({ method: 'GET', url: '/api/test/kaboom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(response.body).not.toMatch(/hemlig|hunter2|app\.ts|stack/i);
  });

  it('answers a database failure with 500 INTERNAL without the SQL error', async () => {
    const admin = await loginAs(testApp.app);
    await createCustomer(admin);
    // A broken database, as when a table has gone missing under the running app.
    await sql`alter table customers rename to customers_borta`.execute(testApp.app.stegvis.db);

    const response = await admin.get('/api/customers');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(response.body).not.toMatch(/customers|relation|table|sql/i);
  });
});
