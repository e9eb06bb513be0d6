/**
 * Benchmark of computing an effect goal's figure from uploaded exports (issue 7): the coverage of a
 * 20 000-entry roster (4 000 students × 5 subjects) by a 100 000-row assessment export, both Swedish
 * Excel CSV (BOM, semicolons, CRLF, åäö).
 *
 *   npm run bench                     # the activities benchmark, then this one
 *   npx tsx bench/coverage.bench.ts   # this one alone
 *
 * Environment: BENCH_EVENT_ROWS (default 100000), BENCH_STUDENTS (default 4000; five subjects each).
 * BENCH_SMOKE=1 (see smoke.ts): 2 000 rows over 100 students, to check in seconds that it still works.
 *
 * Two runs on the same generated files:
 * - the computation itself, `computeFromUploads` fed with file streams: the code path the route
 *   uses (streaming parser and accumulator), without HTTP or the database;
 * - the whole route, `POST /api/projects/:id/goals/:goalId/computations`, on a listening server
 *   with a SQLite file, the files sent as multipart from disk.
 * Each reports wall time, CPU time, and the peak RSS and heap sampled every 5 ms above what the
 * process held before the run. The files are generated as streams, so that their size does not
 * show in the figures. The expected figure is counted while generating; a different answer
 * fails the benchmark (exit code 1). No timing is asserted.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Computation } from '../src/shared/measurements.js';
import { type Measurement, measure, seededRandom } from './measure.js';
import { smoke, smokeNote } from './smoke.js';

const HOST = '127.0.0.1';
const SUBJECTS = ['Matematik', 'Svenska', 'Engelska', 'Bild', 'Idrott och hälsa'];
const FIRST_NAMES = ['Åsa', 'Örjan', 'Ärla', 'Erik', 'Lärka', 'Märta', 'Bo', 'Lina', 'Göran', 'Ylva'];
const LAST_NAMES = ['Öberg', 'Åkesson', 'Ängström', 'Nyström', 'Ek', 'Ström', 'Björk', 'Sjöberg'];
const TERM = { from: '2027-01-09', to: '2027-06-14' };
// Every so many rows a date nobody can read, as real exports have.
const UNREADABLE_EVERY = 997;

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be a whole number ≥ ${min}, got ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return value;
}

const studentName = (index: number) =>
  `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]} ${index}`;

const day = (offset: number) => new Date(Date.UTC(2026, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Writes lines to a file as a stream, waiting when the disk is behind. */
async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write('\uFEFF');
  for (const line of lines) {
    if (!out.write(`${line}\r\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  return fs.statSync(file).size;
}

interface DataSet {
  roster: string;
  events: string;
  rosterEntries: number;
  eventRows: number;
  rosterBytes: number;
  eventBytes: number;
  expectedCovered: number;
  expectedRejected: number;
}

async function generateFiles(directory: string, students: number, eventRows: number): Promise<DataSet> {
  const random = seededRandom(20_270_109);
  const roster = path.join(directory, 'elevregister.csv');
  const rosterBytes = await writeLines(
    roster,
    (function* () {
      yield 'Elev;Klass;Ämne';
      for (let student = 0; student < students; student++) {
        for (const subject of SUBJECTS) yield `${studentName(student)};${7 + (student % 3)}A;${subject}`;
      }
    })(),
  );

  const covered = new Set<string>();
  let rejected = 0;
  const events = path.join(directory, 'bedomningar.csv');
  const eventBytes = await writeLines(
    events,
    (function* () {
      yield 'Elev;Ämne;Datum;Lärare';
      for (let row = 1; row <= eventRows; row++) {
        const student = Math.floor(random() * students);
        const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)];
        const date = day(Math.floor(random() * 400));
        const name = row % 3 === 0 ? studentName(student).toLocaleUpperCase('sv') : studentName(student);
        if (row % UNREADABLE_EVERY === 0) {
          rejected += 1;
          yield `${name};${subject};31/31/2027;Karin Ström`;
          continue;
        }
        if (date >= TERM.from && date <= TERM.to) covered.add(`${student}|${subject}`);
        yield `${name};${subject};${row % 2 === 0 ? date : `${date} 08:15`};Karin Ström`;
      }
    })(),
  );

  return {
    roster,
    events,
    rosterEntries: students * SUBJECTS.length,
    eventRows,
    rosterBytes,
    eventBytes,
    expectedCovered: covered.size,
    expectedRejected: rejected,
  };
}

type NamedMeasurement = Measurement & { name: string };

/** Runs `work` while sampling memory; peaks are reported above what the process held before. */
async function measureNamed<T>(
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; measurement: NamedMeasurement }> {
  const { result, measurement } = await measure(work);
  return { result, measurement: { name, ...measurement } };
}

const settings = {
  method: 'coverage' as const,
  // The pair share, as the data set's expected figure counts covered student × subject pairs.
  measure: 'pairs' as const,
  columns: {
    roster: { student: 'Elev', group: 'Ämne' },
    events: { student: 'Elev', group: 'Ämne', date: 'Datum' },
  },
  period: TERM,
};

async function computeDirectly(data: DataSet) {
  const { computeFromUploads } = await import('../src/server/measurements/files/compute.js');
  async function* parts() {
    yield { type: 'field' as const, name: 'settings', value: JSON.stringify(settings) };
    for (const [name, file] of [
      ['roster', data.roster],
      ['events', data.events],
    ] as const) {
      const stream = fs.createReadStream(file);
      yield { type: 'file' as const, name, fileName: path.basename(file), stream };
      // The route's multipart reader moves on only once a file is consumed; so does this.
      await finished(stream);
    }
  }
  return (await computeFromUploads(parts(), 'percent')).figure;
}

/** A unique organisation number with a valid check digit. */
async function organisationNumber(): Promise<string> {
  const { hasValidLuhnChecksum } = await import('../src/shared/common.js');
  const body = '212000999';
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(body + digit)) as string;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

async function startServer(directory: string) {
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config/config.js');
  const { createUser } = await import('../src/server/auth/service.js');
  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: path.join(directory, 'stegvis.db') }),
    web: undefined,
  };
  const app = await buildApp(config);
  const admin = { email: 'bench-admin@exempel.se', password: 'bench-losenord-123', name: 'Anna Administratör' };
  await createUser(app.stegvis, { ...admin, role: 'vendor_admin' });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: admin.email, password: admin.password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed with ${login.statusCode}: ${login.body}`);
  const headers = {
    cookie: login.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '),
    'x-csrf-token': login.json().csrfToken as string,
  };
  const post = async (url: string, payload: object) => {
    const response = await app.inject({ method: 'POST', url, payload, headers });
    if (response.statusCode !== 201) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    return response.json() as { id: string };
  };
  const customer = await post('/api/customers', {
    name: 'Åkerby kommun',
    organisationNumber: await organisationNumber(),
  });
  const project = await post('/api/projects', { customerId: customer.id });
  const goal = await post(`/api/projects/${project.id}/goals`, {
    kind: 'effect',
    title: 'Alla elever får bedömning i varje ämne varje termin',
    measure: 'Andel elev–ämne-par med minst en bedömning under terminen',
    unit: 'percent',
    baseline: 40,
    target: 100,
    targetDate: '2027-12-20',
  });
  await app.listen({ port: 0, host: HOST });
  const port = (app.server.address() as AddressInfo).port;
  return { app, headers, url: `http://${HOST}:${port}/api/projects/${project.id}/goals/${goal.id}/computations` };
}

async function computeOverHttp(server: Awaited<ReturnType<typeof startServer>>, data: DataSet): Promise<Computation> {
  const form = new FormData();
  form.append('settings', JSON.stringify(settings));
  // Blobs backed by the files: the client streams them from disk too.
  form.append('roster', await fs.openAsBlob(data.roster), 'elevregister.csv');
  form.append('events', await fs.openAsBlob(data.events), 'bedomningar.csv');
  const response = await fetch(server.url, { method: 'POST', body: form, headers: server.headers });
  const body = await response.text();
  if (response.status !== 201) throw new Error(`the route answered ${response.status}: ${body}`);
  return JSON.parse(body);
}

function check(name: string, figure: Pick<Computation, 'numerator' | 'denominator' | 'rejected'>, data: DataSet) {
  const expected = { covered: data.expectedCovered, total: data.rosterEntries, rejected: data.expectedRejected };
  const actual = { covered: figure.numerator, total: figure.denominator, rejected: figure.rejected.count };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function printTable(rows: NamedMeasurement[]): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const header = ['run', 'time', 'CPU', 'peak RSS +', 'peak heap +', 'RSS before', 'heap before'];
  const lines = rows.map((row) => [
    row.name,
    `${(row.milliseconds / 1000).toFixed(2)} s`,
    `${(row.cpuMilliseconds / 1000).toFixed(2)} s`,
    mb(row.peakRss),
    mb(row.peakHeap),
    mb(row.baseRss),
    mb(row.baseHeap),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<number> {
  const eventRows = envNumber('BENCH_EVENT_ROWS', smoke ? 2_000 : 100_000, 1);
  const students = envNumber('BENCH_STUDENTS', smoke ? 100 : 4_000, 1);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-coverage-bench-'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const data = await generateFiles(directory, students, eventRows);
    console.log(
      `Coverage of a ${data.rosterEntries.toLocaleString('en')}-entry roster (${(data.rosterBytes / 1e6).toFixed(1)} MB) ` +
        `by ${data.eventRows.toLocaleString('en')} assessment rows (${(data.eventBytes / 1e6).toFixed(1)} MB), ` +
        `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`,
    );
    if (os.loadavg()[0] > os.cpus().length) {
      console.log('Note: the machine is busy with other work; times will be longer than on an idle machine.');
    }

    // A small run first loads the modules, so that the measured run does not count their compiling.
    const warmUp = await generateFiles(fs.mkdtempSync(path.join(directory, 'warm-up-')), 10, 100);
    await computeDirectly(warmUp);
    const direct = await measureNamed('computation (streams)', () => computeDirectly(data));
    check('computation', direct.result, data);

    const listening = await startServer(directory);
    server = listening;
    await computeOverHttp(listening, warmUp);
    const http = await measureNamed('HTTP route (listen)', () => computeOverHttp(listening, data));
    check('HTTP route', http.result, data);

    console.log('');
    if (smoke) console.log(smokeNote);
    printTable([direct.measurement, http.measurement]);
    console.log('');
    console.log(
      `Figure: ${direct.result.value} % (${direct.result.numerator} of ${direct.result.denominator} covered), ` +
        `${direct.result.rowsRead.toLocaleString('en')} rows read, ${direct.result.rejected.count} rejected.`,
    );
    console.log(
      `Process peak RSS over the whole benchmark (generation, both runs, server): ` +
        `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`,
    );
    console.log('The HTTP run measures client and server in one process; the files stream from disk on both sides.');
    return 0;
  } finally {
    await server?.app.close();
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
