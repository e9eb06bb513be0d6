import type { Kysely } from 'kysely';
import type { TokenPurpose } from '../../shared/invitations.js';
import type { AuthTokensTable, Database, UsersTable } from '../db/schema.js';

export type TokenRow = AuthTokensTable;

/** A mailed link's token with the user it belongs to. */
export interface TokenWithUser {
  id: string;
  purpose: TokenPurpose;
  expiresAt: string;
  usedAt: string | null;
  userId: string;
  email: string;
  name: string;
}

export const invitationRepository = {
  findPerson(db: Kysely<Database>, personId: string) {
    return db
      .selectFrom('people')
      .select(['id', 'customer_id', 'name', 'email', 'user_id'])
      .where('id', '=', personId)
      .executeTakeFirst();
  },

  findUserById(db: Kysely<Database>, userId: string): Promise<UsersTable | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  },

  /** The user with this address and the person it is linked to, if any. */
  findUserByEmail(db: Kysely<Database>, email: string) {
    return db
      .selectFrom('users')
      .leftJoin('people', 'people.user_id', 'users.id')
      .select(['users.id', 'users.password_hash', 'people.id as person_id'])
      .where('users.email', '=', email)
      .executeTakeFirst();
  },

  async insertUser(db: Kysely<Database>, user: UsersTable): Promise<void> {
    await db.insertInto('users').values(user).execute();
  },

  async updateUserIdentity(db: Kysely<Database>, userId: string, values: { email: string; name: string }) {
    await db.updateTable('users').set(values).where('id', '=', userId).execute();
  },

  async linkPerson(db: Kysely<Database>, personId: string, userId: string): Promise<void> {
    await db.updateTable('people').set({ user_id: userId }).where('id', '=', personId).execute();
  },

  async insertToken(db: Kysely<Database>, token: TokenRow): Promise<void> {
    await db.insertInto('auth_tokens').values(token).execute();
  },

  /** Voids the user's links not used yet: of one purpose, or all of them. */
  async deleteUnusedTokens(db: Kysely<Database>, userId: string, purpose?: TokenPurpose): Promise<void> {
    let query = db.deleteFrom('auth_tokens').where('user_id', '=', userId).where('used_at', 'is', null);
    if (purpose) query = query.where('purpose', '=', purpose);
    await query.execute();
  },

  findToken(db: Kysely<Database>, tokenId: string): Promise<TokenWithUser | undefined> {
    return db
      .selectFrom('auth_tokens')
      .innerJoin('users', 'users.id', 'auth_tokens.user_id')
      .select([
        'auth_tokens.id',
        'auth_tokens.purpose',
        'auth_tokens.expires_at as expiresAt',
        'auth_tokens.used_at as usedAt',
        'users.id as userId',
        'users.email',
        'users.name',
      ])
      .where('auth_tokens.id', '=', tokenId)
      .executeTakeFirst();
  },

  /** Marks the token used unless it already is or has run out; true when this call did it. */
  async useToken(db: Kysely<Database>, tokenId: string, nowIso: string): Promise<boolean> {
    const result = await db
      .updateTable('auth_tokens')
      .set({ used_at: nowIso })
      .where('id', '=', tokenId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', nowIso)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async setPasswordHash(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
    await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  },

  async setUserDisabled(db: Kysely<Database>, userId: string, disabledAt: string | null): Promise<void> {
    await db.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();
  },

  async deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
};
