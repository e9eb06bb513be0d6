import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Computation, ComputationSettingsInput, FileInspection } from '../../../shared/measurements.js';
import { newId } from '../../core/ids.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../../test-support/app.js';
import { createCustomer, createEffectGoal, createPerson, createProject } from '../../test-support/factories.js';
import { loginAsMember } from '../../test-support/members.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

type Part = { name: string; value: string } | { name: string; fileName: string; content: Buffer | string };

/** A multipart/form-data body with the parts in the order given, as a browser's FormData sends them. */
function multipart(parts: Part[]) {
  const boundary = '----stegvis-measurement-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const term = { from: '2027-01-09', to: '2027-06-14' };
const coverageSettings: ComputationSettingsInput = {
  method: 'coverage',
  measure: 'pairs',
  columns: {
    roster: { student: 'Elev', group: 'Ämne' },
    events: { student: 'Elev', group: 'Ämne', date: 'Datum' },
  },
  period: term,
};
const shareSettings: ComputationSettingsInput = {
  method: 'share_by_date',
  measure: 'byDate',
  columns: { records: { label: 'Elev', date: 'Registrerad' } },
  byDate: '2027-03-31',
};

let testApp: TestApp;
let admin: Agent;
let customerId: string;
let projectId: string;
let goalId: string;

async function setUp(env?: Record<string, string>) {
  testApp = await createTestApp({ clock: { now: () => new Date('2027-06-15T08:00:00.000Z') }, env });
  admin = await loginAs(testApp.app);
  customerId = (await createCustomer(admin, { name: 'Åkerby kommun' })).id;
  projectId = (await createProject(admin, customerId)).id;
  goalId = (await createEffectGoal(admin, projectId)).id;
}
afterEach(() => testApp.close());

const goalUrl = (goal = goalId, project = projectId) => `/api/projects/${project}/goals/${goal}`;

const inspect = (agent: Agent, fileName: string, content: Buffer | string, goal?: string) =>
  agent.request({
    method: 'POST',
    url: `${goalUrl(goal)}/measurement-files/inspect`,
    ...multipart([{ name: 'file', fileName, content }]),
  });

const compute = (agent: Agent, parts: Part[], goal?: string) =>
  agent.request({ method: 'POST', url: `${goalUrl(goal)}/computations`, ...multipart(parts) });

const coverageParts = (
  events: { fileName: string; content: Buffer | string } = {
    fileName: 'bedomningar.csv',
    content: fixture('bedomningar.csv'),
  },
  settings: object = coverageSettings,
): Part[] => [
  { name: 'settings', value: JSON.stringify(settings) },
  { name: 'roster', fileName: 'elevregister.csv', content: fixture('elevregister.csv') },
  { name: 'events', ...events },
];

const NBSP = '\u00a0';

/** What the fixtures give for the spring term 2027: see fixtures/*.csv line by line. */
const unreadableRows = (eventsFile: string) => [
  { file: 'elevregister.csv', line: 13, value: '', reason: "Kolumnen 'Elev' är tom" },
  {
    file: 'elevregister.csv',
    line: 14,
    value: '',
    reason:
      'Raden har 4 värden men rubrikraden har 3 kolumner. Innehåller ett värde ett semikolon? ' +
      'Sätt i så fall citattecken runt värdet.',
  },
  { file: eventsFile, line: 9, value: '31/31/2027', reason: "Datumet '31/31/2027' kunde inte läsas" },
  { file: eventsFile, line: 12, value: '', reason: "Kolumnen 'Datum' är tom" },
  { file: eventsFile, line: 13, value: '', reason: 'Ett citattecken (") på rad 13 stängs aldrig' },
];

/** Every row the fixtures' spring term computation leaves out, in file order. */
const unusedRows = (eventsFile: string) => [
  ...unreadableRows(eventsFile).slice(0, 2),
  {
    file: eventsFile,
    line: 5,
    value: '2026-12-18',
    reason: 'Datumet 2026-12-18 ligger utanför perioden 2027-01-09–2027-06-14',
  },
  {
    file: eventsFile,
    line: 7,
    value: '2027-06-15',
    reason: 'Datumet 2027-06-15 ligger utanför perioden 2027-01-09–2027-06-14',
  },
  unreadableRows(eventsFile)[2],
  { file: eventsFile, line: 11, value: 'Okänd Elev – Matematik', reason: 'Eleven finns inte i elevregistret' },
  ...unreadableRows(eventsFile).slice(3),
];

/** What the fixtures give for the spring term 2027, as student × subject pairs: see fixtures/*.csv line by line. */
const expectedCoverage = (eventsFile: string) => ({
  method: 'coverage',
  measure: 'pairs',
  value: 54.5,
  numerator: 6,
  denominator: 11,
  // Six students: only Åsa is assessed in both her subjects; all but Märta in at least one.
  figures: [
    { measure: 'everyGroup', value: 16.7, numerator: 1, denominator: 6 },
    { measure: 'anyEvent', value: 83.3, numerator: 5, denominator: 6 },
    { measure: 'pairs', value: 54.5, numerator: 6, denominator: 11 },
  ],
  period: term,
  byDate: null,
  fileNames: ['elevregister.csv', eventsFile],
  rowsRead: 21,
  rejected: { count: 5, examples: unreadableRows(eventsFile) },
  unused: { count: 8, examples: unusedRows(eventsFile) },
  uncovered: {
    count: 5,
    examples: [
      { label: 'Ek, Bo – Svenska', missing: ['Svenska'] },
      { label: 'Erik Ängström – Svenska', missing: ['Svenska'] },
      { label: 'Lärka Nyström – Svenska', missing: ['Svenska'] },
      { label: 'Märta Åström – Matematik', missing: ['Matematik'] },
      { label: 'Örjan Åkesson – Svenska', missing: ['Svenska'] },
    ],
  },
  explanation: [
    `6 av 11 elev–ämne-par i elevregistret har minst en bedömning mellan 2027-01-09 och 2027-06-14 (54,5${NBSP}%).`,
    'Beräkningen bygger på 12 rader i elevregistret och 9 rader i bedömningsexporten; 5 rader kunde inte läsas.',
    '1 rad i elevregistret upprepade en tidigare rad och räknades en gång.',
    '2 bedömningar låg utanför perioden och räknades inte.',
    '1 rad i bedömningsexporten gäller elever eller ämnen som inte finns i elevregistret; stavas namnen likadant i båda filerna?',
    '5 elev–ämne-par saknar bedömning under perioden.',
  ],
  terms: [],
  createdAt: '2027-06-15T08:00:00.000Z',
});

const storedMapping = () =>
  testApp.app.stegvis.db
    .selectFrom('goal_measurement_settings')
    .select(['method', 'mapping', 'version', 'measurer_person_id'])
    .where('goal_id', '=', goalId)
    .executeTakeFirst();

async function eventsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bedömningar');
  sheet.addRow(['Elev', 'Ämne', 'Datum']);
  sheet.addRow(['Åsa Öberg', 'Matematik', new Date(Date.UTC(2027, 0, 9))]);
  sheet.addRow(['Åsa Öberg', { richText: [{ text: 'Sven' }, { text: 'ska', font: { bold: true } }] }, '2027-03-14']);
  sheet.addRow(['Erik Ängström', 'Matematik', new Date(Date.UTC(2027, 2, 14, 8, 15))]);
  sheet.addRow(['Örjan Åkesson', 'Svenska', 46460]);
  sheet.addRow(['Lärka Nyström', 'Matematik', new Date(Date.UTC(2027, 5, 15))]);
  workbook.addWorksheet('Anteckningar').addRow(['Läses inte']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('inspecting an export', () => {
  beforeEach(() => setUp());

  it('shows the columns and the first five rows of a Swedish Excel CSV', async () => {
    const response = await inspect(admin, 'elevregister.csv', fixture('elevregister.csv'));
    expect(response.statusCode).toBe(200);
    const inspection: FileInspection = response.json();
    expect(inspection).toEqual({
      fileName: 'elevregister.csv',
      format: 'csv',
      delimiter: ';',
      columns: ['Elev', 'Klass', 'Ämne'],
      sampleRows: [
        ['Åsa Öberg', '7A', 'Matematik'],
        ['Åsa Öberg', '7A', 'Svenska'],
        ['Erik Ängström', '7A', 'Matematik'],
        ['Erik Ängström', '7A', 'Svenska'],
        ['Lärka Nyström', '7B', 'Matematik'],
      ],
    });
  });

  it('reads Windows-1252 and Excel workbooks too', async () => {
    const windows = (await inspect(admin, 'b.csv', fixture('bedomningar-windows-1252.csv'))).json();
    expect(windows.columns).toEqual(['Elev', 'Ämne', 'Datum', 'Lärare']);
    expect(windows.sampleRows[0]).toEqual(['Åsa Öberg', 'Matematik', '2027-01-09', 'Karin Ström']);

    const workbook = (await inspect(admin, 'bedomningar.xlsx', await eventsWorkbook())).json();
    expect(workbook).toMatchObject({ format: 'xlsx', delimiter: null, columns: ['Elev', 'Ämne', 'Datum'] });
    expect(workbook.sampleRows).toEqual([
      ['Åsa Öberg', 'Matematik', '2027-01-09'],
      ['Åsa Öberg', 'Svenska', '2027-03-14'],
      ['Erik Ängström', 'Matematik', '2027-03-14 08:15'],
      ['Örjan Åkesson', 'Svenska', '46460'],
      ['Lärka Nyström', 'Matematik', '2027-06-15'],
    ]);
  });

  it('refuses an empty file, a file that is not a table and a request without a file', async () => {
    const empty = await inspect(admin, 'tom.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ file: 'Filen är tom' });

    const image = await inspect(admin, 'bild.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect(image.statusCode).toBe(400);
    expect(image.json().error.fields.file).toBe('Filen är varken en CSV-fil eller en Excel-arbetsbok (.xlsx)');

    const none = await admin.request({
      method: 'POST',
      url: `${goalUrl()}/measurement-files/inspect`,
      ...multipart([{ name: 'annat', value: 'x' }]),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toEqual({ file: 'Välj en fil (CSV eller Excel)' });
  });
});

describe('computing coverage', () => {
  beforeEach(() => setUp());

  it('computes the share of student × subject with an assessment in the term, with the rows it rests on', async () => {
    const response = await compute(admin, coverageParts());
    expect(response.statusCode).toBe(201);
    const computation: Computation = response.json();
    expect(computation).toEqual({ id: expect.any(String), ...expectedCoverage('bedomningar.csv') });

    const again = await admin.get(`${goalUrl()}/computations/${computation.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(computation);
  });

  it('computes the share of students assessed in every subject when the goal says so, naming what each lacks', async () => {
    const response = await compute(admin, coverageParts(undefined, { ...coverageSettings, measure: 'everyGroup' }));
    expect(response.statusCode).toBe(201);
    const computation: Computation = response.json();
    expect(computation).toMatchObject({ measure: 'everyGroup', value: 16.7, numerator: 1, denominator: 6 });
    // The other figures stand beside it, the same as when pairs were asked for.
    expect(computation.figures).toEqual(expectedCoverage('bedomningar.csv').figures);
    expect(computation.uncovered).toEqual({
      count: 5,
      examples: [
        { label: 'Ek, Bo', missing: ['Svenska'] },
        { label: 'Erik Ängström', missing: ['Svenska'] },
        { label: 'Lärka Nyström', missing: ['Svenska'] },
        { label: 'Märta Åström', missing: ['Matematik'] },
        { label: 'Örjan Åkesson', missing: ['Svenska'] },
      ],
    });
    expect(computation.explanation[0]).toBe(
      `1 av 6 elever i elevregistret har minst en bedömning i varje ämne de står på mellan 2027-01-09 och 2027-06-14 (16,7${NBSP}%).`,
    );

    // The goal now names its measure; the page offers it first next time.
    const tracking = (await admin.get(`/api/projects/${projectId}/goal-tracking`)).json();
    expect(tracking.goals[0].measure).toEqual({ value: 'everyGroup', suggested: false });
    expect(tracking.goals[0].mapping.measure).toBe('everyGroup');
  });

  it('suggests the measure named by the wording of the goal before one is chosen, never pairs', async () => {
    const byDateGoal = await createEffectGoal(admin, projectId, {
      title: '100 % av elevernas frånvaroregistrering ska göras i systemet senast den 1 mars 2027',
      measure: 'Andel elever vars frånvaro registreras i systemet',
    });
    const anyGoal = await createEffectGoal(admin, projectId, {
      title: '100 % av eleverna ska ha betyg i systemet vid årsskiftet 2027/2028',
      measure: 'Andel elever med betyg',
    });
    const goals: { goal: { id: string }; measure: unknown }[] = (
      await admin.get(`/api/projects/${projectId}/goal-tracking`)
    ).json().goals;
    const measureOf = (id: string) => goals.find((entry) => entry.goal.id === id)?.measure;
    expect(measureOf(goalId)).toEqual({ value: 'everyGroup', suggested: true });
    expect(measureOf(byDateGoal.id)).toEqual({ value: 'byDate', suggested: true });
    expect(measureOf(anyGoal.id)).toEqual({ value: 'anyEvent', suggested: true });
  });

  it('takes the measure explicitly, and refuses every subject or pairs without the subject column', async () => {
    const { measure: _left, ...withoutMeasure } = coverageSettings;
    const missing = await compute(admin, coverageParts(undefined, withoutMeasure));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.measure).toBeDefined();

    const perStudent = {
      ...coverageSettings,
      measure: 'everyGroup',
      columns: { roster: { student: 'Elev', group: null }, events: { student: 'Elev', group: null, date: 'Datum' } },
    };
    const noSubjects = await compute(admin, coverageParts(undefined, perStudent));
    expect(noSubjects.statusCode).toBe(400);
    expect(noSubjects.json().error.fields.measure).toContain('ämneskolumnen');

    const wrong = await compute(admin, [
      { name: 'settings', value: JSON.stringify({ ...shareSettings, measure: 'pairs' }) },
      { name: 'records', fileName: 'registreringar.csv', content: fixture('registreringar.csv') },
    ]);
    expect(wrong.statusCode).toBe(400);
  });

  it('downloads every row not used, with line, value and reason, as CSV', async () => {
    const computation: Computation = (await compute(admin, coverageParts())).json();
    const response = await admin.get(`${goalUrl()}/computations/${computation.id}/unused-rows.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Fil;Rad;Värde;Orsak');
    expect(lines).toHaveLength(1 + 8);
    expect(lines).toContain(
      'bedomningar.csv;5;2026-12-18;Datumet 2026-12-18 ligger utanför perioden 2027-01-09–2027-06-14',
    );
    expect(lines).toContain('bedomningar.csv;11;Okänd Elev – Matematik;Eleven finns inte i elevregistret');
    expect(lines).toContain("bedomningar.csv;9;31/31/2027;Datumet '31/31/2027' kunde inte läsas");

    const elsewhere = await admin.get(`${goalUrl()}/computations/${newId()}/unused-rows.csv`);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('gives the same figure from the Windows-1252 export, and with the export sent before the roster', async () => {
    const windows: Computation = (
      await compute(
        admin,
        coverageParts({ fileName: 'bedomningar-1252.csv', content: fixture('bedomningar-windows-1252.csv') }),
      )
    ).json();
    expect(windows).toEqual({ id: expect.any(String), ...expectedCoverage('bedomningar-1252.csv') });

    const [settings, roster, events] = coverageParts();
    const reversed: Computation = (await compute(admin, [settings, events, roster])).json();
    expect(reversed).toMatchObject({ value: 54.5, numerator: 6, denominator: 11, rowsRead: 21 });
    expect(reversed.fileNames).toEqual(['elevregister.csv', 'bedomningar.csv']);
  });

  it('reads the assessments from an Excel workbook', async () => {
    const response = await compute(
      admin,
      coverageParts({ fileName: 'bedomningar.xlsx', content: await eventsWorkbook() }),
    );
    expect(response.statusCode).toBe(201);
    const computation: Computation = response.json();
    // Åsa (both subjects), Erik in maths and Örjan in Swedish (an Excel date number); Lärka's is after the term.
    expect(computation).toMatchObject({ value: 36.4, numerator: 4, denominator: 11, rowsRead: 12 + 5 });
    expect(computation.rejected.count).toBe(2);
  });

  it('counts per student when no subject column is chosen, and gives a count goal the count', async () => {
    const countGoal = await createEffectGoal(admin, projectId, {
      title: 'Elever med minst en bedömning',
      measure: 'Antal elever med bedömning under terminen',
      unit: 'count',
      baseline: 0,
      target: 7,
    });
    const perStudent = {
      ...coverageSettings,
      measure: 'anyEvent' as const,
      columns: { roster: { student: 'Elev', group: null }, events: { student: 'Elev', group: null, date: 'Datum' } },
    };
    const response = await compute(admin, coverageParts(undefined, perStudent), countGoal.id);
    expect(response.statusCode).toBe(201);
    const computation: Computation = response.json();
    // Six students in the roster; all but Märta have an assessment in the term.
    expect(computation).toMatchObject({ value: 5, numerator: 5, denominator: 6 });
    expect(computation.uncovered.examples).toEqual([{ label: 'Märta Åström', missing: [] }]);
    expect(computation.figures.map((figure) => figure.measure)).toEqual(['anyEvent']);
    expect(computation.explanation[0]).toBe(
      `5 av 6 elever i elevregistret har minst en bedömning mellan 2027-01-09 och 2027-06-14 (83,3${NBSP}%).`,
    );
  });

  it('names a mapped column that is not in the file', async () => {
    const settings = {
      ...coverageSettings,
      columns: { ...coverageSettings.columns, events: { student: 'Elev', group: 'Ämne', date: 'Bedömningsdatum' } },
    };
    const response = await compute(admin, coverageParts(undefined, settings));
    expect(response.statusCode).toBe(400);
    const message =
      "Kolumnen 'Bedömningsdatum' finns inte i bedömningsexporten (bedomningar.csv). " +
      "Filen har kolumnerna 'Elev', 'Ämne', 'Datum', 'Lärare'.";
    expect(response.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message,
      fields: { 'columns.events.date': message },
    });
  });

  it('matches mapped columns regardless of case and spacing', async () => {
    const settings = {
      ...coverageSettings,
      columns: {
        roster: { student: 'elev', group: 'ÄMNE' },
        events: { student: ' Elev ', group: 'ämne', date: 'datum' },
      },
    };
    expect((await compute(admin, coverageParts(undefined, settings))).json()).toMatchObject({ value: 54.5 });
  });

  it('refuses settings that are wrong or come after the files, and a missing file', async () => {
    const badPeriod = await compute(
      admin,
      coverageParts(undefined, { ...coverageSettings, period: { from: '2027-06-14', to: '2027-01-09' } }),
    );
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.fields).toEqual({ 'period.to': 'Perioden slutar före den börjar' });

    const halfGrouped = await compute(
      admin,
      coverageParts(undefined, {
        ...coverageSettings,
        columns: { ...coverageSettings.columns, events: { student: 'Elev', group: null, date: 'Datum' } },
      }),
    );
    expect(halfGrouped.statusCode).toBe(400);
    expect(Object.keys(halfGrouped.json().error.fields)).toEqual(['columns.events.group']);

    const [settings, roster, events] = coverageParts();
    const late = await compute(admin, [roster, settings, events]);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual({ settings: 'Skickas före filerna' });

    const noEvents = await compute(admin, [settings, roster]);
    expect(noEvents.statusCode).toBe(400);
    expect(noEvents.json().error.fields).toEqual({ events: 'Välj bedömningsexporten (CSV eller Excel)' });

    const notJson = await compute(admin, [{ name: 'settings', value: '{method' }, roster, events]);
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.fields).toEqual({ settings: 'Ogiltig JSON' });
  });

  it('refuses an empty roster file and a roster without readable rows', async () => {
    const [settings, , events] = coverageParts();
    const empty = await compute(admin, [settings, { name: 'roster', fileName: 'tom.csv', content: '' }, events]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ message: 'tom.csv: Filen är tom', fields: { roster: 'Filen är tom' } });

    const headerOnly = await compute(admin, [
      settings,
      { name: 'roster', fileName: 'rubrik.csv', content: 'Elev;Ämne\r\n' },
      events,
    ]);
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().error.fields).toEqual({ roster: 'Elevregistret har inga rader som kunde läsas' });
  });
});

describe('computing the share registered by a date', () => {
  beforeEach(() => setUp());

  it('counts the rows registered by the date, lists those that are not and refuses unreadable dates', async () => {
    const unreadableDate = {
      file: 'registreringar.csv',
      line: 7,
      value: '31/31/2027',
      reason: "Datumet '31/31/2027' kunde inte läsas",
    };
    const response = await compute(admin, [
      { name: 'settings', value: JSON.stringify(shareSettings) },
      { name: 'records', fileName: 'registreringar.csv', content: fixture('registreringar.csv') },
    ]);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      method: 'share_by_date',
      measure: 'byDate',
      value: 66.7,
      numerator: 4,
      denominator: 6,
      figures: [{ measure: 'byDate', value: 66.7, numerator: 4, denominator: 6 }],
      period: null,
      byDate: '2027-03-31',
      fileNames: ['registreringar.csv'],
      rowsRead: 6,
      rejected: { count: 1, examples: [unreadableDate] },
      unused: { count: 1, examples: [unreadableDate] },
      uncovered: {
        count: 2,
        examples: [
          { label: 'Lärka Nyström', missing: [] },
          { label: 'Örjan Åkesson (registrerad 2027-04-02)', missing: [] },
        ],
      },
      explanation: [
        `4 av 6 rader var registrerade i systemet senast 2027-03-31 (66,7${NBSP}%).`,
        'Beräkningen bygger på 6 rader i registreringar.csv; 1 rad kunde inte läsas.',
        '1 rad saknar registreringsdatum.',
        '1 rad registrerades efter 2027-03-31.',
      ],
      terms: [],
      createdAt: '2027-06-15T08:00:00.000Z',
    });
    const stored = await admin.get(`${goalUrl()}/computations/${response.json().id}`);
    expect(stored.json()).toEqual(response.json());
  });
});

describe('remembering the mapping', () => {
  beforeEach(() => setUp());

  it('stores the method and columns per goal, bumps the version only when they change, and keeps the measurer', async () => {
    const measurer = await createPerson(testApp.app, { customerId, name: 'Mätansvarig Märta' });
    await testApp.app.stegvis.db
      .insertInto('goal_measurement_settings')
      .values({
        goal_id: goalId,
        project_id: projectId,
        measurer_person_id: measurer.id,
        method: null,
        mapping: null,
        version: 1,
        updated_at: '2027-01-01T00:00:00.000Z',
      })
      .execute();

    expect((await compute(admin, coverageParts())).statusCode).toBe(201);
    const first = await storedMapping();
    expect(first).toMatchObject({ method: 'coverage', version: 2, measurer_person_id: measurer.id });
    expect(JSON.parse(first?.mapping as string)).toEqual({
      method: 'coverage',
      columns: coverageSettings.columns,
      measure: 'pairs',
    });

    // The same columns for another period: nothing to remember anew.
    const spring = { ...coverageSettings, period: { from: '2027-01-09', to: '2027-03-31' } };
    expect((await compute(admin, coverageParts(undefined, spring))).statusCode).toBe(201);
    expect((await storedMapping())?.version).toBe(2);

    const share = await compute(admin, [
      { name: 'settings', value: JSON.stringify(shareSettings) },
      { name: 'records', fileName: 'registreringar.csv', content: fixture('registreringar.csv') },
    ]);
    expect(share.statusCode).toBe(201);
    const changed = await storedMapping();
    expect(changed).toMatchObject({ method: 'share_by_date', version: 3, measurer_person_id: measurer.id });
    expect(JSON.parse(changed?.mapping as string)).toEqual({
      method: 'share_by_date',
      columns: shareSettings.columns,
      measure: 'byDate',
    });

    const history = (await admin.get(`/api/projects/${projectId}/history`)).json();
    const saved = (history.items ?? history).filter(
      (event: { action: string }) => event.action === 'measurement_mapping.saved',
    );
    expect(saved).toHaveLength(2);
  });

  it('creates the settings row at version 1 when the goal has none', async () => {
    expect((await compute(admin, coverageParts())).statusCode).toBe(201);
    expect(await storedMapping()).toMatchObject({ method: 'coverage', version: 1, measurer_person_id: null });
  });
});

describe('limits and permissions', () => {
  it('refuses a file over MEASUREMENT_FILE_MAX_MB', async () => {
    await setUp({ MEASUREMENT_FILE_MAX_MB: '1' });
    const rows = Array.from({ length: 60_000 }, (_, index) => `Elev ${index};Matematik`).join('\r\n');
    const large = `Elev;Ämne\r\n${rows}\r\n`;
    expect(Buffer.byteLength(large)).toBeGreaterThan(1024 * 1024);

    const inspected = await inspect(admin, 'stor.csv', large);
    // Inspecting stops after the first rows, but the rest of the upload still counts against the limit.
    expect(inspected.statusCode).toBe(400);
    expect(inspected.json().error.fields).toEqual({ file: 'Filen stor.csv är för stor: högst 1 MB' });

    const [settings, roster, events] = coverageParts();
    const computed = await compute(admin, [settings, { name: 'roster', fileName: 'stor.csv', content: large }, events]);
    expect(computed.statusCode).toBe(400);
    expect(computed.json().error.fields).toEqual({
      file: 'Filen stor.csv är för stor: högst 1 MB',
      roster: 'Filen stor.csv är för stor: högst 1 MB',
    });

    const workbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(1_200_000)]);
    const excel = await compute(admin, [
      settings,
      roster,
      { name: 'events', fileName: 'stor.xlsx', content: workbook },
    ]);
    expect(excel.statusCode).toBe(400);
    expect(excel.json().error.fields.events).toBe('Filen stor.xlsx är för stor: högst 1 MB');
  });

  it('lets the goal measurer compute, not a reader; another customer and other goals are not found', async () => {
    await setUp();
    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const refused = await compute(reader, coverageParts());
    expect(refused.statusCode).toBe(403);
    expect((await inspect(reader, 'elevregister.csv', fixture('elevregister.csv'))).statusCode).toBe(403);

    const computation: Computation = (await compute(admin, coverageParts())).json();
    expect((await reader.get(`${goalUrl()}/computations/${computation.id}`)).statusCode).toBe(200);

    await testApp.app.stegvis.db
      .updateTable('goal_measurement_settings')
      .set({ measurer_person_id: reader.personId })
      .where('goal_id', '=', goalId)
      .execute();
    expect((await compute(reader, coverageParts())).statusCode).toBe(201);

    const otherCustomer = await createCustomer(admin);
    const stranger = await loginAsMember(testApp.app, {
      customerId: otherCustomer.id,
      projectId: (await createProject(admin, otherCustomer.id)).id,
      roleKeys: ['projektledare'],
    });
    expect((await compute(stranger, coverageParts())).statusCode).toBe(404);
    expect((await stranger.get(`${goalUrl()}/computations/${computation.id}`)).statusCode).toBe(404);

    const projectGoal = await admin.post(`/api/projects/${projectId}/goals`, {
      kind: 'project',
      title: 'Organisationen är inläst',
      deliverable: 'organisation',
    });
    expect(projectGoal.statusCode).toBe(201);
    expect((await compute(admin, coverageParts(), projectGoal.json().id)).statusCode).toBe(404);
    expect((await compute(admin, coverageParts(), newId())).statusCode).toBe(404);
    expect((await admin.get(`${goalUrl()}/computations/${newId()}`)).statusCode).toBe(404);

    const otherGoal = await createEffectGoal(admin, projectId, { title: 'Ett annat effektmål' });
    expect((await admin.get(`${goalUrl(otherGoal.id)}/computations/${computation.id}`)).statusCode).toBe(404);
  });
});
