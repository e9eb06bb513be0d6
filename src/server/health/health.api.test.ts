import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentLog } from '../core/request-id.js';
import { migrations } from '../db/migrations/index.js';
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

describe('readiness', () => {
  it('answers 200 when the database answers and has run every migration, without a login', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      database: testDatabaseKind,
      version: expect.any(String),
      migrations: Object.keys(migrations).length,
    });
  });

  it('answers 503 NOT_READY naming the migration the database has not run', async () => {
    await sql`delete from kysely_migration where name = '009_single_sign_on'`.execute(testApp.app.stegvis.db);

    const response = await testApp.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: {
        code: 'NOT_READY',
        message: 'Databasen saknar migreringen 009_single_sign_on. Starta om appen så att de körs.',
        requestId: response.headers['x-request-id'],
      },
    });
    // Still alive: a missing migration is a reason to take no traffic, not to be restarted by the liveness check.
    expect((await testApp.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers 503 NOT_READY when the database does not answer', async () => {
    await testApp.app.stegvis.db.destroy();

    const response = await testApp.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: 'NOT_READY', message: 'Databasen svarar inte.', requestId: response.headers['x-request-id'] },
    });
  });
});

describe('request ids', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('names a new id in x-request-id on every answer: a normal one, a 404 and validation errors', async () => {
    const answers = [
      await testApp.app.inject({ method: 'GET', url: '/api/health' }),
      await testApp.app.inject({ method: 'GET', url: '/api/finns-inte' }),
      await testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'inte en adress' } }),
      // An address Fastify cannot decode is answered before any hook or route.
      await testApp.app.inject({ method: 'GET', url: '/api/%zz' }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 404, 400, 400]);
    for (const answer of answers) expect(answer.headers['x-request-id']).toMatch(uuid);
    expect(new Set(answers.map((answer) => answer.headers['x-request-id'])).size).toBe(answers.length);
    expect(answers[3].json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  });

  it('keeps a safe id given by a proxy, and replaces one that is too long or carries other characters', async () => {
    const withId = (id: string) =>
      testApp.app.inject({ method: 'GET', url: '/api/finns-inte', headers: { 'x-request-id': id } });
    expect((await withId('lb-7f3a.9_B')).headers['x-request-id']).toBe('lb-7f3a.9_B');
    for (const unsafe of ['a'.repeat(65), 'två ord', '<script>', 'id"} {"forged":1', '']) {
      expect((await withId(unsafe)).headers['x-request-id'], unsafe).toMatch(uuid);
    }
  });

  it('hands code deeper down (the mailer) the log of the request, whose every line carries the id', async () => {
    // A real logger (pino), writing nothing below fatal: its child per request is bound to the id.
    const logging = await createTestApp({ env: { LOG_LEVEL: 'fatal' } });
    type BoundLogger = FastifyBaseLogger & { bindings(): Record<string, unknown> };
    try {
      logging.app.post('/api/test/logger', async (request) => {
        await new Promise((resolve) => setImmediate(resolve));
        const log = currentLog(logging.app.log);
        return { isRequestLog: log === request.log, bindings: (log as BoundLogger).bindings() };
      });
      const response = await logging.app.inject({
        method: 'POST',
        url: '/api/test/logger',
        headers: { 'x-request-id': 'spar-42' },
        payload: { text: 'en kropp' },
      });
      expect(response.json()).toEqual({ isRequestLog: true, bindings: { reqId: 'spar-42' } });
      expect(currentLog(logging.app.log)).toBe(logging.app.log);
    } finally {
      await logging.close();
    }
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
        'GET /api/ready',
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
    // The request id leads from what the user saw to the log line with the detail.
    expect(response.json()).toEqual({
      error: { code: 'INTERNAL', message: expect.any(String), requestId: response.headers['x-request-id'] },
    });
    expect(response.body).not.toMatch(/hemlig|hunter2|app\.ts|stack/i);
  });

  it('answers a database failure with 500 INTERNAL without the SQL error', async () => {
    const admin = await loginAs(testApp.app);
    await createCustomer(admin);
    // A broken database, as when a table has gone missing under the running app.
    await sql`alter table customers rename to customers_borta`.execute(testApp.app.stegvis.db);

    const response = await admin.get('/api/customers');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'INTERNAL', message: expect.any(String), requestId: response.headers['x-request-id'] },
    });
    expect(response.body).not.toMatch(/customers|relation|table|sql/i);
  });
});
