import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  type SqliteDatabase as KyselySqliteDatabase,
  type LogEvent,
  Migrator,
  PostgresDialect,
  SqliteDialect,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type DatabaseKind = DatabaseConfig['kind'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** A statement the database ran (or failed to run), and how long it took. */
export interface ExecutedQuery {
  sql: string;
  durationMillis: number;
}

export interface DatabaseOptions {
  /** Called once for every SQL statement run: tests use it to count queries per request. */
  onQuery?: (sql: string) => void;
  /** Called once for every SQL statement run, with its duration: the metrics time the database by it. */
  observeQuery?: (query: ExecutedQuery) => void;
  /** Told when PostgreSQL ends a connection that sat idle in the pool (a restart, an administrator). */
  onIdleConnectionError?: (error: Error) => void;
}

/**
 * Kysely's SQLite driver prepares every statement anew; keeping prepared statements by their SQL
 * text brings Kysely on SQLite close to hand-written prepared statements (see STACK notes in docs).
 */
function withStatementCache(database: SqliteDatabase.Database, capacity = 500): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL with synchronous=NORMAL keeps every committed write through a process crash.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return database;
}

export function createDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): DatabaseHandle {
  const { onQuery, observeQuery } = options;
  const log =
    onQuery || observeQuery
      ? (event: LogEvent) => {
          onQuery?.(event.query.sql);
          observeQuery?.({ sql: event.query.sql, durationMillis: event.queryDurationMillis });
        }
      : undefined;
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // The pool drops such a connection and the next query opens a new one; without a listener,
    // its 'error' event would end the whole process.
    pool.on('error', (error) => options.onIdleConnectionError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dialect = new SqliteDialect({ database: withStatementCache(openSqlite(config.file)) });
  const db = new Kysely<Database>({ dialect, log });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).map((result) => result.migrationName);
}
