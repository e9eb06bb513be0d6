import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { precompiled } from '../db/precompiled.js';
import type { Database, UsersTable } from '../db/schema.js';

export type UserRow = UsersTable;

export interface SessionWithUser {
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  /** The last request as recorded (at most about once a minute), or the start: what the idle timeout counts from. */
  lastSeenAt: string;
  user: CurrentUser;
}

export type UserWithPerson = UserRow & { person_id: string | null; customer_id: string | null };

const sessionWithUser = precompiled(
  (db, sessionId: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('people', 'people.user_id', 'users.id')
      .select([
        'sessions.id as sessionId',
        'sessions.csrf_token as csrfToken',
        'sessions.expires_at as expiresAt',
        'sessions.created_at as createdAt',
        'sessions.last_seen_at as lastSeenAt',
        'users.id as userId',
        'users.email',
        'users.name',
        'users.role',
        'people.id as personId',
        'people.customer_id as customerId',
      ])
      .where('sessions.id', '=', sessionId)
      // A switched-off login has no session, even one that survived a race with switching it off.
      .where('users.disabled_at', 'is', null),
  [''],
);

export const authRepository = {
  async countUsers(db: Kysely<Database>): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  findUserByEmail(db: Kysely<Database>, email: string): Promise<UserWithPerson | undefined> {
    return db
      .selectFrom('users')
      .leftJoin('people', 'people.user_id', 'users.id')
      .selectAll('users')
      .select(['people.id as person_id', 'people.customer_id'])
      .where('users.email', '=', email)
      .executeTakeFirst();
  },

  findUserById(db: Kysely<Database>, userId: string): Promise<UserWithPerson | undefined> {
    return db
      .selectFrom('users')
      .leftJoin('people', 'people.user_id', 'users.id')
      .selectAll('users')
      .select(['people.id as person_id', 'people.customer_id'])
      .where('users.id', '=', userId)
      .executeTakeFirst();
  },

  async insertUser(db: Kysely<Database>, user: UserRow): Promise<void> {
    const { id, email, name, password_hash, role, created_at } = user;
    await db.insertInto('users').values({ id, email, name, password_hash, role, created_at }).execute();
  },

  async insertSession(
    db: Kysely<Database>,
    session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string },
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  },

  async findSession(db: Kysely<Database>, sessionId: string): Promise<SessionWithUser | undefined> {
    const [row] = await sessionWithUser(db, sessionId);
    if (!row) return undefined;
    return {
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
      expiresAt: row.expiresAt,
      lastSeenAt: row.lastSeenAt ?? row.createdAt,
      user: {
        id: row.userId,
        email: row.email,
        name: row.name,
        role: row.role,
        personId: row.personId,
        customerId: row.customerId,
      },
    };
  },

  async touchSession(db: Kysely<Database>, sessionId: string, nowIso: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: nowIso }).where('id', '=', sessionId).execute();
  },

  async deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  },

  async deleteExpiredSessions(db: Kysely<Database>, nowIso: string): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
  },
};
