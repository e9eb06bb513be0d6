import type { AppContext } from '../core/context.js';
import { decryptSecret, encryptSecret, isEncryptedSecret } from '../core/secrets.js';

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
