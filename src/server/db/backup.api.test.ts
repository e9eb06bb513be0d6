import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/attachments.js';
import type { Checklist } from '../../shared/checklist.js';
import { hasValidLuhnChecksum } from '../../shared/common.js';
import type { Customer } from '../../shared/customers.js';
import { buildApp } from '../app.js';
import { loadConfig, parseDatabaseUrl } from '../config/config.js';
import { type Agent, freshDatabase, loginAs, testDatabaseKind } from '../test-support/app.js';
import { createCustomer, createProject } from '../test-support/factories.js';
import { BackupError, backupSqlite } from './backup.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const temporaryFolder = () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-backup-'));
  cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
};

async function appOn(databaseUrl: string): Promise<FastifyInstance> {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', OUTBOX_DIR: temporaryFolder() }),
    database: parseDatabaseUrl(databaseUrl),
    webRoot: undefined,
  };
  const app = await buildApp(config);
  cleanups.push(() => app.close());
  return app;
}

interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** The backup command as an operator runs it in development: its own process, through tsx. */
function startBackupCommand(args: string[], databaseUrl?: string) {
  const environment = { ...process.env, DATABASE_URL: databaseUrl };
  if (databaseUrl === undefined) delete environment.DATABASE_URL;
  const child = spawn('node_modules/.bin/tsx', ['src/server/backup-main.ts', ...args], { env: environment });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let exited = false;
  const result = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      exited = true;
      resolve({ exitCode, stdout, stderr });
    });
  });
  return { result, hasExited: () => exited };
}

const runBackupCommand = (args: string[], databaseUrl?: string) => startBackupCommand(args, databaseUrl).result;

const CLI_TIMEOUT = 60_000;

describe('the backup command', () => {
  it(
    'explains its use and does nothing without exactly one file',
    async () => {
      const runs = await Promise.all(
        [[], ['en.db', 'två.db'], ['--hjälp']].map((args) => runBackupCommand(args, 'data/finns-inte.db')),
      );
      for (const run of runs) {
        expect(run).toEqual({
          exitCode: 2,
          stdout: '',
          stderr: expect.stringContaining('Användning: npm run backup -- <fil>'),
        });
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'on PostgreSQL backs nothing up: it names the pg_dump and pg_restore commands and exits with 2',
    async () => {
      const run = await runBackupCommand(['stegvis.db'], 'postgres://stegvis:hemligt@databas.exempel.se:5432/stegvis');
      expect(run.exitCode).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('ingen säkerhetskopia är gjord');
      expect(run.stderr).toContain('pg_dump --format=custom --file=stegvis.dump "$DATABASE_URL"');
      expect(run.stderr).toContain('pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" stegvis.dump');
      expect(run.stderr).not.toContain('hemligt');
      expect(fs.existsSync('stegvis.db')).toBe(false);
    },
    CLI_TIMEOUT,
  );

  it(
    'fails with one line and exit code 1 when the database file is missing',
    async () => {
      const folder = temporaryFolder();
      const missing = path.join(folder, 'saknas.db');
      const run = await runBackupCommand([path.join(folder, 'kopia.db')], missing);
      expect(run).toEqual({ exitCode: 1, stdout: '', stderr: `Databasfilen ${missing} finns inte.\n` });
      expect(fs.readdirSync(folder)).toEqual([]);
    },
    CLI_TIMEOUT,
  );
});

// An online backup is a matter of a SQLite file; PostgreSQL has pg_dump.
if (testDatabaseKind === 'sqlite') {
  describe('a backup of the SQLite file', () => {
    it(
      'refuses to overwrite an existing file and leaves it as it was',
      async () => {
        const database = await freshDatabase({ sqliteFile: true });
        cleanups.push(() => database.drop());
        await appOn(database.url);
        const folder = temporaryFolder();
        const target = path.join(folder, 'kopia.db');
        fs.writeFileSync(target, 'gårdagens säkerhetskopia');
        const refusal = `${target} finns redan. Välj ett nytt filnamn: en befintlig fil skrivs aldrig över.`;

        expect(() => backupSqlite(database.url, target)).toThrow(new BackupError(refusal));
        const run = await runBackupCommand([target], database.url);
        expect(run).toEqual({ exitCode: 1, stdout: '', stderr: `${refusal}\n` });

        expect(fs.readFileSync(target, 'utf8')).toBe('gårdagens säkerhetskopia');
        expect(fs.readdirSync(folder)).toEqual(['kopia.db']);
      },
      CLI_TIMEOUT,
    );

    it('taken while the app keeps writing, restores every write acknowledged before it began, consistently', async () => {
      const database = await freshDatabase({ sqliteFile: true });
      cleanups.push(() => database.drop());
      const app = await appOn(database.url);
      const admin = await loginAs(app);
      const attachments = await uploadAttachments(admin, 8, 10 * 1024 * 1024);

      const backups = temporaryFolder();
      const target = path.join(backups, 'stegvis-kopia.db');
      // The command writes into a temporary file in the folder at once and gives it the target's
      // name when the copy is done: so the folder says when the backup began and ended.
      const backupHasBegun = () => fs.readdirSync(backups).length > 0;
      const backup = startBackupCommand([target], database.url);

      const writes: { customerId: string; acknowledged: 'before' | 'during' | 'after' }[] = [];
      while (!backup.hasExited()) {
        const customer = await createCustomer(admin, {
          name: `Skrivkommun ${writes.length + 1}`,
          organisationNumber: distinctOrganisationNumber(writes.length),
        });
        const ended = fs.existsSync(target) || backup.hasExited();
        writes.push({
          customerId: customer.id,
          acknowledged: !backupHasBegun() ? 'before' : ended ? 'after' : 'during',
        });
      }
      const run = await backup.result;
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout.split('\n')[0]).toMatch(/^Säkerhetskopian är skriven till .+ \(\d+,\d MB\)\.$/);
      expect(run.stdout).toContain(`till ${target} (`);
      expect(run.stdout).toContain(`cp ${target} ${database.url}`);
      const before = writes.filter((write) => write.acknowledged === 'before');
      const during = writes.filter((write) => write.acknowledged === 'during');
      expect(before.length).toBeGreaterThan(0);
      // Writes went on while the database was being copied: the test proves what it claims.
      expect(during.length).toBeGreaterThan(0);

      // Restored as the command tells the operator to.
      await app.close();
      fs.copyFileSync(target, database.url);
      fs.rmSync(`${database.url}-wal`, { force: true });
      fs.rmSync(`${database.url}-shm`, { force: true });
      const check = new SqliteDatabase(database.url, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();

      const restored = await appOn(database.url);
      const restoredAdmin = await loginAs(restored);
      const customers: Customer[] = (await restoredAdmin.get('/api/customers')).json().items;
      const restoredIds = new Set(customers.map((customer) => customer.id));
      const kept = writes.map((write) => restoredIds.has(write.customerId));
      const keptCount = kept.filter(Boolean).length;
      // One moment's database: the writes, made one after the other, are there up to a point and
      // none after it. That point lies after every write acknowledged before the backup began.
      expect(kept).toEqual(writes.map((_, index) => index < keptCount));
      expect(keptCount).toBeGreaterThanOrEqual(before.length);

      for (const attachment of attachments) {
        const download = await restoredAdmin.get(
          `/api/projects/${attachment.projectId}/attachments/${attachment.id}/download`,
        );
        expect(download.statusCode).toBe(200);
        expect(sha256(download.rawPayload)).toBe(attachment.sha256);
      }
    }, 120_000);
  });
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A different valid organisation number for each of up to ten million writes. */
function distinctOrganisationNumber(serial: number): string {
  const body = `55${String(serial).padStart(7, '0')}`;
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(body + digit)) as string;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

/** Enough data that copying the database takes a while: PDFs of random bytes, as users upload them. */
async function uploadAttachments(agent: Agent, count: number, bytes: number) {
  const project = await createProject(agent);
  const checklist: Checklist = (await agent.get(`/api/projects/${project.id}/activities`)).json();
  const activity = checklist.groups[0].activities[0];
  const boundary = '----stegvis-backup';
  const uploaded: { id: string; projectId: string; sha256: string }[] = [];
  for (let index = 0; index < count; index++) {
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes)]);
    const response = await agent.request({
      method: 'POST',
      url: `/api/projects/${project.id}/activities/${activity.id}/attachments`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="protokoll-${index}.pdf"\r\n` +
            'Content-Type: application/pdf\r\n\r\n',
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(response.statusCode).toBe(201);
    const attachment: Attachment = response.json();
    uploaded.push({ id: attachment.id, projectId: project.id, sha256: sha256(content) });
  }
  return uploaded;
}
