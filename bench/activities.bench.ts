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
 * The baseline answers the same contract as Stegvis: its answer is typed as `Complete<Checklist>`,
 * the shared zod schema's output type with every optional field made required, so a field added to
 * `activitySchema` (src/shared/checklist.ts) fails `npm run validate` here until the baseline builds
 * it too; and before measuring, both answers are checked against the schema and against each other,
 * naming every field that differs.
 *
 * BENCH_SMOKE=1 (see smoke.ts): 3 projects, 1 connection, a few requests per server, every project
 * compared; `bench/benchmarks.api.test.ts` runs it so that a broken benchmark fails `npm test`.
 *
 * No timing is asserted: the goal is printed, and the exit code is 0 whether it is met or not. The
 * exit code is 1 only when the benchmark itself is broken (answers differ, non-2xx responses).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
// Types only: the bare server must not load zod or any of Stegvis' code.
import type { Checklist } from '../src/shared/checklist.js';
import { seededRandom } from './measure.js';
import { runLength, smoke, smokeNote } from './smoke.js';

const ROLE_ENV = 'STEGVIS_BENCH_ROLE';
const SESSION_COOKIE = 'stegvis_session';
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

/**
 * The contract's output type with every optional field required (its value may still be undefined,
 * which JSON leaves out), at every depth. The baseline's answer has this type, so that a field added
 * to the shared schema, even an optional one, is a type error here until the baseline builds it.
 */
type Complete<T> = T extends readonly (infer Item)[]
  ? Complete<Item>[]
  : T extends object
    ? { [K in keyof Required<T>]: Complete<T[K]> }
    : T;
type CompleteActivity = Complete<Checklist>['groups'][number]['activities'][number];

interface BaselineTemplate {
  groups: { key: string; title: string }[];
  customerRoles: Map<string, string>;
  vendorRoles: Map<string, string>;
  /** Hash of each role's responsibility text as the template words it, computed once. */
  roleTextHashes: Map<string, string>;
}

interface BaselineHoldingRow {
  role_key: string;
  project_text: string | null;
  text_hash: string | null;
}

interface BaselineActivityRow {
  id: string;
  group_key: string;
  position: number;
  template_activity_key: string | null;
  title: string;
  template_title: string | null;
  description: string;
  customer_role_keys: string;
  vendor_role_keys: string;
  deadline: string | null;
  done_at: string | null;
  version: number;
  done_by_id: string | null;
  done_by_name: string | null;
  customer_person_id: string | null;
  customer_person_name: string | null;
  vendor_person_id: string | null;
  vendor_person_name: string | null;
  comment_count: number;
  attachment_count: number;
  depends_on_ids: string | null;
}

interface BaselineDependency {
  id: string;
  title: string;
  deadline: string | null;
  done: boolean;
}

/** The checklist activity that shows the role holders' confirmations (as in src/server/checklist/service.ts). */
const ROLE_ACKNOWLEDGEMENT_ACTIVITY = 'roller-och-ansvar';

/** As Stegvis' responsibilityHash: line endings and surrounding blanks do not make another text. */
const textHash = (text: string) =>
  createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim(), 'utf8').digest('hex');

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const activitiesPath = /^\/api\/projects\/([^/]+)\/activities$/;

const progressOf = (done: number, total: number) => ({
  done,
  total,
  percent: total === 0 ? 0 : Math.floor((done * 100) / total),
});

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return decodeURIComponent(part.slice(separator + 1).trim());
    }
  }
  return undefined;
}

const swedish = new Intl.Collator('sv');

function runBaselineServer(file: string): void {
  const db = new SqliteDatabase(file);
  // The same settings as Stegvis' own connection.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  // Template content is loaded once at start (Stegvis keeps it parsed after its first use, too).
  const templates = new Map<string, BaselineTemplate>();
  for (const row of db.prepare('SELECT id, content FROM templates').all() as { id: string; content: string }[]) {
    const content = JSON.parse(row.content) as {
      checklistGroups: { key: string; title: string }[];
      customerRoles: { key: string; title: string; responsibility: string }[];
      vendorRoles: { key: string; title: string; responsibility: string }[];
    };
    templates.set(row.id, {
      groups: content.checklistGroups.map((group) => ({ key: group.key, title: group.title })),
      customerRoles: new Map(content.customerRoles.map((role) => [role.key, role.title])),
      vendorRoles: new Map(content.vendorRoles.map((role) => [role.key, role.title])),
      roleTextHashes: new Map(
        [...content.customerRoles, ...content.vendorRoles].map((role) => [role.key, textHash(role.responsibility)]),
      ),
    });
  }

  const findSession = db.prepare(
    `SELECT sessions.id AS session_id, sessions.csrf_token, sessions.expires_at,
            users.id AS user_id, users.email, users.name, users.role
       FROM sessions INNER JOIN users ON users.id = sessions.user_id
      WHERE sessions.id = ?`,
  );
  const findProject = db.prepare('SELECT id, customer_id, template_id FROM projects WHERE id = ?');
  const listActivities = db.prepare(
    `SELECT activities.id, activities.group_key, activities.position, activities.template_activity_key,
            activities.title, activities.template_title, activities.description, activities.customer_role_keys,
            activities.vendor_role_keys, activities.deadline, activities.done_at, activities.version,
            users.id AS done_by_id, users.name AS done_by_name,
            customer_person.id AS customer_person_id, customer_person.name AS customer_person_name,
            vendor_person.id AS vendor_person_id, vendor_person.name AS vendor_person_name,
            (SELECT count(*) FROM activity_comments
              WHERE activity_comments.activity_id = activities.id) AS comment_count,
            (SELECT count(*) FROM activity_attachments
              WHERE activity_attachments.activity_id = activities.id) AS attachment_count,
            (SELECT string_agg(activity_dependencies.depends_on_id, ',') FROM activity_dependencies
              WHERE activity_dependencies.activity_id = activities.id) AS depends_on_ids
       FROM activities
       LEFT JOIN users ON users.id = activities.done_by_user_id
       LEFT JOIN activity_people AS customer_side
              ON customer_side.activity_id = activities.id AND customer_side.side = 'customer'
       LEFT JOIN people AS customer_person ON customer_person.id = customer_side.person_id
       LEFT JOIN activity_people AS vendor_side
              ON vendor_side.activity_id = activities.id AND vendor_side.side = 'vendor'
       LEFT JOIN people AS vendor_person ON vendor_person.id = vendor_side.person_id
      WHERE activities.project_id = ?
      ORDER BY activities.position`,
  );

  // Each person once per role and school, with the project's own text of the role and their confirmation.
  const listHoldings = db.prepare(
    `SELECT DISTINCT role_assignments.role_key, role_assignments.school_id, role_assignments.person_id,
            role_texts.responsibility AS project_text, role_acknowledgements.text_hash
       FROM role_assignments
      INNER JOIN people ON people.id = role_assignments.person_id
       LEFT JOIN role_texts
              ON role_texts.project_id = role_assignments.project_id
             AND role_texts.role_key = role_assignments.role_key
       LEFT JOIN role_acknowledgements
              ON role_acknowledgements.project_id = role_assignments.project_id
             AND role_acknowledgements.person_id = role_assignments.person_id
             AND role_acknowledgements.role_key = role_assignments.role_key
      WHERE role_assignments.project_id = ?`,
  );
  /** Holdings of roles the template knows; confirmed when the confirmation is of the text in force. */
  const roleAcknowledgements = (projectId: string, template: BaselineTemplate) => {
    let confirmed = 0;
    let total = 0;
    for (const holding of listHoldings.all(projectId) as BaselineHoldingRow[]) {
      const templateHash = template.roleTextHashes.get(holding.role_key);
      if (templateHash === undefined) continue;
      total += 1;
      const current = holding.project_text === null ? templateHash : textHash(holding.project_text);
      if (holding.text_hash === current) confirmed += 1;
    }
    return { confirmed, total };
  };

  const reply = (response: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  };
  const error = (response: http.ServerResponse, status: number, code: string, message: string) =>
    reply(response, status, { error: { code, message } });

  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const match = activitiesPath.exec(query === -1 ? url : url.slice(0, query));
    if (request.method !== 'GET' || !match) return error(response, 404, 'NOT_FOUND', 'Sökvägen finns inte');

    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const session = token
      ? (findSession.get(createHash('sha256').update(token).digest('hex')) as
          | { expires_at: string; role: string }
          | undefined)
      : undefined;
    if (!session || session.expires_at <= new Date().toISOString()) {
      return error(response, 401, 'UNAUTHENTICATED', 'Du behöver logga in');
    }

    const projectId = match[1];
    // Like Stegvis' access guard: a malformed id is answered as one that does not exist.
    if (!uuidPattern.test(projectId)) return error(response, 404, 'NOT_FOUND', 'Finns inte');
    const project = findProject.get(projectId) as { template_id: string } | undefined;
    const template = project && templates.get(project.template_id);
    if (!project || !template || session.role === 'customer') {
      return error(response, 404, 'NOT_FOUND', 'Projektet finns inte');
    }

    const refs = (json: string, titles: Map<string, string>) =>
      (JSON.parse(json) as string[]).map((key) => ({ key, title: titles.get(key) ?? key }));
    const person = (id: string | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);
    const rows = listActivities.all(projectId) as BaselineActivityRow[];
    const dependencies = new Map<string, BaselineDependency>(
      rows.map((row) => [row.id, { id: row.id, title: row.title, deadline: row.deadline, done: row.done_at !== null }]),
    );
    // Only one activity shows the confirmations: counted when the project has it, once.
    const acknowledgements = rows.some((row) => row.template_activity_key === ROLE_ACKNOWLEDGEMENT_ACTIVITY)
      ? roleAcknowledgements(projectId, template)
      : undefined;
    const activities = rows.map((row): CompleteActivity => {
      // Like Stegvis: soonest deadline first, none last, then by title.
      const dependsOn = (row.depends_on_ids ? row.depends_on_ids.split(',') : [])
        .map((id) => dependencies.get(id))
        .filter((dependency) => dependency !== undefined)
        .sort((a, b) => {
          if (a.deadline !== b.deadline) {
            if (a.deadline === null) return 1;
            if (b.deadline === null) return -1;
            return a.deadline < b.deadline ? -1 : 1;
          }
          return swedish.compare(a.title, b.title);
        });
      const deadline = row.deadline;
      return {
        id: row.id,
        groupKey: row.group_key,
        position: row.position,
        title: row.title,
        fromTemplate: row.template_activity_key !== null,
        customerResponsible: refs(row.customer_role_keys, template.customerRoles),
        vendorResponsible: refs(row.vendor_role_keys, template.vendorRoles),
        deadline,
        done:
          row.done_at && row.done_by_id && row.done_by_name
            ? { at: row.done_at, by: { id: row.done_by_id, name: row.done_by_name } }
            : null,
        version: row.version,
        // The measured user is the vendor admin, who may tick every activity.
        canTick: true,
        description: row.description,
        templateTitle: row.template_title !== null && row.template_title !== row.title ? row.template_title : null,
        customerPerson: person(row.customer_person_id, row.customer_person_name),
        vendorPerson: person(row.vendor_person_id, row.vendor_person_name),
        dependsOn,
        dueBeforeDependency:
          deadline !== null &&
          dependsOn.some((dependency) => dependency.deadline !== null && dependency.deadline > deadline),
        commentCount: row.comment_count,
        attachmentCount: row.attachment_count,
        roleAcknowledgements:
          row.template_activity_key === ROLE_ACKNOWLEDGEMENT_ACTIVITY ? acknowledgements : undefined,
      };
    });
    const groups = template.groups.map((group) => {
      const inGroup = activities.filter((activity) => activity.groupKey === group.key);
      const done = inGroup.filter((activity) => activity.done).length;
      return { key: group.key, title: group.title, progress: progressOf(done, inGroup.length), activities: inGroup };
    });
    // Like Stegvis, the total counts every activity, also one whose group is not in the template.
    const doneTotal = activities.filter((activity) => activity.done).length;
    const answer: Complete<Checklist> = { progress: progressOf(doneTotal, activities.length), groups };
    reply(response, 200, answer);
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

interface Difference {
  /** Where, with the array indices: `$.groups.0.activities.5.roleAcknowledgements`. */
  at: string;
  ours: unknown;
  bare: unknown;
}

/** Every place where two JSON values differ, down to the smallest part that does. */
function differences(ours: unknown, bare: unknown, at = '$', found: Difference[] = []): Difference[] {
  if (isDeepStrictEqual(ours, bare)) return found;
  const bothArrays = Array.isArray(ours) && Array.isArray(bare);
  const bothObjects =
    typeof ours === 'object' &&
    typeof bare === 'object' &&
    ours !== null &&
    bare !== null &&
    !Array.isArray(ours) &&
    !Array.isArray(bare);
  if (bothArrays && ours.length !== bare.length) {
    found.push({ at: `${at}.length`, ours: ours.length, bare: bare.length });
  } else if (bothArrays || bothObjects) {
    const a = ours as Record<string, unknown>;
    const b = bare as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[key], b[key], `${at}.${key}`, found);
  } else {
    found.push({ at, ours, bare });
  }
  return found;
}

const shown = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));

/**
 * One line per field that differs, whatever the activity or group it is in, with how often and a
 * first example: `groups[].activities[].roleAcknowledgements` rather than a thousand paths.
 */
function describeDifferences(found: Difference[], ourName: string, bareName: string): string {
  return byField(found, (first) => `${ourName} ${shown(first.ours)}, ${bareName} ${shown(first.bare)}`);
}

/** Groups located problems by field, array indices left out, with a count and the first one explained. */
function byField<Item extends { at: string }>(items: Item[], explain: (first: Item) => string): string {
  const fields = new Map<string, Item[]>();
  for (const item of items) {
    const field = item.at.replace(/^\$\.?/, '').replace(/\.\d+(?=\.|$)/g, '[]');
    fields.set(field, [...(fields.get(field) ?? []), item]);
  }
  return [...fields]
    .map(([field, inField]) => {
      const places = `${inField.length} place${inField.length === 1 ? '' : 's'}`;
      return `  ${field || '(the whole answer)'}: ${places}, first ${inField[0].at}: ${explain(inField[0])}`;
    })
    .join('\n');
}

/**
 * Checks an answer against the API's own response schema: a missing or mistyped field fails the
 * parse, and a field outside the contract shows as a difference between the answer and its parse
 * (zod drops keys it does not know).
 */
async function checkContract(name: string, urlPath: string, answer: unknown): Promise<void> {
  const { checklistSchema } = await import('../src/shared/checklist.js');
  const parsed = checklistSchema.safeParse(answer);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ at: ['$', ...issue.path].join('.'), issue }));
    throw new Error(
      `${urlPath}: the ${name} answer breaks the checklist schema:\n` +
        byField(problems, ({ issue }) => `${issue.code}: ${issue.message}`),
    );
  }
  const outside = differences(parsed.data, answer);
  if (outside.length > 0) {
    throw new Error(
      `${urlPath}: the ${name} answer has fields outside the checklist schema:\n` +
        describeDifferences(outside, 'schema', name),
    );
  }
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
