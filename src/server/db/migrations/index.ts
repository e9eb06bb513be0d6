import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_foundation.js';

/** Registered statically: a file-system provider cannot load `.ts` migrations under the test runner. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
