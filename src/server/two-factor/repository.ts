import type { Kysely } from 'kysely';
import type {
  Database,
  PasskeysTable,
  PendingSignInsTable,
  RecoveryCodesTable,
  TotpFactorsTable,
} from '../db/schema.js';

type Db = Kysely<Database>;

export const twoFactorRepository = {
  findTotp(db: Db, userId: string): Promise<TotpFactorsTable | undefined> {
    return db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },

  /** A new unconfirmed secret, replacing an unconfirmed one; a confirmed factor is left alone. */
  async putUnconfirmedTotp(db: Db, row: { user_id: string; secret: string; created_at: string }): Promise<boolean> {
    await db.deleteFrom('totp_factors').where('user_id', '=', row.user_id).where('confirmed_at', 'is', null).execute();
    const inserted = await db
      .insertInto('totp_factors')
      .values({ ...row, confirmed_at: null, last_used_step: null })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  /**
   * Records the step of an accepted code, only if it is newer than the last: of two requests with
   * the same code, one wins. `confirm` also makes an unconfirmed factor count.
   */
  async recordTotpStep(db: Db, userId: string, step: number, confirmAt?: string): Promise<boolean> {
    const result = await db
      .updateTable('totp_factors')
      .set({ last_used_step: step, ...(confirmAt ? { confirmed_at: confirmAt } : {}) })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .where('confirmed_at', confirmAt ? 'is' : 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  listTotpSecrets(db: Db): Promise<{ user_id: string; secret: string }[]> {
    return db.selectFrom('totp_factors').select(['user_id', 'secret']).execute();
  },

  /** Replaces the stored secret only if it is still the one read: a concurrent change wins. */
  async replaceTotpSecret(db: Db, userId: string, before: string, after: string): Promise<boolean> {
    const result = await db
      .updateTable('totp_factors')
      .set({ secret: after })
      .where('user_id', '=', userId)
      .where('secret', '=', before)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async deleteTotp(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();
  },

  listPasskeys(db: Db, userId: string): Promise<PasskeysTable[]> {
    return db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  },

  findPasskey(db: Db, id: string): Promise<PasskeysTable | undefined> {
    return db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertPasskey(db: Db, row: PasskeysTable): Promise<void> {
    await db.insertInto('passkeys').values(row).execute();
  },

  async touchPasskey(db: Db, id: string, counter: number, usedAt: string): Promise<void> {
    await db.updateTable('passkeys').set({ counter, last_used_at: usedAt }).where('id', '=', id).execute();
  },

  async deletePasskey(db: Db, userId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('passkeys')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  async putPasskeyRegistration(db: Db, row: { user_id: string; challenge: string; expires_at: string }) {
    await db
      .insertInto('passkey_registrations')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ challenge: row.challenge, expires_at: row.expires_at }))
      .execute();
  },

  /** The registration under way, removed as it is read: each challenge is answered once. */
  async takePasskeyRegistration(db: Db, userId: string) {
    const row = await db
      .selectFrom('passkey_registrations')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return undefined;
    const deleted = await db
      .deleteFrom('passkey_registrations')
      .where('user_id', '=', userId)
      .where('challenge', '=', row.challenge)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1 ? row : undefined;
  },

  async countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
    const row = await db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  async replaceRecoveryCodes(db: Db, userId: string, rows: RecoveryCodesTable[]): Promise<void> {
    await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await db.insertInto('recovery_codes').values(rows).execute();
  },

  async deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  },

  /** Marks the code used if it is the user's and unused: of two requests with one code, one wins. */
  async spendRecoveryCode(db: Db, userId: string, codeHash: string, usedAt: string): Promise<boolean> {
    const result = await db
      .updateTable('recovery_codes')
      .set({ used_at: usedAt })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertPending(db: Db, row: PendingSignInsTable): Promise<void> {
    await db.insertInto('pending_sign_ins').values(row).execute();
  },

  findPending(db: Db, id: string): Promise<PendingSignInsTable | undefined> {
    return db.selectFrom('pending_sign_ins').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Ends a pending sign-in; true for the one request that ended it. */
  async deletePending(db: Db, id: string): Promise<boolean> {
    const result = await db.deleteFrom('pending_sign_ins').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  async deletePendingOfUser(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('pending_sign_ins').where('user_id', '=', userId).execute();
  },

  /**
   * Removes pending sign-ins started before `beforeIso` (they are kept that long after they end, for
   * their wrong tries to count) and registrations past their time.
   */
  async deleteOldPending(db: Db, beforeIso: string, nowIso: string): Promise<void> {
    await db.deleteFrom('pending_sign_ins').where('created_at', '<', beforeIso).execute();
    await db.deleteFrom('passkey_registrations').where('expires_at', '<=', nowIso).execute();
  },

  /** Ends the user's open pending sign-ins while keeping their count of wrong tries. */
  async expirePendingOfUser(db: Db, userId: string, nowIso: string): Promise<void> {
    await db
      .updateTable('pending_sign_ins')
      .set({ expires_at: nowIso })
      .where('user_id', '=', userId)
      .where('expires_at', '>', nowIso)
      .execute();
  },

  async expirePending(db: Db, id: string, nowIso: string): Promise<void> {
    await db.updateTable('pending_sign_ins').set({ expires_at: nowIso }).where('id', '=', id).execute();
  },

  /** Wrong second-factor tries of the user's pending sign-ins started since `sinceIso`. */
  async recentFailures(db: Db, userId: string, sinceIso: string): Promise<number> {
    const row = await db
      .selectFrom('pending_sign_ins')
      .select((eb) => eb.fn.sum<number | string | null>('failed_attempts').as('failures'))
      .where('user_id', '=', userId)
      .where('created_at', '>=', sinceIso)
      .executeTakeFirst();
    return Number(row?.failures ?? 0);
  },

  /** Counts a wrong try and gives the count after it. */
  async countFailure(db: Db, id: string): Promise<number> {
    await db
      .updateTable('pending_sign_ins')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
    const row = await db
      .selectFrom('pending_sign_ins')
      .select('failed_attempts')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.failed_attempts ?? Number.POSITIVE_INFINITY;
  },

  async setPendingChallenge(db: Db, id: string, challenge: string): Promise<void> {
    await db.updateTable('pending_sign_ins').set({ challenge }).where('id', '=', id).execute();
  },

  async customerRequired(db: Db, customerId: string): Promise<boolean> {
    const row = await db
      .selectFrom('two_factor_customers')
      .select('customer_id')
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async setCustomerRequired(db: Db, customerId: string, required: boolean, nowIso: string): Promise<void> {
    if (required) {
      await db
        .insertInto('two_factor_customers')
        .values({ customer_id: customerId, created_at: nowIso })
        .onConflict((oc) => oc.column('customer_id').doNothing())
        .execute();
    } else {
      await db.deleteFrom('two_factor_customers').where('customer_id', '=', customerId).execute();
    }
  },
};
