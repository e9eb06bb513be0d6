import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { EvaluationItem, Plan } from '../../shared/plan.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createEffectGoal, createProject } from '../test-support/factories.js';

let testApp: TestApp;
let admin: Agent;
let projectId: string;
beforeEach(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app);
  projectId = (await createProject(admin)).id;
});
afterEach(() => testApp.close());

const planOf = async (id: string): Promise<Plan> => (await admin.get(`/api/projects/${id}/plan`)).json();

const projectGoal = {
  kind: 'project',
  title: 'Systemet ska vara integrerat med elevregistret',
  deliverable: 'integration',
  dueDate: '2027-08-15',
  budgetSek: 250_000,
} as const;

describe('goals', () => {
  it('appends effect and project goals in order, each with its own fields', async () => {
    const effect = await createEffectGoal(admin, projectId);
    expect(effect).toMatchObject({
      kind: 'effect',
      position: 0,
      unit: 'percent',
      baseline: 40,
      target: 100,
      targetDate: '2027-12-20',
      deliverable: null,
      budgetSek: null,
      version: 1,
    });
    const created = await admin.post(`/api/projects/${projectId}/goals`, projectGoal);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      ...projectGoal,
      position: 1,
      description: '',
      measure: null,
      target: null,
      version: 1,
    });
    expect((await planOf(projectId)).goals.map((goal) => goal.title)).toEqual([effect.title, projectGoal.title]);
  });

  it('refuses an effect goal that cannot be measured, saying so in Swedish per field', async () => {
    const response = await admin.post(`/api/projects/${projectId}/goals`, {
      kind: 'effect',
      title: 'Frånvaron ska registreras i plattformen',
      unit: 'percent',
      baseline: 0,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: {
        measure: 'Ett effektmål måste vara mätbart: ange vad som mäts',
        target: 'Ett effektmål måste vara mätbart: ange målvärdet',
        targetDate: 'Ett effektmål måste vara mätbart: ange när målvärdet ska vara nått',
      },
    });

    const overHundred = await admin.post(`/api/projects/${projectId}/goals`, {
      kind: 'effect',
      title: 'Frånvaron ska registreras i plattformen',
      measure: 'Andel lektioner med registrerad frånvaro',
      unit: 'percent',
      baseline: 0,
      target: 120,
      targetDate: '2027-06-30',
    });
    expect(overHundred.statusCode).toBe(400);
    expect(overHundred.json().error.fields).toEqual({ target: 'En procentsats ligger mellan 0 och 100' });

    const negativeBudget = await admin.post(`/api/projects/${projectId}/goals`, { ...projectGoal, budgetSek: -1 });
    expect(negativeBudget.json().error.fields).toEqual({ budgetSek: 'Budgeten kan inte vara negativ' });
    expect((await planOf(projectId)).goals).toEqual([]);
  });

  it('changes a goal on its current version; a change of kind clears the other kind’s fields', async () => {
    const goal = await createEffectGoal(admin, projectId);
    const url = `/api/projects/${projectId}/goals/${goal.id}`;
    const changed = await admin.put(url, { ...projectGoal, version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      kind: 'project',
      deliverable: 'integration',
      budgetSek: 250_000,
      measure: null,
      unit: null,
      baseline: null,
      target: null,
      targetDate: null,
      version: 2,
    });

    const stale = await admin.put(url, { ...projectGoal, title: 'Gammal version', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await planOf(projectId)).goals[0].title).toBe(projectGoal.title);

    const back = await admin.put(url, {
      kind: 'effect',
      title: 'Frånvaro registreras',
      measure: 'Andel lektioner med registrerad frånvaro',
      unit: 'percent',
      baseline: 20,
      target: 100,
      targetDate: '2027-10-01',
      version: 2,
    });
    expect(back.json()).toMatchObject({
      kind: 'effect',
      deliverable: null,
      dueDate: null,
      budgetSek: null,
      version: 3,
    });

    const missing = await admin.put(`/api/projects/${projectId}/goals/00000000-0000-4000-8000-000000000000`, {
      ...projectGoal,
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('deletes a goal on its current version, with its links to the evaluation', async () => {
    const kept = await createEffectGoal(admin, projectId, { title: 'Bedömning i varje ämne' });
    const removed = await createEffectGoal(admin, projectId, { title: 'Frånvaro registreras i plattformen' });
    const item = (
      await admin.post(`/api/projects/${projectId}/evaluation-items`, {
        why: 'För att se att målen nås',
        what: 'Bedömningar och frånvaro',
        how: 'Rapport ur plattformen',
        collectionDates: ['2027-06-01'],
        goalIds: [kept.id, removed.id],
      })
    ).json();

    const stale = await admin.delete(`/api/projects/${projectId}/goals/${removed.id}?version=2`);
    expect(stale.statusCode).toBe(409);
    const withoutVersion = await admin.delete(`/api/projects/${projectId}/goals/${removed.id}`);
    expect(withoutVersion.statusCode).toBe(400);

    const deleted = await admin.delete(`/api/projects/${projectId}/goals/${removed.id}?version=1`);
    expect(deleted.statusCode).toBe(204);
    const plan = await planOf(projectId);
    expect(plan.goals.map((goal) => goal.id)).toEqual([kept.id]);
    expect(plan.evaluation.find((candidate) => candidate.id === item.id)?.goalIds).toEqual([kept.id]);
    expect((await admin.delete(`/api/projects/${projectId}/goals/${removed.id}?version=1`)).statusCode).toBe(404);

    const history: AuditEvent[] = (await admin.get(`/api/projects/${projectId}/history`)).json().items;
    const goalEvents = history.filter((event) => event.entityType === 'goal');
    expect(goalEvents.map((event) => event.action).sort()).toEqual(['goal.created', 'goal.created', 'goal.deleted']);
    expect(goalEvents.find((event) => event.action === 'goal.deleted')).toMatchObject({
      entityId: removed.id,
      summary: 'Tog bort effektmålet Frånvaro registreras i plattformen',
      after: null,
    });
  });

  it('does not reach the goals of another project', async () => {
    const goal = await createEffectGoal(admin, projectId);
    const other = await createProject(admin);
    const response = await admin.put(`/api/projects/${other.id}/goals/${goal.id}`, { ...projectGoal, version: 1 });
    expect(response.statusCode).toBe(404);
    expect((await admin.delete(`/api/projects/${other.id}/goals/${goal.id}?version=1`)).statusCode).toBe(404);
  });
});

describe('evaluation items', () => {
  const itemInput = (goalIds: string[]) => ({
    why: 'För att veta om lärarna bedömer eleverna i tid',
    what: 'Andel elever med bedömning i varje ämne',
    how: 'Rapport ur plattformen per skola',
    collectionDates: ['2027-12-15', '2027-06-10', '2027-12-15'],
    goalIds,
  });

  it('ties an item to the project’s goals, with its collection dates sorted', async () => {
    const first = await createEffectGoal(admin, projectId);
    const second = await createEffectGoal(admin, projectId, { title: 'Frånvaro registreras i plattformen' });
    const created = await admin.post(`/api/projects/${projectId}/evaluation-items`, itemInput([second.id, first.id]));
    expect(created.statusCode).toBe(201);
    const item: EvaluationItem = created.json();
    expect(item).toMatchObject({
      position: 0,
      collectionDates: ['2027-06-10', '2027-12-15'],
      goalIds: [first.id, second.id],
      version: 1,
    });
    expect((await planOf(projectId)).evaluation).toEqual([item]);

    const url = `/api/projects/${projectId}/evaluation-items/${item.id}`;
    const changed = await admin.put(url, {
      ...itemInput([second.id]),
      collectionDates: ['2028-01-20', '2027-09-01'],
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      goalIds: [second.id],
      collectionDates: ['2027-09-01', '2028-01-20'],
      version: 2,
    });
    const stale = await admin.put(url, { ...itemInput([first.id]), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await planOf(projectId)).evaluation[0].goalIds).toEqual([second.id]);

    expect((await admin.delete(`${url}?version=1`)).statusCode).toBe(409);
    expect((await admin.delete(`${url}?version=2`)).statusCode).toBe(204);
    const plan = await planOf(projectId);
    expect(plan.evaluation).toEqual([]);
    expect(plan.goals).toHaveLength(2);
  });

  it('refuses goals of another project, and items without a goal or a date', async () => {
    const other = await createProject(admin);
    const foreignGoal = await createEffectGoal(admin, other.id);
    const ownGoal = await createEffectGoal(admin, projectId);
    const foreign = await admin.post(
      `/api/projects/${projectId}/evaluation-items`,
      itemInput([ownGoal.id, foreignGoal.id]),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({ goalIds: 'Okänt mål' });

    const empty = await admin.post(`/api/projects/${projectId}/evaluation-items`, {
      ...itemInput([]),
      collectionDates: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({
      goalIds: 'Koppla utvärderingen till minst ett av målen',
      collectionDates: 'Ange minst ett datum då data samlas in',
    });
    expect((await planOf(projectId)).evaluation).toEqual([]);

    const item: EvaluationItem = (
      await admin.post(`/api/projects/${projectId}/evaluation-items`, itemInput([ownGoal.id]))
    ).json();
    const moved = await admin.put(`/api/projects/${projectId}/evaluation-items/${item.id}`, {
      ...itemInput([foreignGoal.id]),
      version: 1,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toHaveProperty('goalIds');
  });
});
