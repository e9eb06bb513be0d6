import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Communication, CommunicationItem } from '../../shared/communication.js';
import { planSnapshotSchema, type RevisionDetail } from '../../shared/revisions.js';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

const clock: Clock = { now: () => new Date('2027-01-20T09:00:00.000Z') };

let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

/** A project of Åkerby kommun, started on a Monday so that the seeded dates are easy to follow. */
async function customerProject() {
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const response = await admin.post('/api/projects', { customerId: customer.id, startDate: '2027-01-04' });
  expect(response.statusCode).toBe(201);
  return { customerId: customer.id, projectId: (response.json() as { id: string }).id };
}

const communicationOf = async (agent: Agent, projectId: string): Promise<Communication> => {
  const response = await agent.get(`/api/projects/${projectId}/communication`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

const itemsUrl = (projectId: string) => `/api/projects/${projectId}/communication-items`;

async function addItem(agent: Agent, projectId: string, body: Record<string, unknown> = {}) {
  const response = await agent.post(itemsUrl(projectId), {
    title: 'Brev om inloggning till vårdnadshavare',
    message: 'Så loggar du in och ser ditt barns frånvaro.',
    channel: 'Brev',
    audienceKeys: ['vardnadshavare'],
    plannedOn: '2027-03-01',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as CommunicationItem;
}

const historyOf = async (projectId: string): Promise<AuditEvent[]> =>
  (await admin.get(`/api/projects/${projectId}/history`)).json().items;

describe('a new project', () => {
  it('starts with the information meeting and "Nu kör vi!", dated by the timeline as it moves', async () => {
    const { projectId } = await customerProject();
    const communication = await communicationOf(admin, projectId);
    expect(communication.audiences.map((audience) => audience.title)).toEqual([
      'Elever',
      'Vårdnadshavare',
      'Skolledare',
      'Pedagoger',
      'Administratörer',
    ]);
    expect(communication.may).toEqual({ edit: true });
    // Week 12 and week 14 after the start on 2027-01-04.
    expect(
      communication.items.map((item) => ({
        title: item.title,
        audienceKeys: item.audienceKeys,
        channel: item.channel,
        date: item.date,
        plannedOn: item.plannedOn,
        done: item.done,
      })),
    ).toEqual([
      {
        title: 'Uppstartsmöte',
        audienceKeys: ['skolledare', 'pedagoger', 'administratorer'],
        channel: 'Möte',
        date: '2027-03-29',
        plannedOn: null,
        done: null,
      },
      {
        title: expect.stringMatching(/^Informationsmöte om .+ Hub med vårdnadshavare och elever$/),
        audienceKeys: ['elever', 'vardnadshavare'],
        channel: 'Möte',
        date: '2027-04-12',
        plannedOn: null,
        done: null,
      },
    ]);
    expect(communication.items[0]?.message).toBe('Hålls av skolledare med budskapet ”Nu kör vi!”');
    expect(communication.items[1]?.message).toContain('Var tydlig med förväntningarna!');

    const startMeeting = communication.items.find((item) => item.title === 'Uppstartsmöte')?.keyActivity;
    const moved = await admin.patch(`/api/projects/${projectId}/key-activities/${startMeeting?.id}`, {
      version: 1,
      date: '2027-04-19',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await communicationOf(admin, projectId);
    expect(after.items.map((item) => [item.title.slice(0, 14), item.date])).toEqual([
      ['Informationsmö', '2027-04-12'],
      ['Uppstartsmöte', '2027-04-19'],
    ]);
  });

  it('starts with an empty process guide with a part for each effect goal', async () => {
    const { projectId } = await customerProject();
    expect((await communicationOf(admin, projectId)).guide).toEqual({
      introduction: { type: 'doc', content: [] },
      version: 0,
      updatedAt: null,
      goals: [],
    });
    const goal = await createEffectGoal(admin, projectId);
    await admin.post(`/api/projects/${projectId}/goals`, {
      kind: 'project',
      title: 'Integration med elevregistret',
      deliverable: 'integration',
    });
    expect((await communicationOf(admin, projectId)).guide.goals).toEqual([
      {
        goalId: goal.id,
        goalTitle: goal.title,
        goalMeasure: goal.measure,
        usage: { type: 'doc', content: [] },
        statistics: { type: 'doc', content: [] },
        version: 0,
      },
    ]);
  });
});

describe('the communication plan', () => {
  it('adds, changes and removes items on the version they were read at, each in the history', async () => {
    const { customerId, projectId } = await customerProject();
    const person = await createPerson(testApp.app, { customerId, name: 'Örjan Ärlig' });
    const item = await addItem(admin, projectId, {
      audienceKeys: ['vardnadshavare', 'elever', 'vardnadshavare'],
      responsiblePersonId: person.id,
    });
    expect(item).toMatchObject({
      title: 'Brev om inloggning till vårdnadshavare',
      channel: 'Brev',
      audienceKeys: ['elever', 'vardnadshavare'],
      plannedOn: '2027-03-01',
      keyActivity: null,
      date: '2027-03-01',
      responsible: { id: person.id, name: 'Örjan Ärlig' },
      done: null,
      canTick: true,
      version: 1,
    });

    const changed = await admin.patch(`${itemsUrl(projectId)}/${item.id}`, {
      version: 1,
      channel: 'Plattformens anslagstavla',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ channel: 'Plattformens anslagstavla', plannedOn: '2027-03-01', version: 2 });

    const stale = await admin.patch(`${itemsUrl(projectId)}/${item.id}`, { version: 1, title: 'Gammal ändring' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(stale.json().error.message).toContain('Någon annan har ändrat punkten');

    // Following the timeline replaces the own date.
    const infoMeeting = (await communicationOf(admin, projectId)).keyActivities.find((activity) =>
      activity.title.startsWith('Informationsmöte'),
    );
    const followed = await admin.patch(`${itemsUrl(projectId)}/${item.id}`, {
      version: 2,
      keyActivityId: infoMeeting?.id,
    });
    expect(followed.json()).toMatchObject({
      plannedOn: null,
      keyActivity: { id: infoMeeting?.id, date: '2027-04-12' },
      date: '2027-04-12',
      version: 3,
    });

    expect((await admin.delete(`${itemsUrl(projectId)}/${item.id}?version=2`)).statusCode).toBe(409);
    expect((await admin.delete(`${itemsUrl(projectId)}/${item.id}?version=3`)).statusCode).toBe(204);
    expect((await communicationOf(admin, projectId)).items.map((entry) => entry.id)).not.toContain(item.id);
    expect((await admin.delete(`${itemsUrl(projectId)}/${item.id}?version=3`)).statusCode).toBe(404);

    // Every change has the same time on the test's clock: the history's order among them is not the point.
    const history = (await historyOf(projectId)).filter((event) => event.entityId === item.id);
    expect(history.map((event) => event.action).sort()).toEqual([
      'communication_item.created',
      'communication_item.deleted',
      'communication_item.updated',
      'communication_item.updated',
    ]);
    expect(history.find((event) => event.action === 'communication_item.created')?.after).toMatchObject({
      audiences: 'Elever, Vårdnadshavare',
      when: '2027-03-01',
      responsible: 'Örjan Ärlig',
    });
    expect(history.find((event) => event.action === 'communication_item.deleted')?.before).toMatchObject({
      when: expect.stringMatching(/^Enligt tidplanen: Informationsmöte .+ \(2027-04-12\)$/),
    });
  });

  it('lists the soonest first and the undated last', async () => {
    const { projectId } = await customerProject();
    await addItem(admin, projectId, { title: 'Utan datum', plannedOn: null });
    await addItem(admin, projectId, { title: 'Tidigt brev', plannedOn: '2027-02-01' });
    const titles = (await communicationOf(admin, projectId)).items.map((item) => item.title);
    expect(titles[0]).toBe('Tidigt brev');
    expect(titles.at(-1)).toBe('Utan datum');
  });

  it("refuses audiences the template does not name, another customer's person and a date chosen twice", async () => {
    const { projectId } = await customerProject();
    const other = await createCustomer(admin, { name: 'Grannby kommun' });
    const outsider = await createPerson(testApp.app, { customerId: other.id });
    const otherProject = await createProject(admin, other.id);
    const foreignKeyActivity = (await communicationOf(admin, otherProject.id)).keyActivities[0];
    const base = { title: 'Information om frånvaro', audienceKeys: ['vardnadshavare'] };

    const cases: [Record<string, unknown>, string][] = [
      [{ audienceKeys: ['rektorer'] }, 'audienceKeys'],
      [{ audienceKeys: [] }, 'audienceKeys'],
      [{ responsiblePersonId: outsider.id }, 'responsiblePersonId'],
      [{ keyActivityId: foreignKeyActivity?.id }, 'keyActivityId'],
      [{ plannedOn: '2027-03-01', keyActivityId: foreignKeyActivity?.id }, 'plannedOn'],
      [{ plannedOn: '2027-02-30' }, 'plannedOn'],
      [{ title: 'A' }, 'title'],
    ];
    for (const [change, field] of cases) {
      const response = await admin.post(itemsUrl(projectId), { ...base, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.json().error.fields ?? {}), JSON.stringify(change)).toContain(field);
    }
    const unknownAudience = await admin.post(itemsUrl(projectId), { ...base, audienceKeys: ['rektorer'] });
    expect(unknownAudience.json().error.message).toBe('Mallen har ingen sådan målgrupp: rektorer');

    const item = await addItem(admin, projectId);
    const changed = await admin.patch(`${itemsUrl(projectId)}/${item.id}`, {
      version: item.version,
      audienceKeys: ['foraldrar'],
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.fields).toEqual({ audienceKeys: 'Okänd målgrupp' });
  });
});

describe('who may change the communication plan', () => {
  it('lets readers see it, and the responsible person mark only their own item done', async () => {
    const { customerId, projectId } = await customerProject();
    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const own = await addItem(admin, projectId, { responsiblePersonId: reader.personId });
    const others = await addItem(admin, projectId, { title: 'Möte med skolledarna', audienceKeys: ['skolledare'] });

    const seen = await communicationOf(reader, projectId);
    expect(seen.may).toEqual({ edit: false });
    expect(seen.items.find((item) => item.id === own.id)?.canTick).toBe(true);
    expect(seen.items.find((item) => item.id === others.id)?.canTick).toBe(false);

    const forbidden = [
      await reader.post(itemsUrl(projectId), { title: 'Eget brev', audienceKeys: ['elever'] }),
      await reader.patch(`${itemsUrl(projectId)}/${own.id}`, { version: own.version, title: 'Nytt namn' }),
      await reader.delete(`${itemsUrl(projectId)}/${own.id}?version=${own.version}`),
      await reader.put(`${itemsUrl(projectId)}/${others.id}/done`, { version: others.version, done: true }),
      await reader.put(`/api/projects/${projectId}/process-guide`, {
        version: 0,
        introduction: richTextFromPlainText('Inledning'),
      }),
    ];
    for (const response of forbidden) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }

    const ticked = await reader.put(`${itemsUrl(projectId)}/${own.id}/done`, { version: own.version, done: true });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json()).toMatchObject({
      done: { at: '2027-01-20T09:00:00.000Z', byName: expect.any(String) },
      version: own.version + 1,
    });
    const byName = ticked.json().done.byName;

    // Ticking again keeps who did it first; a stale version is refused.
    const again = await admin.put(`${itemsUrl(projectId)}/${own.id}/done`, { version: own.version + 1, done: true });
    expect(again.json().done).toEqual({ at: '2027-01-20T09:00:00.000Z', byName });
    expect(
      (await reader.put(`${itemsUrl(projectId)}/${own.id}/done`, { version: own.version, done: false })).statusCode,
    ).toBe(409);
    const undone = await reader.put(`${itemsUrl(projectId)}/${own.id}/done`, { version: own.version + 2, done: false });
    expect(undone.json().done).toBeNull();

    const actions = (await historyOf(projectId))
      .filter((event) => event.entityId === own.id)
      .map((event) => event.action);
    expect(actions.sort()).toEqual([
      'communication_item.created',
      'communication_item.done',
      'communication_item.done',
      'communication_item.undone',
    ]);
  });

  it("answers 404 to another customer's person, and for an item of another project", async () => {
    const { projectId } = await customerProject();
    const item = await addItem(admin, projectId);
    const other = await createCustomer(admin, { name: 'Grannby kommun' });
    const otherProject = await createProject(admin, other.id);
    const outsider = await loginAsMember(testApp.app, {
      customerId: other.id,
      projectId: otherProject.id,
      roleKeys: ['projektledare'],
    });
    expect((await outsider.get(`/api/projects/${projectId}/communication`)).statusCode).toBe(404);
    const elsewhere = await outsider.patch(`${itemsUrl(otherProject.id)}/${item.id}`, { version: 1, title: 'Kapat' });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.message).toBe('Punkten i kommunikationsplanen finns inte');
  });
});

describe('the process guide', () => {
  it('saves the introduction and each effect goal on the version read, refusing stale saves', async () => {
    const { projectId } = await customerProject();
    const goal = await createEffectGoal(admin, projectId, { title: 'All frånvaro registreras i plattformen' });
    const guideUrl = `/api/projects/${projectId}/process-guide`;

    const first = await admin.put(guideUrl, {
      version: 0,
      introduction: richTextFromPlainText('Så här använder Åkerby kommun plattformen.'),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, updatedAt: '2027-01-20T09:00:00.000Z' });

    const secondFirst = await admin.put(guideUrl, { version: 0, introduction: richTextFromPlainText('Också först') });
    expect(secondFirst.statusCode).toBe(409);
    expect(secondFirst.json().error.message).toContain('lathundens inledning');
    expect((await admin.put(guideUrl, { version: 1, introduction: richTextFromPlainText('Andra') })).statusCode).toBe(
      200,
    );
    expect((await admin.put(guideUrl, { version: 1, introduction: richTextFromPlainText('Gammal') })).statusCode).toBe(
      409,
    );

    const goalUrl = `${guideUrl}/goals/${goal.id}`;
    const texts = {
      usage: richTextFromPlainText('Läraren registrerar frånvaron på lektionen.\n• Mentorn följer upp samma dag'),
      statistics: richTextFromPlainText('Andel lektioner med registrerad frånvaro, per skola och månad.'),
    };
    const saved = await admin.put(goalUrl, { version: 0, ...texts });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      goalId: goal.id,
      goalTitle: 'All frånvaro registreras i plattformen',
      goalMeasure: goal.measure,
      ...texts,
      version: 1,
    });
    expect((await admin.put(goalUrl, { version: 0, ...texts })).statusCode).toBe(409);

    const guide = (await communicationOf(admin, projectId)).guide;
    expect(guide.introduction).toEqual(richTextFromPlainText('Andra'));
    expect(guide.version).toBe(2);
    expect(guide.goals).toEqual([saved.json()]);

    const history = await historyOf(projectId);
    expect(history.find((event) => event.action === 'process_guide_goal.updated')).toMatchObject({
      summary: 'Ändrade lathunden för målet All frånvaro registreras i plattformen',
      after: { statistics: 'Andel lektioner med registrerad frånvaro, per skola och månad.' },
    });
    expect(history.filter((event) => event.action === 'process_guide.updated')).toHaveLength(2);
  });

  it('has no part for a project goal, nor for a goal of another project', async () => {
    const { projectId } = await customerProject();
    const projectGoal = await admin.post(`/api/projects/${projectId}/goals`, {
      kind: 'project',
      title: 'Integration med elevregistret',
      deliverable: 'integration',
    });
    const other = await customerProject();
    const foreignGoal = await createEffectGoal(admin, other.projectId);
    const empty = { usage: richTextFromPlainText(''), statistics: richTextFromPlainText('') };
    for (const goalId of [projectGoal.json().id, foreignGoal.id]) {
      const response = await admin.put(`/api/projects/${projectId}/process-guide/goals/${goalId}`, {
        version: 0,
        ...empty,
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe('Effektmålet finns inte');
    }
  });
});

describe('in revisions', () => {
  async function filledIn() {
    const { customerId, projectId } = await customerProject();
    const person = await createPerson(testApp.app, { customerId, name: 'Åsa Öberg' });
    const goal = await createEffectGoal(admin, projectId, { title: 'All frånvaro registreras i plattformen' });
    await addItem(admin, projectId, { responsiblePersonId: person.id });
    await admin.put(`/api/projects/${projectId}/process-guide`, {
      version: 0,
      introduction: richTextFromPlainText('Lathunden för Åkerby kommun.'),
    });
    await admin.put(`/api/projects/${projectId}/process-guide/goals/${goal.id}`, {
      version: 0,
      usage: richTextFromPlainText('Läraren registrerar frånvaron på lektionen.'),
      statistics: richTextFromPlainText('Frånvaro per skola och månad.'),
    });
    return { projectId, goal };
  }

  it('freezes the communication plan and the process guide in a revision', async () => {
    const { projectId, goal } = await filledIn();
    expect(
      (await admin.post(`/api/projects/${projectId}/revisions`, { message: 'Första versionen.' })).statusCode,
    ).toBe(201);
    await addItem(admin, projectId, { title: 'Skrivet efteråt' });

    const revision: RevisionDetail = (await admin.get(`/api/projects/${projectId}/revisions/1`)).json();
    expect(revision.snapshot.communicationPlan?.items.map((item) => item.title)).toEqual([
      'Brev om inloggning till vårdnadshavare',
      'Uppstartsmöte',
      expect.stringMatching(/^Informationsmöte/),
    ]);
    expect(revision.snapshot.communicationPlan?.items[0]).toMatchObject({
      audiences: [{ key: 'vardnadshavare', title: 'Vårdnadshavare' }],
      date: '2027-03-01',
      keyActivityTitle: null,
      responsibleName: 'Åsa Öberg',
    });
    expect(revision.snapshot.communicationPlan?.items[1]).toMatchObject({
      date: '2027-03-29',
      keyActivityTitle: 'Uppstartsmöte',
    });
    expect(revision.snapshot.processGuide).toEqual({
      introduction: richTextFromPlainText('Lathunden för Åkerby kommun.'),
      goals: [
        {
          goalId: goal.id,
          goalTitle: 'All frånvaro registreras i plattformen',
          usage: richTextFromPlainText('Läraren registrerar frånvaron på lektionen.'),
          statistics: richTextFromPlainText('Frånvaro per skola och månad.'),
        },
      ],
    });
  });

  it('still reads and exports a revision sent before the communication plan existed', async () => {
    const { projectId } = await filledIn();
    expect((await admin.post(`/api/projects/${projectId}/revisions`, { message: 'Gammal version.' })).statusCode).toBe(
      201,
    );
    const { db } = testApp.app.stegvis;
    const stored = await db
      .selectFrom('plan_revisions')
      .select('snapshot')
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    const { communicationPlan: _plan, processGuide: _guide, ...old } = JSON.parse(stored.snapshot);
    expect(planSnapshotSchema.safeParse(old).success).toBe(true);
    await db
      .updateTable('plan_revisions')
      .set({ snapshot: JSON.stringify(old) })
      .where('project_id', '=', projectId)
      .execute();

    const revision = await admin.get(`/api/projects/${projectId}/revisions/1`);
    expect(revision.statusCode).toBe(200);
    expect(revision.json().snapshot.communicationPlan).toBeUndefined();
    expect((await admin.get(`/api/projects/${projectId}/plan/export.pdf?revision=1`)).statusCode).toBe(200);
  });
});
