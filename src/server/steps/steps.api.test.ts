import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Checklist } from '../../shared/checklist.js';
import type { ProjectSteps } from '../../shared/steps.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let now = new Date();
const clock: Clock = { now: () => now };
/** Travels to 09:00 Swedish winter time on that day. */
const travelTo = (day: string) => {
  now = new Date(`${day}T08:00:00Z`);
};

let testApp: TestApp;
let queries: string[];
beforeEach(async () => {
  // The project starts on the day it is created: its first meeting is a week later, on 2027-03-08.
  travelTo('2027-03-01');
  queries = [];
  // Sessions long enough to last through the weeks a test travels.
  testApp = await createTestApp({
    clock,
    env: { SESSION_TTL_HOURS: '2160' },
    onQuery: (sql) => queries.push(sql),
  });
});
afterEach(() => testApp.close());

const stepsOf = async (agent: Agent, projectId: string): Promise<ProjectSteps> => {
  const response = await agent.get(`/api/projects/${projectId}/steps`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

const requirementsOf = (steps: ProjectSteps, number: number) =>
  steps.steps.find((step) => step.number === number)?.requirements ?? [];

/** Ticks a step's checklist activities through the checklist's own endpoint, each on its current version. */
async function tickStep(agent: Agent, projectId: string, number: number) {
  const ids = requirementsOf(await stepsOf(agent, projectId), number)
    .filter((requirement) => requirement.kind === 'activity')
    .map((requirement) => requirement.id);
  const checklist: Checklist = (await agent.get(`/api/projects/${projectId}/activities`)).json();
  for (const activity of checklist.groups.flatMap((group) => group.activities)) {
    if (!ids.includes(activity.id)) continue;
    const response = await agent.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
      version: activity.version,
      done: true,
    });
    expect(response.statusCode).toBe(200);
  }
}

const history = async (agent: Agent, projectId: string): Promise<AuditEvent[]> =>
  (await agent.get(`/api/projects/${projectId}/history`)).json().items;

describe('the steps of a project', () => {
  it('puts a new project at step 1, listing the three activities it requires', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const steps = await stepsOf(admin, project.id);

    expect(steps).toMatchObject({
      current: 1,
      derived: 1,
      allDone: false,
      closed: false,
      decision: null,
      history: [],
      may: { decide: true },
    });
    expect(steps.steps.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(steps.steps.map((step) => step.state)).toEqual(['current', ...Array(9).fill('upcoming')]);
    const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
    const ordering = checklist.groups[0].activities.slice(0, 3);
    expect(requirementsOf(steps, 1)).toEqual(
      ordering.map((activity) => ({
        kind: 'activity',
        id: activity.id,
        title: activity.title,
        done: false,
        date: null,
      })),
    );
    expect(steps.missingToMoveOn).toEqual(requirementsOf(steps, 1));
    expect(requirementsOf(steps, 2).find((requirement) => requirement.kind === 'keyActivity')).toMatchObject({
      date: '2027-03-08',
      done: false,
    });
    expect(JSON.stringify(steps)).not.toContain('{vendor}');
  });

  it('moves on when the activities are ticked and the key activities have taken place', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    await tickStep(admin, project.id, 1);
    expect(await stepsOf(admin, project.id)).toMatchObject({ current: 2, derived: 2 });

    await tickStep(admin, project.id, 2);
    const beforeTheMeeting = await stepsOf(admin, project.id);
    expect(beforeTheMeeting.current).toBe(2);
    expect(beforeTheMeeting.missingToMoveOn.map((requirement) => requirement.kind)).toEqual(['keyActivity']);

    travelTo('2027-03-08');
    expect((await stepsOf(admin, project.id)).current).toBe(2);
    travelTo('2027-03-09');
    const afterTheMeeting = await stepsOf(admin, project.id);
    expect(afterTheMeeting).toMatchObject({ current: 3, derived: 3 });
    expect(afterTheMeeting.steps.map((step) => step.state).slice(0, 4)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
    ]);
  });

  it('holds a project back with a reason while the data moves on, until released', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    await tickStep(admin, project.id, 1);

    const held = await admin.put(`/api/projects/${project.id}/step`, {
      stepNumber: 2,
      reason: '  Projektmötet ska hållas om med den nya projektledaren  ',
      version: 0,
    });
    expect(held.statusCode).toBe(200);
    expect((held.json() as ProjectSteps).decision).toMatchObject({
      stepNumber: 2,
      derivedStepNumber: 2,
      direction: 'hold',
      reason: 'Projektmötet ska hållas om med den nya projektledaren',
      decidedBy: { name: expect.any(String) },
      createdAt: '2027-03-01T08:00:00.000Z',
    });

    await tickStep(admin, project.id, 2);
    travelTo('2027-03-09');
    const stillHeld = await stepsOf(admin, project.id);
    expect(stillHeld).toMatchObject({ current: 2, derived: 3 });
    expect(stillHeld.missingToMoveOn).toEqual([]);
    expect(stillHeld.history).toHaveLength(1);
    const holding = (await history(admin, project.id)).find((event) => event.action === 'step.held');
    expect(holding).toMatchObject({
      entityType: 'project_step',
      summary:
        'Steget hålls kvar på 2 (Projektmöte och uppstart): Projektmötet ska hållas om med den nya projektledaren',
      before: { step: 2, decision: null },
      after: { step: 2 },
    });

    const released = await admin.put(`/api/projects/${project.id}/step`, {
      stepNumber: null,
      reason: 'Mötet är hållet igen',
      version: 1,
    });
    expect(released.statusCode).toBe(200);
    const following: ProjectSteps = released.json();
    expect(following).toMatchObject({ current: 3, derived: 3, decision: null });
    expect(following.history.map((decision) => decision.direction)).toEqual(['follow_data', 'hold']);
    expect(await stepsOf(admin, project.id)).toEqual(following);
    expect((await history(admin, project.id))[0]).toMatchObject({
      action: 'step.released',
      summary: 'Steget följer underlaget igen: Mötet är hållet igen',
      before: { step: 2, decision: { stepNumber: 2 } },
      after: { step: 3, decision: null },
    });
  });

  it('moves a project on past steps the data has not reached', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const moved = await admin.put(`/api/projects/${project.id}/step`, {
      stepNumber: 7,
      reason: 'Avtal, organisation och plan är klara på papper sedan förra upphandlingen',
    });
    expect(moved.statusCode).toBe(200);
    const steps: ProjectSteps = moved.json();
    expect(steps).toMatchObject({ current: 7, derived: 1, decision: { direction: 'advance', stepNumber: 7 } });
    expect(steps.steps.map((step) => step.state)).toEqual([
      ...Array(6).fill('done'),
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(steps.missingToMoveOn).toEqual(requirementsOf(steps, 7));
    expect(steps.missingToMoveOn.map((requirement) => requirement.kind)).toEqual([
      'activity',
      ...Array(5).fill('keyActivity'),
    ]);
    expect((await history(admin, project.id))[0]).toMatchObject({
      action: 'step.advanced',
      summary:
        'Steget flyttas fram till 7 (Utbildningar): Avtal, organisation och plan är klara på papper sedan förra upphandlingen',
    });
  });

  it('refuses a decision without a reason, a step outside the ten, and a release with nothing to release', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const shortReason = await admin.put(`/api/projects/${project.id}/step`, { stepNumber: 3, reason: ' ok ' });
    expect(shortReason.statusCode).toBe(400);
    expect(shortReason.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { reason: 'Skriv varför steget ändras' },
    });
    const eleventh = await admin.put(`/api/projects/${project.id}/step`, { stepNumber: 11, reason: 'Bortom allt' });
    expect(eleventh.statusCode).toBe(400);
    expect(eleventh.json().error.fields).toHaveProperty('stepNumber');
    const nothingToRelease = await admin.put(`/api/projects/${project.id}/step`, {
      stepNumber: null,
      reason: 'Låt underlaget avgöra',
    });
    expect(nothingToRelease.statusCode).toBe(400);
    expect(nothingToRelease.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { stepNumber: expect.any(String) },
    });
    expect((await stepsOf(admin, project.id)).history).toEqual([]);
  });

  it('refuses a decision taken on a stale view of the step', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const projectManager = await loginAsMember(testApp.app, {
      customerId: project.customer.id,
      projectId: project.id,
      roleKeys: ['projektledare'],
    });
    const first = await admin.put(`/api/projects/${project.id}/step`, {
      stepNumber: 1,
      reason: 'Vänta på avtalet',
      version: 0,
    });
    expect(first.statusCode).toBe(200);
    const stale = await projectManager.put(`/api/projects/${project.id}/step`, {
      stepNumber: 4,
      reason: 'Planen är redan påbörjad',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await stepsOf(admin, project.id)).history).toHaveLength(1);
  });

  it('lets whoever writes the plan and the vendor’s project supporter decide, and nobody else', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const member = (customerId: string | null, roleKey: string) =>
      loginAsMember(testApp.app, { customerId, projectId: project.id, roleKeys: [roleKey] });
    const decide = (agent: Agent, stepNumber: number) =>
      agent.put(`/api/projects/${project.id}/step`, { stepNumber, reason: 'Styrgruppen har beslutat' });

    const itSupport = await member(project.customer.id, 'it');
    expect((await stepsOf(itSupport, project.id)).may.decide).toBe(false);
    const refused = await decide(itSupport, 3);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    const projectManager = await member(project.customer.id, 'projektledare');
    expect((await stepsOf(projectManager, project.id)).may.decide).toBe(true);
    expect((await decide(projectManager, 2)).statusCode).toBe(200);

    const supporter = await member(null, 'projektstodjare');
    expect((await stepsOf(supporter, project.id)).may.decide).toBe(true);
    const bySupporter = await decide(supporter, 3);
    expect(bySupporter.statusCode).toBe(200);
    expect((bySupporter.json() as ProjectSteps).history).toHaveLength(2);

    const trainer = await member(null, 'utbildningsledare');
    expect((await stepsOf(trainer, project.id)).may.decide).toBe(false);
    expect((await decide(trainer, 4)).statusCode).toBe(403);

    const outsider = await loginAsMember(testApp.app, { customerId: null });
    expect((await outsider.get(`/api/projects/${project.id}/steps`)).statusCode).toBe(404);
    expect((await decide(outsider, 4)).statusCode).toBe(404);
  });

  it('puts a closed project past every step and refuses decisions on it', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    await admin.put(`/api/projects/${project.id}/step`, { stepNumber: 4, reason: 'Planen skrivs fortfarande' });
    await testApp.app.stegvis.db
      .updateTable('projects')
      .set({ phase: 'operations' })
      .where('id', '=', project.id)
      .execute();

    const steps = await stepsOf(admin, project.id);
    expect(steps).toMatchObject({ current: 10, derived: 1, closed: true, missingToMoveOn: [], may: { decide: false } });
    expect(steps.steps.map((step) => step.state)).toEqual(Array(10).fill('done'));
    const refused = await admin.put(`/api/projects/${project.id}/step`, { stepNumber: 5, reason: 'Efter avslut' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PROJECT_CLOSED');
  });

  it('reads the steps in the same few queries however many decisions and activities a project has', async () => {
    const admin = await loginAs(testApp.app);
    const fresh = await createProject(admin);
    const busy = await createProject(admin);
    await tickStep(admin, busy.id, 1);
    for (const stepNumber of [2, 5, 3]) {
      await admin.put(`/api/projects/${busy.id}/step`, { stepNumber, reason: 'Styrgruppen har beslutat' });
    }
    const countQueries = async (projectId: string) => {
      queries = [];
      await stepsOf(admin, projectId);
      return queries.length;
    };
    const forFresh = await countQueries(fresh.id);
    expect(await countQueries(busy.id)).toBe(forFresh);
    expect(forFresh).toBeLessThanOrEqual(8);
  });
});
