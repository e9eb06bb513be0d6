import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import {
  decryptSecret,
  encryptSecret,
  isEncryptedSecret,
  keyIdOf,
  localSecretsKey,
  needsSealing,
  parseSecretsKey,
  SecretsKeyError,
} from './secrets.js';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('secrets sealed with SECRETS_KEY', () => {
  it('open again with the key that sealed them, and hold nothing of the plain text', () => {
    const sealed = encryptSecret({ current: keyA, previous: [] }, 'klienthemlighet-4711', 'test:1');
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed.split(':')[1]).toBe(keyIdOf(keyA));
    expect(sealed).not.toContain('klienthemlighet');
    expect(isEncryptedSecret(sealed)).toBe(true);
    expect(decryptSecret({ current: keyA, previous: [] }, sealed, 'test:1')).toBe('klienthemlighet-4711');
    // A fresh IV each time: the same secret never looks the same twice.
    expect(encryptSecret({ current: keyA, previous: [] }, 'klienthemlighet-4711', 'test:1')).not.toBe(sealed);
  });

  it('refuse another purpose, a changed byte and an unknown key', () => {
    const keys = { current: keyA, previous: [] };
    const sealed = encryptSecret(keys, 'hemlig', 'identity_providers.client_secret:a');
    expect(() => decryptSecret(keys, sealed, 'identity_providers.client_secret:b')).toThrow(SecretsKeyError);
    const parts = sealed.split(':');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 1;
    const tampered = [...parts.slice(0, 4), data.toString('base64url')].join(':');
    expect(() => decryptSecret(keys, tampered, 'identity_providers.client_secret:a')).toThrow(SecretsKeyError);
    expect(() => decryptSecret({ current: keyB, previous: [] }, sealed, 'identity_providers.client_secret:a')).toThrow(
      /nyckel \(id [0-9a-f]{8}\)/,
    );
    expect(() => encryptSecret({ previous: [] }, 'hemlig', 'x')).toThrow(/SECRETS_KEY saknas/);
  });

  it('open with the previous key after a rotation, and say what to seal again', () => {
    const old = encryptSecret({ current: keyA, previous: [] }, 'hemlig', 'p');
    const rotated = { current: keyB, previous: [keyA] };
    expect(decryptSecret(rotated, old, 'p')).toBe('hemlig');
    expect(needsSealing(rotated, old)).toBe(true);
    expect(needsSealing(rotated, 'i klartext')).toBe(true);
    expect(needsSealing(rotated, encryptSecret(rotated, 'hemlig', 'p'))).toBe(false);
    expect(needsSealing({ previous: [] }, 'i klartext')).toBe(false);
  });
});

describe('the key in the configuration', () => {
  it('is 32 bytes as base64 or hex', () => {
    expect(parseSecretsKey(keyA.toString('base64'))).toEqual(keyA);
    expect(parseSecretsKey(keyA.toString('base64url'))).toEqual(keyA);
    expect(parseSecretsKey(keyA.toString('hex'))).toEqual(keyA);
    expect(parseSecretsKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseSecretsKey('hemligt-lösenord')).toBeUndefined();

    const config = loadConfig({
      SECRETS_KEY: keyA.toString('hex'),
      SECRETS_KEY_PREVIOUS: `${keyB.toString('base64')}, ${keyA.toString('base64')}`,
    });
    expect(config.secretKeys).toEqual({ current: keyA, previous: [keyB, keyA] });
    expect(loadConfig({}).secretKeys).toEqual({ current: undefined, previous: [] });
  });

  it('stops the start with the variable named when it is not a key', () => {
    let error: unknown;
    try {
      loadConfig({ SECRETS_KEY: 'för-kort', SECRETS_KEY_PREVIOUS: `${keyA.toString('hex')},x` });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('SECRETS_KEY: ska vara 32 byte');
    expect((error as Error).message).toContain('SECRETS_KEY_PREVIOUS: ska vara 32 byte');
  });

  it('of an embedded SQLite installation is made beside the database on the first start and read after', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-secrets-'));
    try {
      const first = localSecretsKey(path.join(folder, 'stegvis.db'));
      expect(first.created).toBe(true);
      expect(first.file).toBe(path.join(folder, 'secrets.key'));
      expect(fs.statSync(first.file).mode & 0o077).toBe(0);
      const second = localSecretsKey(path.join(folder, 'stegvis.db'));
      expect(second).toEqual({ key: first.key, file: first.file, created: false });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
