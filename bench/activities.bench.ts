/**
 * Benchmark of Stegvis' main read, `GET /api/projects/:id/activities`, against a bare
 * `node:http` + better-sqlite3 server that does the same essential work on the same database file.
 *
 *   npm run bench                      # 10 s per measured run
 *   BENCH_SECONDS=5 npm run bench      # shorter runs
 *
 * Environment: BENCH_SECONDS (measured run, default 10), BENCH_WARMUP_SECONDS (default 3),
 * BENCH_CONNECTIONS (default 10), BENCH_PROJECTS (default 300), BENCH_ROUNDS (default 1: with more, the
 * servers are measured in turn that many times and each one's best run counts, which damps noise from
 * other work on the machine), BENCH_PROFILE_DIR (when set, each server process writes V8 CPU profiles
 * there, to open in Chrome DevTools or speedscope; the profiler slows the lighter baseline the most,
 * so do not read the ratio from a profiled run).
 *
 * Layout: this process generates the data set through the real services, then starts each server in
 * a child process of its own (this same file, with STEGVIS_BENCH_ROLE set) and drives it with
 * autocannon from here. Load generator and server in one process would share one event loop, which
 * adds the same cost to every request on both sides and pulls the ratio towards 1.
 *
 * Only reads are measured. A fair write (PATCH of an activity) needs the current version of the row
 * for every request: fetching it first would measure a read plus a write, and guessing it would
 * measure 409 answers. The write is therefore left out on purpose.
 *
 * The baseline answers the same contract as Stegvis: its answer is typed as `Complete<Checklist>`
 * (bare/checklist.ts, shared with http.bench.ts), so a field added to `activitySchema`
 * (src/shared/checklist.ts) fails `npm run validate` there until the baseline builds it too; and
 * before measuring, both answers are checked against the schema and against each other,
 * naming every field that differs.
 *
 * BENCH_SMOKE=1 (see smoke.ts): 3 projects, 1 connection, a few requests per server, every project
 * compared; `bench/benchmarks.api.test.ts` runs it so that a broken benchmark fails `npm test`.
 *
 * No timing is asserted: the goal is printed, and the exit code is 0 whether it is met or not. The
 * exit code is 1 only when the benchmark itself is broken (answers differ, non-2xx responses).
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import {
  BASELINE_SQL,
  type BaselineActivityRow,
  type BaselineHoldingRow,
  type BaselineSession,
  buildChecklist,
  checkContract,
  describeDifferences,
  differences,
  isLiveSession,
  parseTemplates,
  reply,
  replyError,
  SESSION_COOKIE,
  sessionKey,
  showsAcknowledgements,
  uuidPattern,
} from './bare/checklist.js';
import { seededRandom } from './measure.js';
import { runLength, smoke, smokeNote } from './smoke.js';

const ROLE_ENV = 'STEGVIS_BENCH_ROLE';
const HOST = '127.0.0.1';
const ADMIN = { email: 'bench-admin@exempel.se', password: 'bench-losenord-123', name: 'Anna Administratör' };
const GOAL_RATIO = 0.5;

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`${name} must be a number ≥ ${min}, got ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Messages between the orchestrator and the server processes
// ---------------------------------------------------------------------------------------------

type ToServer = { type: 'mark' } | { type: 'stats' };
type FromServer =
  | { type: 'ready'; port: number; cookie?: string }
  | { type: 'marked' }
  | { type: 'stats'; rss: number; maxRss: number; cpuPercent: number }
  | { type: 'failed'; message: string };

const send = (message: FromServer) => process.send?.(message);

/** Answers the orchestrator's measurement messages; exits when the orchestrator goes away. */
function serveMeasurements(): void {
  let mark = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
  process.on('message', (message: ToServer) => {
    if (message.type === 'mark') {
      mark = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
      send({ type: 'marked' });
    }
    if (message.type === 'stats') {
      const cpu = process.cpuUsage(mark.cpu);
      const wallMicros = Number(process.hrtime.bigint() - mark.at) / 1000;
      send({
        type: 'stats',
        rss: process.memoryUsage().rss,
        maxRss: process.resourceUsage().maxRSS * 1024,
        cpuPercent: ((cpu.user + cpu.system) / wallMicros) * 100,
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Server process: Stegvis
// ---------------------------------------------------------------------------------------------

async function runStegvisServer(file: string): Promise<void> {
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config/config.js');
  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: file }),
    web: undefined,
  };
  const app = await buildApp(config);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: ADMIN.email, password: ADMIN.password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed with ${login.statusCode}: ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await app.listen({ port: 0, host: HOST });
  serveMeasurements();
  send({ type: 'ready', port: (app.server.address() as AddressInfo).port, cookie });
}

// ---------------------------------------------------------------------------------------------
// Server process: the baseline, node:http + better-sqlite3 prepared statements
// ---------------------------------------------------------------------------------------------

const activitiesPath = /^\/api\/projects\/([^/]+)\/activities$/;

function runBaselineServer(file: string): void {
  const db = new SqliteDatabase(file);
  // The same settings as Stegvis' own connection.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const templates = parseTemplates(db.prepare(BASELINE_SQL.templates).all() as { id: string; content: string }[]);
  const findSession = db.prepare(BASELINE_SQL.findSession);
  const findProject = db.prepare(BASELINE_SQL.findProject);
  const listActivities = db.prepare(BASELINE_SQL.listActivities);
  const listHoldings = db.prepare(BASELINE_SQL.listHoldings);

  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const match = activitiesPath.exec(query === -1 ? url : url.slice(0, query));
    if (request.method !== 'GET' || !match) return replyError(response, 404, 'NOT_FOUND', 'Sökvägen finns inte');

    const key = sessionKey(request.headers.cookie);
    const session = key ? (findSession.get(key) as BaselineSession | undefined) : undefined;
    if (!isLiveSession(session)) return replyError(response, 401, 'UNAUTHENTICATED', 'Du behöver logga in');

    const projectId = match[1];
    // Like Stegvis' access guard: a malformed id is answered as one that does not exist.
    if (!uuidPattern.test(projectId)) return replyError(response, 404, 'NOT_FOUND', 'Finns inte');
    const project = findProject.get(projectId) as { template_id: string; phase: string } | undefined;
    const template = project && templates.get(project.template_id);
    // The measured user is the vendor admin, who may tick every activity.
    if (!project || !template || session.role === 'customer') {
      return replyError(response, 404, 'NOT_FOUND', 'Projektet finns inte');
    }
    const rows = listActivities.all(projectId) as BaselineActivityRow[];
    const holdings = showsAcknowledgements(rows) ? (listHoldings.all(projectId) as BaselineHoldingRow[]) : undefined;
    reply(response, 200, buildChecklist(rows, holdings, template, project));
  });

  server.listen(0, HOST, () => {
    serveMeasurements();
    send({ type: 'ready', port: (server.address() as AddressInfo).port });
  });
}

// ---------------------------------------------------------------------------------------------
// Orchestrator: data set
// ---------------------------------------------------------------------------------------------

const municipalities = [
  'Ale',
  'Alingsås',
  'Arvika',
  'Borås',
  'Eslöv',
  'Falun',
  'Gävle',
  'Halmstad',
  'Härnösand',
  'Jönköping',
  'Kalmar',
  'Karlstad',
  'Kiruna',
  'Kristianstad',
  'Luleå',
  'Lund',
  'Malmö',
  'Mora',
  'Norrköping',
  'Nyköping',
  'Piteå',
  'Skövde',
  'Sundsvall',
  'Trollhättan',
  'Umeå',
  'Uppsala',
  'Varberg',
  'Visby',
  'Västerås',
  'Växjö',
  'Ystad',
  'Örebro',
  'Örnsköldsvik',
  'Östersund',
];

/** A unique organisation number per index, with a valid Luhn check digit (see test-support/factories). */
function organisationNumberFor(index: number, hasValidLuhnChecksum: (digits: string) => boolean): string {
  const body = `212000${String(index).padStart(3, '0')}`;
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(body + digit));
  if (check === undefined) throw new Error(`no check digit for ${body}`);
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface DataSet {
  projectIds: string[];
  activities: number;
  ticked: number;
  deadlines: number;
  named: number;
  dependencies: number;
  comments: number;
  roleHoldings: number;
  confirmations: number;
}

async function generateDataSet(file: string, projectCount: number): Promise<DataSet> {
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config/config.js');
  const { createUser } = await import('../src/server/auth/service.js');
  const { createCustomer } = await import('../src/server/customers/service.js');
  const { createProject } = await import('../src/server/projects/service.js');
  const { checklistRepository } = await import('../src/server/checklist/repository.js');
  const { newId } = await import('../src/server/core/ids.js');
  const { hasValidLuhnChecksum } = await import('../src/shared/common.js');
  const { loadTemplateContent } = await import('../src/server/templates/service.js');
  const { responsibilityHash } = await import('../src/server/acknowledgements/state.js');

  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: file }),
    web: undefined,
  };
  const app = await buildApp(config);
  const context = app.stegvis;
  const random = seededRandom(20_240_901);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  try {
    const admin = await createUser(context, { ...ADMIN, role: 'vendor_admin' });
    const staff = [admin];
    for (const [index, name] of ['Björn Leveransansvarig', 'Cecilia Utbildare', 'David Tekniker'].entries()) {
      staff.push(
        await createUser(context, {
          email: `bench-staff${index + 1}@exempel.se`,
          name,
          password: ADMIN.password,
          role: 'vendor_staff',
        }),
      );
    }

    const addPerson = async (db: typeof context.db, customerId: string | null, name: string) => {
      const now = new Date().toISOString();
      const id = newId();
      await db
        .insertInto('people')
        .values({
          id,
          customer_id: customerId,
          name,
          email: null,
          phone: null,
          title: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    };
    const vendorPeople: string[] = [];
    for (const name of ['Björn Leveransansvarig', 'Cecilia Utbildare', 'Åke Integratör']) {
      vendorPeople.push(await addPerson(context.db, null, name));
    }

    const data: DataSet = {
      projectIds: [],
      activities: 0,
      ticked: 0,
      deadlines: 0,
      named: 0,
      dependencies: 0,
      comments: 0,
      roleHoldings: 0,
      confirmations: 0,
    };
    for (let index = 0; index < projectCount; index++) {
      const town = municipalities[index % municipalities.length];
      const round = Math.floor(index / municipalities.length);
      const customer = await createCustomer(context, {
        name: round === 0 ? `${town} kommun` : `${town} kommun ${round + 1}`,
        organisationNumber: organisationNumberFor(index, hasValidLuhnChecksum),
      });
      const startDate = addDays('2025-01-07', Math.floor(random() * 600));
      const project = await createProject(context, { customerId: customer.id, startDate });
      data.projectIds.push(project.id);
      const template = await loadTemplateContent(context, project.template.id);

      // Some projects have not started, some are finished, most are somewhere in between; earlier
      // activities are more often done than later ones.
      const rows = await checklistRepository.listByProject(context.db, project.id);
      const draw = random();
      const share = draw < 0.15 ? 0 : draw > 0.85 ? 1 : random();
      const reached = Math.round(share * rows.length);
      data.activities += rows.length;
      await context.db.transaction().execute(async (trx) => {
        for (const row of rows) {
          const done = share === 1 || (row.position < reached ? random() < 0.92 : random() < 0.05);
          const deadline = random() < (done ? 0.5 : 0.6) ? addDays(startDate, 14 + row.position * 9) : undefined;
          if (!done && deadline === undefined) continue;
          const by = staff[Math.floor(random() * staff.length)];
          const saved = await checklistRepository.updateIfVersion(
            trx,
            {
              projectId: project.id,
              activityId: row.id,
              version: row.version,
              updatedAt: new Date().toISOString(),
            },
            {
              ...(deadline !== undefined ? { deadline } : {}),
              ...(done
                ? { done: { at: `${addDays(startDate, 7 + row.position * 8)}T10:15:00.000Z`, byUserId: by.id } }
                : {}),
            },
          );
          if (!saved) throw new Error(`activity ${row.id} was not updated`);
          if (done) data.ticked += 1;
          if (deadline !== undefined) data.deadlines += 1;
        }

        // The daily work: a named person on some activities, some waiting for an earlier one, a few
        // comments, so that every part of the answer is exercised.
        const contact = await addPerson(trx, customer.id, `Kontaktperson i ${town}`);
        for (const row of rows) {
          if (random() < 0.25) {
            await checklistRepository.setPerson(trx, row.id, 'customer', contact);
            data.named += 1;
          }
          if (random() < 0.15) {
            await checklistRepository.setPerson(trx, row.id, 'vendor', vendorPeople[row.position % 3]);
            data.named += 1;
          }
          if (row.position > 0 && random() < 0.2) {
            const earlier = rows[Math.floor(random() * rows.indexOf(row))];
            await checklistRepository.setDependencies(trx, row.id, [earlier.id]);
            data.dependencies += 1;
          }
          const comments = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
          for (let count = 0; count < comments; count++) {
            const by = staff[Math.floor(random() * staff.length)];
            await checklistRepository.insertComment(trx, {
              id: newId(),
              activity_id: row.id,
              author_user_id: by.id,
              author_name: by.name,
              body: 'Vi tar det på nästa projektmöte.',
              created_at: new Date().toISOString(),
            });
            data.comments += 1;
          }
        }

        // The project organisation, for the confirmations the role activity shows: roles held by the
        // contact person, at the project and at a school, and by the vendor's people; some held twice
        // (counted once), one the template does not know (not counted), some with the project's own
        // text; confirmations of the text in force, of an older one, or none.
        const stamp = new Date().toISOString();
        const schoolId = newId();
        await trx
          .insertInto('schools')
          .values({
            id: schoolId,
            customer_id: customer.id,
            name: `${town} skola`,
            school_forms: JSON.stringify(['grundskola']),
            school_unit_code: null,
            staff_count: 40,
            created_at: stamp,
            updated_at: stamp,
          })
          .execute();
        const holdings: { role_key: string; person_id: string; school_id: string | null; text: string }[] = [];
        for (const role of template.customerRoles) {
          if (random() < 0.6) {
            const atSchool = role.level === 'school';
            holdings.push({ role_key: role.key, person_id: contact, school_id: atSchool ? schoolId : null, text: '' });
          }
        }
        for (const role of template.vendorRoles) {
          if (random() < 0.5) {
            holdings.push({ role_key: role.key, person_id: pick(vendorPeople), school_id: null, text: '' });
          }
        }
        if (holdings.length > 0 && random() < 0.3) holdings.push({ ...holdings[0] });
        if (random() < 0.2)
          holdings.push({ role_key: 'avvecklad-roll', person_id: contact, school_id: null, text: '' });
        const roles = new Map([...template.customerRoles, ...template.vendorRoles].map((role) => [role.key, role]));
        for (const holding of holdings) {
          holding.text = roles.get(holding.role_key)?.responsibility ?? '';
        }
        const rewritten = holdings.length > 0 && random() < 0.3 ? holdings[0].role_key : undefined;
        if (rewritten) {
          const text = 'Projektets egen ansvarsbeskrivning för rollen.\r\n';
          await trx
            .insertInto('role_texts')
            .values({
              project_id: project.id,
              role_key: rewritten,
              responsibility: text,
              version: 1,
              updated_at: stamp,
            })
            .execute();
          for (const holding of holdings) if (holding.role_key === rewritten) holding.text = text;
        }
        if (holdings.length > 0) {
          await trx
            .insertInto('role_assignments')
            .values(
              holdings.map(({ text: _, ...holding }) => ({
                ...holding,
                id: newId(),
                project_id: project.id,
                created_at: stamp,
              })),
            )
            .execute();
          data.roleHoldings += holdings.length;
        }
        const confirmedOnce = new Set<string>();
        for (const holding of holdings) {
          const key = `${holding.person_id} ${holding.role_key}`;
          if (confirmedOnce.has(key)) continue;
          confirmedOnce.add(key);
          const draw = random();
          if (draw >= 0.6) continue;
          await trx
            .insertInto('role_acknowledgements')
            .values({
              project_id: project.id,
              person_id: holding.person_id,
              role_key: holding.role_key,
              text_hash: responsibilityHash(draw < 0.45 ? holding.text : 'En äldre lydelse av ansvaret.'),
              acknowledged_at: stamp,
              user_id: null,
            })
            .execute();
          data.confirmations += 1;
        }
      });
    }
    return data;
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Orchestrator: servers, verification, measurement
// ---------------------------------------------------------------------------------------------

interface ServerProcess {
  name: string;
  child: ChildProcess;
  port: number;
  cookie?: string;
  request<T extends FromServer['type']>(message: ToServer, answer: T): Promise<Extract<FromServer, { type: T }>>;
}

function startServer(name: string, role: 'stegvis' | 'baseline', file: string): Promise<ServerProcess> {
  const profileDirectory = process.env.BENCH_PROFILE_DIR;
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: profileDirectory
      ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDirectory, role)}`]
      : process.execArgv,
    env: { ...process.env, [ROLE_ENV]: role, STEGVIS_BENCH_FILE: file, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const request = <T extends FromServer['type']>(message: ToServer, answer: T) =>
    new Promise<Extract<FromServer, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: no '${answer}' answer`)), 10_000);
      const listener = (reply: FromServer) => {
        if (reply.type !== answer) return;
        clearTimeout(timer);
        child.off('message', listener);
        resolve(reply as Extract<FromServer, { type: T }>);
      };
      child.on('message', listener);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before it was ready`)));
    child.on('message', (message: FromServer) => {
      if (message.type === 'failed') reject(new Error(`${name} failed: ${message.message}`));
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ name, child, port: message.port, cookie: message.cookie, request });
    });
  });
}

async function get(port: number, urlPath: string, cookie?: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://${HOST}:${port}${urlPath}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: await response.text() };
}

async function verifySameAnswers(
  stegvis: ServerProcess,
  baseline: ServerProcess,
  cookie: string,
  projectIds: string[],
): Promise<string> {
  // A smoke run compares every project: it has few, and comparing is all it is for.
  const sample = smoke
    ? projectIds
    : projectIds.filter((_, index) => index % 10 === 0 || index === projectIds.length - 1);
  let byteIdentical = true;
  for (const projectId of sample) {
    const urlPath = `/api/projects/${projectId}/activities`;
    const [ours, bare] = await Promise.all([get(stegvis.port, urlPath, cookie), get(baseline.port, urlPath, cookie)]);
    if (ours.status !== 200 || bare.status !== 200) {
      throw new Error(
        `${urlPath}: Stegvis answered ${ours.status}, baseline ${bare.status}\n${ours.body}\n${bare.body}`,
      );
    }
    const [ourAnswer, bareAnswer] = [JSON.parse(ours.body), JSON.parse(bare.body)];
    await checkContract('Stegvis', urlPath, ourAnswer);
    await checkContract('baseline', urlPath, bareAnswer);
    if (ours.body === bare.body) continue;
    byteIdentical = false;
    const found = differences(ourAnswer, bareAnswer);
    if (found.length > 0) {
      throw new Error(
        `${urlPath}: the answers differ (the baseline must build what Stegvis does):\n` +
          describeDifferences(found, 'Stegvis', 'baseline'),
      );
    }
  }
  // The guards must refuse alike, or the baseline would be skipping work.
  const unknown = `/api/projects/00000000-0000-4000-8000-000000000000/activities`;
  const checks: [string, string | undefined, number][] = [
    [`/api/projects/${projectIds[0]}/activities`, undefined, 401],
    [`/api/projects/${projectIds[0]}/activities`, `${SESSION_COOKIE}=not-a-session`, 401],
    [unknown, cookie, 404],
    ['/api/projects/not-a-uuid/activities', cookie, 404],
  ];
  for (const [urlPath, withCookie, status] of checks) {
    const [ours, bare] = await Promise.all([
      get(stegvis.port, urlPath, withCookie),
      get(baseline.port, urlPath, withCookie),
    ]);
    if (ours.status !== status || bare.status !== status) {
      throw new Error(`${urlPath}: expected ${status}, Stegvis answered ${ours.status}, baseline ${bare.status}`);
    }
  }
  return `${sample.length} projects, ${byteIdentical ? 'byte-identical' : 'deep-equal (key order or spacing differs)'} JSON; 401/404 alike`;
}

interface Measurement {
  name: string;
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p99: number;
  bytesPerRequest: number;
  serverCpu: number;
  loadCpu: number;
  rss: number;
  maxRss: number;
}

async function measure(
  server: ServerProcess,
  options: { cookie: string; paths: string[]; seconds: number; warmupSeconds: number; connections: number },
): Promise<Measurement> {
  const { default: autocannon } = await import('autocannon');
  const run = (seconds: number) =>
    autocannon({
      url: `http://${HOST}:${server.port}`,
      connections: options.connections,
      ...runLength(seconds),
      headers: { cookie: options.cookie },
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: options.paths[Math.floor(Math.random() * options.paths.length)],
          }),
        },
      ],
    });

  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  await server.request({ type: 'mark' }, 'marked');
  const loadStart = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
  const result = await run(options.seconds);
  const loadCpu = process.cpuUsage(loadStart.cpu);
  const loadWall = Number(process.hrtime.bigint() - loadStart.at) / 1000;
  const stats = await server.request({ type: 'stats' }, 'stats');
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${server.name}: ${result.errors} connection errors and ${result.non2xx} non-2xx answers`);
  }
  return {
    name: server.name,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerRequest: result.throughput.total / Math.max(1, result.requests.total),
    serverCpu: stats.cpuPercent,
    loadCpu: ((loadCpu.user + loadCpu.system) / loadWall) * 100,
    rss: stats.rss,
    maxRss: stats.maxRss,
  };
}

/** Server CPU time per request: steadier than req/s when other work shares the machine. */
const cpuPerRequest = (row: Measurement) => (row.serverCpu / 100) * (1_000_000 / row.requestsPerSecond);

function printTable(rows: Measurement[]): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const header = [
    'server',
    'req/s',
    'requests',
    'p50 ms',
    'p99 ms',
    'bytes/req',
    'server CPU',
    'CPU µs/req',
    'load CPU',
    'RSS',
    'peak RSS',
  ];
  const lines = rows.map((row) => [
    row.name,
    row.requestsPerSecond.toFixed(0),
    String(row.requests),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    row.bytesPerRequest.toFixed(0),
    `${row.serverCpu.toFixed(0)} %`,
    cpuPerRequest(row).toFixed(0),
    `${row.loadCpu.toFixed(0)} %`,
    mb(row.rss),
    mb(row.maxRss),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

async function orchestrate(): Promise<number> {
  const seconds = envNumber('BENCH_SECONDS', 10, 1);
  const warmupSeconds = envNumber('BENCH_WARMUP_SECONDS', smoke ? 0 : Math.min(3, seconds), 0);
  const connections = Math.floor(envNumber('BENCH_CONNECTIONS', smoke ? 1 : 10, 1));
  const projectCount = Math.floor(envNumber('BENCH_PROJECTS', smoke ? 3 : 300, 1));
  const rounds = Math.min(10, Math.floor(envNumber('BENCH_ROUNDS', 1, 1)));
  if (projectCount > 1000) {
    console.error('BENCH_PROJECTS is at most 1000 (organisation numbers 212000-000x … 212000-999x)');
    return 1;
  }

  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-bench-'));
  const file = path.join(directory, 'stegvis.db');
  const servers: ServerProcess[] = [];
  try {
    console.log(`Generating ${projectCount} customers with one project each in ${file} …`);
    const started = Date.now();
    const data = await generateDataSet(file, projectCount);
    console.log(
      `  ${data.activities} activities, ${data.ticked} ticked, ${data.deadlines} with a deadline, ${data.named} people named, ` +
        `${data.dependencies} dependencies, ${data.comments} comments, ${data.roleHoldings} role holdings, ` +
        `${data.confirmations} confirmations (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );

    const stegvis = await startServer('Stegvis', 'stegvis', file);
    servers.push(stegvis);
    const baseline = await startServer('baseline', 'baseline', file);
    servers.push(baseline);
    const cookie = stegvis.cookie;
    if (!cookie) throw new Error('Stegvis did not hand over a session cookie');

    console.log(`Verifying: ${await verifySameAnswers(stegvis, baseline, cookie, data.projectIds)}`);

    const paths = data.projectIds.map((id) => `/api/projects/${id}/activities`);
    if (smoke) console.log(smokeNote);
    console.log(
      `Measuring GET /api/projects/:id/activities over ${paths.length} projects: ${connections} connections, ` +
        `${warmupSeconds} s warm-up + ${rounds} × ${smoke ? 'a few requests' : `${seconds} s`} per server, ` +
        `Node ${process.version}, ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`,
    );
    if (os.loadavg()[0] > 0.5) {
      console.log('Note: the machine is busy with other work; figures will be noisy (try BENCH_ROUNDS=3).');
    }
    const runs: Measurement[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const server of [stegvis, baseline]) {
        const run = await measure(server, {
          cookie,
          paths,
          seconds,
          warmupSeconds: round === 0 ? warmupSeconds : 0,
          connections,
        });
        runs.push(rounds > 1 ? { ...run, name: `${run.name} #${round + 1}` } : run);
      }
    }
    const best = (prefix: string) =>
      runs
        .filter((run) => run.name.startsWith(prefix))
        .reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const results = [best('Stegvis'), best('baseline')];

    console.log('');
    if (rounds > 1) {
      printTable(runs);
      console.log(`\nBest of ${rounds} rounds:`);
    }
    printTable(results);
    const [ours, bare] = results;
    const ratio = ours.requestsPerSecond / bare.requestsPerSecond;
    console.log('');
    console.log(`Ratio Stegvis / baseline (req/s): ${ratio.toFixed(2)}`);
    console.log(
      `Ratio baseline / Stegvis (server CPU time per request, less sensitive to a busy machine): ${(cpuPerRequest(bare) / cpuPerRequest(ours)).toFixed(2)}`,
    );
    console.log(
      `Goal (design brief): Stegvis within half the speed of the bare server, ratio ≥ ${GOAL_RATIO}: ` +
        (smoke ? 'not judged in a smoke run' : ratio >= GOAL_RATIO ? 'met' : 'NOT met'),
    );
    if (bare.loadCpu > 90) {
      console.log(
        'Note: the load generator was near 100 % CPU during the baseline run, so the baseline figure is a lower bound.',
      );
    }
    console.log(
      'Not measured: PATCH (a fair write needs the current version per request; see the header of this file).',
    );
    return 0;
  } finally {
    for (const server of servers) server.child.kill();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

const role = process.env[ROLE_ENV];
if (role === 'stegvis' || role === 'baseline') {
  const file = process.env.STEGVIS_BENCH_FILE as string;
  try {
    if (role === 'stegvis') await runStegvisServer(file);
    else runBaselineServer(file);
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
} else {
  orchestrate().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
