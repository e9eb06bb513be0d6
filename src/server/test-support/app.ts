import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { CSRF_HEADER, type UserRole } from '../../shared/auth.js';
import { buildApp } from '../app.js';
import { createUser } from '../auth/service.js';
import { type AppConfig, loadConfig, parseDatabaseUrl } from '../config/config.js';
import type { WebFiles } from '../core/build-info.js';
import type { Clock } from '../core/clock.js';

/** `TEST_DATABASE_URL=postgres://…` runs the API tests on PostgreSQL; otherwise on SQLite. */
const postgresUrl = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined;

export const testDatabaseKind = postgresUrl ? 'postgres' : 'sqlite';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of the test kind: a new database on PostgreSQL; on SQLite an in-memory one,
 * or with `sqliteFile` a file in a temporary folder that several connections (or apps) can share.
 */
export async function freshDatabase(options: { sqliteFile?: boolean } = {}): Promise<FreshDatabase> {
  if (!postgresUrl && options.sqliteFile) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-test-'));
    return {
      url: path.join(folder, 'stegvis.db'),
      drop: async () => fs.rmSync(folder, { recursive: true, force: true }),
    };
  }
  if (!postgresUrl) return { url: ':memory:', drop: async () => {} };
  const name = `stegvis_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The SECRETS_KEY of every test app: fixed, so that apps sharing a database open each other's secrets. */
export const TEST_SECRETS_KEY = 'c3RlZ3Zpcy10ZXN0LW55Y2tlbC1hZXMtMjU2LWdjbSE=';

export interface TestApp {
  app: FastifyInstance;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  onQuery?: (sql: string) => void;
  env?: Record<string, string>;
  /** A built web app to serve, as the compiled server does. */
  web?: WebFiles;
}

/**
 * A whole app on a freshly migrated database of its own. Without `SMTP_URL` in `env`, mails go
 * to an outbox folder of its own (`config.mail.outboxDir`), removed at close unless `OUTBOX_DIR` is given.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const outbox = options.env?.OUTBOX_DIR ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-outbox-'));
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      // The secrets the tests store are sealed as in production; the test OIDC provider runs on 127.0.0.1.
      SECRETS_KEY: TEST_SECRETS_KEY,
      SSO_ALLOW_LOOPBACK: 'true',
      // Tests travel in time by hours and days between requests of one session; only the tests of
      // the idle timeout itself (auth) set it, the others keep to the absolute lifetime.
      SESSION_IDLE_MINUTES: String(24 * 60 * 90),
      ...(outbox ? { OUTBOX_DIR: outbox } : {}),
      ...options.env,
    }),
    database: parseDatabaseUrl(database.url),
    web: options.web,
  };
  const app = await buildApp(config, { clock: options.clock, onQuery: options.onQuery });
  return {
    app,
    config,
    close: async () => {
      await app.close();
      await database.drop();
      if (outbox) fs.rmSync(outbox, { recursive: true, force: true });
    },
  };
}

/** A logged-in browser, as far as the API can tell: session cookie plus CSRF header on writes. */
export class Agent {
  constructor(
    private readonly app: FastifyInstance,
    private readonly cookie?: string,
    readonly csrfToken?: string,
  ) {}

  request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !(CSRF_HEADER in headers)) headers[CSRF_HEADER] = this.csrfToken;
    return this.app.inject({ ...options, headers });
  }

  get = (url: string) => this.request({ method: 'GET', url });
  post = (url: string, payload?: object) => this.request({ method: 'POST', url, payload });
  patch = (url: string, payload?: object) => this.request({ method: 'PATCH', url, payload });
  put = (url: string, payload?: object) => this.request({ method: 'PUT', url, payload });
  delete = (url: string) => this.request({ method: 'DELETE', url });
}

let userCounter = 0;

/** Creates a user with the given role and logs in through the API. */
export async function loginAs(
  app: FastifyInstance,
  role: UserRole = 'vendor_admin',
): Promise<Agent & { userId: string }> {
  userCounter += 1;
  const email = `anvandare${userCounter}-${randomBytes(3).toString('hex')}@exempel.se`;
  const password = 'ett-langt-losenord';
  const user = await createUser(app.stegvis, { email, password, name: `Användare ${userCounter}`, role });
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return Object.assign(new Agent(app, cookie, response.json().csrfToken), { userId: user.id });
}
