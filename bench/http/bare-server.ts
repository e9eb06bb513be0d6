/**
 * The bare baseline of http.bench.ts: node:http and the database driver alone (better-sqlite3, or pg
 * for a postgres:// address in BARE_DATABASE_URL), doing the essential work of two requests:
 *
 * - `GET /api/projects/:id/activities`: the checklist, built as bare/checklist.ts builds it for
 *   activities.bench.ts (session, project, activities, role holdings, the answer from rows);
 * - `PATCH /api/projects/:id/activities/:activityId` with `{ version, done }`: the session and its
 *   CSRF token checked, then in one transaction the versioned update
 *   (`… SET done_at, done_by_user_id, version = version + 1 … WHERE id AND project_id AND version`)
 *   and its audit row; a stale version is answered 409 as Stegvis answers it.
 *
 * Started by processes.ts with a port in BENCH_HELPER_PORT; tells its parent when it listens.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import {
  BASELINE_SQL,
  type BaselineActivityRow,
  type BaselineHoldingRow,
  type BaselineSession,
  type BaselineTemplate,
  buildChecklist,
  isClosed,
  isLiveSession,
  numberedPlaceholders,
  parseTemplates,
  reply,
  replyError,
  sessionKey,
  showsAcknowledgements,
  uuidPattern,
} from '../bare/checklist.js';

const CSRF_HEADER = 'x-csrf-token';
const activitiesPath = /^\/api\/projects\/([^/]+)\/activities(?:\/([^/]+))?$/;

const TICK_SQL = {
  update: `UPDATE activities SET done_at = ?, done_by_user_id = ?, version = version + 1, updated_at = ?
            WHERE id = ? AND project_id = ? AND version = ?
        RETURNING id, title, version, done_at`,
  audit: `INSERT INTO audit_events (id, customer_id, project_id, actor_user_id, actor_name, action, entity_type,
                                    entity_id, summary, before, after, created_at)
          VALUES (?, ?, ?, ?, ?, ?, 'activity', ?, ?, ?, ?, ?)`,
};

interface TickedRow {
  id: string;
  title: string;
  version: number;
  done_at: string | null;
}

interface TickRequest {
  session: BaselineSession;
  project: { id: string; customer_id: string };
  activityId: string;
  version: number;
  done: boolean;
}

/** What one database offers the handlers: the same operations, synchronous or not. */
interface Store {
  findSession(key: string): Promise<BaselineSession | undefined> | BaselineSession | undefined;
  findProject(id: string): Promise<ProjectRow | undefined> | ProjectRow | undefined;
  listActivities(projectId: string): Promise<BaselineActivityRow[]> | BaselineActivityRow[];
  listHoldings(projectId: string): Promise<BaselineHoldingRow[]> | BaselineHoldingRow[];
  tick(request: TickRequest): Promise<TickedRow | undefined> | TickedRow | undefined;
}

interface ProjectRow {
  id: string;
  customer_id: string;
  template_id: string;
  phase: string;
}

const auditValues = (request: TickRequest, row: TickedRow, now: string) => [
  randomUUID(),
  request.project.customer_id,
  request.project.id,
  request.session.user_id,
  request.session.name,
  request.done ? 'activity.ticked' : 'activity.unticked',
  row.id,
  `${request.done ? 'Bockade av' : 'Ångrade avbockningen av'} ”${row.title}”`,
  JSON.stringify({ done: !request.done }),
  JSON.stringify({ done: request.done }),
  now,
];

function sqliteStore(file: string): Store {
  const db = new SqliteDatabase(file);
  // The same settings as Stegvis' own connection.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const statements = {
    findSession: db.prepare(BASELINE_SQL.findSession),
    findProject: db.prepare(BASELINE_SQL.findProject),
    listActivities: db.prepare(BASELINE_SQL.listActivities),
    listHoldings: db.prepare(BASELINE_SQL.listHoldings),
    update: db.prepare(TICK_SQL.update),
    audit: db.prepare(TICK_SQL.audit),
  };
  const tick = db.transaction((request: TickRequest): TickedRow | undefined => {
    const now = new Date().toISOString();
    const row = statements.update.get(
      request.done ? now : null,
      request.done ? request.session.user_id : null,
      now,
      request.activityId,
      request.project.id,
      request.version,
    ) as TickedRow | undefined;
    if (row) statements.audit.run(...auditValues(request, row, now));
    return row;
  });
  return {
    findSession: (key) => statements.findSession.get(key) as BaselineSession | undefined,
    findProject: (id) => statements.findProject.get(id) as ProjectRow | undefined,
    listActivities: (projectId) => statements.listActivities.all(projectId) as BaselineActivityRow[],
    listHoldings: (projectId) => statements.listHoldings.all(projectId) as BaselineHoldingRow[],
    tick,
  };
}

function postgresStore(url: string): Store {
  // As many connections as Stegvis' own pool.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const sql = Object.fromEntries(
    Object.entries({ ...BASELINE_SQL, ...TICK_SQL }).map(([name, text]) => [name, numberedPlaceholders(text)]),
  ) as Record<keyof typeof BASELINE_SQL | keyof typeof TICK_SQL, string>;
  const first = async <Row>(text: string, values: unknown[]) =>
    (await pool.query(text, values)).rows[0] as Row | undefined;
  const all = async <Row>(text: string, values: unknown[]) => (await pool.query(text, values)).rows as Row[];
  return {
    findSession: (key) => first<BaselineSession>(sql.findSession, [key]),
    findProject: (id) => first<ProjectRow>(sql.findProject, [id]),
    listActivities: (projectId) => all<BaselineActivityRow>(sql.listActivities, [projectId]),
    listHoldings: (projectId) => all<BaselineHoldingRow>(sql.listHoldings, [projectId]),
    async tick(request) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const now = new Date().toISOString();
        const row = (
          await client.query(sql.update, [
            request.done ? now : null,
            request.done ? request.session.user_id : null,
            now,
            request.activityId,
            request.project.id,
            request.version,
          ])
        ).rows[0] as TickedRow | undefined;
        if (row) await client.query(sql.audit, auditValues(request, row, now));
        await client.query('COMMIT');
        return row;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function readJson(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

async function loadTemplates(url: string): Promise<Map<string, BaselineTemplate>> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    const db = new SqliteDatabase(url, { readonly: true });
    try {
      return parseTemplates(db.prepare(BASELINE_SQL.templates).all() as { id: string; content: string }[]);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return parseTemplates((await client.query(BASELINE_SQL.templates)).rows);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = process.env.BARE_DATABASE_URL as string;
  const templates = await loadTemplates(url);
  const store = /^postgres(ql)?:\/\//.test(url) ? postgresStore(url) : sqliteStore(url);

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const match = activitiesPath.exec(query === -1 ? url : url.slice(0, query));
    const [, projectId, activityId] = match ?? [];
    const isRead = request.method === 'GET' && match && activityId === undefined;
    const isTick = request.method === 'PATCH' && match && activityId !== undefined;
    if (!isRead && !isTick) return replyError(response, 404, 'NOT_FOUND', 'Sökvägen finns inte');

    const key = sessionKey(request.headers.cookie);
    const session = key ? await store.findSession(key) : undefined;
    if (!isLiveSession(session)) return replyError(response, 401, 'UNAUTHENTICATED', 'Du behöver logga in');
    if (isTick && request.headers[CSRF_HEADER] !== session.csrf_token) {
      return replyError(response, 403, 'CSRF_FAILED', 'Begäran saknar giltig CSRF-token');
    }
    // Like Stegvis' access guard: a malformed id is answered as one that does not exist.
    if (!uuidPattern.test(projectId)) return replyError(response, 404, 'NOT_FOUND', 'Finns inte');
    const project = await store.findProject(projectId);
    const template = project && templates.get(project.template_id);
    // The measured user is the vendor admin, who may see every project and tick every activity.
    if (!project || !template || session.role === 'customer') {
      return replyError(response, 404, 'NOT_FOUND', 'Projektet finns inte');
    }

    if (isRead) {
      const rows = await store.listActivities(projectId);
      const holdings = showsAcknowledgements(rows) ? await store.listHoldings(projectId) : undefined;
      return reply(response, 200, buildChecklist(rows, holdings, template, project));
    }
    if (isClosed(project)) return replyError(response, 409, 'PROJECT_CLOSED', 'Projektet är avslutat');
    const body = (await readJson(request)) as { version?: unknown; done?: unknown };
    if (!Number.isInteger(body.version) || typeof body.done !== 'boolean' || !uuidPattern.test(activityId)) {
      return replyError(response, 400, 'VALIDATION_FAILED', 'Ange version och done');
    }
    const ticked = await store.tick({ session, project, activityId, version: body.version as number, done: body.done });
    if (!ticked) return replyError(response, 409, 'CONFLICT', 'Aktiviteten har ändrats av någon annan');
    reply(response, 200, {
      id: ticked.id,
      version: ticked.version,
      done: ticked.done_at ? { at: ticked.done_at, by: { id: session.user_id, name: session.name } } : null,
    });
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) replyError(response, 500, 'INTERNAL', 'Internt fel');
    });
  });
  server.listen(Number(process.env.BENCH_HELPER_PORT), '127.0.0.1', () => process.send?.('ready'));
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
