import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/** A backup that was not made, for the person at the terminal: one sentence in Swedish. */
export class BackupError extends Error {}

export interface SqliteBackup {
  /** The absolute path of the new file. */
  file: string;
  bytes: number;
}

/**
 * Writes a consistent copy of a SQLite database that other processes may be writing to, as a new
 * file; an existing file is never overwritten. `VACUUM INTO` reads the whole database in one read
 * transaction, so the copy is the database as it was at one moment, while writers carry on in the
 * WAL (docs/decisions/011-sqlite-backup.md says why not the online backup API).
 *
 * The copy is written under a temporary name beside the target and linked to the target's name only
 * once it is complete and checked, so a file under the target's name is always a whole backup.
 */
export function backupSqlite(sourceFile: string, targetFile: string): SqliteBackup {
  const source = path.resolve(sourceFile);
  const target = path.resolve(targetFile);
  const folder = path.dirname(target);
  if (!fs.existsSync(source)) throw new BackupError(`Databasfilen ${source} finns inte.`);
  if (fs.existsSync(target)) throw alreadyExists(target);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new BackupError(`Mappen ${folder} finns inte; skapa den först.`);
  }

  const partial = path.join(folder, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.delvis`);
  try {
    copyInOneReadTransaction(source, partial);
    checkOpensAsDatabase(partial);
    publish(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: target, bytes: fs.statSync(target).size };
}

const alreadyExists = (target: string) =>
  new BackupError(`${target} finns redan. Välj ett nytt filnamn: en befintlig fil skrivs aldrig över.`);

function copyInOneReadTransaction(source: string, partial: string): void {
  let database: SqliteDatabase.Database | undefined;
  try {
    // Read-only: a backup must never change the database it copies. Synchronous stays FULL, so
    // the copy is on disk when VACUUM INTO returns.
    database = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    database.pragma('busy_timeout = 5000');
    database.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    if (error instanceof SqliteDatabase.SqliteError && error.code === 'SQLITE_NOTADB') {
      throw new BackupError(`${source} är ingen SQLite-databas.`);
    }
    throw new BackupError(`Säkerhetskopian kunde inte skrivas: ${(error as Error).message}`);
  } finally {
    database?.close();
  }
}

function checkOpensAsDatabase(file: string): void {
  const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`Säkerhetskopian blev inte hel (quick_check: ${String(result)}).`);
  } finally {
    copy.close();
  }
}

/** A hard link fails if the name is taken, so a file created meanwhile is not overwritten either. */
function publish(partial: string, target: string): void {
  try {
    fs.linkSync(partial, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(target);
    // Some file systems (FAT, some network shares) have no hard links.
    if (fs.existsSync(target)) throw alreadyExists(target);
    fs.renameSync(partial, target);
  }
}

const swedishMegabytes = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${swedishMegabytes.format(bytes / (1024 * 1024))} MB`;

/** A path as it can be pasted into a POSIX shell. */
const shellPath = (file: string) => (/^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", `'\\''`)}'`);

/** What the backup command prints once a backup of the SQLite file `databaseFile` is written. */
export function sqliteBackupReport(backup: SqliteBackup, databaseFile: string): string {
  const database = path.resolve(databaseFile);
  return [
    `Säkerhetskopian är skriven till ${backup.file} (${formatSize(backup.bytes)}).`,
    '',
    'Så återställer du den:',
    '  1. Stoppa alla instanser av Stegvis.',
    `  2. Kopiera säkerhetskopian över databasfilen: cp ${shellPath(backup.file)} ${shellPath(database)}`,
    `  3. Ta bort eventuella -wal- och -shm-filer bredvid den: rm -f ${shellPath(`${database}-wal`)} ${shellPath(`${database}-shm`)}`,
    '  4. Starta Stegvis igen.',
    '',
  ].join('\n');
}

/** What the backup command prints on PostgreSQL, whose own tools make and restore backups. */
export const postgresBackupAdvice = [
  'DATABASE_URL pekar på PostgreSQL: ingen säkerhetskopia är gjord. Använd PostgreSQL:s egna verktyg:',
  '  Säkerhetskopiera: pg_dump --format=custom --file=stegvis.dump "$DATABASE_URL"',
  '  Återställ:        pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" stegvis.dump',
  '',
].join('\n');

export const backupUsage = [
  'Användning: npm run backup -- <fil>',
  '  Skriver en säkerhetskopia av SQLite-databasen i DATABASE_URL till <fil>, som inte får finnas.',
  '',
].join('\n');
