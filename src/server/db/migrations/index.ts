import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m002 from './002_organisation.js';
import * as m003 from './003_plan.js';
import * as m004 from './004_daily_work.js';
import * as m005 from './005_trainings_delivery.js';
import * as m006 from './006_measurements.js';
import * as m007 from './007_steps_closure.js';
import * as m008 from './008_steering.js';
import * as m009 from './009_single_sign_on.js';
import * as m010 from './010_project_change_count.js';
import * as m011 from './011_training_split_choice.js';
import * as m012 from './012_customer_terms.js';
import * as m013 from './013_login_protection.js';
import * as m014 from './014_two_factor.js';
import * as m015 from './015_personal_calendar_feeds.js';
import * as m016 from './016_open_activity_roles_index.js';

/** Registered statically: a file-system provider cannot load `.ts` migrations under the test runner. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_organisation': m002,
  '003_plan': m003,
  '004_daily_work': m004,
  '005_trainings_delivery': m005,
  '006_measurements': m006,
  '007_steps_closure': m007,
  '008_steering': m008,
  '009_single_sign_on': m009,
  '010_project_change_count': m010,
  '011_training_split_choice': m011,
  '012_customer_terms': m012,
  '013_login_protection': m013,
  '014_two_factor': m014,
  '015_personal_calendar_feeds': m015,
  '016_open_activity_roles_index': m016,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
