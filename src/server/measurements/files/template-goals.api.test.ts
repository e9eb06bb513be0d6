import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Computation, ComputationSettingsInput, GoalTrackingList } from '../../../shared/measurements.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../../test-support/app.js';
import { createCustomer, createEffectGoal, createProject } from '../../test-support/factories.js';

/**
 * The default template's three example effect goals, taken word for word from the template, set
 * up and measured from exports as a school would: the fixture files are generated here from one
 * seed, with the figure each goal should get worked out alongside, so the test fails if the goal
 * is measured as anything but what it says.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const template = JSON.parse(fs.readFileSync(path.join(here, '../../templates/default-template.json'), 'utf8'));

/** The template's example goals as a project would fill them in: the platform named, dates chosen. */
function exampleGoals(): { assessment: string; absence: string; grades: string } {
  const field = template.content.planSections
    .flatMap((section: { fields?: { key: string; hint?: string }[] }) => section.fields ?? [])
    .find((candidate: { key: string }) => candidate.key === 'effektmal');
  const sentences: string[] = (field.hint as string)
    .split('\n')
    .map((line) => line.replace(/^•\s*/, '').trim())
    .flatMap((line) => line.match(/100 %[^.]*\.?/g) ?? [line])
    .map((line) =>
      line
        .replaceAll('{vendor}', 'Skolplattformen')
        .replace('(dag/månad/år)', '1 mars 2027')
        .replace('20XX/20XX', '2026/2027')
        .replace(/\.$/, ''),
    );
  const find = (word: string) => {
    const sentence = sentences.find((candidate) => candidate.includes(word));
    if (!sentence) throw new Error(`the template has no example goal about ${word}`);
    return sentence;
  };
  return { assessment: find('varje ämne'), absence: find('frånvaro'), grades: find('betyg') };
}

/** A small seeded generator (mulberry32), so that the files are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const firstNames = ['Åsa', 'Erik', 'Lärka', 'Örjan', 'Bo', 'Märta', 'Ali', 'Sara', 'Noah', 'Elin'];
const lastNames = ['Öberg', 'Ängström', 'Nyström', 'Åkesson', 'Ek', 'Åström', 'Hassan', 'Lind'];
const subjects = ['Svenska', 'Matematik', 'Engelska', 'Idrott och hälsa', 'Bild'];

const csvFile = (dir: string, name: string, rows: string[][]) => {
  const file = path.join(dir, name);
  // As Swedish Excel saves CSV: a byte order mark, semicolons, CRLF.
  fs.writeFileSync(file, `\ufeff${rows.map((row) => row.join(';')).join('\r\n')}\r\n`, 'utf8');
  return file;
};

const day = (from: string, offset: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

interface Fixtures {
  roster: string;
  assessments: string;
  absence: string;
  grades: string;
  /** What each goal's figure must be, as percentages with one decimal. */
  expected: { assessment: { ht2026: number; vt2027: number }; absence: number; grades: number };
}

/** 60 students, each in 3–5 subjects; some assessed in all, some in some, some in none, per term. */
function generateFixtures(dir: string): Fixtures {
  const random = seeded(16_2027);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const students = Array.from({ length: 60 }, (_, index) => `${pick(firstNames)} ${pick(lastNames)} ${index + 1}`);
  const rosterRows: string[][] = [['Elev', 'Klass', 'Ämne']];
  const assessmentRows: string[][] = [['Elev', 'Ämne', 'Bedömd', 'Lärare']];
  const absenceRows: string[][] = [['Elev', 'Frånvaro registrerad']];
  const gradeRows: string[][] = [['Elev', 'Ämne', 'Betyg', 'Satt']];
  const inEveryOne = { ht2026: 0, vt2027: 0 };
  let absenceByDate = 0;
  let graded = 0;
  const terms = [
    { key: 'ht2026', from: '2026-08-01', days: 150 },
    { key: 'vt2027', from: '2027-01-01', days: 160 },
  ] as const;

  for (const student of students) {
    const own = subjects.slice(0, 3 + Math.floor(random() * 3));
    for (const subject of own) rosterRows.push([student, '8A', subject]);
    for (const term of terms) {
      let lacking = 0;
      for (const subject of own) {
        const assessed = random() < 0.85;
        if (!assessed) {
          lacking += 1;
          continue;
        }
        for (let count = 1 + Math.floor(random() * 2); count > 0; count--) {
          assessmentRows.push([student, subject, day(term.from, Math.floor(random() * term.days)), 'Karin Ström']);
        }
      }
      if (lacking === 0) inEveryOne[term.key] += 1;
    }
    // Absence registered in the platform by 1 March 2027, later, or not at all.
    const registration = random();
    if (registration < 0.7) {
      absenceRows.push([student, day('2026-09-01', Math.floor(random() * 180))]);
      absenceByDate += 1;
    } else if (registration < 0.85) absenceRows.push([student, day('2027-03-02', Math.floor(random() * 60))]);
    else absenceRows.push([student, '']);
    // Grades set in the autumn term, before the turn of the year, for some students.
    if (random() < 0.8) {
      graded += 1;
      gradeRows.push([
        student,
        pick(own),
        pick(['A', 'B', 'C', 'D', 'E']),
        day('2026-12-01', Math.floor(random() * 20)),
      ]);
    }
  }
  // Rows a real export carries that must be accounted for, not counted: a pupil who has left, an
  // assessment from the summer break, and a grade set after the turn of the year.
  assessmentRows.push(['Elev Som Slutat', 'Svenska', '2027-02-01', 'Karin Ström']);
  assessmentRows.push([students[0], subjects[0], '2026-07-15', 'Karin Ström']);
  gradeRows.push([students[1], subjects[0], 'C', '2027-01-10']);

  const percent = (numerator: number) => Math.round((numerator * 1000) / students.length) / 10;
  return {
    roster: csvFile(dir, 'elevregister.csv', rosterRows),
    assessments: csvFile(dir, 'bedomningar.csv', assessmentRows),
    absence: csvFile(dir, 'franvaroregistrering.csv', absenceRows),
    grades: csvFile(dir, 'betyg.csv', gradeRows),
    expected: {
      assessment: { ht2026: percent(inEveryOne.ht2026), vt2027: percent(inEveryOne.vt2027) },
      absence: percent(absenceByDate),
      grades: percent(graded),
    },
  };
}

type Part = { name: string; value: string } | { name: string; file: string };

function multipart(parts: Part[]) {
  const boundary = '----stegvis-template-goals';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${path.basename(part.file)}"\r\n` +
            'Content-Type: text/csv\r\n\r\n',
        ),
        fs.readFileSync(part.file),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let dir: string;
let fixtures: Fixtures;
let testApp: TestApp;
let admin: Agent;
let projectId: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-template-goals-'));
  fixtures = generateFixtures(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  testApp = await createTestApp({ clock: { now: () => new Date('2027-06-20T08:00:00.000Z') } });
  admin = await loginAs(testApp.app);
  const customerId = (await createCustomer(admin, { name: 'Östby kommun' })).id;
  projectId = (await createProject(admin, customerId)).id;
});
afterEach(() => testApp.close());

async function setUpGoal(title: string, measure: string) {
  const goal = await createEffectGoal(admin, projectId, { title, measure, baseline: 50, target: 100 });
  const tracking: GoalTrackingList = (await admin.get(`/api/projects/${projectId}/goal-tracking`)).json();
  const entry = tracking.goals.find((candidate) => candidate.goal.id === goal.id);
  return { goalId: goal.id, offered: entry?.measure };
}

async function computeAndRecord(goalId: string, settings: ComputationSettingsInput, files: Part[], measuredOn: string) {
  const response = await admin.request({
    method: 'POST',
    url: `/api/projects/${projectId}/goals/${goalId}/computations`,
    ...multipart([{ name: 'settings', value: JSON.stringify(settings) }, ...files]),
  });
  expect(response.statusCode, response.body).toBe(201);
  const computation: Computation = response.json();
  const recorded = await admin.post(`/api/projects/${projectId}/goals/${goalId}/measurements`, {
    computationId: computation.id,
    measuredOn,
  });
  expect(recorded.statusCode, recorded.body).toBe(201);
  return computation;
}

const coverageColumns = (withSubject: boolean, date: string) => ({
  roster: { student: 'Elev', group: withSubject ? 'Ämne' : null },
  events: { student: 'Elev', group: withSubject ? 'Ämne' : null, date },
});

describe("the template's example effect goals, measured as written", () => {
  it('"… bedömning i varje ämne minst en gång per termin": students assessed in every subject, each term its own measurement', async () => {
    const { assessment } = exampleGoals();
    expect(assessment).toContain('i varje ämne minst en gång per termin');
    const { goalId, offered } = await setUpGoal(assessment, 'Andel elever med bedömning i varje ämne per termin');
    expect(offered).toEqual({ value: 'everyGroup', suggested: true });

    const files: Part[] = [
      { name: 'roster', file: fixtures.roster },
      { name: 'events', file: fixtures.assessments },
    ];
    // Followed per term: one upload over the school year gives each term's figure as its own computation.
    const response = await admin.request({
      method: 'POST',
      url: `/api/projects/${projectId}/goals/${goalId}/computations`,
      ...multipart([
        {
          name: 'settings',
          value: JSON.stringify({
            method: 'coverage',
            measure: 'everyGroup',
            perTerm: true,
            columns: coverageColumns(true, 'Bedömd'),
            period: { from: '2026-08-01', to: '2027-06-30' },
          }),
        },
        ...files,
      ]),
    });
    expect(response.statusCode, response.body).toBe(201);
    const year: Computation = response.json();
    expect(year.terms.map(({ name, year: termYear, from, to }) => [name, termYear, from, to])).toEqual([
      ['ht', 2026, '2026-08-01', '2026-12-31'],
      ['vt', 2027, '2027-01-01', '2027-06-30'],
    ]);
    const termComputation = async (index: number): Promise<Computation> =>
      (
        await admin.get(`/api/projects/${projectId}/goals/${goalId}/computations/${year.terms[index].computationId}`)
      ).json();
    const [autumn, spring] = [await termComputation(0), await termComputation(1)];
    for (const [computation, measuredOn] of [
      [autumn, '2026-12-31'],
      [spring, '2027-06-20'],
    ] as const) {
      const recorded = await admin.post(`/api/projects/${projectId}/goals/${goalId}/measurements`, {
        computationId: computation.id,
        measuredOn,
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    expect(year.terms.map((term) => term.value)).toEqual([
      fixtures.expected.assessment.ht2026,
      fixtures.expected.assessment.vt2027,
    ]);
    expect(autumn).toMatchObject({
      measure: 'everyGroup',
      value: fixtures.expected.assessment.ht2026,
      denominator: 60,
    });
    expect(spring).toMatchObject({
      measure: 'everyGroup',
      value: fixtures.expected.assessment.vt2027,
      denominator: 60,
    });
    // The pair share is shown beside it, and is a different, higher number.
    const pairs = spring.figures.find((figure) => figure.measure === 'pairs');
    expect(pairs?.value).toBeGreaterThan(spring.value);
    // Every row left out is accounted for by line, the pupil who left and the summer break among them.
    const csv = await admin.get(`/api/projects/${projectId}/goals/${goalId}/computations/${spring.id}/unused-rows.csv`);
    const lines = csv.body.trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(spring.unused.count);
    expect(lines.some((line) => line.includes(';Elev Som Slutat – Svenska;Eleven finns inte i elevregistret'))).toBe(
      true,
    );
    expect(lines.some((line) => /;2026-07-15;Datumet 2026-07-15 ligger utanför perioden/.test(line))).toBe(true);
    expect(spring.uncovered.examples.every((student) => student.missing.length > 0)).toBe(true);

    const tracking: GoalTrackingList = (await admin.get(`/api/projects/${projectId}/goal-tracking`)).json();
    const goal = tracking.goals.find((candidate) => candidate.goal.id === goalId);
    expect(goal?.measure).toEqual({ value: 'everyGroup', suggested: false });
    expect(goal?.measurements.map((measurement) => [measurement.measuredOn, measurement.value])).toEqual([
      ['2026-12-31', fixtures.expected.assessment.ht2026],
      ['2027-06-20', fixtures.expected.assessment.vt2027],
    ]);
    expect(goal?.status.latest?.value).toBe(fixtures.expected.assessment.vt2027);
  });

  it('"… frånvaroregistrering ska göras i … senast den …": the share registered by the date', async () => {
    const { absence } = exampleGoals();
    const { goalId, offered } = await setUpGoal(absence, 'Andel elever vars frånvaro registreras i plattformen');
    expect(offered).toEqual({ value: 'byDate', suggested: true });
    const computation = await computeAndRecord(
      goalId,
      {
        method: 'share_by_date',
        measure: 'byDate',
        columns: { records: { label: 'Elev', date: 'Frånvaro registrerad' } },
        byDate: '2027-03-01',
      },
      [{ name: 'records', file: fixtures.absence }],
      '2027-03-01',
    );
    expect(computation).toMatchObject({ measure: 'byDate', value: fixtures.expected.absence, denominator: 60 });
  });

  it('"… ska ha betyg i … vid årsskiftet …": students with a grade set by the turn of the year', async () => {
    const { grades } = exampleGoals();
    const { goalId, offered } = await setUpGoal(grades, 'Andel elever med betyg i plattformen');
    expect(offered).toEqual({ value: 'anyEvent', suggested: true });
    const computation = await computeAndRecord(
      goalId,
      {
        method: 'coverage',
        measure: 'anyEvent',
        columns: coverageColumns(false, 'Satt'),
        period: { from: '2026-08-01', to: '2026-12-31' },
      },
      [
        { name: 'roster', file: fixtures.roster },
        { name: 'events', file: fixtures.grades },
      ],
      '2026-12-31',
    );
    expect(computation).toMatchObject({ measure: 'anyEvent', value: fixtures.expected.grades, denominator: 60 });
    // The grade set after the turn of the year is listed, not counted.
    expect(computation.unused.examples).toEqual([
      expect.objectContaining({ value: '2027-01-10', reason: expect.stringContaining('utanför perioden') }),
    ]);
  });
});
