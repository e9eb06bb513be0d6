import type { Kysely } from 'kysely';

// Two-factor sign-in: an authenticator app's secret (TOTP), single-use recovery codes, passkeys
// (WebAuthn credentials), password sign-ins waiting for their second factor, and the customers whose
// people must have one (the vendor's own requirement is a setting).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('totp_factors')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    // null until the user has typed a code from the app: only then does it count as a factor.
    .addColumn('confirmed_at', 'text')
    // The 30-second step of the last code accepted: a code seen once is never accepted again.
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // SHA-256 of the code: 80 random bits each, so a fast hash is enough.
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').column('user_id').execute();

  await db.schema
    .createTable('passkeys')
    // The credential id, base64url.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // COSE public key, base64url.
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'bigint', (c) => c.notNull())
    // JSON array of transports ('internal', 'usb', …), as the browser told them.
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('passkeys_user_idx').on('passkeys').column('user_id').execute();

  // A passkey registration under way: the challenge the browser's answer must sign.
  await db.schema
    .createTable('passkey_registrations')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pending_sign_ins')
    // SHA-256 of the token in the browser's cookie.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // 'verify': waits for a second factor; 'enrol': the user must add one first.
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // The challenge of a passkey sign-in asked for on this pending sign-in.
    .addColumn('challenge', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_sign_ins_user_idx').on('pending_sign_ins').column('user_id').execute();

  await db.schema
    .createTable('two_factor_customers')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'two_factor_customers',
    'pending_sign_ins',
    'passkey_registrations',
    'passkeys',
    'recovery_codes',
    'totp_factors',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
