import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Budget, BudgetLine } from '../../shared/budget.js';
import type { Plan, Risk } from '../../shared/plan.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let testApp: TestApp;
let admin: Agent;
let customerId: string;
let projectId: string;
beforeEach(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app);
  customerId = (await createCustomer(admin)).id;
  projectId = (await createProject(admin, customerId)).id;
});
afterEach(() => testApp.close());

const budgetOf = async (agent = admin): Promise<Budget> => {
  const response = await agent.get(`/api/projects/${projectId}/budget`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

async function addLine(title: string, plannedSek: number, actualSek = 0, agent = admin): Promise<BudgetLine> {
  const response = await agent.post(`/api/projects/${projectId}/budget-lines`, { title, plannedSek, actualSek });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const changeLine = (line: BudgetLine, change: Partial<BudgetLine>, agent = admin) =>
  agent.patch(`/api/projects/${projectId}/budget-lines/${line.id}`, {
    title: line.title,
    plannedSek: line.plannedSek,
    actualSek: line.actualSek,
    version: line.version,
    ...change,
  });

const costOverrunRisk = async (): Promise<Risk | undefined> => {
  const plan: Plan = (await admin.get(`/api/projects/${projectId}/plan`)).json();
  return plan.risks.find((risk) => risk.causeKey === 'kostnadsoverdrag');
};

const history = async (): Promise<AuditEvent[]> => (await admin.get(`/api/projects/${projectId}/history`)).json().items;

/** The spaces Swedish number formatting puts between thousands, as plain spaces. */
const plainSpaces = (text: string) => text.replace(/\s/g, ' ');

describe('the budget', () => {
  it('starts empty with the default threshold and the template’s cost-overrun risk', async () => {
    const budget = await budgetOf();
    expect(budget).toMatchObject({
      lines: [],
      plannedSek: 0,
      actualSek: 0,
      goalsBudgetSek: null,
      overrunThresholdPercent: 10,
      overrunPercent: null,
      overThreshold: false,
      risk: { title: 'Kostnadsöverdrag', status: 'open' },
      settingsVersion: 0,
      may: { edit: true },
    });
  });

  it('adds, changes and removes lines on their version, totals them and compares with the goals’ budget', async () => {
    for (const [title, budgetSek] of [
      ['Integration mot elevregistret', 150_000],
      ['Utbildning av personalen', 50_000],
    ] as const) {
      const goal = await admin.post(`/api/projects/${projectId}/goals`, {
        kind: 'project',
        title,
        deliverable: 'integration',
        budgetSek,
      });
      expect(goal.statusCode).toBe(201);
    }
    const licences = await addLine('Licenser', 120_000);
    const training = await addLine('Utbildning', 40_000, 12_500);
    expect(licences).toMatchObject({ title: 'Licenser', plannedSek: 120_000, actualSek: 0, position: 0, version: 1 });
    expect(training.position).toBe(1);

    const changed = await changeLine(licences, { actualSek: 118_000 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ actualSek: 118_000, version: 2 });
    const stale = await changeLine(licences, { actualSek: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    expect(await budgetOf()).toMatchObject({
      lines: [
        { title: 'Licenser', plannedSek: 120_000, actualSek: 118_000 },
        { title: 'Utbildning', plannedSek: 40_000, actualSek: 12_500 },
      ],
      plannedSek: 160_000,
      actualSek: 130_500,
      goalsBudgetSek: 200_000,
      overrunPercent: 0,
      overThreshold: false,
    });

    expect((await admin.delete(`/api/projects/${projectId}/budget-lines/${training.id}?version=9`)).statusCode).toBe(
      409,
    );
    expect((await admin.delete(`/api/projects/${projectId}/budget-lines/${training.id}?version=1`)).statusCode).toBe(
      204,
    );
    expect((await budgetOf()).lines.map((line) => line.title)).toEqual(['Licenser']);
    expect((await history()).map((event) => event.summary)).toEqual(
      expect.arrayContaining([
        'Lade till budgetposten Licenser',
        'Ändrade budgetposten Licenser',
        'Tog bort budgetposten Utbildning',
      ]),
    );
  });

  it('refuses a negative or fractional amount and a missing title, naming the field', async () => {
    const negative = await admin.post(`/api/projects/${projectId}/budget-lines`, {
      title: 'Licenser',
      plannedSek: -5,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { plannedSek: 'Beloppet kan inte vara negativt' },
    });
    const fractional = await admin.post(`/api/projects/${projectId}/budget-lines`, {
      title: 'Licenser',
      plannedSek: 100,
      actualSek: 10.5,
    });
    expect(fractional.json().error.fields).toEqual({ actualSek: 'Ange utfall i hela kronor' });
    const untitled = await admin.post(`/api/projects/${projectId}/budget-lines`, { title: ' ', plannedSek: 100 });
    expect(untitled.json().error.fields).toHaveProperty('title');
    expect((await budgetOf()).lines).toEqual([]);
  });

  it('answers 404 for a line of another project', async () => {
    const other = (await createProject(admin, customerId)).id;
    const line = await addLine('Licenser', 100);
    const response = await admin.patch(`/api/projects/${other}/budget-lines/${line.id}`, {
      title: 'Licenser',
      plannedSek: 100,
      version: 1,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('the cost-overrun threshold', () => {
  it('sets the project’s own threshold, version 0 the first time', async () => {
    const first = await admin.put(`/api/projects/${projectId}/budget-settings`, {
      overrunThresholdPercent: 15,
      version: 0,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ overrunThresholdPercent: 15, settingsVersion: 1 });
    const again = await admin.put(`/api/projects/${projectId}/budget-settings`, {
      overrunThresholdPercent: 20,
      version: 0,
    });
    expect(again.statusCode).toBe(409);
    const second = await admin.put(`/api/projects/${projectId}/budget-settings`, {
      overrunThresholdPercent: 20,
      version: 1,
    });
    expect(second.json()).toMatchObject({ overrunThresholdPercent: 20, settingsVersion: 2 });
    const tooHigh = await admin.put(`/api/projects/${projectId}/budget-settings`, {
      overrunThresholdPercent: 101,
      version: 2,
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.fields).toEqual({ overrunThresholdPercent: 'Högst 100 procent' });
  });

  it('sets the cost-overrun risk to occurred when actuals pass the threshold, saying why, in the plan too', async () => {
    const licences = await addLine('Licenser', 60_000, 60_000);
    const integration = await addLine('Integration', 50_000, 50_000);
    // 11 % over across the lines, but only once the second change lands.
    const within = await changeLine(licences, { actualSek: 70_000 });
    expect(within.statusCode).toBe(200);
    expect((await costOverrunRisk())?.status).toBe('open');

    expect((await changeLine(integration, { actualSek: 62_000 })).statusCode).toBe(200);
    const budget = await budgetOf();
    expect(budget).toMatchObject({
      plannedSek: 110_000,
      actualSek: 132_000,
      overrunPercent: 20,
      overThreshold: true,
      risk: { title: 'Kostnadsöverdrag', status: 'occurred' },
    });
    const risk = await costOverrunRisk();
    expect(risk).toMatchObject({ status: 'occurred', version: 2 });
    const raised = (await history()).find((event) => event.action === 'risk.raised');
    expect(raised?.entityId).toBe(risk?.id);
    expect(plainSpaces(raised?.summary ?? '')).toBe(
      'Risken Kostnadsöverdrag sattes till ”Har inträffat”: Utfallet 132 000 kr överstiger planerat 110 000 kr med 20 %, över gränsen 10 %',
    );
    expect(raised?.before).toMatchObject({ status: 'open' });

    // Back under the threshold, the risk stays where it was raised: lowering it is a person's call.
    expect((await changeLine({ ...integration, version: 2 }, { actualSek: 40_000 })).statusCode).toBe(200);
    expect((await budgetOf()).overThreshold).toBe(false);
    expect((await costOverrunRisk())?.status).toBe('occurred');
  });

  it('raises the risk once when the budget goes over, not again while it stays over', async () => {
    const line = await addLine('Licenser', 100_000, 100_000);
    expect((await changeLine(line, { actualSek: 125_000 })).statusCode).toBe(200);
    const raised = await costOverrunRisk();
    expect(raised?.status).toBe('occurred');
    if (!raised) throw new Error('no risk');
    const lowered = await admin.put(`/api/projects/${projectId}/risks/${raised.id}`, {
      title: raised.title,
      status: 'mitigating',
      mitigation: 'Integrationen görs i egen regi.',
      version: raised.version,
    });
    expect(lowered.statusCode).toBe(200);

    expect((await changeLine({ ...line, version: 2 }, { actualSek: 140_000 })).statusCode).toBe(200);
    expect((await costOverrunRisk())?.status).toBe('mitigating');
  });

  it('raises the risk when a lower threshold puts the budget over it', async () => {
    await addLine('Licenser', 100_000, 108_000);
    expect((await costOverrunRisk())?.status).toBe('open');
    const response = await admin.put(`/api/projects/${projectId}/budget-settings`, {
      overrunThresholdPercent: 5,
      version: 0,
    });
    expect(response.json()).toMatchObject({ overThreshold: true, risk: { status: 'occurred' } });
    expect((await costOverrunRisk())?.status).toBe('occurred');
  });

  it('adds the risk, as the template describes the cause, when the plan has none', async () => {
    await testApp.app.stegvis.db
      .deleteFrom('risks')
      .where('project_id', '=', projectId)
      .where('cause_key', '=', 'kostnadsoverdrag')
      .execute();
    expect((await budgetOf()).risk).toBeNull();

    await addLine('Licenser', 100_000, 150_000);
    expect(await costOverrunRisk()).toMatchObject({
      causeKey: 'kostnadsoverdrag',
      title: 'Kostnadsöverdrag',
      leadershipIssue: false,
      mitigation: '',
      status: 'occurred',
    });
    const created = (await history()).find((event) => event.action === 'risk.created');
    expect(plainSpaces(created?.summary ?? '')).toContain(
      'Utfallet 150 000 kr överstiger planerat 100 000 kr med 50 %, över gränsen 10 %',
    );
  });
});

describe('who may change the budget', () => {
  it('lets the plan writers change it and everyone in the project read it', async () => {
    const itStaff = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const leader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });

    const line = await addLine('Licenser', 100_000, 0, leader);
    expect((await budgetOf(leader)).may.edit).toBe(true);
    expect(await budgetOf(itStaff)).toMatchObject({ lines: [{ title: 'Licenser' }], may: { edit: false } });

    const refused = [
      await itStaff.post(`/api/projects/${projectId}/budget-lines`, { title: 'Konsulter', plannedSek: 5 }),
      await changeLine(line, { actualSek: 500_000 }, itStaff),
      await itStaff.delete(`/api/projects/${projectId}/budget-lines/${line.id}?version=1`),
      await itStaff.put(`/api/projects/${projectId}/budget-settings`, { overrunThresholdPercent: 1, version: 0 }),
    ];
    expect(refused.map((response) => response.statusCode)).toEqual([403, 403, 403, 403]);
    expect(await budgetOf()).toMatchObject({ lines: [{ actualSek: 0 }], settingsVersion: 0 });

    const outsider = await loginAsMember(testApp.app, { customerId: (await createCustomer(admin)).id });
    expect((await outsider.get(`/api/projects/${projectId}/budget`)).statusCode).toBe(404);
  });
});
