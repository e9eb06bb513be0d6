import { ConfigError } from '../config/config.js';
import type { AppContext } from '../core/context.js';
import { decryptSecret, encryptSecret, isEncryptedSecret, needsSealing, SecretsKeyError } from '../core/secrets.js';
import { twoFactorRepository } from './repository.js';

/**
 * TOTP secrets are sealed with SECRETS_KEY (AES-256-GCM, core/secrets.ts), bound to their user's
 * row, so that a database backup alone cannot produce codes. Without a key (a development
 * database started before one existed) a secret is kept as it is and still read.
 */
const purpose = (userId: string) => `totp_factors.secret:${userId}`;

export const sealSecret = (context: AppContext, userId: string, secretBase32: string): string =>
  context.config.secretKeys.current
    ? encryptSecret(context.config.secretKeys, secretBase32, purpose(userId))
    : secretBase32;

export const openSecret = (context: AppContext, userId: string, stored: string): string =>
  isEncryptedSecret(stored) ? decryptSecret(context.config.secretKeys, stored, purpose(userId)) : stored;

/**
 * At start, before anything is served: every TOTP secret stored in plain text or under the previous
 * key is sealed with SECRETS_KEY, so that SECRETS_KEY_PREVIOUS can go after a rotation. Sealed
 * secrets without a key that opens them stop the start with what to do: nobody could sign in.
 */
export async function sealStoredTotpSecrets(context: AppContext): Promise<{ sealed: number }> {
  const keys = context.config.secretKeys;
  const rows = await twoFactorRepository.listTotpSecrets(context.db);
  if (!keys.current) {
    if (rows.some((row) => isEncryptedSecret(row.secret))) {
      throw new ConfigError(
        'Ogiltig konfiguration:\n  SECRETS_KEY saknas, men databasen har hemligheter för tvåstegsverifiering som är krypterade med den. Sätt SECRETS_KEY till samma nyckel som förut (se Konfiguration i README).',
      );
    }
    return { sealed: 0 };
  }
  let sealed = 0;
  for (const row of rows) {
    if (!needsSealing(keys, row.secret)) continue;
    let plain: string;
    try {
      plain = openSecret(context, row.user_id, row.secret);
    } catch (error) {
      if (!(error instanceof SecretsKeyError)) throw error;
      throw new ConfigError(
        `Ogiltig konfiguration:\n  SECRETS_KEY: ${error.message}. Efter ett nyckelbyte ska den gamla nyckeln stå i SECRETS_KEY_PREVIOUS (se docs/operations.md).`,
      );
    }
    const resealed = sealSecret(context, row.user_id, plain);
    if (await twoFactorRepository.replaceTotpSecret(context.db, row.user_id, row.secret, resealed)) sealed += 1;
  }
  return { sealed };
}
