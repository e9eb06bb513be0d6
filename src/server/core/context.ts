import type { Kysely } from 'kysely';
import type { AppConfig } from '../config/config.js';
import type { DatabaseKind } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import type { AppMetrics } from '../metrics/instrumentation.js';
import type { Clock } from './clock.js';

/** What every domain service works with; built once by `buildApp`. */
export interface AppContext {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  clock: Clock;
  config: AppConfig;
  mailer: Mailer;
  metrics: AppMetrics;
}
