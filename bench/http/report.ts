/**
 * The table and the targets of http.bench.ts (issue 15), printed and kept in the JSON. Targets are
 * judged, never asserted: the exit code says only whether the benchmark itself worked.
 */
import type { RunResult } from './load.js';

export interface RunRow extends RunResult {
  database: 'sqlite' | 'postgres';
  key: string;
  name: string;
  /** The connections asked for; a tick run may use fewer, one per activity the user may tick. */
  connections: number;
  runConnections: number;
  /** The bare run this one is compared with (req/s ratio). */
  compareWith?: string;
}

export interface TargetResult {
  target: string;
  database?: string;
  value: string;
  /** null: not judged (a smoke run, or nothing measured for it). */
  met: boolean | null;
}

export interface Report {
  startedAt: string;
  smoke: boolean;
  machine: { node: string; cpus: number; loadAverage: number };
  settings: Record<string, unknown> & { connections: number[] };
  dataSets: Record<string, { counts: Record<string, number>; seededSeconds: number }>;
  runs: RunRow[];
  goalComputations: Record<
    string,
    { uploads: number; p50: number; max: number; peakRss: number; bytesPerUpload: number }
  >;
  idleRss: Record<string, number>;
  bundle: { page: string; gzip: number; budgetKb: number }[];
  targets: TargetResult[];
  seconds: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);
const peak = (row: RunRow) => Math.max(...row.peakRss);

function printTable(header: string[], lines: string[][], numericFrom = 2): void {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column < numericFrom ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

export function printReport(report: Report): TargetResult[] {
  const { runs } = report;
  const find = (database: string, key: string, connections: number) =>
    runs.find((run) => run.database === database && run.key === key && run.connections === connections);

  console.log('');
  if (report.smoke) console.log('Smoke run (BENCH_SMOKE=1): the figures below mean nothing.');
  printTable(
    ['db', 'run', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'bytes/resp', 'peak RSS', '÷ bare', 'PG ÷ SQLite'],
    runs.map((row) => {
      const bare = row.compareWith ? find(row.database, row.compareWith, row.connections) : undefined;
      const sqlite = row.database === 'postgres' ? find('sqlite', row.key, row.connections) : undefined;
      return [
        row.database,
        row.name,
        row.runConnections === row.connections ? String(row.connections) : `${row.runConnections}*`,
        row.requestsPerSecond.toFixed(0),
        ms(row.p50),
        ms(row.p99),
        String(row.failures),
        row.bytesPerResponse.toFixed(0),
        mb(peak(row)),
        bare ? `${(row.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}×` : '',
        sqlite ? `${(row.requestsPerSecond / sqlite.requestsPerSecond).toFixed(2)}×` : '',
      ];
    }),
  );
  if (runs.some((row) => row.runConnections !== row.connections)) {
    console.log(
      '* fewer connections than asked: a tick run has one per activity the user may tick (so that no tick is a 409); ' +
        'an export run at most 10, each exporting once.',
    );
  }
  console.log('÷ bare and PG ÷ SQLite are ratios of req/s. Peak RSS: the server process (two for two instances).');

  const pages = runs.filter((row) => row.key.startsWith('page-'));
  if (pages.length > 0) {
    console.log('\nThe project page per request (p50 / p99 ms, measured by the load generator per kind):');
    const kinds = [...new Set(pages.flatMap((row) => Object.keys(row.byKind)))];
    printTable(
      ['request', ...pages.map((row) => `${row.database} ${row.key.slice(5)} @${row.connections}`)],
      kinds.map((kind) => [
        kind,
        ...pages.map((row) => {
          const stats = row.byKind[kind];
          return stats ? `${ms(stats.p50)} / ${ms(stats.p99)}` : '';
        }),
      ]),
      1,
    );
  }

  const goals = Object.entries(report.goalComputations);
  if (goals.length > 0) {
    console.log('\nThe goal computation over HTTP, one upload at a time (coverage.bench.ts measures it in-process):');
    printTable(
      ['db', 'uploads', 'p50 ms', 'max ms', 'MB sent', 'peak RSS'],
      goals.map(([database, goal]) => [
        database,
        String(goal.uploads),
        goal.p50.toFixed(0),
        goal.max.toFixed(0),
        (goal.bytesPerUpload / 1e6).toFixed(1),
        mb(goal.peakRss),
      ]),
      1,
    );
  }
  console.log(
    `\nIdle RSS after start: ${Object.entries(report.idleRss)
      .map(([database, bytes]) => `${database} ${mb(bytes)}`)
      .join(', ')}`,
  );

  const targets = judgeTargets(report, find);
  console.log('\nTargets (issue 15):');
  for (const target of targets) {
    const verdict = target.met === null ? 'not judged' : target.met ? 'met' : 'NOT met';
    console.log(`  [${verdict}] ${target.target}${target.database ? ` (${target.database})` : ''}: ${target.value}`);
  }
  return targets;
}

function judgeTargets(
  report: Report,
  find: (database: string, key: string, connections: number) => RunRow | undefined,
): TargetResult[] {
  const targets: TargetResult[] = [];
  // A smoke run's figures say nothing: its targets are listed, not judged.
  const judge = (met: boolean) => (report.smoke ? null : met);
  const lowConnections = Math.min(...report.settings.connections);
  const databases = [...new Set(report.runs.map((run) => run.database))];
  const p99Below = (target: string, keys: string[], limit: number) => {
    for (const database of databases) {
      for (const key of keys) {
        const row = find(database, key, lowConnections);
        if (!row) continue;
        targets.push({
          target: `${target} (${row.name}, ${lowConnections} conns)`,
          database,
          value: `p99 ${ms(row.p99)} ms`,
          met: judge(row.p99 < limit),
        });
      }
    }
  };
  p99Below('portfolio p99 < 100 ms', ['portfolio-admin', 'portfolio-supporter'], 100);
  p99Below('supporter Mina uppgifter p99 < 50 ms', ['tasks-supporter'], 50);
  p99Below('project page reads p99 < 20 ms', ['page-leader', 'page-supporter'], 20);

  for (const database of databases) {
    const bare = find(database, 'tick-bare', lowConnections);
    for (const key of ['tick-leader', 'tick-supporter']) {
      const row = find(database, key, lowConnections);
      if (!row || !bare) continue;
      const ratio = row.requestsPerSecond / bare.requestsPerSecond;
      targets.push({
        target: `tick ≥ 0.5× bare (${row.name}, ${lowConnections} conns)`,
        database,
        value: `${row.requestsPerSecond.toFixed(0)} ÷ ${bare.requestsPerSecond.toFixed(0)} req/s = ${ratio.toFixed(2)}×`,
        met: judge(ratio >= 0.5),
      });
    }
  }

  for (const row of report.runs.filter((run) => run.key.startsWith('mixed'))) {
    targets.push({
      target: `mixed load p99 < 250 ms and no errors (${row.name}, ${row.connections} conns)`,
      database: row.database,
      value: `p99 ${ms(row.p99)} ms, ${row.failures} failed`,
      met: judge(row.p99 < 250 && row.failures === 0),
    });
  }

  const sqliteStegvis = report.runs.filter((run) => run.database === 'sqlite' && !run.key.endsWith('-bare'));
  if (sqliteStegvis.length > 0) {
    const highest = sqliteStegvis.reduce((a, b) => (peak(b) > peak(a) ? b : a));
    const goalPeak = report.goalComputations.sqlite?.peakRss ?? 0;
    targets.push({
      target: 'RSS < 150 MB under load',
      database: 'sqlite',
      value:
        `peak ${mb(peak(highest))} (${highest.name} @${highest.runConnections})` +
        (goalPeak > 0 ? `; goal computation ${mb(goalPeak)}` : ''),
      met: judge(Math.max(peak(highest), goalPeak) < 150 * 1024 * 1024),
    });
  }

  if (databases.includes('sqlite') && databases.includes('postgres')) {
    const compared = report.runs
      .filter((run) => run.database === 'postgres' && run.connections === lowConnections && !run.key.endsWith('-bare'))
      .flatMap((run) => {
        const sqlite = find('sqlite', run.key, run.connections);
        return sqlite ? [{ name: run.name, times: sqlite.requestsPerSecond / run.requestsPerSecond }] : [];
      });
    const slower = compared.filter((entry) => entry.times > 3);
    const worst = compared.reduce((a, b) => (b.times > a.times ? b : a), compared[0]);
    if (worst) {
      targets.push({
        target: `PostgreSQL within 3× of SQLite on every endpoint (SQLite req/s ÷ PostgreSQL req/s, ${lowConnections} conns)`,
        value:
          `slowest ${worst.name} ${worst.times.toFixed(2)}×` +
          (slower.length > 0
            ? `; over 3×: ${slower.map((entry) => `${entry.name} ${entry.times.toFixed(1)}×`).join(', ')}`
            : ''),
        met: judge(slower.length === 0),
      });
    }
  }

  for (const page of report.bundle) {
    targets.push({
      target: `initial JavaScript of ${page.page} < ${page.budgetKb} kB gzipped`,
      value: `${(page.gzip / 1000).toFixed(1)} kB`,
      met: page.gzip <= page.budgetKb * 1000,
    });
  }
  return targets;
}
