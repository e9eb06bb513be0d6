import type { FastifyBaseLogger } from 'fastify';
import { DEFAULT_MIGRATION_TABLE, sql } from 'kysely';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { migrationProvider } from '../db/migrations/index.js';

/** A probe waits no longer than this: a PostgreSQL server that does not answer would otherwise hold it open. */
const DATABASE_TIMEOUT_MS = 2000;

class DatabaseTimeout extends Error {}

async function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeout()), DATABASE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The names of the migrations the database has run, read from Kysely's own table. */
async function appliedMigrations(context: AppContext): Promise<Set<string>> {
  const rows = await context.db
    .withTables<{ [DEFAULT_MIGRATION_TABLE]: { name: string } }>()
    .selectFrom(DEFAULT_MIGRATION_TABLE)
    .select('name')
    .execute();
  return new Set(rows.map((row) => row.name));
}

/**
 * Ready means that the database answers and has run every migration this version of the app
 * knows, and it answers how many those are; otherwise an `AppError('NOT_READY')` says what is missing. Migrations the
 * database has run but this version does not know (a newer instance migrated during a rolling
 * update) do not stop it: they only add to the schema.
 */
export async function assertReady(context: AppContext, log: FastifyBaseLogger): Promise<{ migrations: number }> {
  // The answer names what is wrong; the database's own error, which may name its host, stays in the log.
  const notAnswering = (error: unknown, otherwise: string) => {
    log.warn({ err: error }, 'beredskapskontrollen: databasen svarade inte');
    return new AppError(
      'NOT_READY',
      error instanceof DatabaseTimeout
        ? `Databasen svarade inte inom ${DATABASE_TIMEOUT_MS / 1000} sekunder.`
        : otherwise,
    );
  };
  try {
    await withinTimeout(sql`select 1`.execute(context.db));
  } catch (error) {
    throw notAnswering(error, 'Databasen svarar inte.');
  }
  let applied: Set<string>;
  try {
    applied = await withinTimeout(appliedMigrations(context));
  } catch (error) {
    throw notAnswering(
      error,
      `Databasen visar inte vilka migreringar som körts (tabellen ${DEFAULT_MIGRATION_TABLE}).`,
    );
  }
  const known = Object.keys(await migrationProvider.getMigrations());
  const missing = known.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    throw new AppError(
      'NOT_READY',
      `Databasen saknar ${missing.length === 1 ? 'migreringen' : 'migreringarna'} ${missing.join(', ')}. Starta om appen så att de körs.`,
    );
  }
  return { migrations: known.length };
}
