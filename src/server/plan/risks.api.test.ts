import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Plan, Risk } from '../../shared/plan.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createPerson, createProject } from '../test-support/factories.js';

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

const planOf = async (): Promise<Plan> => (await admin.get(`/api/projects/${projectId}/plan`)).json();

const templateRisk = async (causeKey: string): Promise<Risk> => {
  const risk = (await planOf()).risks.find((candidate) => candidate.causeKey === causeKey);
  if (!risk) throw new Error(`no template risk ${causeKey}`);
  return risk;
};

describe('risks', () => {
  it('assesses a template risk with an owner of the customer; its leadership flag stays the template’s', async () => {
    const owner = await createPerson(testApp.app, { customerId, name: 'Örjan Åberg' });
    const risk = await templateRisk('bristande-forankring');
    const response = await admin.put(`/api/projects/${projectId}/risks/${risk.id}`, {
      title: risk.title,
      leadershipIssue: false,
      likelihood: 'medium',
      impact: 'high',
      mitigation: 'Rektorerna presenterar planen på varje skolas APT.',
      ownerPersonId: owner.id,
      status: 'mitigating',
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      causeKey: 'bristande-forankring',
      leadershipIssue: true,
      likelihood: 'medium',
      impact: 'high',
      owner: { id: owner.id, name: 'Örjan Åberg' },
      status: 'mitigating',
      version: 2,
    });
    expect(await templateRisk('bristande-forankring')).toEqual(response.json());

    const stale = await admin.put(`/api/projects/${projectId}/risks/${risk.id}`, {
      title: risk.title,
      status: 'closed',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((await templateRisk('bristande-forankring')).status).toBe('mitigating');
  });

  it('takes an owner from the vendor’s people too, but not from another customer', async () => {
    const vendorPerson = await createPerson(testApp.app, { customerId: null, name: 'Vera Leverantör' });
    const risk = await templateRisk('teknikproblem');
    const url = `/api/projects/${projectId}/risks/${risk.id}`;
    const vendorOwned = await admin.put(url, { title: risk.title, ownerPersonId: vendorPerson.id, version: 1 });
    expect(vendorOwned.json().owner).toEqual({ id: vendorPerson.id, name: 'Vera Leverantör' });

    const stranger = await createPerson(testApp.app, { customerId: (await createCustomer(admin)).id });
    for (const ownerPersonId of [stranger.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await admin.put(url, { title: risk.title, ownerPersonId, version: 2 });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual({ ownerPersonId: 'Okänd person' });
      const created = await admin.post(`/api/projects/${projectId}/risks`, { title: 'Egen risk', ownerPersonId });
      expect(created.statusCode).toBe(400);
    }
    expect((await templateRisk('teknikproblem')).owner?.id).toBe(vendorPerson.id);
  });

  it('adds the project’s own risks after the template’s, and deletes them on their current version', async () => {
    const created = await admin.post(`/api/projects/${projectId}/risks`, {
      title: 'Nyckelpersoner slutar under införandet',
      leadershipIssue: true,
      likelihood: 'low',
      impact: 'high',
    });
    expect(created.statusCode).toBe(201);
    const risk: Risk = created.json();
    expect(risk).toMatchObject({
      causeKey: null,
      position: 8,
      leadershipIssue: true,
      mitigation: '',
      owner: null,
      status: 'open',
      version: 1,
    });
    expect((await planOf()).risks.at(-1)).toEqual(risk);

    const changed = await admin.put(`/api/projects/${projectId}/risks/${risk.id}`, {
      title: risk.title,
      leadershipIssue: false,
      version: 1,
    });
    expect(changed.json()).toMatchObject({ leadershipIssue: false, version: 2 });

    expect((await admin.delete(`/api/projects/${projectId}/risks/${risk.id}?version=1`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/projects/${projectId}/risks/${risk.id}?version=2`)).statusCode).toBe(204);
    expect((await planOf()).risks).toHaveLength(8);

    const history: AuditEvent[] = (await admin.get(`/api/projects/${projectId}/history`)).json().items;
    expect(
      history
        .filter((event) => event.entityType === 'risk')
        .map((event) => event.action)
        .sort(),
    ).toEqual(['risk.created', 'risk.deleted', 'risk.updated']);
  });

  it('keeps the template’s risks: deleting one suggests closing it instead', async () => {
    const risk = await templateRisk('kostnadsoverdrag');
    const response = await admin.delete(`/api/projects/${projectId}/risks/${risk.id}?version=1`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('”Stängd”') });
    expect((await planOf()).risks).toHaveLength(8);
  });

  it('checks what a risk may say', async () => {
    const response = await admin.post(`/api/projects/${projectId}/risks`, {
      title: 'x',
      likelihood: 'ganska',
      status: 'glömd',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['likelihood', 'status', 'title']);
    expect(response.json().error.fields.title).toBe('Beskriv risken');
  });
});

describe('success factors', () => {
  it('describes how the project works on a keyword, on its current version', async () => {
    const factor = (await planOf()).successFactors.find((candidate) => candidate.keywordKey === 'forankring');
    if (!factor) throw new Error('no keyword forankring');
    const url = `/api/projects/${projectId}/success-factors/${factor.id}`;
    const approach = 'Planen förankras i ledningsgruppen och på varje skolas arbetsplatsträff.';
    const saved = await admin.put(url, { approach, version: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ ...factor, approach, version: 2 });

    const stale = await admin.put(url, { approach: 'Något annat', version: 1 });
    expect(stale.statusCode).toBe(409);
    const tooLong = await admin.put(url, { approach: 'å'.repeat(4001), version: 2 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toEqual({ approach: 'Högst 4000 tecken' });
    expect((await planOf()).successFactors.find((candidate) => candidate.id === factor.id)?.approach).toBe(approach);

    const missing = await admin.put(`/api/projects/${projectId}/success-factors/00000000-0000-4000-8000-000000000000`, {
      approach,
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });
});
