import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Goal, KeyActivity, Plan } from '../../shared/plan.js';
import type { PlanDiff } from '../../shared/revisions.js';
import type { ChangeRequest, ChangeRequestInput, ChangeRequestList, DecisionList } from '../../shared/steering.js';
import type { Timeline } from '../../shared/timeline.js';
import { newId } from '../core/ids.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import {
  assignRole,
  createCustomer,
  createEffectGoal,
  createPerson,
  createProject,
} from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { type SmtpListener, startSmtp } from '../test-support/smtp.js';

const clock = { now: () => new Date('2027-02-10T09:00:00.000Z') };

let smtp: SmtpListener;
let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  smtp = await startSmtp();
  testApp = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Stegvis <stegvis@exempel.se>' } });
  admin = await loginAs(testApp.app);
});
afterEach(async () => {
  await testApp.close();
  await smtp.close();
});

/** Every mail received so far, once all that the app sent in the background have arrived. */
async function mails() {
  await testApp.app.stegvis.mailer.idle();
  return smtp.received;
}

const emailOf = async (table: 'people' | 'users', id: string) =>
  (await testApp.app.stegvis.db.selectFrom(table).select('email').where('id', '=', id).executeTakeFirstOrThrow())
    .email ?? '';

/**
 * A customer's project with the people who steer it: the Projektledare who prepares, a Styrgrupp
 * member and the Beställare who decide, and a Styrgrupp member without an e-mail address.
 */
async function steeredProject() {
  const { app } = testApp;
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const project = await createProject(admin, customer.id);
  const member = (roleKeys: string[]) =>
    loginAsMember(app, { customerId: customer.id, projectId: project.id, roleKeys });
  const manager = await member(['projektledare']);
  const steering = await member(['styrgrupp']);
  const orderer = await member(['bestallare']);
  const unreachable = await createPerson(app, { customerId: customer.id, name: 'Utan E-post', email: null });
  await assignRole(app, { projectId: project.id, personId: unreachable.id, roleKey: 'styrgrupp' });
  const plan: Plan = (await manager.get(`/api/projects/${project.id}/plan`)).json();
  const goLive = plan.keyActivities.find((activity) => activity.templateKey === 'skarp-start') as KeyActivity;
  return { customerId: customer.id, projectId: project.id, manager, steering, orderer, goLive };
}

const requestsUrl = (projectId: string) => `/api/projects/${projectId}/change-requests`;

const moveGoLive = (goLive: KeyActivity, overrides: Partial<ChangeRequestInput> = {}): ChangeRequestInput => ({
  title: 'Skarp start flyttas två veckor',
  areas: ['time'],
  change: 'Skarp start flyttas till den 15 mars.',
  reason: 'Importen av elevdata från det gamla systemet blev försenad.',
  consequence: 'Rektorsutbildningen behöver ligga före den nya starten.',
  proposal: 'Styrgruppen beslutar att skarp start flyttas till 15 mars 2027.',
  dateChanges: [{ keyActivityId: goLive.id, to: '2027-03-15' }],
  ...overrides,
});

async function prepare(agent: Agent, projectId: string, input: ChangeRequestInput): Promise<ChangeRequest> {
  const response = await agent.post(requestsUrl(projectId), input);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const decide = (
  agent: Agent,
  projectId: string,
  request: ChangeRequest,
  body: { outcome: 'approved' | 'rejected'; comment?: string; meetingId?: string | null; version?: number },
) => agent.post(`${requestsUrl(projectId)}/${request.id}/decision`, { version: request.version, ...body });

const requestsOf = async (agent: Agent, projectId: string): Promise<ChangeRequestList> =>
  (await agent.get(requestsUrl(projectId))).json();

const decisionsOf = async (agent: Agent, projectId: string): Promise<DecisionList> =>
  (await agent.get(`/api/projects/${projectId}/decisions`)).json();

const planOf = async (agent: Agent, projectId: string): Promise<Plan> =>
  (await agent.get(`/api/projects/${projectId}/plan`)).json();

const goLiveNow = async (agent: Agent, projectId: string) =>
  (await planOf(agent, projectId)).keyActivities.find((activity) => activity.templateKey === 'skarp-start');

/** The key activity given a date to start from, as the project manager would on the timeline. */
async function dateKeyActivity(agent: Agent, projectId: string, activity: KeyActivity, date: string) {
  const response = await agent.patch(`/api/projects/${projectId}/key-activities/${activity.id}`, {
    version: activity.version,
    date,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as KeyActivity;
}

async function createProjectGoal(agent: Agent, projectId: string): Promise<Goal> {
  const response = await agent.post(`/api/projects/${projectId}/goals`, {
    kind: 'project',
    title: 'Plattformen är integrerad med elevregistret',
    deliverable: 'integration',
    dueDate: '2027-03-01',
    budgetSek: 120000,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('preparing a change request', () => {
  it('is done by the Projektledare, waits for a decision, and mails the Styrgrupp and the Beställare once each', async () => {
    const { projectId, manager, steering, orderer, goLive: undated } = await steeredProject();
    const goLive = await dateKeyActivity(manager, projectId, undated, '2027-03-01');
    const request = await prepare(manager, projectId, moveGoLive(goLive, { areas: ['time', 'budget'] }));
    expect(request).toMatchObject({
      number: 1,
      title: 'Skarp start flyttas två veckor',
      areas: ['time', 'budget'],
      dateChanges: [
        {
          keyActivityId: goLive.id,
          title: 'Systemet är klart för att börja användas skarpt',
          from: '2027-03-01',
          to: '2027-03-15',
        },
      ],
      goalChanges: [],
      status: 'pending',
      preparedBy: { name: expect.stringMatching(/^Användare \d+$/) },
      createdAt: '2027-02-10T09:00:00.000Z',
      decision: null,
      meeting: null,
      version: 1,
    });
    expect((await prepare(manager, projectId, moveGoLive(goLive))).number).toBe(2);

    const received = await mails();
    const recipients = [await emailOf('people', steering.personId), await emailOf('people', orderer.personId)];
    const aboutFirst = received.filter((mail) => mail.subject.includes('#1'));
    expect(aboutFirst.map((mail) => mail.to).sort()).toEqual([...recipients].sort());
    const [mail] = aboutFirst;
    expect(mail.subject).toBe('Ändringsförslag #1 till styrgruppen: Skarp start flyttas två veckor (Åkerby kommun)');
    expect(mail.text).toContain('Ändringen gäller: tid, budget.');
    expect(mail.text).toContain(
      'Förslag till beslut:\nStyrgruppen beslutar att skarp start flyttas till 15 mars 2027.',
    );
    expect(mail.text).toContain(
      '• Systemet är klart för att börja användas skarpt: från 1 mars 2027 till 15 mars 2027',
    );
    expect(mail.text).toContain(`${testApp.config.publicUrl.replace(/\/$/, '')}/projekt/${projectId}/styrning`);
    expect(mail.html).toContain('Skarp start flyttas två veckor');
  });

  it('lists waiting requests first, then the newest, and says who may prepare and decide', async () => {
    const { projectId, manager, steering, goLive } = await steeredProject();
    const first = await prepare(manager, projectId, moveGoLive(goLive, { title: 'Första ändringen' }));
    await prepare(manager, projectId, moveGoLive(goLive, { title: 'Andra ändringen' }));
    await prepare(manager, projectId, moveGoLive(goLive, { title: 'Tredje ändringen' }));
    expect((await decide(steering, projectId, first, { outcome: 'rejected' })).statusCode).toBe(200);
    const newer = (await requestsOf(manager, projectId)).items.find((item) => item.number === 3) as ChangeRequest;
    expect((await decide(steering, projectId, newer, { outcome: 'rejected' })).statusCode).toBe(200);

    const list = await requestsOf(manager, projectId);
    expect(list.items.map((item) => [item.number, item.status])).toEqual([
      [2, 'pending'],
      [3, 'rejected'],
      [1, 'rejected'],
    ]);
    expect(list.may).toEqual({ prepare: true, decide: false });
    expect((await requestsOf(steering, projectId)).may).toEqual({ prepare: false, decide: true });
    expect((await requestsOf(admin, projectId)).may).toEqual({ prepare: true, decide: false });
  });

  it('refuses, naming the field, a key activity or goal not in the project, one named twice and a change the goal cannot take', async () => {
    const { projectId, manager, goLive } = await steeredProject();
    const effectGoal = await createEffectGoal(manager, projectId);
    const other = await createProject(admin);
    const foreignGoal = await createEffectGoal(admin, other.id);
    const cases: [Partial<ChangeRequestInput>, Record<string, string>][] = [
      [
        { dateChanges: [{ keyActivityId: newId(), to: '2027-03-15' }] },
        { 'dateChanges.0.keyActivityId': 'Okänd aktivitet' },
      ],
      [
        {
          dateChanges: [
            { keyActivityId: goLive.id, to: '2027-03-15' },
            { keyActivityId: goLive.id, to: '2027-03-22' },
          ],
        },
        { 'dateChanges.1.keyActivityId': 'Finns redan med' },
      ],
      [{ goalChanges: [{ goalId: foreignGoal.id, field: 'target', to: 90 }] }, { 'goalChanges.0.goalId': 'Okänt mål' }],
      [
        { goalChanges: [{ goalId: effectGoal.id, field: 'budgetSek', to: 90 }] },
        { 'goalChanges.0.field': 'Ett effektmål ändras i målvärde eller datum för målvärdet' },
      ],
      [
        { goalChanges: [{ goalId: effectGoal.id, field: 'target', to: 120 }] },
        { 'goalChanges.0.field': 'En procentsats ligger mellan 0 och 100' },
      ],
      [
        { goalChanges: [{ goalId: effectGoal.id, field: 'targetDate', to: 90 }] },
        { 'goalChanges.0.to': 'Ange ett datum' },
      ],
      [{ areas: [] }, { areas: 'Välj vad som ändras: resultat, tid eller budget' }],
    ];
    for (const [overrides, fields] of cases) {
      const response = await manager.post(requestsUrl(projectId), moveGoLive(goLive, overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.json().error.fields).toEqual(fields);
    }
    expect((await requestsOf(manager, projectId)).items).toEqual([]);
    expect(await mails()).toEqual([]);
  });

  it('is only for the plan writers', async () => {
    const { projectId, steering, goLive } = await steeredProject();
    const response = await steering.post(requestsUrl(projectId), moveGoLive(goLive));
    expect(response.statusCode).toBe(403);
  });

  it('can be rewritten while it waits, on its version, but not once decided', async () => {
    const { projectId, manager, steering, goLive } = await steeredProject();
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    const url = `${requestsUrl(projectId)}/${request.id}`;
    const rewritten = await manager.patch(url, {
      ...moveGoLive(goLive, { proposal: 'Skarp start flyttas till 22 mars 2027.' }),
      dateChanges: [{ keyActivityId: goLive.id, to: '2027-03-22' }],
      version: request.version,
    });
    expect(rewritten.statusCode, rewritten.body).toBe(200);
    expect(rewritten.json()).toMatchObject({
      proposal: 'Skarp start flyttas till 22 mars 2027.',
      dateChanges: [{ keyActivityId: goLive.id, to: '2027-03-22' }],
      version: 2,
    });
    const stale = await manager.patch(url, { ...moveGoLive(goLive), version: request.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    expect((await decide(steering, projectId, rewritten.json(), { outcome: 'rejected' })).statusCode).toBe(200);
    const afterDecision = await manager.patch(url, { ...moveGoLive(goLive), version: 3 });
    expect(afterDecision.statusCode).toBe(409);
    expect(afterDecision.json().error).toEqual({
      code: 'CONFLICT',
      message: 'Ändringsförslag #1 är redan avslaget och kan inte ändras',
    });
  });
});

describe('deciding on a change request', () => {
  it('is for the Styrgrupp and the Beställare only: the Projektledare, a Rektor and the vendor admin get 403', async () => {
    const { projectId, customerId, manager, goLive } = await steeredProject();
    const principal = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['rektor'] });
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    for (const agent of [manager, principal, admin]) {
      const response = await decide(agent, projectId, request, { outcome: 'approved' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toEqual({
        code: 'FORBIDDEN',
        message: 'Bara styrgruppen eller beställaren kan besluta om ändringar',
      });
    }
    expect((await requestsOf(manager, projectId)).items[0].status).toBe('pending');
    expect((await goLiveNow(manager, projectId))?.date).toBe(goLive.date);
  });

  it('applies an approved date change, records the decision with the request linked, and the next revision shows both', async () => {
    const { projectId, manager, steering, goLive: undated } = await steeredProject();
    const goLive = await dateKeyActivity(manager, projectId, undated, '2027-03-01');
    expect(
      (await manager.post(`/api/projects/${projectId}/revisions`, { message: 'Första versionen.' })).statusCode,
    ).toBe(201);
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    const meetingId = await insertMeeting(projectId, '2027-02-09');

    const response = await decide(steering, projectId, request, {
      outcome: 'approved',
      comment: 'Ingen ytterligare flytt.',
      meetingId,
    });
    expect(response.statusCode, response.body).toBe(200);
    const decided: ChangeRequest = response.json();
    expect(decided).toMatchObject({
      status: 'approved',
      decision: {
        by: { name: expect.stringMatching(/^Användare \d+$/) },
        at: '2027-02-10T09:00:00.000Z',
        comment: 'Ingen ytterligare flytt.',
      },
      dateChanges: [{ keyActivityId: goLive.id, from: '2027-03-01', to: '2027-03-15' }],
      meeting: { id: meetingId, date: '2027-02-09' },
      version: 2,
    });

    const moved = await goLiveNow(manager, projectId);
    expect(moved).toMatchObject({ date: '2027-03-15', version: goLive.version + 1 });
    const timeline: Timeline = (await manager.get(`/api/projects/${projectId}/timeline`)).json();
    expect(timeline.items.find((item) => item.id === goLive.id)).toMatchObject({ kind: 'key', date: '2027-03-15' });

    const [decision] = (await decisionsOf(manager, projectId)).items;
    expect(decision).toMatchObject({
      id: decided.decision?.decisionId,
      number: 1,
      title: 'Skarp start flyttas två veckor',
      decision:
        'Styrgruppen beslutar att skarp start flyttas till 15 mars 2027.\n\nKommentar: Ingen ytterligare flytt.',
      decidedBy: 'styrgrupp',
      decidedOn: '2027-02-10',
      links: [{ kind: 'keyActivity', targetId: goLive.id, title: 'Systemet är klart för att börja användas skarpt' }],
      changeRequest: { id: request.id, number: 1 },
      meeting: { id: meetingId, date: '2027-02-09' },
    });
    expect(decision.background).toContain('Skäl: Importen av elevdata från det gamla systemet blev försenad.');

    // The value before stays what it was at the decision, though the plan has moved on.
    expect((await requestsOf(manager, projectId)).items[0].dateChanges[0]).toMatchObject({
      from: '2027-03-01',
      to: '2027-03-15',
    });

    expect(
      (await manager.post(`/api/projects/${projectId}/revisions`, { message: 'Efter beslutet.' })).statusCode,
    ).toBe(201);
    const diff: PlanDiff = (await manager.get(`/api/projects/${projectId}/revisions/compare?from=1&to=2`)).json();
    expect(diff.timeline).toEqual([
      {
        id: goLive.id,
        label: 'Systemet är klart för att börja användas skarpt',
        change: 'changed',
        fields: [expect.objectContaining({ field: 'date', before: '2027-03-01', after: '2027-03-15' })],
      },
    ]);
    expect(diff.decisions).toEqual([
      expect.objectContaining({ id: decision.id, label: 'Beslut 1: Skarp start flyttas två veckor', change: 'added' }),
    ]);

    const history: AuditEvent[] = (await manager.get(`/api/projects/${projectId}/history`)).json().items;
    expect(history.map((event) => event.action)).toEqual(
      expect.arrayContaining(['change_request.approved', 'decision.created', 'key_activity.date_changed']),
    );
    expect(history.find((event) => event.action === 'key_activity.date_changed')?.summary).toBe(
      'Flyttade ”Systemet är klart för att börja användas skarpt” från 2027-03-01 till 2027-03-15 enligt beslut #1',
    );
  });

  it('mails the decision to the Styrgrupp, the Beställare and the Projektledare who prepared it', async () => {
    const { projectId, manager, steering, orderer, goLive } = await steeredProject();
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    expect((await decide(orderer, projectId, request, { outcome: 'approved' })).statusCode).toBe(200);
    const decidedMails = (await mails()).filter((mail) => mail.subject.includes('godkänt'));
    expect(decidedMails.map((mail) => mail.to).sort()).toEqual(
      [
        await emailOf('people', steering.personId),
        await emailOf('people', orderer.personId),
        await emailOf('users', manager.userId),
      ].sort(),
    );
    expect(decidedMails[0].subject).toBe('Ändringsförslag #1 godkänt: Skarp start flyttas två veckor (Åkerby kommun)');
    expect(decidedMails[0].text).toContain('Ändringen gällde: tid.');
    expect(decidedMails[0].text).toContain(
      'Förslaget till beslut var:\nStyrgruppen beslutar att skarp start flyttas till 15 mars 2027.',
    );
    expect(decidedMails[0].text).toMatch(
      /Planen är ändrad:\n• Systemet är klart för att börja användas skarpt: från \d+ \p{L}+ 2027 till 15 mars 2027/u,
    );
    expect(decidedMails[0].text).toContain('Beslutet finns i beslutsloggen som beslut #1.');
    // Decided by the Beställare, not as a member of the Styrgrupp.
    expect((await decisionsOf(manager, projectId)).items[0].decidedBy).toBe('bestallare');
  });

  it('applies goal changes too: a project goal’s budget and due date and an effect goal’s target, each goal once', async () => {
    const { projectId, manager, steering, goLive } = await steeredProject();
    const projectGoal = await createProjectGoal(manager, projectId);
    const effectGoal = await createEffectGoal(manager, projectId, { target: 80 });
    const request = await prepare(
      manager,
      projectId,
      moveGoLive(goLive, {
        areas: ['result', 'budget'],
        dateChanges: [],
        goalChanges: [
          { goalId: projectGoal.id, field: 'budgetSek', to: 150000 },
          { goalId: projectGoal.id, field: 'dueDate', to: '2027-04-01' },
          { goalId: effectGoal.id, field: 'target', to: 90 },
        ],
      }),
    );
    expect(request.goalChanges.map((change) => [change.field, change.from, change.to])).toEqual([
      ['budgetSek', 120000, 150000],
      ['dueDate', '2027-03-01', '2027-04-01'],
      ['target', 80, 90],
    ]);
    expect((await decide(steering, projectId, request, { outcome: 'approved' })).statusCode).toBe(200);
    const goals = (await planOf(manager, projectId)).goals;
    expect(goals.find((goal) => goal.id === projectGoal.id)).toMatchObject({
      budgetSek: 150000,
      dueDate: '2027-04-01',
      version: projectGoal.version + 1,
    });
    expect(goals.find((goal) => goal.id === effectGoal.id)).toMatchObject({
      target: 90,
      version: effectGoal.version + 1,
    });
    const [decision] = (await decisionsOf(manager, projectId)).items;
    expect(decision.links.map((link) => link.targetId).sort()).toEqual([projectGoal.id, effectGoal.id].sort());
  });

  it('changes nothing when rejected, and keeps the comment', async () => {
    const { projectId, manager, steering, goLive: undated } = await steeredProject();
    const goLive = await dateKeyActivity(manager, projectId, undated, '2027-03-01');
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    const response = await decide(steering, projectId, request, {
      outcome: 'rejected',
      comment: 'Importen ska vara klar i tid.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'rejected',
      decision: { comment: 'Importen ska vara klar i tid.', decisionId: null },
      dateChanges: [{ from: '2027-03-01', to: '2027-03-15' }],
    });
    expect(await goLiveNow(manager, projectId)).toMatchObject({ date: '2027-03-01', version: goLive.version });
    expect((await decisionsOf(manager, projectId)).items).toEqual([]);
    const rejectedMail = (await mails()).find((mail) => mail.subject.includes('avslaget'));
    expect(rejectedMail?.text).toContain('Planen är oförändrad.');
  });

  it('is taken once: a second decision, or one on a stale version, is refused with 409', async () => {
    const { projectId, manager, steering, orderer, goLive } = await steeredProject();
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    const stale = await decide(steering, projectId, request, { outcome: 'approved', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    expect((await decide(steering, projectId, request, { outcome: 'approved' })).statusCode).toBe(200);
    const again = await decide(orderer, projectId, request, { outcome: 'rejected', version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: 'CONFLICT',
      message: 'Ändringsförslag #1 är redan godkänt och kan inte ändras',
    });
    expect((await decisionsOf(manager, projectId)).items).toHaveLength(1);
  });

  it('refuses an approval whose goal was removed meanwhile, with nothing applied', async () => {
    const { projectId, manager, steering, goLive: undated } = await steeredProject();
    const goLive = await dateKeyActivity(manager, projectId, undated, '2027-03-01');
    const goal = await createProjectGoal(manager, projectId);
    const request = await prepare(
      manager,
      projectId,
      moveGoLive(goLive, { goalChanges: [{ goalId: goal.id, field: 'dueDate', to: '2027-04-01' }] }),
    );
    expect(
      (await manager.delete(`/api/projects/${projectId}/goals/${goal.id}?version=${goal.version}`)).statusCode,
    ).toBe(204);
    const response = await decide(steering, projectId, request, { outcome: 'approved' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: 'CONFLICT',
      message:
        'Ändringen kan inte genomföras som den är skriven: Målet ”Plattformen är integrerad med elevregistret” har tagits bort ur planen. Inget har ändrats; skriv om ändringsförslaget.',
    });
    expect(await goLiveNow(manager, projectId)).toMatchObject({ date: '2027-03-01', version: goLive.version });
    expect((await requestsOf(manager, projectId)).items[0]).toMatchObject({ status: 'pending', version: 1 });
    expect((await decisionsOf(manager, projectId)).items).toEqual([]);
  });

  it('makes a decision that cannot be removed from the log, as the change it made stays', async () => {
    const { projectId, manager, steering, goLive } = await steeredProject();
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    await decide(steering, projectId, request, { outcome: 'approved' });
    const [decision] = (await decisionsOf(manager, projectId)).items;
    const response = await manager.delete(
      `/api/projects/${projectId}/decisions/${decision.id}?version=${decision.version}`,
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      'Beslutet godkände ändringsförslag #1 och ändrade planen: det kan inte tas bort',
    );
  });

  it('numbers its decision after those recorded by hand', async () => {
    const { projectId, manager, steering, goLive } = await steeredProject();
    const byHand = await manager.post(`/api/projects/${projectId}/decisions`, {
      title: 'Rubriker till IUP',
      decision: 'Skolverkets rubriker.',
      decidedBy: 'projektgrupp',
      decidedOn: '2027-02-01',
    });
    expect(byHand.statusCode).toBe(201);
    const request = await prepare(manager, projectId, moveGoLive(goLive));
    await decide(steering, projectId, request, { outcome: 'approved' });
    expect((await decisionsOf(manager, projectId)).items.map((decision) => decision.number)).toEqual([2, 1]);
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
