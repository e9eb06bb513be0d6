/**
 * The processes the HTTP benchmark measures: the real built server (`node scripts/start.mjs`), the
 * bare baselines and the round-robin proxy, each a child process of its own, and the sampling of
 * their resident memory from /proc.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCurrentBuild, sourceFingerprint } from '../../scripts/build-support.mjs';

export const HOST = '127.0.0.1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 180_000;

export interface RunningProcess {
  name: string;
  pid: number;
  port: number;
  /** Output of the process so far, for the error message when it dies. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    // The tail is what explains a failure; a chatty server must not fill the memory measured beside it.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

async function waitUntilReady(name: string, child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} ${exited} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`http://${HOST}:${port}/api/ready`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} was not ready within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

export interface StegvisSettings {
  databaseUrl: string;
  admin: { email: string; password: string };
  /** Where the server writes mails instead of sending them: never the repository's data/outbox. */
  outboxDir: string;
}

/**
 * Builds in a process of its own when the sources changed since the current build: start.mjs would
 * otherwise build inside the server's process, whose memory then holds Vite and esbuild's hundreds
 * of megabytes for the rest of the run.
 */
async function ensureBuilt(): Promise<void> {
  if (readCurrentBuild()?.fingerprint === sourceFingerprint()) return;
  const build = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  const output = collectOutput(build);
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  if (code !== 0) throw new Error(`the build failed (exit code ${code}):\n${output()}`);
}

/**
 * The real server as it is deployed: `node scripts/start.mjs`, which imports the server into its own
 * process, so the child's pid is the server's. Built first (see ensureBuilt); when the sources changed
 * again meanwhile (others work in this tree), the server built in-process and is started once more.
 */
export async function startStegvis(name: string, settings: StegvisSettings): Promise<RunningProcess> {
  for (let attempt = 1; ; attempt++) {
    await ensureBuilt();
    const builtBefore = readCurrentBuild()?.fingerprint;
    const server = await spawnStegvis(name, settings);
    if (readCurrentBuild()?.fingerprint === builtBefore || attempt === 3) return server;
    await server.stop();
  }
}

async function spawnStegvis(name: string, settings: StegvisSettings): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: {
      ...(process.env.PATH ? { PATH: process.env.PATH } : {}),
      ...(process.env.HOME ? { HOME: process.env.HOME } : {}),
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      NODE_ENV: 'production',
      HOST,
      PORT: String(port),
      DATABASE_URL: settings.databaseUrl,
      LOG_LEVEL: 'warn',
      STEGVIS_ADMIN_EMAIL: settings.admin.email,
      STEGVIS_ADMIN_PASSWORD: settings.admin.password,
      OUTBOX_DIR: settings.outboxDir,
      // The bench signs in a handful of sessions from one address, more than a person would in a
      // minute; the limit is a setting of its own, not a security switch.
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      // Reminders are a job of their own: left running, one would mail hundreds of customers in the
      // middle of a measured run. Measured requests only; the job's cost is not what this measures.
      REMINDER_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  await waitUntilReady(name, child, port, output);
  return { name, pid: child.pid as number, port, output, stop: stopper(child) };
}

/** A helper script of the bench (the bare server, the proxy) on this same Node and TypeScript loader. */
async function forkHelper(name: string, script: string, env: Record<string, string>): Promise<RunningProcess> {
  const port = await freePort();
  const child = fork(path.join(ROOT, 'bench', 'http', script), [], {
    execArgv: process.execArgv,
    env: { ...process.env, ...env, BENCH_HELPER_PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = collectOutput(child);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output()}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output()}`)));
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { name, pid: child.pid as number, port, output, stop: stopper(child) };
}

export const startBare = (name: string, databaseUrl: string) =>
  forkHelper(name, 'bare-server.ts', { BARE_DATABASE_URL: databaseUrl });

export const startProxy = (name: string, targets: RunningProcess[]) =>
  forkHelper(name, 'proxy.ts', { PROXY_TARGETS: targets.map((target) => `${HOST}:${target.port}`).join(',') });

/**
 * Waits until the server answers at once again: requests still running when a measured run ends (ten
 * PDF exports take seconds) would otherwise be measured as the next run's slowness.
 */
export async function waitUntilIdle(port: number, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let quickInARow = 0;
  while (quickInARow < 3 && Date.now() < deadline) {
    const started = Date.now();
    try {
      await (await fetch(`http://${HOST}:${port}/api/ready`)).arrayBuffer();
    } catch {
      // The bare servers answer /api/ready with 404, which is as quick an answer as any.
    }
    quickInARow = Date.now() - started < 50 ? quickInARow + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resident memory of a process now, from /proc (Linux), in bytes; 0 once it is gone. */
export function residentBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the processes' resident memory every 100 ms until stopped; gives each one's peak. */
export function sampleResidentMemory(pids: number[]): { stop(): number[] } {
  const peaks = pids.map(residentBytes);
  const sample = () => {
    pids.forEach((pid, index) => {
      peaks[index] = Math.max(peaks[index], residentBytes(pid));
    });
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
