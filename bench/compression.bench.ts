/**
 * Benchmark of how Stegvis compresses what it sends, each way beside a bare `node:http` server doing
 * the same work, so that the cost of the framework and of the compression can be told apart.
 *
 *   npx tsx bench/compression.bench.ts              # needs `npm run build` (dist/assets) first
 *   BENCH_SECONDS=10 npx tsx bench/compression.bench.ts
 *
 * Environment: BENCH_SECONDS (measured run, default 5), BENCH_WARMUP_SECONDS (default 2),
 * BENCH_CONNECTIONS (default 10). BENCH_SMOKE=1 (see smoke.ts): a few requests per row on one
 * connection, and a generated stand-in for the main chunk (with its .br and .gz copies) instead of
 * dist/assets, so that the check does not depend on a build being there, or half-written.
 *
 * 1. The main JavaScript chunk (the largest dist/assets/index-*.js), asked for with
 *    `accept-encoding: br, gzip`:
 *    (a) bare node:http streaming the `.br` copy made at build time (baseline),
 *    (b) Fastify + @fastify/static with `preCompressed: true` and @fastify/compress registered before
 *        it, as Stegvis does (compress sees the content-encoding the static plugin set and keeps out),
 *    (c) Fastify + @fastify/static without precompressed copies + @fastify/compress, which compresses
 *        the raw file with brotli (quality 4, the plugin's default) on every request.
 * 2. An API-sized JSON answer (~280 KB, deterministic portfolio-like rows with Swedish text),
 *    serialised on every request as an API does, asked for with `accept-encoding: br, gzip` and
 *    without it: (a) bare node:http uncompressed, (b) Fastify uncompressed, (c) Fastify +
 *    @fastify/compress with Stegvis' options (brotli when accepted), (d) the same with only gzip.
 *
 * Layout: as in activities.bench.ts, every server runs in a child process of its own (this same
 * file, with STEGVIS_BENCH_ROLE set) and autocannon drives it from here, so that the load generator
 * does not share the server's event loop. Server CPU is the child's own user + system time over the
 * measured run; it includes libuv's threadpool, where @fastify/compress compresses answers this big
 * (they are above its synchronous-path ceiling of at most 64 KiB), so it can pass 100 %.
 *
 * No timing is asserted. The exit code is 1 only when the benchmark itself is broken: a server
 * answers with an unexpected encoding, its answer does not decode (zlib) to the original bytes, or
 * autocannon sees errors or non-2xx answers.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { seededRandom } from './measure.js';
import { runLength, smoke, smokeNote } from './smoke.js';

const ROLE_ENV = 'STEGVIS_BENCH_ROLE';
const HOST = '127.0.0.1';
const DIST_ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
/** The directory the file servers serve: dist/assets, or a smoke run's generated one. */
const ASSETS_ENV = 'STEGVIS_BENCH_ASSETS';
const JSON_PATH = '/api/portfolio';
const JSON_TARGET_BYTES = 280 * 1024;
/** The same as Stegvis' COMPRESSION_THRESHOLD_BYTES in src/server/app.ts. */
const COMPRESSION_THRESHOLD_BYTES = 1024;
const ACCEPT_BOTH = { 'accept-encoding': 'br, gzip' };

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`${name} must be a number ≥ ${min}, got ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The JSON answer: the same bytes in every process, from a seeded generator
// ---------------------------------------------------------------------------------------------

const TOWNS = ['Ale', 'Alingsås', 'Borås', 'Eslöv', 'Falun', 'Gävle', 'Härnösand', 'Kiruna', 'Luleå', 'Mora', 'Umeå'];
const FIRST_NAMES = ['Anna', 'Björn', 'Cecilia', 'David', 'Eva', 'Fredrik', 'Göran', 'Helena', 'Åsa', 'Örjan'];
const LAST_NAMES = ['Andersson', 'Berg', 'Cederström', 'Dahl', 'Ek', 'Forsberg', 'Gustafsson', 'Håkansson', 'Öberg'];
const STATUSES = ['planering', 'pågående', 'driftstart', 'stängning', 'avslutat'];
const ACTIVITIES = [
  'Utse kontaktperson för skolplattformen',
  'Beställ integration mot elevregistret',
  'Genomför utbildning för administratörer',
  'Importera scheman för höstterminen',
  'Godkänn behörighetsmodellen',
  'Informera vårdnadshavare om inloggning',
  'Testa frånvarorapportering på en skola',
  'Driftstart för grundskolan',
];
const WORDS = [
  'skolorna',
  'rektorerna',
  'har',
  'önskat',
  'att',
  'utbildningen',
  'flyttas',
  'till',
  'efter',
  'höstlovet',
  'eftersom',
  'schemat',
  'är',
  'fullt',
  'kommunen',
  'väntar',
  'på',
  'besked',
  'från',
  'förvaltningen',
  'om',
  'elevregistret',
  'och',
  'vårdnadshavarnas',
  'inloggning',
  'med',
  'e-legitimation',
  'fungerar',
  'redan',
  'på',
  'två',
  'skolor',
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const dateAfter = (random: () => number, fromDays: number, spanDays: number) =>
  new Date(Date.UTC(2026, 0, 1) + (fromDays + Math.floor(random() * spanDays)) * 86_400_000).toISOString().slice(0, 10);
const uuid = (random: () => number) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
};
const personName = (random: () => number) => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;

function portfolioRow(index: number, random: () => number) {
  const town = pick(random, TOWNS);
  const total = 40 + Math.floor(random() * 40);
  const done = Math.floor(random() * (total + 1));
  const status = pick(random, STATUSES);
  return {
    id: uuid(random),
    customer: {
      id: uuid(random),
      name: `${town} kommun`,
      organisationNumber: `212000-${String(index).padStart(4, '0')}`,
    },
    name: `Införande av skolplattformen i ${town} ${2026 + (index % 3)}`,
    status,
    startDate: dateAfter(random, 0, 120),
    goLiveDate: dateAfter(random, 150, 200),
    closedAt: status === 'avslutat' ? `${dateAfter(random, 360, 30)}T09:30:00.000Z` : null,
    progress: { done, total, percent: Math.floor((done * 100) / total) },
    projectLead: { id: uuid(random), name: personName(random) },
    customerContact: {
      name: personName(random),
      phone: `070-${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`,
    },
    keyActivities: Array.from({ length: 3 }, () => ({
      title: pick(random, ACTIVITIES),
      deadline: random() < 0.8 ? dateAfter(random, 30, 300) : null,
      done: random() < 0.4,
    })),
    trainings: { planned: Math.floor(random() * 12), held: Math.floor(random() * 8) },
    measurements: { baseline: Math.round(random() * 1000) / 10, latest: Math.round(random() * 1000) / 10 },
    note: `${Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(random, WORDS)).join(' ')}.`,
    updatedAt: new Date(Date.UTC(2026, 5, 1) + Math.floor(random() * 8_640_000_000)).toISOString(),
  };
}

/** Rows until the answer reaches ~280 KB; the same seed gives the same rows, hence the same bytes. */
function portfolioAnswer(): ReturnType<typeof portfolioRow>[] {
  const random = seededRandom(20_261_207);
  const rows: ReturnType<typeof portfolioRow>[] = [];
  let bytes = 2;
  while (bytes < JSON_TARGET_BYTES) {
    const row = portfolioRow(rows.length, random);
    rows.push(row);
    bytes += Buffer.byteLength(JSON.stringify(row)) + 1;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Messages between the orchestrator and the server processes
// ---------------------------------------------------------------------------------------------

type ToServer = { type: 'mark' } | { type: 'stats' };
type FromServer =
  | { type: 'ready'; port: number }
  | { type: 'marked' }
  | { type: 'stats'; rss: number; cpuPercent: number }
  | { type: 'failed'; message: string };

const send = (message: FromServer) => process.send?.(message);

/** Answers the orchestrator's measurement messages; exits when the orchestrator goes away. */
function serveMeasurements(port: number): void {
  let mark = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
  process.on('message', (message: ToServer) => {
    if (message.type === 'mark') {
      mark = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
      send({ type: 'marked' });
    }
    if (message.type === 'stats') {
      const cpu = process.cpuUsage(mark.cpu);
      const wallMicros = Number(process.hrtime.bigint() - mark.at) / 1000;
      send({
        type: 'stats',
        rss: process.memoryUsage().rss,
        cpuPercent: ((cpu.user + cpu.system) / wallMicros) * 100,
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  send({ type: 'ready', port });
}

// ---------------------------------------------------------------------------------------------
// Server processes
// ---------------------------------------------------------------------------------------------

const ROLES = [
  'js-bare',
  'js-static',
  'js-compress',
  'json-bare',
  'json-fastify',
  'json-compress',
  'json-gzip',
] as const;
type Role = (typeof ROLES)[number];

function listen(server: http.Server): void {
  server.listen(0, HOST, () => serveMeasurements((server.address() as AddressInfo).port));
}

/**
 * The least a correct file server does per request: pick the copy the client takes, stat it (the
 * file may change between deploys, and @fastify/static stats too), stream it.
 */
function runBareFileServer(assetsDir: string, jsName: string): void {
  const original = path.join(assetsDir, jsName);
  const url = `/assets/${jsName}`;
  listen(
    http.createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== url) {
        response.writeHead(404).end();
        return;
      }
      const accepted = request.headers['accept-encoding'] ?? '';
      const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
      const file = encoding === 'br' ? `${original}.br` : encoding === 'gzip' ? `${original}.gz` : original;
      fs.stat(file, (error, stats) => {
        if (error) {
          response.writeHead(500).end();
          return;
        }
        response.writeHead(200, {
          'content-type': 'application/javascript; charset=utf-8',
          'content-length': stats.size,
          'cache-control': 'public, max-age=31536000, immutable',
          vary: 'accept-encoding',
          ...(encoding ? { 'content-encoding': encoding } : {}),
        });
        pipeline(fs.createReadStream(file), response, () => {});
      });
    }),
  );
}

function runBareJsonServer(): void {
  const answer = portfolioAnswer();
  listen(
    http.createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== JSON_PATH) {
        response.writeHead(404).end();
        return;
      }
      // Serialised per request, as an API answer from the database is.
      const text = JSON.stringify(answer);
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
    }),
  );
}

async function runFastifyServer(role: Exclude<Role, 'js-bare' | 'json-bare'>, assetsDir: string): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const { default: fastifyCompress } = await import('@fastify/compress');
  const { default: fastifyStatic } = await import('@fastify/static');
  const app = Fastify({ logger: false });
  if (role === 'json-compress' || role === 'js-static' || role === 'js-compress') {
    // Registered before the files, as in Stegvis' buildApp, so that its onSend hook sees them.
    await app.register(fastifyCompress, { threshold: COMPRESSION_THRESHOLD_BYTES });
  }
  if (role === 'json-gzip') {
    await app.register(fastifyCompress, { threshold: COMPRESSION_THRESHOLD_BYTES, encodings: ['gzip'] });
  }
  if (role === 'js-static' || role === 'js-compress') {
    // Stegvis' options for the fingerprinted assets (registerWebFiles in src/server/app.ts).
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      preCompressed: role === 'js-static',
      immutable: true,
      maxAge: '365d',
      index: false,
      decorateReply: false,
    });
  } else {
    const answer = portfolioAnswer();
    // No response schema: Fastify serialises with JSON.stringify, the same work as the bare server.
    app.get(JSON_PATH, async () => answer);
  }
  await app.listen({ port: 0, host: HOST });
  serveMeasurements((app.server.address() as AddressInfo).port);
}

// ---------------------------------------------------------------------------------------------
// Orchestrator
// ---------------------------------------------------------------------------------------------

interface ServerProcess {
  name: string;
  child: ChildProcess;
  port: number;
  request<T extends FromServer['type']>(message: ToServer, answer: T): Promise<Extract<FromServer, { type: T }>>;
}

function startServer(name: string, role: Role, assetsDir: string, jsName: string): Promise<ServerProcess> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv,
    env: {
      ...process.env,
      [ROLE_ENV]: role,
      [ASSETS_ENV]: assetsDir,
      STEGVIS_BENCH_JS: jsName,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const request = <T extends FromServer['type']>(message: ToServer, answer: T) =>
    new Promise<Extract<FromServer, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: no '${answer}' answer`)), 10_000);
      const listener = (reply: FromServer) => {
        if (reply.type !== answer) return;
        clearTimeout(timer);
        child.off('message', listener);
        resolve(reply as Extract<FromServer, { type: T }>);
      };
      child.on('message', listener);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before it was ready`)));
    child.on('message', (message: FromServer) => {
      if (message.type === 'failed') reject(new Error(`${name} failed: ${message.message}`));
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ name, child, port: message.port, request });
    });
  });
}

/** One answer as it crossed the wire: fetch() would decode it and hide the encoding. */
function getRaw(
  port: number,
  urlPath: string,
  headers: Record<string, string>,
): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: HOST, port, path: urlPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const encoding = response.headers['content-encoding'];
        resolve({ status: response.statusCode ?? 0, encoding, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function decode(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === undefined || encoding === 'identity') return body;
  throw new Error(`unexpected content-encoding ${encoding}`);
}

interface Case {
  server: ServerProcess;
  urlPath: string;
  headers: Record<string, string>;
  /** The content-encoding this server must answer with: anything else means it measures other work. */
  expectedEncoding: string | undefined;
}

/** Fails unless the answer has the expected encoding and decodes to the original bytes; returns its size. */
async function verify(item: Case, original: Buffer): Promise<number> {
  const answer = await getRaw(item.server.port, item.urlPath, item.headers);
  const asked = item.headers['accept-encoding'] ?? 'none';
  const what = `${item.server.name} (accept-encoding: ${asked})`;
  if (answer.status !== 200) throw new Error(`${what} answered ${answer.status}`);
  if (answer.encoding !== item.expectedEncoding) {
    throw new Error(
      `${what} answered with encoding ${answer.encoding ?? 'none'}, expected ${item.expectedEncoding ?? 'none'}`,
    );
  }
  const decoded = decode(answer.encoding, answer.body);
  if (!decoded.equals(original)) {
    throw new Error(
      `${what}: the answer decodes to ${decoded.length} bytes that differ from the original ${original.length}`,
    );
  }
  return answer.body.length;
}

interface Measurement {
  name: string;
  accepted: string;
  encoding: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  bodyBytes: number;
  wireBytesPerRequest: number;
  serverCpu: number;
  loadCpu: number;
  rss: number;
}

async function measure(
  item: Case,
  bodyBytes: number,
  options: { seconds: number; warmupSeconds: number; connections: number },
): Promise<Measurement> {
  const { default: autocannon } = await import('autocannon');
  const run = (seconds: number) =>
    autocannon({
      url: `http://${HOST}:${item.server.port}${item.urlPath}`,
      connections: options.connections,
      ...runLength(seconds),
      headers: item.headers,
    });
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  await item.server.request({ type: 'mark' }, 'marked');
  const loadStart = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
  const result = await run(options.seconds);
  const loadCpu = process.cpuUsage(loadStart.cpu);
  const loadWall = Number(process.hrtime.bigint() - loadStart.at) / 1000;
  const stats = await item.server.request({ type: 'stats' }, 'stats');
  if (result.errors > 0 || result.non2xx > 0 || result.requests.total === 0) {
    // No answer within the run (or timeouts) happens when the machine is too busy for BENCH_SECONDS.
    throw new Error(
      `${item.server.name}: ${result.errors} connection errors or timeouts, ${result.non2xx} non-2xx answers, ` +
        `${result.requests.total} answers in ${options.seconds} s (a busier machine needs a longer BENCH_SECONDS)`,
    );
  }
  return {
    name: item.server.name,
    accepted: item.headers['accept-encoding'] ?? '(none)',
    encoding: item.expectedEncoding ?? 'none',
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bodyBytes,
    wireBytesPerRequest: result.throughput.total / result.requests.total,
    serverCpu: stats.cpuPercent,
    loadCpu: ((loadCpu.user + loadCpu.system) / loadWall) * 100,
    rss: stats.rss,
  };
}

/** Server CPU time per request: steadier than req/s when other work shares the machine. */
const cpuPerRequest = (row: Measurement) => (row.serverCpu / 100) * (1_000_000 / row.requestsPerSecond);

function printTable(rows: Measurement[], baselineOf: (row: Measurement) => Measurement): void {
  const header = [
    'server',
    'accept-encoding',
    'sent as',
    'req/s',
    'p50 ms',
    'p99 ms',
    'body bytes',
    'wire B/req',
    'server CPU',
    'CPU µs/req',
    'load CPU',
    'RSS MB',
    'req/s ÷ (a)',
    'CPU/req ÷ (a)',
  ];
  const lines = rows.map((row) => {
    const baseline = baselineOf(row);
    return [
      row.name,
      row.accepted,
      row.encoding,
      row.requestsPerSecond.toFixed(0),
      row.p50.toFixed(1),
      row.p99.toFixed(1),
      String(row.bodyBytes),
      row.wireBytesPerRequest.toFixed(0),
      `${row.serverCpu.toFixed(0)} %`,
      cpuPerRequest(row).toFixed(0),
      `${row.loadCpu.toFixed(0)} %`,
      (row.rss / 1024 / 1024).toFixed(0),
      (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
      (cpuPerRequest(row) / cpuPerRequest(baseline)).toFixed(2),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** The largest index-*.js: the entry chunk, the one file every first visit waits for. */
function mainChunk(assetsDir: string): string {
  const candidates = fs.existsSync(assetsDir)
    ? fs
        .readdirSync(assetsDir)
        .filter((name) => /^index-.*\.js$/.test(name))
        .filter((name) => fs.existsSync(path.join(assetsDir, `${name}.br`)))
    : [];
  if (candidates.length === 0) {
    throw new Error(`no dist/assets/index-*.js with a .br copy in ${assetsDir}: run \`npm run build\` first`);
  }
  const size = (name: string) => fs.statSync(path.join(assetsDir, name)).size;
  return candidates.reduce((a, b) => (size(b) > size(a) ? b : a));
}

/**
 * A stand-in for the main chunk in a smoke run, with the copies the build makes (brotli quality 11,
 * gzip level 9): about 100 KB of repetitive script, compressible as real code is.
 */
function smokeAssets(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-compression-bench-'));
  const lines = Array.from(
    { length: 2_000 },
    (_, index) => `export const label${index} = (value) => \`Aktivitet \${value} i steg ${index % 10}\`;`,
  );
  const source = Buffer.from(`${lines.join('\n')}\n`);
  const file = path.join(directory, 'index-smoke.js');
  fs.writeFileSync(file, source);
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(source, { level: 9 }));
  return directory;
}

async function orchestrate(): Promise<number> {
  const seconds = envNumber('BENCH_SECONDS', 5, 1);
  const warmupSeconds = envNumber('BENCH_WARMUP_SECONDS', smoke ? 0 : Math.min(2, seconds), 0);
  const connections = Math.floor(envNumber('BENCH_CONNECTIONS', smoke ? 1 : 10, 1));
  const options = { seconds, warmupSeconds, connections };

  const assetsDir = smoke ? smokeAssets() : DIST_ASSETS_DIR;
  try {
    return await compareServers(assetsDir, options);
  } finally {
    if (smoke) fs.rmSync(assetsDir, { recursive: true, force: true });
  }
}

async function compareServers(
  assetsDir: string,
  options: { seconds: number; warmupSeconds: number; connections: number },
): Promise<number> {
  const { seconds, warmupSeconds, connections } = options;
  const jsName = mainChunk(assetsDir);
  const jsFile = path.join(assetsDir, jsName);
  const jsOriginal = fs.readFileSync(jsFile);
  const jsonOriginal = Buffer.from(JSON.stringify(portfolioAnswer()));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `Main chunk ${jsName}: ${kb(jsOriginal.length)} raw, ${kb(fs.statSync(`${jsFile}.br`).size)} .br (q11), ` +
      `${kb(fs.statSync(`${jsFile}.gz`).size)} .gz (level 9). JSON answer: ${kb(jsonOriginal.length)}.`,
  );

  const servers: ServerProcess[] = [];
  try {
    const started = await Promise.all([
      startServer('(a) node:http + .br file', 'js-bare', assetsDir, jsName),
      startServer('(b) @fastify/static preCompressed', 'js-static', assetsDir, jsName),
      startServer('(c) @fastify/compress per request', 'js-compress', assetsDir, jsName),
      startServer('(a) node:http, uncompressed', 'json-bare', assetsDir, jsName),
      startServer('(b) Fastify, uncompressed', 'json-fastify', assetsDir, jsName),
      startServer('(c) @fastify/compress defaults', 'json-compress', assetsDir, jsName),
      startServer("(d) @fastify/compress ['gzip']", 'json-gzip', assetsDir, jsName),
    ]);
    servers.push(...started);
    const [jsBare, jsStatic, jsCompress, jsonBare, jsonFastify, jsonCompress, jsonGzip] = started;

    const jsUrl = `/assets/${jsName}`;
    const jsCases: Case[] = [jsBare, jsStatic, jsCompress].map((server) => ({
      server,
      urlPath: jsUrl,
      headers: ACCEPT_BOTH,
      expectedEncoding: 'br',
    }));
    const jsonCases: Case[] = [
      ...[
        [jsonBare, undefined],
        [jsonFastify, undefined],
        [jsonCompress, 'br'],
        [jsonGzip, 'gzip'],
      ].map(([server, expectedEncoding]) => ({
        server: server as ServerProcess,
        urlPath: JSON_PATH,
        headers: ACCEPT_BOTH,
        expectedEncoding: expectedEncoding as string | undefined,
      })),
      // Without accept-encoding no server may compress: this measures what compress costs when idle.
      ...[jsonBare, jsonFastify, jsonCompress, jsonGzip].map((server) => ({
        server,
        urlPath: JSON_PATH,
        headers: {},
        expectedEncoding: undefined,
      })),
    ];

    const jsSizes = await Promise.all(jsCases.map((item) => verify(item, jsOriginal)));
    const jsonSizes = await Promise.all(jsonCases.map((item) => verify(item, jsonOriginal)));
    console.log(`Verified: all ${jsCases.length + jsonCases.length} answers decode to the original bytes.`);
    console.log(
      `Measuring: ${connections} connections, ${warmupSeconds} s warm-up + ${smoke ? 'a few requests' : `${seconds} s`} ` +
        `per row, Node ${process.version}, ` +
        `${os.availableParallelism()} CPUs, load average ${os.loadavg()[0].toFixed(2)}.`,
    );
    if (os.loadavg()[0] > 0.5)
      console.log('Note: the machine is busy with other work; read the ratios, not the figures.');

    const jsRows: Measurement[] = [];
    for (const [index, item] of jsCases.entries()) jsRows.push(await measure(item, jsSizes[index], options));
    const jsonRows: Measurement[] = [];
    for (const [index, item] of jsonCases.entries()) jsonRows.push(await measure(item, jsonSizes[index], options));

    if (smoke) console.log(`\n${smokeNote}`);
    console.log(`\n1. GET ${jsUrl} (the main chunk, ${kb(jsOriginal.length)} raw)\n`);
    printTable(jsRows, () => jsRows[0]);

    console.log(`\n2. GET ${JSON_PATH} (${kb(jsonOriginal.length)} of JSON, serialised per request)\n`);
    // Each row against the bare server asked the same way.
    printTable(
      jsonRows,
      (row) => jsonRows.find((other) => other.name === jsonBare.name && other.accepted === row.accepted) ?? row,
    );

    const [, plain, brotli, gzip] = jsonRows;
    console.log('');
    for (const compressed of [brotli, gzip]) {
      const extraMicros = cpuPerRequest(compressed) - cpuPerRequest(plain);
      const saved = plain.bodyBytes - compressed.bodyBytes;
      console.log(
        `JSON as ${compressed.encoding}: ${kb(saved)} (${((saved / plain.bodyBytes) * 100).toFixed(0)} %) fewer bytes per answer ` +
          `for ${extraMicros.toFixed(0)} µs more server CPU per request than Fastify uncompressed; ` +
          `req/s ${(compressed.requestsPerSecond / plain.requestsPerSecond).toFixed(2)} × Fastify uncompressed.`,
      );
    }
    const slowest = Math.max(...[...jsRows, ...jsonRows].map((row) => row.loadCpu));
    if (slowest > 90) {
      console.log('Note: the load generator reached 90 % CPU in some run, so that row is a lower bound of the server.');
    }
    return 0;
  } finally {
    for (const server of servers) server.child.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

const role = process.env[ROLE_ENV] as Role | undefined;
if (role !== undefined && ROLES.includes(role)) {
  try {
    const assetsDir = process.env[ASSETS_ENV] as string;
    if (role === 'js-bare') runBareFileServer(assetsDir, process.env.STEGVIS_BENCH_JS as string);
    else if (role === 'json-bare') runBareJsonServer();
    else await runFastifyServer(role, assetsDir);
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
} else {
  orchestrate().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
