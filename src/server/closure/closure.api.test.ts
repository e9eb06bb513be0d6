import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Activity, Checklist } from '../../shared/checklist.js';
import type { ClosureOverview } from '../../shared/closure.js';
import type { Plan } from '../../shared/plan.js';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import type { Timeline } from '../../shared/timeline.js';
import type { ConfirmSessionBody, TrainingSession } from '../../shared/trainings.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal, recordMeasurement } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { type SmtpListener, startSmtp } from '../test-support/smtp.js';
import { createRoleHolders, createSchool } from '../test-support/trainings.js';

const VENDOR = 'Skolplattformen';
const FOLLOW_UP_TITLE = `Uppföljningsmöte med ${VENDOR}`;

let now = new Date('2027-03-01T09:00:00Z');
const clock = { now: () => now };
let smtp: SmtpListener;
let testApp: TestApp;
let admin: Agent & { userId: string };

beforeEach(async () => {
  now = new Date('2027-03-01T09:00:00Z');
  smtp = await startSmtp();
  testApp = await createTestApp({
    clock,
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Stegvis <stegvis@exempel.se>', STEGVIS_VENDOR_NAME: VENDOR },
  });
  admin = await loginAs(testApp.app);
});
afterEach(async () => {
  await testApp.close();
  await smtp.close();
});

const db = () => testApp.app.stegvis.db;

const userName = async (userId: string) =>
  (await db().selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name;

const userEmail = async (userId: string) =>
  (await db().selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;

const personEmail = async (personId: string) =>
  (await db().selectFrom('people').select('email').where('id', '=', personId).executeTakeFirstOrThrow()).email;

/** A customer's project (started 11 January 2027) with its Beställare, Projektledare and the vendor's Projektstödjare. */
async function closableProject(options: { supporter?: boolean; startDate?: string } = {}) {
  const { app } = testApp;
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const created = await admin.post('/api/projects', {
    customerId: customer.id,
    startDate: options.startDate ?? '2027-01-11',
  });
  expect(created.statusCode).toBe(201);
  const projectId: string = created.json().id;
  const member = (roleKeys: string[]) => loginAsMember(app, { customerId: customer.id, projectId, roleKeys });
  const orderer = await member(['bestallare']);
  const manager = await member(['projektledare']);
  const supporter =
    options.supporter === false
      ? null
      : await loginAsMember(app, { customerId: null, projectId, roleKeys: ['projektstodjare'] });
  return { customerId: customer.id, projectId, orderer, manager, supporter, member };
}

async function closureOf(agent: Agent, projectId: string): Promise<ClosureOverview> {
  const response = await agent.get(`/api/projects/${projectId}/closure`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

const approve = (agent: Agent, projectId: string, openItemsSeen: number) =>
  agent.post(`/api/projects/${projectId}/closure`, { openItemsSeen });

/** Approves having read the list as it stands. */
async function approveAsSeen(agent: Agent, projectId: string): Promise<ClosureOverview> {
  const response = await approve(agent, projectId, (await closureOf(agent, projectId)).openCount);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function activitiesOf(agent: Agent, projectId: string): Promise<Activity[]> {
  const checklist: Checklist = (await agent.get(`/api/projects/${projectId}/activities`)).json();
  return checklist.groups.flatMap((group) => group.activities);
}

async function followUpOnTimeline(agent: Agent, projectId: string) {
  const timeline: Timeline = (await agent.get(`/api/projects/${projectId}/timeline`)).json();
  return timeline.items.filter((item) => item.kind === 'key' && item.title === FOLLOW_UP_TITLE);
}

const historyOf = async (agent: Agent, projectId: string): Promise<{ items: AuditEvent[] }> =>
  (await agent.get(`/api/projects/${projectId}/history`)).json();

const onSite = (date: string): ConfirmSessionBody => ({
  proposalId: null,
  date,
  startTime: '09:00',
  endTime: '12:00',
  mode: 'on_site',
  place: 'Stadshuset, sal 3',
  link: '',
  trainerPersonId: null,
});

async function confirmSession(projectId: string, trainingKey: string, date: string): Promise<TrainingSession> {
  const response = await admin.post(`/api/projects/${projectId}/trainings/${trainingKey}/sessions`, onSite(date));
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function book(projectId: string, sessionId: string, personId: string) {
  const response = await admin.post(`/api/projects/${projectId}/training-sessions/${sessionId}/participants`, {
    personId,
  });
  expect(response.statusCode).toBeLessThan(300);
}

describe('what is still open', () => {
  it('lists the open activities, trainings and goals and counts them', async () => {
    const { customerId, projectId, manager, orderer } = await closableProject();
    const fresh = await closureOf(orderer, projectId);
    expect(fresh).toMatchObject({
      phase: 'implementation',
      closureText: 'Beställaren godkänner projektavslut. Införandefasen övergår nu till genomförandefasen.',
      approval: null,
      open: { trainings: [], goals: [] },
      followUp: { title: FOLLOW_UP_TITLE, date: '2027-07-12', version: 1 },
      followOns: [],
      suggestedFollowOnName: `Införande av ${VENDOR} Hub – Åkerby kommun`,
      may: { approve: true, planFollowUp: true, startFollowOn: true },
    });
    expect(fresh.open.activities).toHaveLength(23);
    expect(fresh.openCount).toBe(23);
    expect(fresh.open.activities.at(-1)).toMatchObject({
      title: `Planera införande av ${VENDOR} Hub – inloggning för vårdnadshavare och elever.`,
      groupTitle: 'Nästa steg',
      deadline: null,
      overdue: false,
    });

    // One activity done, one overdue by Swedish today.
    const [first, second] = await activitiesOf(manager, projectId);
    expect(
      (await manager.patch(`/api/projects/${projectId}/activities/${first.id}`, { version: first.version, done: true }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await manager.patch(`/api/projects/${projectId}/activities/${second.id}`, {
          version: second.version,
          deadline: '2027-02-28',
        })
      ).statusCode,
    ).toBe(200);

    // Three administrators need one session of at most 20; Bo misses it.
    const school = await createSchool(admin, customerId, { name: 'Ekskolan' });
    const [anna, bo, cia] = await createRoleHolders(testApp.app, {
      customerId,
      projectId,
      schoolId: school.id,
      roleKey: 'administrator',
      names: ['Anna Admin', 'Bo Admin', 'Cia Admin'],
    });

    // One goal not measured yet, one achieved, one falling behind.
    const notMeasured = await createEffectGoal(admin, projectId, { title: 'Alla elever bedöms varje termin' });
    const achieved = await createEffectGoal(admin, projectId, { title: 'Vårdnadshavarna loggar in' });
    await recordMeasurement(admin, projectId, achieved.id, { measuredOn: '2027-02-15', value: 100 });
    const behind = await createEffectGoal(admin, projectId, {
      title: 'Frånvaron anmäls digitalt',
      baseline: 0,
      target: 100,
      targetDate: '2027-04-01',
    });
    await recordMeasurement(admin, projectId, behind.id, { measuredOn: '2027-02-28', value: 10 });

    const open = await closureOf(orderer, projectId);
    expect(open.open.activities).toHaveLength(22);
    expect(open.open.activities.find((activity) => activity.id === second.id)).toMatchObject({
      deadline: '2027-02-28',
      overdue: true,
    });
    expect(open.open.activities.filter((activity) => activity.overdue)).toHaveLength(1);
    expect(open.open.trainings).toEqual([
      { key: 'administratorer', title: 'Utbildning av administratörer', booked: 0, needed: 1, missed: 0 },
    ]);
    expect(open.open.goals.map((goal) => [goal.id, goal.state])).toEqual([
      [notMeasured.id, 'not_measured'],
      [behind.id, 'at_risk'],
    ]);
    expect(open.open.goals[0].explanation).toMatch(/^Ingen mätning är gjord än/);
    expect(open.openCount).toBe(22 + 1 + 2);

    const session = await confirmSession(projectId, 'administratorer', '2027-03-01');
    for (const person of [anna, bo, cia]) await book(projectId, session.id, person.id);
    const marked = await admin.put(`/api/projects/${projectId}/training-sessions/${session.id}/attendance`, {
      entries: [
        { personId: anna.id, attendance: 'attended' },
        { personId: bo.id, attendance: 'absent' },
        { personId: cia.id, attendance: 'attended' },
      ],
    });
    expect(marked.statusCode).toBe(200);
    expect((await closureOf(orderer, projectId)).open.trainings).toEqual([
      { key: 'administratorer', title: 'Utbildning av administratörer', booked: 1, needed: 1, missed: 1 },
    ]);

    const catchUp = await confirmSession(projectId, 'uppsamlingsheat', '2027-03-15');
    await book(projectId, catchUp.id, bo.id);
    const after = await closureOf(orderer, projectId);
    expect(after.open.trainings).toEqual([]);
    expect(after.openCount).toBe(22 + 2);
  });

  it('is there for everyone who reads the project, with what each may do', async () => {
    const { projectId, manager, supporter, member } = await closableProject();
    const reader = await member(['it']);
    expect((await closureOf(manager, projectId)).may).toEqual({
      approve: false,
      planFollowUp: true,
      startFollowOn: true,
    });
    expect((await closureOf(admin, projectId)).may).toEqual({
      approve: false,
      planFollowUp: true,
      startFollowOn: true,
    });
    expect((await closureOf(supporter as Agent, projectId)).may).toEqual({
      approve: false,
      planFollowUp: true,
      startFollowOn: false,
    });
    expect((await closureOf(reader, projectId)).may).toEqual({
      approve: false,
      planFollowUp: false,
      startFollowOn: false,
    });
    const outsider = await loginAsMember(testApp.app, { customerId: null });
    expect((await outsider.get(`/api/projects/${projectId}/closure`)).statusCode).toBe(404);
  });
});

describe('approving the closure', () => {
  it('is for the Beställare alone', async () => {
    const { projectId, manager, supporter } = await closableProject();
    const { openCount } = await closureOf(admin, projectId);
    for (const agent of [admin, manager, supporter as Agent]) {
      const refused = await approve(agent, projectId, openCount);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toEqual({
        code: 'FORBIDDEN',
        message: 'Bara beställaren kan godkänna projektavslutet',
      });
    }
    expect((await closureOf(admin, projectId)).phase).toBe('implementation');
  });

  it('is refused when the open list changed since it was read', async () => {
    const { projectId, orderer, manager } = await closableProject();
    const read = await closureOf(orderer, projectId);
    const [first] = await activitiesOf(manager, projectId);
    await manager.patch(`/api/projects/${projectId}/activities/${first.id}`, { version: first.version, done: true });

    const stale = await approve(orderer, projectId, read.openCount);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({
      code: 'CONFLICT',
      message: 'Det som är öppet har ändrats sedan du läste listan. Läs igenom den igen innan du godkänner.',
    });
    const again = await closureOf(orderer, projectId);
    expect(again).toMatchObject({ phase: 'implementation', approval: null, openCount: read.openCount - 1 });
    expect((await approve(orderer, projectId, again.openCount)).statusCode).toBe(200);
  });

  it('closes the project: read-only except the goal follow-up and the follow-up meeting', async () => {
    const { projectId, orderer, manager, supporter } = await closableProject();
    const goal = await createEffectGoal(manager, projectId);
    now = new Date('2027-03-01T14:30:00Z');

    const closed = await approveAsSeen(orderer, projectId);
    expect(closed).toMatchObject({
      phase: 'operations',
      approval: {
        approvedBy: { name: await userName(orderer.userId) },
        approvedAt: '2027-03-01T14:30:00.000Z',
        openCount: 24,
      },
      openCount: 24,
      followUp: { title: FOLLOW_UP_TITLE, date: '2027-07-12' },
      may: { approve: false, planFollowUp: true, startFollowOn: true },
    });

    const project = await manager.get(`/api/projects/${projectId}`);
    expect(project.json()).toMatchObject({ phase: 'operations', permissions: { edit: false, approve: false } });
    expect((await admin.get(`/api/projects/${projectId}`)).json().permissions.edit).toBe(false);

    const plan: Plan = (await manager.get(`/api/projects/${projectId}/plan`)).json();
    const section = plan.sections.find((candidate) => candidate.key === 'bakgrund');
    const edited = await manager.put(`/api/projects/${projectId}/plan/sections/bakgrund`, {
      version: section?.version,
      texts: { syfte: richTextFromPlainText('Ett nytt syfte') },
    });
    const [activity] = await activitiesOf(manager, projectId);
    const ticked = await manager.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
      version: activity.version,
      done: true,
    });
    const risk = await manager.post(`/api/projects/${projectId}/risks`, { title: 'Nyckelpersoner slutar' });
    for (const refused of [edited, ticked, risk]) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('PROJECT_CLOSED');
    }

    const measured = await manager.post(`/api/projects/${projectId}/goals/${goal.id}/measurements`, {
      measuredOn: '2027-03-01',
      value: 55,
    });
    expect(measured.statusCode).toBe(201);

    const [meeting] = await followUpOnTimeline(manager, projectId);
    expect(meeting).toMatchObject({ date: '2027-07-12' });
    const moved = await (supporter as Agent).put(`/api/projects/${projectId}/follow-up`, {
      date: '2027-08-23',
      version: closed.followUp.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().followUp).toMatchObject({ date: '2027-08-23', version: (closed.followUp.version ?? 0) + 1 });
    expect(await followUpOnTimeline(manager, projectId)).toMatchObject([{ date: '2027-08-23' }]);

    const second = await approve(orderer, projectId, closed.openCount);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toEqual({
      code: 'CONFLICT',
      message: `Projektavslutet är redan godkänt av ${await userName(orderer.userId)} 1 mars 2027.`,
    });

    const history = await historyOf(admin, projectId);
    expect(history.items.map((event) => event.action)).toEqual(
      expect.arrayContaining(['project.closure_approved', 'key_activity.date_changed']),
    );
    const approval = history.items.find((event) => event.action === 'project.closure_approved');
    expect(approval).toMatchObject({
      actor: { name: await userName(orderer.userId) },
      after: { phase: 'operations', openCount: 24 },
    });
  });

  it('tells the Projektstödjare by mail, or the vendor admins when the project has none', async () => {
    const withSupporter = await closableProject();
    await approveAsSeen(withSupporter.orderer, withSupporter.projectId);
    await testApp.app.stegvis.mailer.idle();
    const supporterEmail = await personEmail((withSupporter.supporter as Agent & { personId: string }).personId);
    expect(smtp.received.map((mail) => mail.to)).toEqual([supporterEmail]);
    const [mail] = smtp.received;
    expect(mail.subject).toBe('Beställaren har godkänt projektavslutet: Åkerby kommun');
    expect(mail.text).toContain(`${await userName(withSupporter.orderer.userId)}, beställare hos Åkerby kommun`);
    expect(mail.text).toContain('23 saker var fortfarande öppna när avslutet godkändes.');
    expect(mail.text).toContain(`${FOLLOW_UP_TITLE} ligger på tidslinjen 12 juli 2027.`);
    expect(mail.text).toContain(`/projekt/${withSupporter.projectId}/avslut`);

    smtp.received.length = 0;
    const without = await closableProject({ supporter: false });
    await approveAsSeen(without.orderer, without.projectId);
    await testApp.app.stegvis.mailer.idle();
    expect(smtp.received.map((mail) => mail.to)).toEqual([await userEmail(admin.userId)]);
  });
});

describe('the follow-up meeting', () => {
  it('is put on the timeline at closure when the project has none', async () => {
    const { projectId, orderer, manager } = await closableProject();
    await db()
      .deleteFrom('key_activities')
      .where('project_id', '=', projectId)
      .where('template_key', '=', 'uppfoljningsmote')
      .execute();
    expect(await followUpOnTimeline(manager, projectId)).toEqual([]);
    expect((await closureOf(orderer, projectId)).followUp).toEqual({
      keyActivityId: null,
      title: FOLLOW_UP_TITLE,
      date: null,
      version: null,
    });

    const closed = await approveAsSeen(orderer, projectId);
    expect(closed.followUp).toMatchObject({ title: FOLLOW_UP_TITLE, date: '2027-07-12', version: 1 });
    expect(await followUpOnTimeline(manager, projectId)).toMatchObject([
      { id: closed.followUp.keyActivityId, date: '2027-07-12' },
    ]);
  });

  it('is dated two weeks ahead at closure when it had no date and six months have passed', async () => {
    // Six months after 3 August 2026 was 1 February 2027, before today (1 March 2027).
    const { projectId, orderer, manager } = await closableProject({ startDate: '2026-08-03' });
    const { followUp } = await closureOf(manager, projectId);
    const undated = await manager.patch(`/api/projects/${projectId}/key-activities/${followUp.keyActivityId}`, {
      version: followUp.version,
      date: null,
    });
    expect(undated.statusCode).toBe(200);

    const closed = await approveAsSeen(orderer, projectId);
    expect(closed.followUp).toMatchObject({ keyActivityId: followUp.keyActivityId, date: '2027-03-15' });
    expect(await followUpOnTimeline(manager, projectId)).toMatchObject([{ date: '2027-03-15' }]);
  });

  it('keeps a date already planned at closure', async () => {
    const { projectId, orderer, manager } = await closableProject();
    const { followUp } = await closureOf(manager, projectId);
    const planned = await manager.put(`/api/projects/${projectId}/follow-up`, {
      date: '2027-06-14',
      version: followUp.version,
    });
    expect(planned.statusCode).toBe(200);
    const closed = await approveAsSeen(orderer, projectId);
    expect(closed.followUp).toMatchObject({ date: '2027-06-14', version: (followUp.version ?? 0) + 1 });
  });

  it('is moved by the plan writers and the Projektstödjare on the version they read', async () => {
    const { projectId, manager, supporter, member } = await closableProject();
    const { followUp } = await closureOf(manager, projectId);

    const reader = await member(['it']);
    const refused = await reader.put(`/api/projects/${projectId}/follow-up`, {
      date: '2027-09-01',
      version: followUp.version,
    });
    expect(refused.statusCode).toBe(403);

    const moved = await manager.put(`/api/projects/${projectId}/follow-up`, {
      date: '2027-09-01',
      version: followUp.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().followUp).toMatchObject({ date: '2027-09-01', version: 2 });

    for (const version of [followUp.version, undefined]) {
      const stale = await (supporter as Agent).put(`/api/projects/${projectId}/follow-up`, {
        date: '2027-09-08',
        version,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    }
    const bySupporter = await (supporter as Agent).put(`/api/projects/${projectId}/follow-up`, {
      date: '2027-09-08',
      version: 2,
    });
    expect(bySupporter.statusCode).toBe(200);
    expect(await followUpOnTimeline(manager, projectId)).toMatchObject([{ date: '2027-09-08', version: 3 }]);
    const moves = (await historyOf(admin, projectId)).items.filter(
      (event) => event.action === 'key_activity.date_changed',
    );
    expect(moves.map((event) => event.summary)).toEqual([
      `Flyttade ”${FOLLOW_UP_TITLE}” från 2027-09-01 till 2027-09-08`,
      `Flyttade ”${FOLLOW_UP_TITLE}” från 2027-07-12 till 2027-09-01`,
    ]);
  });

  it('is added when the project has none', async () => {
    const { projectId, manager } = await closableProject();
    await db()
      .deleteFrom('key_activities')
      .where('project_id', '=', projectId)
      .where('template_key', '=', 'uppfoljningsmote')
      .execute();
    const planned = await manager.put(`/api/projects/${projectId}/follow-up`, { date: '2027-06-21' });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().followUp).toMatchObject({ title: FOLLOW_UP_TITLE, date: '2027-06-21', version: 1 });
    expect(await followUpOnTimeline(manager, projectId)).toMatchObject([{ date: '2027-06-21' }]);
  });
});

describe('a follow-on project', () => {
  it('starts for the same customer with the same people and ticks the next step', async () => {
    const { customerId, projectId, orderer, manager, supporter, member } = await closableProject();
    const school = await createSchool(admin, customerId, { name: 'Ekskolan' });
    await createRoleHolders(testApp.app, {
      customerId,
      projectId,
      schoolId: school.id,
      roleKey: 'rektor',
      names: ['Rut Rektor'],
    });
    const reader = await member(['it']);
    const name = `Införande av ${VENDOR} Hub – Åkerby kommun`;
    for (const agent of [reader, supporter as Agent]) {
      expect((await agent.post(`/api/projects/${projectId}/follow-ons`, { name })).statusCode).toBe(403);
    }

    const started = await manager.post(`/api/projects/${projectId}/follow-ons`, { name, startDate: '2027-08-16' });
    expect(started.statusCode).toBe(201);
    const followOn = started.json();
    expect(followOn).toEqual({ id: expect.any(String), name });

    const opened = await manager.get(`/api/projects/${followOn.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      name,
      customer: { id: customerId },
      phase: 'implementation',
      startDate: '2027-08-16',
      permissions: { edit: true },
    });
    for (const agent of [orderer, supporter as Agent, reader]) {
      expect((await agent.get(`/api/projects/${followOn.id}`)).statusCode).toBe(200);
    }
    const holdings = (id: string) =>
      db()
        .selectFrom('role_assignments')
        .select(['role_key', 'school_id', 'person_id'])
        .where('project_id', '=', id)
        .orderBy('role_key')
        .orderBy('person_id')
        .execute();
    const original = await holdings(projectId);
    expect(original.map((holding) => holding.role_key)).toEqual(
      expect.arrayContaining(['bestallare', 'projektledare', 'projektstodjare', 'rektor', 'it']),
    );
    expect(await holdings(followOn.id)).toEqual(original);

    const nextStep = (await activitiesOf(manager, projectId)).find((activity) => activity.groupKey === 'nasta-steg');
    expect(nextStep?.done).toMatchObject({
      at: '2027-03-01T09:00:00.000Z',
      by: { name: await userName(manager.userId) },
    });
    const newSteps = await activitiesOf(manager, followOn.id);
    expect(newSteps).toHaveLength(23);
    expect(newSteps.every((activity) => activity.done === null)).toBe(true);

    now = new Date('2027-03-01T10:00:00Z');
    const second = await admin.post(`/api/projects/${projectId}/follow-ons`, { name: 'Nästa läsår – Åkerby kommun' });
    expect(second.statusCode).toBe(201);
    expect((await closureOf(manager, projectId)).followOns).toEqual([
      { id: second.json().id, name: 'Nästa läsår – Åkerby kommun', createdAt: '2027-03-01T10:00:00.000Z' },
      { id: followOn.id, name, createdAt: '2027-03-01T09:00:00.000Z' },
    ]);
    // The next step was ticked once, by whoever started the first follow-on.
    const ticks = (await historyOf(admin, projectId)).items.filter((event) => event.action === 'activity.ticked');
    expect(ticks).toHaveLength(1);

    expect((await historyOf(admin, projectId)).items.map((event) => event.action)).toEqual(
      expect.arrayContaining(['project.follow_on_started']),
    );
    const newHistory = await historyOf(admin, followOn.id);
    expect(newHistory.items.find((event) => event.action === 'project.created')).toMatchObject({
      summary: `Startade projektet ”${name}” som nästa steg efter ”Implementering Åkerby kommun”, med samma personer i rollerna`,
    });
  });

  it('can be started once the project is closed', async () => {
    const { projectId, orderer, manager } = await closableProject();
    await approveAsSeen(orderer, projectId);
    const started = await manager.post(`/api/projects/${projectId}/follow-ons`, {
      name: `Införande av ${VENDOR} Hub – Åkerby kommun`,
    });
    expect(started.statusCode).toBe(201);
    const followOn = await manager.get(`/api/projects/${started.json().id}`);
    expect(followOn.json()).toMatchObject({ phase: 'implementation', permissions: { edit: true } });
    const nextStep = (await activitiesOf(manager, projectId)).find((activity) => activity.groupKey === 'nasta-steg');
    expect(nextStep?.done).not.toBeNull();
  });

  it('starts nothing from an unknown template or without a name', async () => {
    const { projectId, manager } = await closableProject();
    const projectsBefore = await db().selectFrom('projects').select('id').execute();
    const unknownTemplate = await manager.post(`/api/projects/${projectId}/follow-ons`, {
      name: 'Införande av Hub',
      templateId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownTemplate.statusCode).toBe(404);
    expect(await db().selectFrom('projects').select('id').execute()).toHaveLength(projectsBefore.length);
    const short = await manager.post(`/api/projects/${projectId}/follow-ons`, { name: ' H ' });
    expect(short.statusCode).toBe(400);
  });
});
