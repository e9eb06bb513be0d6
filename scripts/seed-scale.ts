/**
 * `npm run seed:scale`: fills the database named by DATABASE_URL (a SQLite file or postgres://…)
 * with the national-scale data set of `src/server/demo/scale/seed-scale.ts`, then prints the logins.
 * Refuses a database that already has customers. SEED (default 20270301) and SCALE_CUSTOMERS
 * (default 290) choose the data; the vendor admin comes from STEGVIS_ADMIN_EMAIL /
 * STEGVIS_ADMIN_PASSWORD, as when the server starts.
 *
 *   DATABASE_URL=.tmp/scale.db STEGVIS_ADMIN_EMAIL=admin@exempel.se STEGVIS_ADMIN_PASSWORD=… npm run seed:scale
 */
import { buildApp } from '../src/server/app.js';
import { ConfigError, loadConfig } from '../src/server/config/config.js';
import { seedScale } from '../src/server/demo/scale/seed-scale.js';

const DEFAULT_SEED = 20_270_301;

function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} ska vara ett heltal från ${min} till ${max}, inte ${JSON.stringify(raw)}`);
  }
  return value;
}

async function main(): Promise<number> {
  const seed = wholeNumber('SEED', DEFAULT_SEED, 0, 2 ** 32 - 1);
  const customers = wholeNumber('SCALE_CUSTOMERS', 290, 1, 1000);
  // The seeding's own progress lines are what the person at the terminal reads, not the server's log.
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }), web: undefined };
  const target =
    config.database.kind === 'sqlite' ? config.database.file : config.database.url.replace(/\/\/[^@]*@/, '//');
  const started = Date.now();
  const app = await buildApp(config);
  try {
    const context = app.stegvis;
    const existing = await context.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(existing.count) > 0) {
      console.error(
        `Databasen ${target} har redan ${existing.count} kunder. seed:scale fyller bara en tom databas: ange en ny DATABASE_URL.`,
      );
      return 1;
    }
    console.log(`Fyller ${target} (${context.databaseKind}) med ${customers} kunder, frö ${seed}`);
    const summary = await seedScale(context, {
      seed,
      customers,
      onProgress: (message) => console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${message}`),
    });
    console.log(
      `\nKlart på ${((Date.now() - started) / 1000).toFixed(1)} s (databasen migrerad och mallen inläst inräknat):`,
    );
    for (const [kind, count] of Object.entries(summary.counts)) {
      console.log(`  ${kind.padEnd(22)} ${count.toLocaleString('sv-SE').padStart(8)}`);
    }
    const { admin, supporter, customerLeader } = summary.logins;
    console.log('\nInloggningar (npm start med samma DATABASE_URL):');
    if (admin) console.log(`  Leverantörens administratör: ${admin.email} / ${admin.password}`);
    else console.log('  Ingen administratör: sätt STEGVIS_ADMIN_EMAIL och STEGVIS_ADMIN_PASSWORD före start.');
    console.log(`  Projektstödjare på alla projekt, ${supporter.name}: ${supporter.email} / ${supporter.password}`);
    console.log(
      `  Projektledare för ett projekt mitt i arbetet, ${customerLeader.name}: ${customerLeader.email} / ${customerLeader.password}` +
        ` (projekt ${customerLeader.projectId})`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
