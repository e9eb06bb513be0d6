/**
 * A throwaway PostgreSQL for the tests: initialised in a temporary folder, listening on loopback
 * only, gone after `stop()`. The server binaries refuse to run as root, so as root they run as
 * the `postgres` system user (created if missing).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where Debian's packages (and the machine images that link them into /usr/local/bin) put the server. */
export function standardPostgresFolders(): string[] {
  return ['/usr/local/bin', ...globVersions('/usr/lib/postgresql')];
}

/**
 * The folder with the PostgreSQL server binaries (`initdb`, `pg_ctl`), or undefined. `PG_BIN`
 * comes first, so that it can pick one of several installed versions.
 */
export function findPostgresBinaries(
  env: NodeJS.ProcessEnv = process.env,
  folders: string[] = standardPostgresFolders(),
): string | undefined {
  return [...(env.PG_BIN ? [env.PG_BIN] : []), ...folders].find(
    (folder) => isExecutable(path.join(folder, 'initdb')) && isExecutable(path.join(folder, 'pg_ctl')),
  );
}

export const MISSING_POSTGRES =
  'PostgreSQL-servern (initdb, pg_ctl) saknas: installera Debians paket postgresql (apt-get install postgresql) eller ange PG_BIN';

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function globVersions(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(root, version, 'bin'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ThrowawayPostgres {
  /** Connection string of the `postgres` maintenance database. */
  url: string;
  createDatabase(name: string): string;
  stop(): void;
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const isRoot = process.getuid?.() === 0;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-pg-'));
  fs.chmodSync(base, 0o755);
  const port = await freePort();
  const run = (command: string, args: string[]) => {
    const full = path.join(bin, command);
    const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    return execFileSync(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  };
  if (isRoot) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    }
    execFileSync('chown', ['-R', 'postgres:', base]);
  }
  const data = path.join(base, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(base, 'server.log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${base} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase(name: string) {
      const psql = fs.existsSync(path.join(bin, 'psql')) ? path.join(bin, 'psql') : 'psql';
      execFileSync(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-Atc', `create database ${name}`]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
