import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import { readDefaultTemplateFile } from '../templates/service.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import {
  arbitraryOf,
  HOSTILE_STRINGS,
  type JsonSchema,
  type RouteSchemas,
  routeSchemas,
} from '../test-support/request-schemas.js';
import { createSchool } from '../test-support/trainings.js';

/**
 * The fuzzer: requests generated from the zod schemas (through the app's OpenAPI document) for every
 * route of the route table — mostly well-formed, often not: wrong types, boundary lengths and numbers,
 * huge strings, unicode, SQL, HTML and path payloads, fields missing or added, bad ids in the path,
 * JSON that does not parse, other content types, cut-off uploads — sent as the vendor admin (who may
 * do the most), a reader of the project and nobody. No answer may be a 5xx, or show a stack trace, SQL
 * or a file system path. The seed is fixed and printed with every failing request, so a failure is
 * reproduced by running the file again (FUZZ_SEED and FUZZ_RUNS change them).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 17_2027);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2100);

/** What an answer must never show: the inside of the server. */
const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\bat [\w$.<>]+ \(|\n\s+at \S|Error: .*\n\s+at/],
  ['SQL', /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b.*\b(FROM|WHERE|VALUES|SET)\b/],
  [
    'a database error',
    /SQLITE_[A-Z]|SqliteError|no such (table|column)|syntax error|violates .* constraint|relation ".*" does not exist|duplicate key value|invalid input syntax/i,
  ],
  ['a file system path', /\/src\/|node_modules|file:\/\/|\/home\/|\/work\/|[A-Z]:\\/],
];

const TEXT = /^(text\/|application\/(json|problem\+json|javascript|xml))/;

const template = readDefaultTemplateFile().content;
let testApp: TestApp;
let admin: Agent;
let reader: Agent;
let schemas: Map<string, RouteSchemas>;
let ids: Record<string, unknown>;

beforeAll(async () => {
  testApp = await createTestApp({
    // Single sign-on checks reach the provider: a closed port on this machine answers at once.
    env: { SSO_ALLOW_LOOPBACK: 'true' },
  });
  const { app } = testApp;
  admin = await loginAs(app);
  schemas = await routeSchemas(app);
  const customer = await createCustomer(admin, { name: 'Fuzzby kommun' });
  const project = (await admin.post('/api/projects', { customerId: customer.id, startDate: '2027-01-11' })).json();
  const school = await createSchool(admin, customer.id, { name: 'Fuzzskolan', staffCount: 12 });
  const person = (await admin.post(`/api/customers/${customer.id}/people`, { name: 'Frida Fuzz' })).json();
  const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
  const plan = (await admin.get(`/api/projects/${project.id}/plan`)).json();
  const goal = await createEffectGoal(admin, project.id);
  reader = await loginAsMember(app, { customerId: customer.id, projectId: project.id, roleKeys: ['it'] });
  ids = {
    id: project.id,
    customerId: customer.id,
    schoolId: school.id,
    personId: person.id,
    activityId: checklist.groups[0].activities[0].id,
    goalId: goal.id,
    goalIds: [goal.id],
    sectionKey: plan.sections[0].key,
    factorId: plan.successFactors[0].id,
    keyActivityId: plan.keyActivities[0].id,
    trainingKey: template.trainingTypes[0].key,
    roleKey: 'projektledare',
    groupKey: checklist.groups[0].key,
    number: '1',
    issuer: 'https://127.0.0.1:9/',
  };
}, 60_000);
afterAll(() => testApp?.close());

interface Generated {
  actor: 'admin' | 'reader' | 'nobody';
  options: InjectOptions;
}

const RAW_PATHS = [
  '/api/../../../../etc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/assets/..%2f..%2f..%2fpackage.json',
  '/assets/../../src/server/app.ts',
  '/api/projects/%00',
  '/api/projects/..%2f..%2fcustomers',
  '/api/calendar/..%2f..%2f..%2fetc%2fpasswd.ics',
  '/api/calendar/%27%20OR%201%3D1%20--.ics',
  '/api/openapi.json/../../../package.json',
  `/api/projects/${'a'.repeat(5000)}`,
  '/api/projects?id[$ne]=1',
  '/api/customers?__proto__[admin]=true',
];

const MALFORMED_JSON = [
  '{',
  '{"title": "Ekby',
  '{"a":1,}',
  '[]',
  'null',
  '"text"',
  '12',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  `${'['.repeat(4000)}${']'.repeat(4000)}`,
  JSON.stringify({ title: 'x'.repeat(300_000) }),
  '\uFEFF{"title": "BOM"}',
  '{"title": "\\ud800"}',
];

const OTHER_CONTENT: { type: string; body: string }[] = [
  { type: 'text/plain', body: 'title=Ekby' },
  { type: 'application/x-www-form-urlencoded', body: 'title=Ekby&version=1' },
  {
    type: 'application/xml',
    body: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
  },
  { type: 'application/json; charset=utf-16', body: '{"title":"Ekby"}' },
  { type: 'application/octet-stream', body: '\u0000\u0001\u0002' },
];

const boundary = '----stegvis-fuzz';
const part = (name: string, fileName: string | null, content: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName === null ? '' : `; filename="${fileName}"`}\r\n` +
  `Content-Type: ${fileName === null ? 'text/plain' : 'application/octet-stream'}\r\n\r\n${content}\r\n`;
const UPLOADS = [
  `${part('file', 'personal.csv', 'Namn;E-post\r\nÅsa Öberg;asa@fuzzby.se\r\n')}--${boundary}--\r\n`,
  `${part('file', 'personal.xlsx', 'PK\u0003\u0004 not really a zip')}--${boundary}--\r\n`,
  `${part('file', '../../../etc/passwd', 'root:x:0:0')}--${boundary}--\r\n`,
  `${part('settings', null, '{"method": "share_by_date"')}${part('records', 'r.csv', 'Elev\n')}--${boundary}--\r\n`,
  `${part('settings', null, JSON.stringify({ method: 'share_by_date', measure: 'byDate', columns: { records: { label: 'Elev', date: 'Datum' } }, byDate: '2027-02-30' }))}${part('records', 'r.csv', 'Elev,Datum\nÅsa,2027-13-45\n')}--${boundary}--\r\n`,
  `${part('file', 'tom.csv', '')}--${boundary}--\r\n`,
  `${part('other', 'x.csv', 'a')}${part('file', 'y.csv', 'b')}${part('file', 'z.csv', 'c')}--${boundary}--\r\n`,
  `--${boundary}--\r\n`,
];

/**
 * Malformed multipart bodies: cut off in the middle of a file, without the closing boundary, or without
 * a boundary at all (issue 17 finding 3, which answered 500 at every upload route).
 */
const MALFORMED_MULTIPART: { type: string; body: string }[] = [
  {
    type: `multipart/form-data; boundary=${boundary}`,
    body: `${part('file', 'personal.csv', 'Namn;E-post\r\nÅsa')}`.slice(0, 90),
  },
  {
    type: `multipart/form-data; boundary=${boundary}`,
    body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nNamn\r\n`,
  },
  { type: 'multipart/form-data', body: 'no boundary' },
];
const UPLOAD_BODIES = [
  ...UPLOADS.map((body) => ({ type: `multipart/form-data; boundary=${boundary}`, body })),
  ...MALFORMED_MULTIPART,
];

const uuid = fc.uuid({ version: 4 });

/** A path parameter: the real thing, another id, or garbage. */
function parameterArbitrary(name: string): fc.Arbitrary<string> {
  const real = ids[name];
  return fc.oneof(
    { arbitrary: fc.constant(typeof real === 'string' ? real : '00000000-0000-4000-8000-000000000000'), weight: 5 },
    { arbitrary: uuid, weight: 1 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((text) => text !== '')), weight: 2 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 20 }), weight: 1 },
  );
}

function queryArbitrary(route: RouteSchemas): fc.Arbitrary<string> {
  const parts = route.query.map((parameter) =>
    fc
      .option(arbitraryOf(parameter.schema, ids, parameter.name), { freq: 5 })
      .map((value) =>
        value === null
          ? ''
          : `${parameter.name}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`,
      ),
  );
  const extra = fc.option(
    fc.constantFrom('page=-1', 'limit=99999999', 'sort=name;DROP TABLE users', 'q=%27%20OR%201%3D1', 'x[]=1&x[]=2'),
    { freq: 4 },
  );
  return fc.tuple(fc.tuple(...parts), extra).map(([values, more]) => [...values, more ?? ''].filter(Boolean).join('&'));
}

type BodyShape = Pick<InjectOptions, 'payload' | 'headers'>;

function bodyArbitrary(route: RouteSchemas): fc.Arbitrary<BodyShape> {
  const json = (schema: JsonSchema | undefined) =>
    (schema ? arbitraryOf(schema, ids) : fc.anything({ maxDepth: 2 })).map(
      (value): BodyShape => ({
        payload: JSON.stringify(value) ?? 'null',
        headers: { 'content-type': 'application/json' },
      }),
    );
  const malformed = fc
    .constantFrom(...MALFORMED_JSON)
    .map((payload): BodyShape => ({ payload, headers: { 'content-type': 'application/json' } }));
  const other = fc
    .constantFrom(...OTHER_CONTENT)
    .map(({ type, body }): BodyShape => ({ payload: body, headers: { 'content-type': type } }));
  const upload = fc
    .constantFrom(...UPLOAD_BODIES)
    .map(({ type, body }): BodyShape => ({ payload: body, headers: { 'content-type': type } }));
  const none = fc.constant<BodyShape>({});
  const takesUpload = !route.body && route.method === 'POST';
  return fc.oneof(
    { arbitrary: json(route.body), weight: takesUpload ? 1 : 12 },
    { arbitrary: malformed, weight: 2 },
    { arbitrary: other, weight: 1 },
    { arbitrary: upload, weight: takesUpload ? 10 : 1 },
    { arbitrary: none, weight: 1 },
  );
}

/** Signing out would end the agent's session for every request after it: nobody sends it. */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

function requestArbitrary(routes: RouteSchemas[]): fc.Arbitrary<Generated> {
  const anyone = fc.constantFrom<Generated['actor']>(
    'admin',
    'admin',
    'admin',
    'admin',
    'admin',
    'admin',
    'reader',
    'nobody',
  );
  // Each route's arbitrary is built once: building one (its patterns above all) costs more than drawing from it.
  const perRoute = routes.map((route) => {
    const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]);
    return fc
      .tuple(
        ENDS_SESSION.has(`${route.method} ${route.url}`) ? fc.constant<Generated['actor']>('nobody') : anyone,
        fc.tuple(...names.map(parameterArbitrary)),
        queryArbitrary(route),
        ['GET', 'DELETE'].includes(route.method) ? fc.constant<BodyShape>({}) : bodyArbitrary(route),
      )
      .map(([who, values, query, body]): Generated => {
        let index = 0;
        const path = route.url.replace(/:(\w+)/g, () => encodeURIComponent(values[index++]));
        return {
          actor: who,
          options: { method: route.method as 'GET', url: query ? `${path}?${query}` : path, ...body },
        };
      });
  });
  const raw = fc
    .tuple(anyone, fc.constantFrom(...RAW_PATHS), fc.constantFrom('GET', 'POST', 'DELETE'))
    .map(([who, url, method]): Generated => ({ actor: who, options: { method: method as 'GET', url } }));
  return fc.oneof({ arbitrary: fc.oneof(...perRoute), weight: 30 }, { arbitrary: raw, weight: 1 });
}

/** The body with what the request itself sent taken out: a 404 may echo the address it did not find. */
function withoutEcho(body: string, options: InjectOptions): string {
  let text = body;
  const url = String(options.url);
  const sent = [
    url,
    decodeURIComponentSafe(url),
    // The address as the router saw it, with its dot segments resolved.
    new URL(url, 'http://stegvis.test').pathname,
    decodeURIComponentSafe(new URL(url, 'http://stegvis.test').pathname),
    ...HOSTILE_STRINGS.filter((value) => value.length > 2),
  ];
  for (const value of sent) {
    text = text.split(value).join('').split(JSON.stringify(value).slice(1, -1)).join('');
  }
  return text;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const describeRequest = (request: Generated) =>
  `${request.actor}: ${request.options.method} ${String(request.options.url).slice(0, 200)} ` +
  `${JSON.stringify(request.options.headers ?? {})} ${String(request.options.payload ?? '').slice(0, 300)}`;

describe('what the fuzzer found', () => {
  it('answers a path part longer than any id with 404, like an id that does not exist', async () => {
    for (const url of [`/api/projects/${'9'.repeat(400)}`, `/api/projects/${'a'.repeat(150)}/plan`]) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('answers a version beyond what the database holds with 400 or as a stale version, never 500', async () => {
    const response = await admin.request({
      method: 'DELETE',
      url: `/api/projects/${ids.id}/goals/${ids.goalId}?version=${Number.MAX_SAFE_INTEGER}`,
    });
    // PostgreSQL's integer column cannot hold it (400); SQLite compares it and finds it stale (409).
    expect([400, 409]).toContain(response.statusCode);
    expect(
      (await admin.get(`/api/projects/${ids.id}/plan`)).json().goals.map((goal: { id: string }) => goal.id),
    ).toContain(ids.goalId);
  });
});

describe('the fuzzer', () => {
  it(`sends ${RUNS} generated requests (seed ${SEED}): no 5xx, no stack, SQL or path in any answer`, async () => {
    const routes = [...schemas.values()].filter(
      (route) => route.method !== 'HEAD' && !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json',
    );
    const started = performance.now();
    const requests = fc.sample(requestArbitrary(routes), { seed: SEED, numRuns: RUNS });
    const generated = performance.now();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const request of requests) {
      const agent = request.actor === 'admin' ? admin : request.actor === 'reader' ? reader : null;
      const response = agent ? await agent.request(request.options) : await testApp.app.inject(request.options);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const problems: string[] = [];
      if (response.statusCode >= 500) problems.push(`answered ${response.statusCode}`);
      // Spreadsheets, Word and PDF files are compressed bytes; what they say is tested where they are made.
      if (TEXT.test(String(response.headers['content-type'] ?? 'text/plain'))) {
        const text = withoutEcho(response.body, request.options);
        for (const [what, pattern] of LEAKS) if (pattern.test(text)) problems.push(`shows ${what}`);
      }
      if (problems.length > 0) {
        failures.push(`${problems.join(', ')} — ${describeRequest(request)} → ${response.body.slice(0, 300)}`);
      }
    }
    console.log(
      `fuzz seed ${SEED}: ${requests.length} requests over ${routes.length} routes, generated in ` +
        `${Math.round(generated - started)} ms, answered in ${Math.round(performance.now() - generated)} ms;`,
      Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    );
    // Most requests must get past validation somewhere, or the fuzzer tests nothing but the schemas.
    expect([...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(
      RUNS / 10,
    );
    expect(failures, `seed ${SEED}; FUZZ_SEED=${SEED} reproduces`).toEqual([]);
    // The signed-in actors stayed signed in, so their requests reached the routes rather than a 401.
    expect((await admin.get('/api/projects')).statusCode).toBe(200);
    expect((await reader.get('/api/me/tasks')).statusCode).toBe(200);
    expect(requests.length).toBeGreaterThanOrEqual(Number(process.env.FUZZ_RUNS ?? 2000));
  }, 240_000);
});
