import path from 'node:path';
import { buildApp } from './app.js';
import { needsSetup } from './auth/service.js';
import { type AppConfig, ConfigError, loadConfig } from './config/config.js';
import { localSecretsKey } from './core/secrets.js';
import { DEMO_PASSWORD } from './demo/logins.js';
import { seedDemo } from './demo/seed.js';
import { startReminderScheduler } from './reminders/scheduler.js';

/** A path as the person at the terminal knows it: relative to where they started, unless it is outside. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** Start-up messages are for the person at the terminal, not for the log collector. */
const say = (message: string) => console.log(`\n  ${message}\n`);

/**
 * The embedded SQLite default without SECRETS_KEY: the key kept in `secrets.key` beside the
 * database, made on the first start, so that `npm start` works with nothing to set. Several
 * instances (PostgreSQL) must share one key, so there it is SECRETS_KEY or nothing.
 */
function withLocalSecretsKey(config: AppConfig) {
  if (config.secretKeys.current || config.database.kind !== 'sqlite' || config.database.file === ':memory:') return;
  const local = localSecretsKey(config.database.file);
  config.secretKeys = { ...config.secretKeys, current: local.key };
  return local;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const localKey = withLocalSecretsKey(config);
  const app = await buildApp(config);
  const context = app.stegvis;

  if (process.argv.includes('--demo')) {
    const demo = await seedDemo(context);
    if (!demo.created) {
      say('Demokunden finns redan.');
    } else if (demo.login) {
      say(`Demokunden är skapad. Logga in på ${config.publicUrl} med ${demo.login.email} / ${demo.login.password}`);
    } else {
      say(`Demokunden är skapad. Logga in med ditt befintliga konto på ${config.publicUrl}`);
    }
    if (demo.people.length > 0) {
      say(
        [
          `Med lösenordet ${DEMO_PASSWORD} kan du också se projektet från andra håll, som`,
          ...demo.people.map((person) => `    ${person.name}, ${person.role}: ${person.email}`),
        ].join('\n'),
      );
    }
  }

  const reminders = startReminderScheduler(context, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: avslutar, väntar in pågående förfrågningar`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await reminders.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (await needsSetup(context)) {
    say(
      `Första start: öppna ${config.publicUrl} och skapa leverantörens administratör (eller sätt STEGVIS_ADMIN_EMAIL och STEGVIS_ADMIN_PASSWORD).`,
    );
  }
  if (localKey?.created) {
    say(
      `SECRETS_KEY saknas: Stegvis skapade en nyckel i ${shownPath(localKey.file)} och krypterar hemligheter i databasen med den. Spara den, men inte bland databasens säkerhetskopior; i produktion, sätt SECRETS_KEY (se docs/operations.md).`,
    );
  }
  if (!config.mail.smtpUrl) {
    say(`E-post skickas inte: SMTP_URL saknas. Utskick sparas i ${shownPath(config.mail.outboxDir)}.`);
  }
  say(
    `Stegvis kör på ${config.publicUrl} (databas: ${context.databaseKind}). API-dokumentation: ${config.publicUrl}/api/docs`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Stegvis kunde inte starta:', error);
  }
  process.exit(1);
});
