/**
 * Stegvis at national scale over HTTP (issue 15): the real built server, started as in production
 * (`node scripts/start.mjs`), measured with autocannon on the national data set (seedScale: 290
 * customers), on SQLite and on PostgreSQL, at 10 and 50 connections, side by side with bare
 * `node:http` servers doing the same essential work, and against two instances behind a proxy.
 *
 *   npx tsx bench/http.bench.ts                 # everything, about 12–15 minutes on 2 cores
 *   BENCH_DATABASES=sqlite BENCH_CONNECTIONS=10 npx tsx bench/http.bench.ts
 *
 * Environment: BENCH_SECONDS (each measured run, default 8), BENCH_MIXED_SECONDS (the mixed load,
 * default 20), BENCH_DATABASES (default sqlite,postgres), BENCH_CONNECTIONS (default 10,50),
 * BENCH_CUSTOMERS (default 290), BENCH_OUTPUT (the JSON, default .tmp/bench/http.json), PG_BIN
 * (see scripts/postgres.ts). BENCH_SMOKE=1 (smoke.ts): 3 customers, a few requests per run, both
 * databases; bench/benchmarks.test.ts runs it in `npm test`, where PostgreSQL must be installed.
 *
 * Per database: the data set is seeded once through the app in this process (SQLite file under the
 * temporary folder; PostgreSQL from scripts/postgres.ts), the app closed, and then the server under
 * test, the bare server and the load generator (this process) run as separate processes. Measured per
 * run: req/s, p50 and p99 latency (autocannon), answers outside 2xx and errors, bytes per answer
 * (headers included; no Accept-Encoding is sent, so the answers are not compressed, as for the bare
 * servers) and the server's peak resident memory, read from /proc/<pid>/status every 100 ms.
 *
 * What is sent (see http/scenarios.ts): every request the project page makes on load, as the
 * customer's Projektledare on their project and as the vendor's Projektstödjare over every project;
 * the checklist as the vendor admin beside the bare server's; ticks, each a real versioned update of
 * an activity no other connection holds, with the version of the previous answer, so none is a 409;
 * the portfolio as the admin and as the supporter; Mina uppgifter; a revision comparison; Word and
 * PDF exports; the 100,000-row goal computation (one upload at a time); a mixed load at 50
 * connections; and the same mixed load against two instances on one PostgreSQL behind http/proxy.ts.
 *
 * Every answer in every run must be 2xx, or the benchmark is broken and exits 1. No timing fails
 * it: the targets of issue 15 are printed as met or not met.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISSING_POSTGRES, startPostgres, type ThrowawayPostgres } from '../scripts/postgres.js';
import { checkContract, describeDifferences, differences } from './bare/checklist.js';
import { type BenchDataSet, seedDatabase } from './http/data.js';
import { type GoalComputationResult, measureGoalComputation, writeGoalFiles } from './http/goal.js';
import { type NextRequest, type RunResult, runLoad } from './http/load.js';
import { HOST, type RunningProcess, residentBytes, startBare, startProxy, startStegvis } from './http/processes.js';
import { printReport, type Report, type RunRow } from './http/report.js';
import {
  get,
  getJson,
  MIXED_WEIGHTS,
  mixedLoad,
  pageLoads,
  projectPages,
  rotate,
  type Session,
  signIn,
  TickPool,
  ticks,
} from './http/scenarios.js';
import { smoke, smokeNote } from './smoke.js';

type DatabaseKind = 'sqlite' | 'postgres';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got ${raw}`);
  return value;
}

function envList<T extends string>(name: string, fallback: T[], allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const items = raw.split(',').map((item) => item.trim()) as T[];
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length > 0) throw new Error(`${name}: unknown ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`);
  return items;
}

const settings = {
  seconds: envNumber('BENCH_SECONDS', 8, 1),
  mixedSeconds: envNumber('BENCH_MIXED_SECONDS', 20, 1),
  databases: envList<DatabaseKind>('BENCH_DATABASES', ['sqlite', 'postgres'], ['sqlite', 'postgres']),
  connections: (process.env.BENCH_CONNECTIONS ?? (smoke ? '2' : '10,50')).split(',').map((item) => {
    const value = Number(item);
    if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_CONNECTIONS: ${item} is not a count`);
    return value;
  }),
  customers: envNumber('BENCH_CUSTOMERS', smoke ? 3 : 290, 1),
  output: path.resolve(ROOT, process.env.BENCH_OUTPUT ?? '.tmp/bench/http.json'),
  goalRows: smoke ? 2_000 : 100_000,
  goalStudents: smoke ? 100 : 4_000,
  goalUploads: smoke ? 1 : 3,
  // None in a smoke run: its three projects are the leader's, a closed one and the supporter's to tick.
  otherLeaders: smoke ? 0 : 30,
  /** Projects the supporter's tick pool is drawn from: enough activities for 50 connections. */
  tickProjects: smoke ? 3 : 30,
};

interface Prepared {
  data: BenchDataSet;
  databaseUrl: string;
}

const say = (message: string) => console.log(message);
const MAX_EXPORTS_AT_ONCE = 10;

/**
 * Everything this run started, for a stop by signal (run-all.ts stops a smoke run that hangs with
 * SIGTERM): the server is not a forked child that leaves with its parent, and PostgreSQL would stay.
 */
const cleanups = new Set<() => Promise<void> | void>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping the servers this benchmark started …`);
    Promise.allSettled([...cleanups].map((cleanup) => cleanup())).finally(() => process.exit(1));
  });
}

async function prepareDatabase(
  kind: DatabaseKind,
  directory: string,
  postgres: () => Promise<ThrowawayPostgres>,
): Promise<Prepared> {
  const databaseUrl =
    kind === 'sqlite' ? path.join(directory, 'stegvis.db') : (await postgres()).createDatabase('stegvis_bench');
  say(`[${kind}] seeding ${settings.customers} customers …`);
  const data = await seedDatabase({
    databaseUrl,
    customers: settings.customers,
    otherLeaders: settings.otherLeaders,
    outboxDir: path.join(directory, 'outbox'),
    onProgress: (message) => say(`  ${message}`),
  });
  say(`[${kind}] seeded in ${data.seconds.toFixed(0)} s: ${JSON.stringify(data.counts)}`);
  return { data, databaseUrl };
}

/** Stegvis' checklist for the admin and the bare server's, the same to the byte or named per field. */
async function verifyBareChecklist(
  stegvis: RunningProcess,
  bare: RunningProcess,
  admin: Session,
  projectIds: string[],
) {
  for (const projectId of projectIds) {
    const urlPath = `/api/projects/${projectId}/activities`;
    const [ours, theirs] = await Promise.all(
      [stegvis, bare].map(async (server) => {
        const response = await fetch(`http://${HOST}:${server.port}${urlPath}`, { headers: { cookie: admin.cookie } });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${server.name} ${urlPath} answered ${response.status}: ${body}`);
        return body;
      }),
    );
    if (ours === theirs) continue;
    const [ourAnswer, bareAnswer] = [JSON.parse(ours), JSON.parse(theirs)];
    await checkContract('Stegvis', urlPath, ourAnswer);
    await checkContract('bare', urlPath, bareAnswer);
    const found = differences(ourAnswer, bareAnswer);
    if (found.length > 0) {
      throw new Error(
        `${urlPath}: the bare server's checklist differs from Stegvis' (it must build what Stegvis does):\n` +
          describeDifferences(found, 'Stegvis', 'bare'),
      );
    }
  }
}

interface Measured {
  rows: RunRow[];
  goal?: GoalComputationResult;
  idleRss: number;
}

async function measureDatabase(kind: DatabaseKind, prepared: Prepared, directory: string): Promise<Measured> {
  const { data, databaseUrl } = prepared;
  const stegvisSettings = {
    databaseUrl,
    admin: data.admin,
    outboxDir: path.join(directory, 'outbox'),
  };
  const processes: RunningProcess[] = [];
  const rows: RunRow[] = [];
  const stopAll = async () => {
    for (const child of processes.reverse()) await child.stop();
  };
  cleanups.add(stopAll);
  try {
    say(`[${kind}] starting the server (node scripts/start.mjs; builds first when the sources changed) …`);
    const stegvis = await startStegvis(`Stegvis (${kind})`, stegvisSettings);
    processes.push(stegvis);
    const bare = await startBare(`bare node:http + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`, databaseUrl);
    processes.push(bare);
    const port = stegvis.port;

    const admin = await signIn(port, 'admin', data.admin);
    const supporter = await signIn(port, 'supporter', data.supporter);
    const leader = await signIn(port, 'customer leader', data.customerLeader);
    const others = await Promise.all(
      data.otherLeaders.map((login, index) => signIn(port, `customer leader ${index + 2}`, login)),
    );

    say(`[${kind}] preparing requests …`);
    // The data set's supporter is on every project; the list is the server's, so that a project they
    // do not support would show as fewer projects rather than as 404s.
    const supporterProjects = await getJson<{ items: { id: string }[] }>(port, supporter, '/api/projects');
    const supporterPages = await projectPages(
      port,
      supporter,
      supporterProjects.items.map((project) => project.id),
    );
    const openProjectIds = supporterPages.filter((page) => page.open).map((page) => page.projectId);
    const leaderPages = await projectPages(port, leader, [data.customerLeader.projectId]);
    const otherLeaderPages = await Promise.all(
      others.map(
        async (session, index) => (await projectPages(port, session, [data.otherLeaders[index].projectId]))[0],
      ),
    );

    // Ticks: the customer leader on their project; the supporter over several open projects; the
    // bare server, as the admin, over the same activities as the supporter.
    const spread = (ids: string[], count: number) =>
      ids.filter((_, index) => index % Math.max(1, Math.floor(ids.length / count)) === 0).slice(0, count);
    // Not the customer leaders' projects: in the mixed load their pools and the supporter's would
    // lend out the same activity (one a role on either side names) to two connections at once.
    const leaderProjectIds = new Set([
      data.customerLeader.projectId,
      ...data.otherLeaders.map((login) => login.projectId),
    ]);
    const supporterTickProjects = spread(
      openProjectIds.filter((id) => !leaderProjectIds.has(id)),
      settings.tickProjects,
    );
    const leaderPool = new TickPool('the customer leader', [data.customerLeader.projectId]);
    const supporterPool = new TickPool('the supporter', supporterTickProjects);
    const barePool = new TickPool('the bare server', supporterTickProjects);
    const otherPools = others.map((session, index) => ({
      session,
      pool: new TickPool(session.who, [data.otherLeaders[index].projectId]),
    }));

    const [fromRevision, toRevision] = [
      data.sampleRevisionNumbers[0],
      data.sampleRevisionNumbers[data.sampleRevisionNumbers.length - 1],
    ];
    const comparison = get(
      supporter,
      `/api/projects/${data.sampleProjectId}/revisions/compare?from=${fromRevision}&to=${toRevision}`,
    );
    const exportProjects = openProjectIds.slice(0, Math.min(20, openProjectIds.length));
    const docx = exportProjects.map((id) => get(supporter, `/api/projects/${id}/plan/export.docx`));
    const pdf = exportProjects.map((id) => get(supporter, `/api/projects/${id}/plan/export.pdf`));
    const checklists = data.projectIds.map((id) => get(admin, `/api/projects/${id}/activities`));

    await verifyBareChecklist(
      stegvis,
      bare,
      admin,
      smoke ? data.projectIds : data.projectIds.filter((_, index) => index % 29 === 0),
    );
    say(`[${kind}] the bare server's checklist equals Stegvis' for the admin`);

    const idleRss = residentBytes(stegvis.pid);
    interface Scenario {
      key: string;
      name: string;
      server: RunningProcess;
      next: () => NextRequest;
      /** Ticks: refreshed before the run; the connections are capped at the pool's size. */
      pool?: { pool: TickPool; session: Session };
      timeoutSeconds?: number;
      /**
       * Exports: one per connection instead of a duration, since a single one can take longer than a
       * run under load, and those still running when it ends would only be cut off.
       */
      onePerConnection?: boolean;
      compareWith?: string;
    }
    const scenarios: Scenario[] = [
      {
        key: 'page-leader',
        name: 'project page, customer leader',
        server: stegvis,
        next: () => pageLoads(leaderPages),
      },
      {
        key: 'page-supporter',
        name: 'project page, supporter (all projects)',
        server: stegvis,
        next: () => pageLoads(supporterPages),
      },
      {
        key: 'checklist-admin',
        name: 'checklist, admin',
        server: stegvis,
        next: () => rotate(checklists),
        compareWith: 'checklist-bare',
      },
      { key: 'checklist-bare', name: 'checklist, bare', server: bare, next: () => rotate(checklists) },
      {
        key: 'tick-leader',
        name: 'tick, customer leader',
        server: stegvis,
        next: () => ticks(leaderPool, leader),
        pool: { pool: leaderPool, session: leader },
        compareWith: 'tick-bare',
      },
      {
        key: 'tick-supporter',
        name: 'tick, supporter',
        server: stegvis,
        next: () => ticks(supporterPool, supporter),
        pool: { pool: supporterPool, session: supporter },
        compareWith: 'tick-bare',
      },
      {
        key: 'tick-bare',
        name: 'tick, bare',
        server: bare,
        next: () => ticks(barePool, admin),
        pool: { pool: barePool, session: admin },
      },
      {
        key: 'portfolio-admin',
        name: 'portfolio, admin',
        server: stegvis,
        next: () => rotate([get(admin, '/api/portfolio')]),
      },
      {
        key: 'portfolio-supporter',
        name: 'portfolio, supporter',
        server: stegvis,
        next: () => rotate([get(supporter, '/api/portfolio')]),
      },
      {
        key: 'tasks-supporter',
        name: 'Mina uppgifter, supporter',
        server: stegvis,
        next: () => rotate([get(supporter, '/api/me/tasks')]),
      },
      {
        key: 'tasks-leader',
        name: 'Mina uppgifter, customer leader',
        server: stegvis,
        next: () => rotate([get(leader, '/api/me/tasks')]),
      },
      { key: 'revision-compare', name: 'revision comparison', server: stegvis, next: () => rotate([comparison]) },
      {
        key: 'export-docx',
        name: 'Word export',
        server: stegvis,
        next: () => rotate(docx),
        timeoutSeconds: 300,
        onePerConnection: true,
      },
      {
        key: 'export-pdf',
        name: 'PDF export',
        server: stegvis,
        next: () => rotate(pdf),
        timeoutSeconds: 300,
        onePerConnection: true,
      },
    ];

    // Loads the code paths once before anything is measured, as a server in use has.
    if (!smoke) {
      say(`[${kind}] warming up …`);
      for (const scenario of scenarios) {
        if (scenario.pool) await scenario.pool.pool.refresh(port, scenario.pool.session);
        const warm = await runLoad({
          port: scenario.server.port,
          connections: 2,
          seconds: 1,
          amount: scenario.key.startsWith('export') ? 4 : 40,
          next: scenario.next(),
          pids: [scenario.server.pid],
          timeoutSeconds: 300,
        });
        if (warm.failures > 0) throw new Error(`warm-up of ${scenario.name}: ${warm.firstFailure}`);
      }
    }

    for (const connections of settings.connections) {
      for (const scenario of scenarios) {
        // Exports at most ten at once: fifty PDF renders on two cores keep the event loop busy past
        // Node's 60 s headersTimeout, and requests waiting behind them are answered 408. A smoke run
        // exports once: a cold PDF export alone takes seconds on a busy machine.
        const exportsAtOnce = smoke ? 1 : MAX_EXPORTS_AT_ONCE;
        let runConnections = scenario.onePerConnection ? Math.min(connections, exportsAtOnce) : connections;
        if (scenario.pool) {
          await scenario.pool.pool.refresh(port, scenario.pool.session);
          runConnections = Math.min(connections, scenario.pool.pool.size);
          if (runConnections === 0) throw new Error(`${scenario.name}: ${scenario.pool.pool.who} may tick nothing`);
        }
        const result = await runLoad({
          port: scenario.server.port,
          connections: runConnections,
          seconds: settings.seconds,
          amount: scenario.onePerConnection ? runConnections : undefined,
          next: scenario.next(),
          pids: [scenario.server.pid],
          timeoutSeconds: scenario.timeoutSeconds,
        });
        const row = toRow(kind, scenario.key, scenario.name, connections, runConnections, result, scenario.compareWith);
        rows.push(row);
        say(`  ${describeRow(row)}`);
      }
    }

    // The mixed load at 50 connections (or the largest asked for), on this one instance.
    const mixedConnections = Math.max(...settings.connections, smoke ? 2 : 50);
    const mixedParts = {
      supporterPages: supporterPages.filter((page) => page.open),
      leaderPages: [...leaderPages, ...otherLeaderPages],
      supporterTicks: { pool: supporterPool, session: supporter },
      leaderTicks: [{ pool: leaderPool, session: leader }, ...otherPools],
      myTasks: [supporter, leader, ...others].map((session) => get(session, '/api/me/tasks')),
      portfolio: [get(admin, '/api/portfolio'), get(supporter, '/api/portfolio')],
      comparison,
      exports: [...docx.slice(0, 3), ...pdf.slice(0, 3)],
    };
    const refreshMixedPools = async () => {
      await supporterPool.refresh(port, supporter);
      await leaderPool.refresh(port, leader);
      for (const { pool, session } of otherPools) await pool.refresh(port, session);
    };
    await refreshMixedPools();
    const mixed = await runLoad({
      port,
      connections: mixedConnections,
      seconds: settings.mixedSeconds,
      next: mixedLoad(mixedParts),
      pids: [stegvis.pid],
      timeoutSeconds: 300,
    });
    const mixedRow = toRow(kind, 'mixed', 'mixed load, 1 instance', mixedConnections, mixedConnections, mixed);
    rows.push(mixedRow);
    say(`  ${describeRow(mixedRow)}`);

    let goal: GoalComputationResult | undefined;
    {
      const files = await writeGoalFiles(directory, settings.goalStudents, settings.goalRows);
      goal = await measureGoalComputation({
        port,
        pid: stegvis.pid,
        session: admin,
        projectId: data.customerLeader.projectId,
        files,
        uploads: settings.goalUploads,
      });
      say(
        `  goal computation over ${settings.goalRows.toLocaleString('en')} rows: p50 ${goal.p50.toFixed(0)} ms, ` +
          `max ${goal.max.toFixed(0)} ms, peak RSS ${(goal.peakRss / 1024 / 1024).toFixed(0)} MB`,
      );
    }

    // Two instances on one PostgreSQL behind a round-robin proxy; sessions are valid on both.
    if (kind === 'postgres') {
      await bare.stop();
      const second = await startStegvis(`Stegvis 2 (${kind})`, stegvisSettings);
      processes.push(second);
      const proxy = await startProxy('round-robin proxy', [stegvis, second]);
      processes.push(proxy);
      await refreshMixedPools();
      const twoInstances = await runLoad({
        port: proxy.port,
        connections: mixedConnections,
        seconds: settings.mixedSeconds,
        next: mixedLoad(mixedParts),
        pids: [stegvis.pid, second.pid],
        timeoutSeconds: 300,
      });
      const row = toRow(
        kind,
        'mixed-two',
        'mixed load, 2 instances + proxy',
        mixedConnections,
        mixedConnections,
        twoInstances,
      );
      rows.push(row);
      say(`  ${describeRow(row)}`);
    }
    return { rows, goal, idleRss };
  } catch (error) {
    for (const child of processes) {
      const tail = child.output().trim();
      if (tail) console.error(`--- ${child.name}, last output ---\n${tail.split('\n').slice(-30).join('\n')}`);
    }
    throw error;
  } finally {
    await stopAll();
    cleanups.delete(stopAll);
  }
}

function toRow(
  database: DatabaseKind,
  key: string,
  name: string,
  connections: number,
  runConnections: number,
  result: RunResult,
  compareWith?: string,
): RunRow {
  return { database, key, name, connections, runConnections, compareWith, ...result };
}

const describeRow = (row: RunRow) =>
  `${row.name} @${row.runConnections}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${row.p50.toFixed(1)} ms, ` +
  `p99 ${row.p99.toFixed(1)} ms, ${row.failures} failed, ${(Math.max(...row.peakRss) / 1024 / 1024).toFixed(0)} MB` +
  (row.failures > 0 ? `\n    first failure: ${row.firstFailure}` : '');

async function bundleSizes() {
  const { measureCurrentBuild } = await import('../scripts/bundle-budget.mjs');
  return measureCurrentBuild().map((page) => ({ page: page.page, gzip: page.gzip, budgetKb: page.budgetKb }));
}

async function main(): Promise<number> {
  if (smoke) say(smokeNote);
  const started = Date.now();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-http-bench-'));
  let postgres: ThrowawayPostgres | undefined;
  const startPostgresOnce = async () => {
    postgres ??= await startPostgres().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(message.includes(MISSING_POSTGRES) ? MISSING_POSTGRES : message);
    });
    const started = postgres;
    cleanups.add(() => started.stop());
    return started;
  };
  const report: Report = {
    startedAt: new Date(started).toISOString(),
    smoke,
    machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg()[0] },
    settings: { ...settings, mixedWeights: MIXED_WEIGHTS },
    dataSets: {},
    runs: [],
    goalComputations: {},
    idleRss: {},
    bundle: [],
    targets: [],
    seconds: 0,
  };
  try {
    say(
      `HTTP benchmark: ${settings.databases.join(' and ')}, ${settings.connections.join(' and ')} connections, ` +
        `${smoke ? 'a few requests' : `${settings.seconds} s`} per run; Node ${process.version}, ${os.cpus().length} CPUs, ` +
        `load average ${os.loadavg()[0].toFixed(2)}`,
    );
    for (const kind of settings.databases) {
      const prepared = await prepareDatabase(kind, directory, startPostgresOnce);
      report.dataSets[kind] = { counts: prepared.data.counts, seededSeconds: prepared.data.seconds };
      const measured = await measureDatabase(kind, prepared, directory);
      report.runs.push(...measured.rows);
      if (measured.goal) report.goalComputations[kind] = measured.goal;
      report.idleRss[kind] = measured.idleRss;
    }
    report.bundle = await bundleSizes();
    report.seconds = (Date.now() - started) / 1000;
    report.targets = printReport(report);
    fs.mkdirSync(path.dirname(settings.output), { recursive: true });
    fs.writeFileSync(settings.output, `${JSON.stringify(report, null, 2)}\n`);
    say(`\nJSON: ${path.relative(process.cwd(), settings.output)}; ${report.seconds.toFixed(0)} s in all.`);
    const failed = report.runs.filter((run) => run.failures > 0);
    if (failed.length > 0) {
      console.error(
        `\nThe benchmark is broken: answers outside 2xx or errors in ${failed
          .map((run) => `${run.database} ${run.name} @${run.runConnections} (${run.firstFailure})`)
          .join('; ')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    postgres?.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
