import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets Stegvis must read back (SSO client secrets, TOTP secrets), encrypted at rest with
 * AES-256-GCM under SECRETS_KEY, so that a database backup alone gives none of them away.
 *
 * Stored as `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url): the key id (the start of the key's
 * SHA-256, which tells nothing of the key) says which key sealed a value, so that after a rotation
 * the old key (SECRETS_KEY_PREVIOUS) still opens what it sealed until it is sealed again. The
 * `purpose` (for instance `identity_providers.client_secret:<id>`) is bound in as additional data:
 * a value copied to another row or column does not open there.
 */
export interface SecretKeys {
  /** Seals new values; absent when SECRETS_KEY is not set. */
  current?: Buffer;
  /** Open values sealed before a rotation. */
  previous: Buffer[];
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class SecretsKeyError extends Error {}

/** 32 bytes written as 64 hex characters or as base64 (standard or URL-safe); undefined for anything else. */
export function parseSecretsKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,2}$/.test(value)) return undefined;
  const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** A new key, as base64: what `openssl rand -base64 32` gives. */
export const generateSecretsKey = (): string => randomBytes(KEY_BYTES).toString('base64');

/** Which key sealed a value: the first 8 hex characters of the key's SHA-256. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

export const isEncryptedSecret = (stored: string): boolean => stored.startsWith(`${VERSION}:`);

/** The id of the key that sealed `stored`; undefined for a value stored in plain text. */
export const keyIdOfSecret = (stored: string): string | undefined =>
  isEncryptedSecret(stored) ? stored.split(':')[1] : undefined;

const additionalData = (keyId: string, purpose: string) => Buffer.from(`${VERSION}:${keyId}:${purpose}`, 'utf8');

export function encryptSecret(keys: SecretKeys, plaintext: string, purpose: string): string {
  if (!keys.current) {
    throw new SecretsKeyError(
      'SECRETS_KEY saknas: Stegvis kan inte kryptera hemligheten. Sätt SECRETS_KEY och starta om.',
    );
  }
  const keyId = keyIdOf(keys.current);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  cipher.setAAD(additionalData(keyId, purpose));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(':');
}

/** The plain text of a sealed value; throws SecretsKeyError when no key given opens it. */
export function decryptSecret(keys: SecretKeys, stored: string, purpose: string): string {
  const parts = stored.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretsKeyError('Värdet är inte krypterat med SECRETS_KEY');
  const [, keyId, iv, tag, data] = parts;
  const key = [keys.current, ...keys.previous].find((candidate) => candidate && keyIdOf(candidate) === keyId);
  if (!key) {
    throw new SecretsKeyError(
      `Hemligheten är krypterad med en nyckel (id ${keyId}) som varken SECRETS_KEY eller SECRETS_KEY_PREVIOUS är`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(additionalData(keyId, purpose));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretsKeyError(`Hemligheten gick inte att dekryptera med nyckeln ${keyId}: den är ändrad eller flyttad`);
  }
}

/** Whether a stored value should be sealed (again) with the current key: plain, or sealed by an older key. */
export const needsSealing = (keys: SecretKeys, stored: string): boolean =>
  keys.current !== undefined && keyIdOfSecret(stored) !== keyIdOf(keys.current);

/**
 * The key of an embedded SQLite installation without SECRETS_KEY: read from `secrets.key` beside
 * the database, or made there on the first start (readable by the owner only). `created` says
 * that the file is new, for the start to tell.
 */
export function localSecretsKey(databaseFile: string): { key: Buffer; file: string; created: boolean } {
  const file = path.join(path.dirname(databaseFile), 'secrets.key');
  if (fs.existsSync(file)) {
    const key = parseSecretsKey(fs.readFileSync(file, 'utf8'));
    if (!key) throw new SecretsKeyError(`${file} innehåller ingen giltig nyckel (32 byte som base64 eller hex)`);
    return { key, file, created: false };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = generateSecretsKey();
  fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  return { key: Buffer.from(text, 'base64'), file, created: true };
}
