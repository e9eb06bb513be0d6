import type { Kysely } from 'kysely';
import type { Database, IdentityProvidersTable, SsoIdentitiesTable, SsoSignInsTable } from '../db/schema.js';

export type ProviderRow = IdentityProvidersTable;

/** A provider as the administrator sees it: without its secret, with its customer and use. */
export interface ProviderSummaryRow extends Omit<ProviderRow, 'client_secret'> {
  customer_name: string | null;
  linked_user_count: number;
  last_sign_in_at: string | null;
}

const selectSummaries = (db: Kysely<Database>) =>
  db
    .selectFrom('identity_providers')
    .leftJoin('customers', 'customers.id', 'identity_providers.customer_id')
    .select([
      'identity_providers.id',
      'identity_providers.name',
      'identity_providers.customer_id',
      'identity_providers.issuer',
      'identity_providers.client_id',
      'identity_providers.email_domains',
      'identity_providers.enabled',
      'identity_providers.created_at',
      'identity_providers.version',
      'identity_providers.updated_at',
      'customers.name as customer_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('sso_identities')
        .whereRef('sso_identities.provider_id', '=', 'identity_providers.id')
        .select((inner) => inner.fn.count<number | string>('sso_identities.user_id').distinct().as('count'))
        .as('linked_user_count'),
      eb
        .selectFrom('sso_identities')
        .whereRef('sso_identities.provider_id', '=', 'identity_providers.id')
        .select((inner) => inner.fn.max('sso_identities.last_sign_in_at').as('last'))
        .as('last_sign_in_at'),
    ]);

const toSummary = (row: Awaited<ReturnType<ReturnType<typeof selectSummaries>['execute']>>[number]) => ({
  ...row,
  linked_user_count: Number(row.linked_user_count ?? 0),
  last_sign_in_at: row.last_sign_in_at ?? null,
});

export const ssoRepository = {
  async listSummaries(db: Kysely<Database>): Promise<ProviderSummaryRow[]> {
    return (await selectSummaries(db).execute()).map(toSummary);
  },

  async findSummary(db: Kysely<Database>, id: string): Promise<ProviderSummaryRow | undefined> {
    const row = await selectSummaries(db).where('identity_providers.id', '=', id).executeTakeFirst();
    return row && toSummary(row);
  },

  findProvider(db: Kysely<Database>, id: string): Promise<ProviderRow | undefined> {
    return db.selectFrom('identity_providers').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Every provider's domains: few rows, read whole to find the provider of an address or a clash. */
  listDomains(db: Kysely<Database>) {
    return db.selectFrom('identity_providers').select(['id', 'name', 'enabled', 'email_domains']).execute();
  },

  /** Every stored client secret, sealed or (from before SECRETS_KEY) plain: few rows, read at start. */
  listClientSecrets(db: Kysely<Database>) {
    return db.selectFrom('identity_providers').select(['id', 'client_secret']).execute();
  },

  /** Replaces a secret unless it changed since it was read (another instance starting, an edit). */
  async replaceClientSecret(db: Kysely<Database>, id: string, before: string, after: string): Promise<boolean> {
    const result = await db
      .updateTable('identity_providers')
      .set({ client_secret: after })
      .where('id', '=', id)
      .where('client_secret', '=', before)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  async insertProvider(db: Kysely<Database>, row: ProviderRow): Promise<void> {
    await db.insertInto('identity_providers').values(row).execute();
  },

  /** False when the provider is gone or someone else changed it since `version`. */
  async updateProviderIfVersion(
    db: Kysely<Database>,
    target: { id: string; version: number },
    change: Omit<ProviderRow, 'id' | 'created_at' | 'version' | 'client_secret'> & { client_secret?: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('identity_providers')
      .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  async deleteProvider(db: Kysely<Database>, id: string): Promise<boolean> {
    const result = await db.deleteFrom('identity_providers').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  async insertSignIn(db: Kysely<Database>, row: SsoSignInsTable): Promise<void> {
    await db.insertInto('sso_sign_ins').values(row).execute();
  },

  /**
   * Takes the sign-in out in one statement, so that of two callbacks with the same `state` only
   * one finds it.
   */
  takeSignIn(db: Kysely<Database>, state: string): Promise<SsoSignInsTable | undefined> {
    return db.deleteFrom('sso_sign_ins').where('state', '=', state).returningAll().executeTakeFirst();
  },

  async deleteExpiredSignIns(db: Kysely<Database>, nowIso: string): Promise<void> {
    await db.deleteFrom('sso_sign_ins').where('expires_at', '<=', nowIso).execute();
  },

  async findIdentityUserId(db: Kysely<Database>, providerId: string, subject: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('sso_identities')
      .select('user_id')
      .where('provider_id', '=', providerId)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row?.user_id;
  },

  async insertIdentity(db: Kysely<Database>, row: SsoIdentitiesTable): Promise<void> {
    await db
      .insertInto('sso_identities')
      .values(row)
      .onConflict((oc) => oc.columns(['provider_id', 'subject']).doNothing())
      .execute();
  },

  async touchIdentity(db: Kysely<Database>, providerId: string, subject: string, nowIso: string): Promise<void> {
    await db
      .updateTable('sso_identities')
      .set({ last_sign_in_at: nowIso })
      .where('provider_id', '=', providerId)
      .where('subject', '=', subject)
      .execute();
  },

  /**
   * A person of the organisation (a customer's, or with `customerId` null the vendor's) with this
   * address; the one who already has a login first, then the earliest added.
   */
  findPersonByEmail(db: Kysely<Database>, customerId: string | null, email: string) {
    return db
      .selectFrom('people')
      .select(['id', 'customer_id', 'name', 'user_id'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .where((eb) => (customerId === null ? eb('customer_id', 'is', null) : eb('customer_id', '=', customerId)))
      .orderBy((eb) => eb.case().when('user_id', 'is', null).then(1).else(0).end())
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
  },

  /** Links the person to a new user unless someone linked them a moment ago. */
  async linkPersonToUser(db: Kysely<Database>, personId: string, userId: string): Promise<boolean> {
    const result = await db
      .updateTable('people')
      .set({ user_id: userId })
      .where('id', '=', personId)
      .where('user_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};
