import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GoalTracking, GoalTrackingList } from '../../shared/measurements.js';
import { newId } from '../core/ids.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import {
  createCustomer,
  createEffectGoal,
  createPerson,
  createProject,
  recordMeasurement,
} from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { pdfTextOnOneLine } from '../test-support/pdf-text.js';

let now = new Date('2027-03-01T09:00:00.000Z');
const clock = { now: () => now };
let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  now = new Date('2027-03-01T09:00:00.000Z');
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

/**
 * Åkerby's project from 1 January 2027 with an effect goal from 40 % to 100 % by 11 April: 100
 * days, so the straight path rises 0.6 points a day (58.6 % on 1 February).
 */
async function customerProject() {
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const created = await admin.post('/api/projects', { customerId: customer.id, startDate: '2027-01-01' });
  expect(created.statusCode).toBe(201);
  const projectId: string = created.json().id;
  const goal = await createEffectGoal(admin, projectId, {
    title: 'Alla elever får bedömning i varje ämne',
    baseline: 40,
    target: 100,
    targetDate: '2027-04-11',
  });
  return { customerId: customer.id, projectId, goal };
}

const measurementsUrl = (projectId: string, goalId: string) =>
  `/api/projects/${projectId}/goals/${goalId}/measurements`;
const settingsUrl = (projectId: string, goalId: string) =>
  `/api/projects/${projectId}/goals/${goalId}/measurement-settings`;

async function trackingOf(agent: Agent, projectId: string): Promise<GoalTrackingList> {
  const response = await agent.get(`/api/projects/${projectId}/goal-tracking`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function trackedGoal(agent: Agent, projectId: string, goalId: string): Promise<GoalTracking> {
  const found = (await trackingOf(agent, projectId)).goals.find((entry) => entry.goal.id === goalId);
  if (!found) throw new Error(`goal ${goalId} is not tracked`);
  return found;
}

async function historyActions(projectId: string): Promise<string[]> {
  const response = await admin.get(`/api/projects/${projectId}/history`);
  return response.json().items.map((event: { action: string }) => event.action);
}

describe('measurements of effect goals', () => {
  it('records a measurement by hand, tracks the goal with it and deletes it again', async () => {
    const { projectId, goal } = await customerProject();
    const evaluation = await admin.post(`/api/projects/${projectId}/evaluation-items`, {
      why: 'För att se att alla elever bedöms i tid',
      what: 'Andel elever med bedömning i varje ämne',
      how: 'Rapport ur plattformen',
      collectionDates: ['2027-06-01', '2027-02-15', '2027-03-15'],
      goalIds: [goal.id],
    });
    expect(evaluation.statusCode).toBe(201);

    const recorded = await admin.post(measurementsUrl(projectId, goal.id), {
      measuredOn: '2027-02-01',
      value: 58.6,
      source: 'Bedömningsrapport, alla skolor',
      comment: 'Åk 7–9 saknar två ämnen',
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toEqual({
      id: expect.any(String),
      measuredOn: '2027-02-01',
      value: 58.6,
      method: 'manual',
      source: 'Bedömningsrapport, alla skolor',
      comment: 'Åk 7–9 saknar två ämnen',
      recordedByName: expect.stringMatching(/^Användare \d+$/),
      createdAt: '2027-03-01T09:00:00.000Z',
      computationId: null,
    });
    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-01-15', value: 50 });

    const list = await trackingOf(admin, projectId);
    expect(list.startDate).toBe('2027-01-01');
    expect(list.may).toEqual({ measure: true, configure: true });
    expect(list.goals).toHaveLength(1);
    const [tracked] = list.goals;
    expect(tracked).toMatchObject({
      goal: {
        id: goal.id,
        title: 'Alla elever får bedömning i varje ämne',
        unit: 'percent',
        baseline: 40,
        target: 100,
        targetDate: '2027-04-11',
      },
      measurer: null,
      settingsVersion: 0,
      collectionDates: ['2027-02-15', '2027-03-15', '2027-06-01'],
      nextCollectionDate: '2027-03-15',
      mapping: null,
      status: {
        state: 'on_track',
        expected: 58.6,
        latest: { value: 58.6, measuredOn: '2027-02-01' },
        explanation:
          'Senaste mätningen 58,6 % (1 februari) ligger på eller över den raka vägen mot målet, 58,6 % vid det datumet.',
      },
    });
    expect(tracked.measurements.map((measurement) => measurement.measuredOn)).toEqual(['2027-01-15', '2027-02-01']);

    const deleted = await admin.delete(`${measurementsUrl(projectId, goal.id)}/${recorded.json().id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await trackedGoal(admin, projectId, goal.id)).status).toMatchObject({
      state: 'on_track',
      latest: { value: 50, measuredOn: '2027-01-15' },
    });
    expect((await admin.delete(`${measurementsUrl(projectId, goal.id)}/${recorded.json().id}`)).statusCode).toBe(404);
    expect(await historyActions(projectId)).toEqual(
      expect.arrayContaining(['measurement.recorded', 'measurement.deleted']),
    );
  });

  it('lists only effect goals, each not measured until it is', async () => {
    const { projectId, goal } = await customerProject();
    await admin.post(`/api/projects/${projectId}/goals`, {
      kind: 'project',
      title: 'Integration med elevregistret',
      deliverable: 'integration',
    });
    const list = await trackingOf(admin, projectId);
    expect(list.goals.map((entry) => entry.goal.id)).toEqual([goal.id]);
    expect(list.goals[0]).toMatchObject({
      measurements: [],
      collectionDates: [],
      nextCollectionDate: null,
      status: { state: 'not_measured', expected: null, latest: null },
    });
  });

  it('refuses a percentage over 100, a negative value, a day that has not come and a project goal', async () => {
    const { projectId, goal } = await customerProject();
    const over = await admin.post(measurementsUrl(projectId, goal.id), { measuredOn: '2027-02-01', value: 120 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields).toEqual({ value: 'Högst 100 %' });
    const negative = await admin.post(measurementsUrl(projectId, goal.id), { measuredOn: '2027-02-01', value: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toHaveProperty('value');
    const tomorrow = await admin.post(measurementsUrl(projectId, goal.id), { measuredOn: '2027-03-02', value: 60 });
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().error.fields).toHaveProperty('measuredOn');

    const projectGoal = (
      await admin.post(`/api/projects/${projectId}/goals`, {
        kind: 'project',
        title: 'Integration med elevregistret',
        deliverable: 'integration',
      })
    ).json();
    const onProjectGoal = await admin.post(measurementsUrl(projectId, projectGoal.id), {
      measuredOn: '2027-02-01',
      value: 1,
    });
    expect(onProjectGoal.statusCode).toBe(400);
    expect(onProjectGoal.json().error.message).toBe('Bara effektmål följs upp med mätningar');

    const countGoal = await createEffectGoal(admin, projectId, { unit: 'count', baseline: 0, target: 400 });
    expect(
      (await admin.post(measurementsUrl(projectId, countGoal.id), { measuredOn: '2027-02-01', value: 340 })).statusCode,
    ).toBe(201);
    expect((await trackedGoal(admin, projectId, goal.id)).measurements).toEqual([]);
  });

  it('takes a computed measurement’s value, method and files from a computation of the same goal', async () => {
    const { projectId, goal } = await customerProject();
    const otherGoal = await createEffectGoal(admin, projectId, { title: 'Frånvaron registreras i plattformen' });
    const computationId = newId();
    await testApp.app.stegvis.db
      .insertInto('measurement_computations')
      .values({
        id: computationId,
        goal_id: goal.id,
        project_id: projectId,
        method: 'coverage',
        value: 72.5,
        result: JSON.stringify({ fileNames: ['elever.csv', 'bedömningar.xlsx'] }),
        created_by_user_id: null,
        created_at: now.toISOString(),
      })
      .execute();

    const computed = await admin.post(measurementsUrl(projectId, goal.id), {
      computationId,
      measuredOn: '2027-02-28',
      comment: 'Vårterminen hittills',
    });
    expect(computed.statusCode).toBe(201);
    expect(computed.json()).toMatchObject({
      measuredOn: '2027-02-28',
      value: 72.5,
      method: 'coverage',
      source: 'elever.csv, bedömningar.xlsx',
      comment: 'Vårterminen hittills',
      computationId,
    });

    const elsewhere = await admin.post(measurementsUrl(projectId, otherGoal.id), {
      computationId,
      measuredOn: '2027-02-28',
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.message).toBe('Beräkningen finns inte');
  });

  it('lets the goal’s measurer record and delete, a reader only read, and another customer see nothing', async () => {
    const { customerId, projectId, goal } = await customerProject();
    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const measurement = await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-02-01', value: 60 });

    expect((await trackingOf(reader, projectId)).may).toEqual({ measure: false, configure: false });
    const refused = await reader.post(measurementsUrl(projectId, goal.id), { measuredOn: '2027-02-01', value: 61 });
    expect(refused.statusCode).toBe(403);
    expect((await reader.delete(`${measurementsUrl(projectId, goal.id)}/${measurement.id}`)).statusCode).toBe(403);
    expect((await reader.put(settingsUrl(projectId, goal.id), { version: 0, measurerPersonId: null })).statusCode).toBe(
      403,
    );

    const named = await admin.put(settingsUrl(projectId, goal.id), { version: 0, measurerPersonId: reader.personId });
    expect(named.statusCode).toBe(200);
    expect((await trackingOf(reader, projectId)).may).toEqual({ measure: true, configure: false });
    expect(
      (await reader.post(measurementsUrl(projectId, goal.id), { measuredOn: '2027-02-20', value: 64 })).statusCode,
    ).toBe(201);
    expect((await reader.delete(`${measurementsUrl(projectId, goal.id)}/${measurement.id}`)).statusCode).toBe(204);
    expect((await reader.put(settingsUrl(projectId, goal.id), { version: 1, measurerPersonId: null })).statusCode).toBe(
      403,
    );

    // Measuring one goal is not measuring the others.
    const otherGoal = await createEffectGoal(admin, projectId, { title: 'Frånvaron registreras i plattformen' });
    expect(
      (await reader.post(measurementsUrl(projectId, otherGoal.id), { measuredOn: '2027-02-20', value: 10 })).statusCode,
    ).toBe(403);

    const other = await createCustomer(admin, { name: 'Grannby kommun' });
    const otherProject = await createProject(admin, other.id);
    const outsider = await loginAsMember(testApp.app, {
      customerId: other.id,
      projectId: otherProject.id,
      roleKeys: ['projektledare'],
    });
    expect((await outsider.get(`/api/projects/${projectId}/goal-tracking`)).statusCode).toBe(404);
    expect(
      (await outsider.post(measurementsUrl(projectId, goal.id), { measuredOn: '2027-02-01', value: 1 })).statusCode,
    ).toBe(404);
    // A goal of another project answers as if it did not exist, even to the vendor admin.
    const elsewhere = await createEffectGoal(admin, otherProject.id);
    expect(
      (await admin.post(measurementsUrl(projectId, elsewhere.id), { measuredOn: '2027-02-01', value: 1 })).statusCode,
    ).toBe(404);
  });

  it('lets plan writers name who measures, on the settings’ version, from the customer’s people', async () => {
    const { customerId, projectId, goal } = await customerProject();
    const writer = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });
    const measurer = await createPerson(testApp.app, { customerId, name: 'Örjan Ärlig' });
    const neighbour = await createPerson(testApp.app, { customerId: (await createCustomer(admin)).id });

    const list = await trackingOf(writer, projectId);
    expect(list.may).toEqual({ measure: true, configure: true });
    expect(list.people.map((person) => person.name)).toContain('Örjan Ärlig');
    expect(list.people.map((person) => person.id)).not.toContain(neighbour.id);

    const first = await writer.put(settingsUrl(projectId, goal.id), { version: 0, measurerPersonId: measurer.id });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ measurer: { id: measurer.id, name: 'Örjan Ärlig' }, settingsVersion: 1 });

    const stale = await writer.put(settingsUrl(projectId, goal.id), { version: 0, measurerPersonId: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const foreign = await writer.put(settingsUrl(projectId, goal.id), { version: 1, measurerPersonId: neighbour.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({ measurerPersonId: 'Personen hör inte till kunden' });

    const cleared = await writer.put(settingsUrl(projectId, goal.id), { version: 1, measurerPersonId: null });
    expect(cleared.json()).toMatchObject({ measurer: null, settingsVersion: 2 });
    expect((await writer.put(settingsUrl(projectId, goal.id), { version: 1, measurerPersonId: null })).statusCode).toBe(
      409,
    );
    expect(await historyActions(projectId)).toEqual(expect.arrayContaining(['goal.measurer_changed']));
  });

  it('offers the column mapping used last time, and none when it no longer reads', async () => {
    const { projectId, goal } = await customerProject();
    const mapping = {
      method: 'share_by_date',
      columns: { records: { label: 'Lektion', date: 'Registrerad' } },
    };
    const db = testApp.app.stegvis.db;
    await db
      .insertInto('goal_measurement_settings')
      .values({
        goal_id: goal.id,
        project_id: projectId,
        measurer_person_id: null,
        method: 'share_by_date',
        mapping: JSON.stringify(mapping),
        updated_at: now.toISOString(),
      })
      .execute();
    expect(await trackedGoal(admin, projectId, goal.id)).toMatchObject({ mapping, settingsVersion: 1 });

    await db
      .updateTable('goal_measurement_settings')
      .set({ mapping: JSON.stringify(mapping.columns) })
      .where('goal_id', '=', goal.id)
      .execute();
    expect((await trackedGoal(admin, projectId, goal.id)).mapping).toEqual(mapping);

    await db
      .updateTable('goal_measurement_settings')
      .set({ mapping: '{"method":"coverage"}' })
      .where('goal_id', '=', goal.id)
      .execute();
    expect((await trackedGoal(admin, projectId, goal.id)).mapping).toBeNull();
  });

  it('reads the tracking in the same number of queries however many goals and measurements there are', async () => {
    const queries: string[] = [];
    const counted = await createTestApp({ clock, onQuery: (sql) => queries.push(sql) });
    try {
      const agent = await loginAs(counted.app);
      const customer = await createCustomer(agent);
      const project = await createProject(agent, customer.id);
      const goalIds = [(await createEffectGoal(agent, project.id)).id];
      const queriesToRead = async () => {
        queries.length = 0;
        expect((await agent.get(`/api/projects/${project.id}/goal-tracking`)).statusCode).toBe(200);
        return queries.length;
      };
      const withOneGoal = await queriesToRead();
      for (let count = 0; count < 3; count++) {
        const goalId = (await createEffectGoal(agent, project.id)).id;
        goalIds.push(goalId);
      }
      for (const goalId of goalIds) {
        await recordMeasurement(agent, project.id, goalId, { measuredOn: '2027-02-01', value: 50 });
        await agent.put(settingsUrl(project.id, goalId), { version: 0, measurerPersonId: null });
      }
      expect(await queriesToRead()).toBe(withOneGoal);
    } finally {
      await counted.close();
    }
  });
});

describe('measurements in the plan’s revisions and exports', () => {
  it('freezes each effect goal’s measurements and status in a revision, and exports them as a table', async () => {
    const { customerId, projectId, goal } = await customerProject();
    const writer = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });
    await recordMeasurement(writer, projectId, goal.id, {
      measuredOn: '2027-02-01',
      value: 52,
      source: 'Bedömningsrapport',
      comment: 'Två skolor saknas',
    });
    expect(
      (await writer.post(`/api/projects/${projectId}/revisions`, { message: 'Med första mätningen.' })).statusCode,
    ).toBe(201);
    await recordMeasurement(writer, projectId, goal.id, { measuredOn: '2027-02-20', value: 70 });

    const revision = (await admin.get(`/api/projects/${projectId}/revisions/1`)).json();
    expect(revision.snapshot.goalMeasurements).toEqual([
      {
        goalId: goal.id,
        status: expect.objectContaining({ state: 'at_risk', expected: 58.6 }),
        measurements: [expect.objectContaining({ measuredOn: '2027-02-01', value: 52, source: 'Bedömningsrapport' })],
      },
    ]);

    const compared = (await admin.get(`/api/projects/${projectId}/revisions/compare?from=1&to=draft`)).json();
    const goalChange = compared.goals.find((change: { id: string }) => change.id === goal.id);
    expect(goalChange.fields).toEqual([
      expect.objectContaining({ field: 'measurements', after: expect.stringContaining('2027-02-20: 70 %') }),
    ]);

    const word = await admin.get(`/api/projects/${projectId}/plan/export.docx?revision=1`);
    expect(word.statusCode).toBe(200);
    const xml = (await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(' ');
    for (const expected of [
      'Datum',
      'Värde',
      'Källa',
      'Kommentar',
      '2027-02-01',
      '52\u00a0%',
      'Bedömningsrapport',
      'Två skolor saknas',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Riskerar att inte nås');
    expect(text).not.toContain('2027-02-20');

    const pdf = await admin.get(`/api/projects/${projectId}/plan/export.pdf?revision=1`);
    expect(pdf.statusCode).toBe(200);
    const pdfContent = await pdfTextOnOneLine(pdf.rawPayload);
    expect(pdfContent).toContain('Uppföljning: Alla elever får bedömning i varje ämne');
    expect(pdfContent).toContain('Två skolor saknas');
  });
});
