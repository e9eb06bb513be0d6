/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database in DATABASE_URL, written while
 * Stegvis keeps running. Exit codes: 0 written, 1 failed, 2 nothing done (usage, or PostgreSQL).
 */
import { ConfigError, loadConfig } from './config/config.js';
import { BackupError, backupSqlite, backupUsage, postgresBackupAdvice, sqliteBackupReport } from './db/backup.js';

function main(args: string[]): number {
  const [target, ...rest] = args;
  if (!target || target.startsWith('-') || rest.length > 0) {
    process.stderr.write(backupUsage);
    return 2;
  }
  const { database } = loadConfig();
  if (database.kind === 'postgres') {
    process.stderr.write(postgresBackupAdvice);
    return 2;
  }
  if (database.file === ':memory:') {
    throw new BackupError('DATABASE_URL är en databas i minnet: det finns ingen fil att säkerhetskopiera.');
  }
  process.stdout.write(sqliteBackupReport(backupSqlite(database.file, target), database.file));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof BackupError || error instanceof ConfigError;
  console.error(known ? error.message : `Säkerhetskopieringen misslyckades: ${(error as Error).message}`);
  process.exitCode = 1;
}
