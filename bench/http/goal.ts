/**
 * The goal computation over HTTP on the real server: an effect goal's coverage figure from a roster
 * and a 100,000-row assessment export, sent as multipart to
 * `POST /api/projects/:id/goals/:goalId/computations`. The files have the shape coverage.bench.ts
 * generates (Swedish Excel CSV: BOM, semicolons, CRLF, åäö); that benchmark measures the computation
 * in-process, without HTTP and the database, and checks its figure. Here each upload is one request
 * at a time, since a few of them at once would measure the disk and the client more than the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { seededRandom } from '../measure.js';
import { percentile } from './load.js';
import { HOST, sampleResidentMemory } from './processes.js';
import type { Session } from './scenarios.js';

const SUBJECTS = ['Matematik', 'Svenska', 'Engelska', 'Bild', 'Idrott och hälsa'];
const FIRST_NAMES = ['Åsa', 'Örjan', 'Ärla', 'Erik', 'Lärka', 'Märta', 'Bo', 'Lina', 'Göran', 'Ylva'];
const LAST_NAMES = ['Öberg', 'Åkesson', 'Ängström', 'Nyström', 'Ek', 'Ström', 'Björk', 'Sjöberg'];
const TERM = { from: '2027-01-09', to: '2027-06-14' };

export interface GoalFiles {
  roster: string;
  events: string;
  eventRows: number;
  bytes: number;
}

const studentName = (index: number) =>
  `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]} ${index}`;

const day = (offset: number) => new Date(Date.UTC(2026, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);

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

export async function writeGoalFiles(directory: string, students: number, eventRows: number): Promise<GoalFiles> {
  const random = seededRandom(20_270_109);
  const roster = path.join(directory, 'elevregister.csv');
  const events = path.join(directory, 'bedomningar.csv');
  const rosterBytes = await writeLines(
    roster,
    (function* () {
      yield 'Elev;Klass;Ämne';
      for (let student = 0; student < students; student++) {
        for (const subject of SUBJECTS) yield `${studentName(student)};${7 + (student % 3)}A;${subject}`;
      }
    })(),
  );
  const eventBytes = await writeLines(
    events,
    (function* () {
      yield 'Elev;Ämne;Datum;Lärare';
      for (let row = 1; row <= eventRows; row++) {
        const student = Math.floor(random() * students);
        const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)];
        yield `${studentName(student)};${subject};${day(Math.floor(random() * 400))};Karin Ström`;
      }
    })(),
  );
  return { roster, events, eventRows, bytes: rosterBytes + eventBytes };
}

export interface GoalComputationResult {
  uploads: number;
  p50: number;
  max: number;
  peakRss: number;
  bytesPerUpload: number;
}

export async function measureGoalComputation(options: {
  port: number;
  pid: number;
  session: Session;
  projectId: string;
  files: GoalFiles;
  uploads: number;
}): Promise<GoalComputationResult> {
  const base = `http://${HOST}:${options.port}/api/projects/${options.projectId}`;
  const headers = { cookie: options.session.cookie, 'x-csrf-token': options.session.csrfToken };
  const created = await fetch(`${base}/goals`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'effect',
      title: 'Alla elever får bedömning i varje ämne varje termin',
      measure: 'Andel elev–ämne-par med minst en bedömning under terminen',
      unit: 'percent',
      baseline: 40,
      target: 100,
      targetDate: '2027-12-20',
    }),
  });
  const goal = (await created.json()) as { id: string };
  if (created.status !== 201) throw new Error(`creating the goal answered ${created.status}: ${JSON.stringify(goal)}`);

  const settings = {
    method: 'coverage',
    // Student × subject pairs, as coverage.bench.ts counts them (the schema without measures drops it).
    measure: 'pairs',
    columns: {
      roster: { student: 'Elev', group: 'Ämne' },
      events: { student: 'Elev', group: 'Ämne', date: 'Datum' },
    },
    period: TERM,
  };
  const upload = async () => {
    const form = new FormData();
    form.append('settings', JSON.stringify(settings));
    // Blobs backed by the files: the client streams them from disk.
    form.append('roster', await fs.openAsBlob(options.files.roster), 'elevregister.csv');
    form.append('events', await fs.openAsBlob(options.files.events), 'bedomningar.csv');
    const started = performance.now();
    const response = await fetch(`${base}/goals/${goal.id}/computations`, { method: 'POST', body: form, headers });
    const body = await response.text();
    if (response.status !== 201) throw new Error(`the goal computation answered ${response.status}: ${body}`);
    const rowsRead = (JSON.parse(body) as { rowsRead: number }).rowsRead;
    if (rowsRead < options.files.eventRows) {
      throw new Error(`the goal computation read ${rowsRead} rows of ${options.files.eventRows}`);
    }
    return performance.now() - started;
  };

  // The first upload loads the parsers; measured are those after it.
  await upload();
  const memory = sampleResidentMemory([options.pid]);
  const times: number[] = [];
  for (let run = 0; run < options.uploads; run++) times.push(await upload());
  const [peakRss] = memory.stop();
  times.sort((a, b) => a - b);
  return {
    uploads: times.length,
    p50: percentile(times, 0.5),
    max: times[times.length - 1],
    peakRss,
    bytesPerUpload: options.files.bytes,
  };
}
