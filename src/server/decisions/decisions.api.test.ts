import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Checklist } from '../../shared/checklist.js';
import type { Plan } from '../../shared/plan.js';
import type { PlanDiff } from '../../shared/revisions.js';
import type { Decision, DecisionInput, DecisionList } from '../../shared/steering.js';
import { newId } from '../core/ids.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { pdfTextOnOneLine } from '../test-support/pdf-text.js';

const clock = { now: () => new Date('2027-02-10T09:00:00.000Z') };

let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

/** A customer's project with its Projektledare, a Styrgrupp member and a Rektor who only reads. */
async function steeredProject() {
  const { app } = testApp;
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const project = await createProject(admin, customer.id);
  const member = (roleKeys: string[]) =>
    loginAsMember(app, { customerId: customer.id, projectId: project.id, roleKeys });
  return {
    customerId: customer.id,
    projectId: project.id,
    manager: await member(['projektledare']),
    steering: await member(['styrgrupp']),
    principal: await member(['rektor']),
  };
}

const decisionInput = (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  title: 'Rubriker till IUP och åtgärdsprogram',
  background: 'Projektgruppen gick igenom vilka rubriker skolorna använder i dag.',
  decision: 'Vi använder Skolverkets rubriker från höstterminen.',
  decidedBy: 'projektgrupp',
  decidedOn: '2027-02-08',
  ...overrides,
});

const decisionsUrl = (projectId: string) => `/api/projects/${projectId}/decisions`;

async function record(agent: Agent, projectId: string, overrides: Partial<DecisionInput> = {}): Promise<Decision> {
  const response = await agent.post(decisionsUrl(projectId), decisionInput(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const listOf = async (agent: Agent, projectId: string, q?: string): Promise<DecisionList> => {
  const response = await agent.get(`${decisionsUrl(projectId)}${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const historyOf = async (agent: Agent, projectId: string): Promise<AuditEvent[]> =>
  (await agent.get(`/api/projects/${projectId}/history`)).json().items;

describe('the decision log', () => {
  it('numbers decisions 1, 2, 3 in each project and lists the newest first, with who recorded them', async () => {
    const { projectId, manager } = await steeredProject();
    const other = await createProject(admin);
    const first = await record(manager, projectId, { title: 'Första beslutet' });
    await record(manager, projectId, { title: 'Andra beslutet' });
    await record(admin, other.id, { title: 'Ett annat projekts beslut' });
    await record(manager, projectId, { title: 'Tredje beslutet' });

    expect(first).toMatchObject({
      number: 1,
      title: 'Första beslutet',
      background: 'Projektgruppen gick igenom vilka rubriker skolorna använder i dag.',
      decidedBy: 'projektgrupp',
      decidedOn: '2027-02-08',
      links: [],
      changeRequest: null,
      meeting: null,
      recordedBy: { name: expect.stringMatching(/^Användare \d+$/) },
      createdAt: '2027-02-10T09:00:00.000Z',
      version: 1,
    });
    const list = await listOf(manager, projectId);
    expect(list.items.map((decision) => [decision.number, decision.title])).toEqual([
      [3, 'Tredje beslutet'],
      [2, 'Andra beslutet'],
      [1, 'Första beslutet'],
    ]);
    expect(list.may).toEqual({ record: true });
    expect((await listOf(admin, other.id)).items.map((decision) => decision.number)).toEqual([1]);
  });

  it('gives decisions recorded at the same moment different numbers', async () => {
    const { projectId, manager, steering } = await steeredProject();
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 === 0 ? manager : steering).post(
          decisionsUrl(projectId),
          decisionInput({ title: `Beslut ${index}` }),
        ),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const numbers = responses.map((response) => (response.json() as Decision).number).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('links a decision to checklist activities, key activities, goals and plan sections, named by their titles', async () => {
    const { projectId, manager } = await steeredProject();
    const plan: Plan = (await manager.get(`/api/projects/${projectId}/plan`)).json();
    const checklist: Checklist = (await manager.get(`/api/projects/${projectId}/activities`)).json();
    const activity = checklist.groups[0].activities[0];
    const goLive = plan.keyActivities.find((candidate) => candidate.templateKey === 'skarp-start');
    const goal = await createEffectGoal(manager, projectId, { title: 'All frånvaro registreras i plattformen' });
    const decision = await record(manager, projectId, {
      links: [
        { kind: 'activity', targetId: activity.id },
        { kind: 'keyActivity', targetId: goLive?.id ?? '' },
        { kind: 'goal', targetId: goal.id },
        { kind: 'section', targetId: 'projektmote' },
        { kind: 'goal', targetId: goal.id },
      ],
    });
    expect(decision.links).toEqual([
      { kind: 'section', targetId: 'projektmote', title: `Projektmöte med ${testApp.config.vendorName}` },
      { kind: 'goal', targetId: goal.id, title: 'All frånvaro registreras i plattformen' },
      { kind: 'keyActivity', targetId: goLive?.id, title: 'Systemet är klart för att börja användas skarpt' },
      { kind: 'activity', targetId: activity.id, title: activity.title },
    ]);

    // A goal removed later is still named as removed, so the decision keeps saying what it concerned.
    expect(
      (await manager.delete(`/api/projects/${projectId}/goals/${goal.id}?version=${goal.version}`)).statusCode,
    ).toBe(204);
    const [listed] = (await listOf(manager, projectId)).items;
    expect(listed.links.find((link) => link.kind === 'goal')).toEqual({
      kind: 'goal',
      targetId: goal.id,
      title: 'Finns inte längre',
    });
  });

  it('refuses, naming the link, a target that is not in the project, and a meeting of another project', async () => {
    const { projectId, manager } = await steeredProject();
    const other = await createProject(admin);
    const foreignGoal = await createEffectGoal(admin, other.id);
    const cases: [DecisionInput['links'], string][] = [
      [[{ kind: 'goal', targetId: foreignGoal.id }], 'links.0.targetId'],
      [
        [
          { kind: 'section', targetId: 'bakgrund' },
          { kind: 'section', targetId: 'ingen-sadan' },
        ],
        'links.1.targetId',
      ],
      [[{ kind: 'keyActivity', targetId: newId() }], 'links.0.targetId'],
      [[{ kind: 'activity', targetId: newId() }], 'links.0.targetId'],
    ];
    for (const [links, field] of cases) {
      const response = await manager.post(decisionsUrl(projectId), decisionInput({ links }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'Beslutet kan bara gälla det som finns i projektets plan',
        fields: { [field]: 'Finns inte i projektet' },
      });
    }
    const meetingId = await insertMeeting(other.id, '2027-02-01');
    const response = await manager.post(decisionsUrl(projectId), decisionInput({ meetingId }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ meetingId: 'Okänt möte' });
    expect((await listOf(manager, projectId)).items).toEqual([]);
  });

  it('records the steering group meeting a decision was taken at', async () => {
    const { projectId, steering } = await steeredProject();
    const meetingId = await insertMeeting(projectId, '2027-02-05');
    const decision = await record(steering, projectId, { decidedBy: 'styrgrupp', meetingId });
    expect(decision.meeting).toEqual({ id: meetingId, date: '2027-02-05' });
  });

  it('validates what a decision must say, in Swedish', async () => {
    const { projectId, manager } = await steeredProject();
    const response = await manager.post(decisionsUrl(projectId), {
      ...decisionInput(),
      title: 'x',
      decidedBy: 'rektor',
      decidedOn: '2027-02-30',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject({
      title: 'Ge beslutet en rubrik',
      decidedBy: 'Välj vem som beslutade',
      decidedOn: 'Ange ett datum som ÅÅÅÅ-MM-DD',
    });
  });
});

describe('searching the decision log', () => {
  it('finds decisions by number ("3" or "#3") and by words in the title, background and decision', async () => {
    const { projectId, manager } = await steeredProject();
    await record(manager, projectId, {
      title: 'Vårdnadshavare får tillgång i april',
      background: '',
      decision: 'Från 1 april.',
    });
    await record(manager, projectId, {
      title: 'Åtgärdsprogram i plattformen',
      background: 'Elevhälsan vill ha dem samlade.',
      decision: 'Alla nya åtgärdsprogram skrivs i plattformen.',
    });
    await record(manager, projectId, {
      title: 'Frånvaro rapporteras per lektion',
      background: '',
      decision: 'Så blir det.',
    });

    const numbersFor = async (q: string) =>
      (await listOf(manager, projectId, q)).items.map((decision) => decision.number);
    expect(await numbersFor('#3')).toEqual([3]);
    expect(await numbersFor('3')).toEqual([3]);
    expect(await numbersFor('ÅTGÄRDSPROGRAM')).toEqual([2]);
    expect(await numbersFor('elevhälsan')).toEqual([2]);
    expect(await numbersFor('april')).toEqual([1]);
    expect(await numbersFor('frånvaro lektion')).toEqual([3]);
    expect(await numbersFor('#2 april')).toEqual([]);
    expect(await numbersFor('')).toEqual([3, 2, 1]);
  });
});

describe('changing and removing decisions', () => {
  it('changes a decision on the version it was read at, recorded in the project history', async () => {
    const { projectId, manager } = await steeredProject();
    const decision = await record(manager, projectId);
    const url = `${decisionsUrl(projectId)}/${decision.id}`;
    const changed = await manager.patch(url, {
      ...decisionInput({ decision: 'Vi använder Skolverkets rubriker från vårterminen.', decidedBy: 'styrgrupp' }),
      links: [{ kind: 'section', targetId: 'mal' }],
      version: decision.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      number: 1,
      decision: 'Vi använder Skolverkets rubriker från vårterminen.',
      decidedBy: 'styrgrupp',
      links: [{ kind: 'section', targetId: 'mal', title: 'Mål' }],
      version: 2,
    });

    const stale = await manager.patch(url, { ...decisionInput(), version: decision.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const events = await historyOf(manager, projectId);
    const updated = events.find((event) => event.action === 'decision.updated');
    expect(updated?.summary).toBe('Ändrade beslut #1 ”Rubriker till IUP och åtgärdsprogram”');
    expect(updated?.before).toMatchObject({ decidedBy: 'Projektgrupp', links: [] });
    expect(updated?.after).toMatchObject({ decidedBy: 'Styrgrupp', links: ['Mål'] });
    expect(events.some((event) => event.action === 'decision.created')).toBe(true);
  });

  it('removes a decision on its version; the next one still takes a number of its own', async () => {
    const { projectId, manager } = await steeredProject();
    const first = await record(manager, projectId);
    const second = await record(manager, projectId);
    const url = (decision: Decision, version: number) => `${decisionsUrl(projectId)}/${decision.id}?version=${version}`;
    expect((await manager.delete(url(second, 9))).statusCode).toBe(409);
    expect((await manager.delete(url(second, second.version))).statusCode).toBe(204);
    expect((await manager.delete(url(second, second.version))).statusCode).toBe(404);
    expect((await listOf(manager, projectId)).items.map((decision) => decision.id)).toEqual([first.id]);
    expect((await record(manager, projectId)).number).toBe(2);
    expect((await historyOf(manager, projectId)).some((event) => event.action === 'decision.deleted')).toBe(true);
  });
});

describe('who may keep the decision log', () => {
  it('lets the Styrgrupp and the plan writers record; a Rektor reads the log but may not write in it', async () => {
    const { projectId, steering, principal } = await steeredProject();
    const decision = await record(steering, projectId, { decidedBy: 'styrgrupp' });
    await record(admin, projectId);

    const readerList = await listOf(principal, projectId);
    expect(readerList.items).toHaveLength(2);
    expect(readerList.may).toEqual({ record: false });
    expect((await listOf(steering, projectId)).may).toEqual({ record: true });

    const refused = await principal.post(decisionsUrl(projectId), decisionInput());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      'Bara styrgruppen och de som skriver planen (beställare, projektledare, projektgrupp) kan föra beslutsloggen',
    );
    const url = `${decisionsUrl(projectId)}/${decision.id}`;
    expect((await principal.patch(url, { ...decisionInput(), version: 1 })).statusCode).toBe(403);
    expect((await principal.delete(`${url}?version=1`)).statusCode).toBe(403);
  });

  it("answers 404 to another customer's people, as if the project did not exist", async () => {
    const { projectId } = await steeredProject();
    const otherCustomer = await createCustomer(admin);
    const otherProject = await createProject(admin, otherCustomer.id);
    const stranger = await loginAsMember(testApp.app, {
      customerId: otherCustomer.id,
      projectId: otherProject.id,
      roleKeys: ['styrgrupp'],
    });
    expect((await stranger.get(decisionsUrl(projectId))).statusCode).toBe(404);
    expect((await stranger.post(decisionsUrl(projectId), decisionInput())).statusCode).toBe(404);
  });
});

describe('decisions in the plan', () => {
  it('become part of the next revision, and the comparison shows decisions added and changed', async () => {
    const { projectId, manager } = await steeredProject();
    const send = async () =>
      expect((await manager.post(`/api/projects/${projectId}/revisions`, { message: 'Ny version.' })).statusCode).toBe(
        201,
      );
    const compare = async (from: number, to: number | 'draft'): Promise<PlanDiff> =>
      (await manager.get(`/api/projects/${projectId}/revisions/compare?from=${from}&to=${to}`)).json();

    await send();
    const decision = await record(manager, projectId, { decidedBy: 'bestallare' });
    await send();
    const revision = (await manager.get(`/api/projects/${projectId}/revisions/2`)).json();
    expect(revision.snapshot.decisions).toEqual([
      {
        id: decision.id,
        number: 1,
        title: 'Rubriker till IUP och åtgärdsprogram',
        decision: 'Vi använder Skolverkets rubriker från höstterminen.',
        decidedBy: 'bestallare',
        decidedOn: '2027-02-08',
      },
    ]);
    const added = await compare(1, 2);
    expect(added.decisions).toEqual([
      {
        id: decision.id,
        label: 'Beslut 1: Rubriker till IUP och åtgärdsprogram',
        change: 'added',
        fields: [
          expect.objectContaining({ field: 'title', after: 'Rubriker till IUP och åtgärdsprogram' }),
          expect.objectContaining({ field: 'decision', after: 'Vi använder Skolverkets rubriker från höstterminen.' }),
          expect.objectContaining({ field: 'decidedBy', after: 'Beställare' }),
          expect.objectContaining({ field: 'decidedOn', after: '2027-02-08' }),
        ],
      },
    ]);
    expect(added.changeCount).toBe(1);

    await manager.patch(`${decisionsUrl(projectId)}/${decision.id}`, {
      ...decisionInput({ decidedBy: 'bestallare', decidedOn: '2027-02-09' }),
      version: decision.version,
    });
    const changed = await compare(2, 'draft');
    expect(changed.decisions).toEqual([
      {
        id: decision.id,
        label: 'Beslut 1: Rubriker till IUP och åtgärdsprogram',
        change: 'changed',
        fields: [
          {
            field: 'decidedOn',
            label: 'Datum',
            before: '2027-02-08',
            after: '2027-02-09',
            parts: [
              { kind: 'removed', text: '2027-02-08' },
              { kind: 'added', text: '2027-02-09' },
            ],
          },
        ],
      },
    ]);
  });

  it('are exported with the plan as the Beslutslogg, in Word and PDF', async () => {
    const { projectId, manager } = await steeredProject();
    await record(manager, projectId, { title: 'Vårdnadshavare får tillgång i april', decidedBy: 'styrgrupp' });
    const word = await manager.get(`/api/projects/${projectId}/plan/export.docx`);
    const pdf = await manager.get(`/api/projects/${projectId}/plan/export.pdf`);
    for (const content of [await wordText(word.rawPayload), await pdfTextOnOneLine(pdf.rawPayload)]) {
      expect(content).toMatch(/\d+ Beslutslogg/);
      expect(content).toContain('Vårdnadshavare får tillgång i april');
      expect(content).toContain('Vi använder Skolverkets rubriker från höstterminen.');
      expect(content).toContain('Styrgrupp');
    }
  });
});

/** A steering group meeting of the project, written directly: the meetings have their own API. */
async function insertMeeting(projectId: string, date: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await testApp.app.stegvis.db
    .insertInto('steering_meetings')
    .values({
      id,
      project_id: projectId,
      date,
      time: null,
      place: '',
      agenda_items: '[]',
      minutes: '',
      agenda_sent_at: null,
      created_at: now,
      version: 1,
      updated_at: now,
    })
    .execute();
  return id;
}

async function wordText(file: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(' ');
}
