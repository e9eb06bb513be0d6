import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Counter } from './rules.js';

const toCounter = (row: { attempts: number; window_start: string; blocked_until: string | null }): Counter => ({
  attempts: Number(row.attempts),
  windowStart: row.window_start,
  blockedUntil: row.blocked_until,
});

export const throttlingRepository = {
  async findCounters(db: Kysely<Database>, keys: string[]): Promise<Map<string, Counter>> {
    const rows = await db
      .selectFrom('login_throttles')
      .select(['key', 'attempts', 'window_start', 'blocked_until'])
      .where('key', 'in', keys)
      .execute();
    return new Map(rows.map((row) => [row.key, toCounter(row)]));
  },

  /**
   * The key's counter, held until the transaction ends: on PostgreSQL two instances counting the
   * same key wait for each other (so one lock is taken and mailed once); SQLite runs one write
   * transaction at a time anyway. The row is made first so that there is one to hold.
   */
  async lockCounter(
    trx: Kysely<Database>,
    kind: DatabaseKind,
    key: string,
    nowIso: string,
  ): Promise<Counter | undefined> {
    await trx
      .insertInto('login_throttles')
      .values({ key, attempts: 0, window_start: nowIso, blocked_until: null, updated_at: nowIso })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await trx
      .selectFrom('login_throttles')
      .select(['attempts', 'window_start', 'blocked_until'])
      .where('key', '=', key)
      .$if(kind === 'postgres', (query) => query.forUpdate())
      .executeTakeFirst();
    // The row just made counts nothing yet (a lock also counts 0 attempts, but blocks).
    return row && (Number(row.attempts) > 0 || row.blocked_until !== null) ? toCounter(row) : undefined;
  },

  async saveCounter(trx: Kysely<Database>, key: string, counter: Counter, nowIso: string): Promise<void> {
    await trx
      .updateTable('login_throttles')
      .set({
        attempts: counter.attempts,
        window_start: counter.windowStart,
        blocked_until: counter.blockedUntil,
        updated_at: nowIso,
      })
      .where('key', '=', key)
      .execute();
  },

  async deleteCounter(db: Kysely<Database>, key: string): Promise<void> {
    await db.deleteFrom('login_throttles').where('key', '=', key).execute();
  },

  /** Counters untouched since `beforeIso` and no longer blocking: they would start over anyway. */
  async pruneCounters(db: Kysely<Database>, beforeIso: string, nowIso: string): Promise<void> {
    await db
      .deleteFrom('login_throttles')
      .where('updated_at', '<', beforeIso)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', nowIso)]))
      .execute();
  },
};
