import type { Kysely } from 'kysely';

// Protection of the logins (issue 17): the failed-attempt counters of login throttling, kept in the
// database so that every instance counts the same attempts; a login that is switched off; and the
// last activity of a session, for the idle timeout.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    // What is counted: 'login:address:<ip>', 'login:account:<e-mail>', 'forgot:address:<ip>', 'forgot:email:<e-mail>'.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    // Until when the key is refused (back-off, a full window or a lock); null while it is not.
    .addColumn('blocked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttles_updated_idx').on('login_throttles').column('updated_at').execute();

  // Set while the login is switched off: the person has left, the login stays for the history.
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  // Null until the session is first used a minute after it started: created_at counts until then.
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
  await db.schema.dropTable('login_throttles').execute();
}
