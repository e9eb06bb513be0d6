import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan.js';
import { runReminders } from '../reminders/service.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import {
  assignRole,
  createCustomer,
  createEffectGoal,
  createPerson,
  recordMeasurement,
} from '../test-support/factories.js';
import { type SmtpListener, startSmtp } from '../test-support/smtp.js';
import { escalateChange } from './escalation.js';

let now = new Date();
const clock = { now: () => now };
/** Travels to 08:00 or 09:00 in Sweden on that day. */
const travelTo = (day: string) => {
  now = new Date(`${day}T07:00:00Z`);
};

let smtp: SmtpListener;
let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  // A Tuesday: the Projektledare's weekly summary goes out on Mondays, and no test travels to one.
  travelTo('2027-03-02');
  smtp = await startSmtp();
  // Sessions long enough to last through the weeks a test travels.
  testApp = await createTestApp({ clock, env: { SMTP_URL: smtp.url, SESSION_TTL_HOURS: '2160' } });
  admin = await loginAs(testApp.app);
});
afterEach(async () => {
  await testApp.close();
  await smtp.close();
});

const sent = () => smtp.received.map((mail) => [mail.to, mail.subject]);
const runJob = () => runReminders(testApp.app.stegvis);

/**
 * Åkerby's project from 1 January 2027, with Petra as Projektledare, and an effect goal from 40 %
 * to 100 % by 11 April: the straight path rises 0.6 points a day (58.6 % on 1 February).
 */
async function customerProject() {
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const created = await admin.post('/api/projects', { customerId: customer.id, startDate: '2027-01-01' });
  const projectId: string = created.json().id;
  const leader = await createPerson(testApp.app, {
    customerId: customer.id,
    name: 'Petra Projektledare',
    email: 'petra@akerby.se',
  });
  await assignRole(testApp.app, { projectId, personId: leader.id, roleKey: 'projektledare' });
  const goal = await createEffectGoal(admin, projectId, {
    title: 'Alla elever får bedömning i varje ämne',
    measure: 'Andel elever med bedömning i varje ämne',
    baseline: 40,
    target: 100,
    targetDate: '2027-04-11',
  });
  return { customerId: customer.id, projectId, goal, leader };
}

async function nameInformedPerson(projectId: string, personId: string) {
  const plan: Plan = (await admin.get(`/api/projects/${projectId}/plan`)).json();
  const section = plan.sections.find((candidate) => candidate.key === 'mal');
  const saved = await admin.put(`/api/projects/${projectId}/plan/sections/mal`, {
    version: section?.version,
    informedPersonId: personId,
  });
  expect(saved.statusCode).toBe(200);
}

describe('collection reminders', () => {
  it('reminds the measurer on each collection date, once, and the Projektledare when nobody measures', async () => {
    const { customerId, projectId, goal, leader } = await customerProject();
    const absenceGoal = await createEffectGoal(admin, projectId, { title: 'Frånvaron registreras i plattformen' });
    const measurer = await createPerson(testApp.app, { customerId, name: 'Åsa Mätare', email: 'asa@akerby.se' });
    await admin.put(`/api/projects/${projectId}/goals/${goal.id}/measurement-settings`, {
      version: 0,
      measurerPersonId: measurer.id,
    });
    const evaluation = await admin.post(`/api/projects/${projectId}/evaluation-items`, {
      why: 'För att se att införandet ger effekt',
      what: 'Bedömning och frånvaro',
      how: 'Rapporter ur plattformen',
      collectionDates: ['2027-03-10', '2027-02-20'],
      goalIds: [goal.id, absenceGoal.id],
    });
    expect(evaluation.statusCode).toBe(201);

    // 20 February is more than a week ago: too late to remind of.
    expect(await runJob()).toEqual({ ran: true, sent: 0, failed: 0 });
    travelTo('2027-03-09');
    expect(await runJob()).toMatchObject({ sent: 0 });

    travelTo('2027-03-10');
    expect(await runJob()).toMatchObject({ sent: 2 });
    expect(sent()).toEqual(
      expect.arrayContaining([
        ['asa@akerby.se', 'Dags att mäta: Alla elever får bedömning i varje ämne'],
        ['petra@akerby.se', 'Dags att mäta: Frånvaron registreras i plattformen'],
      ]),
    );
    const toMeasurer = smtp.received.find((mail) => mail.to === 'asa@akerby.se');
    const link = `http://localhost:3000/projekt/${projectId}/maluppfoljning#mal-${goal.id}`;
    expect(toMeasurer?.text).toContain('Hej Åsa Mätare!');
    expect(toMeasurer?.text).toContain(
      'I dag, 10 mars 2027, ska data samlas in för effektmålet ”Alla elever får bedömning i varje ämne” i Implementering Åkerby kommun (Åkerby kommun)',
    );
    expect(toMeasurer?.text).toContain('Det som mäts: Andel elever med bedömning i varje ämne.');
    expect(toMeasurer?.text).toContain(link);
    expect(toMeasurer?.text).toContain('eftersom du är utsedd att mäta målet');
    expect(toMeasurer?.html).toContain(`href="${link}"`);
    expect(smtp.received.find((mail) => mail.to === 'petra@akerby.se')?.text).toContain(
      'eftersom du är projektledare och ingen är utsedd att mäta målet',
    );

    expect(await runJob()).toMatchObject({ sent: 0 });
    travelTo('2027-03-12');
    expect(await runJob()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(2);
    const keys = await testApp.app.stegvis.db
      .selectFrom('reminder_deliveries')
      .select('delivery_key')
      .where('kind', '=', 'collection')
      .execute();
    expect(keys.map((row) => row.delivery_key).sort()).toEqual(
      [
        `collection:${goal.id}:2027-03-10:${measurer.id}`,
        `collection:${absenceGoal.id}:2027-03-10:${leader.id}`,
      ].sort(),
    );
  });

  it('reminds of a date the job missed on the first run after it, within a week', async () => {
    const { projectId, goal } = await customerProject();
    await admin.post(`/api/projects/${projectId}/evaluation-items`, {
      why: 'För att se att införandet ger effekt',
      what: 'Bedömning',
      how: 'Rapport ur plattformen',
      collectionDates: ['2027-03-10'],
      goalIds: [goal.id],
    });
    travelTo('2027-03-16');
    expect(await runJob()).toMatchObject({ sent: 1 });
    expect(smtp.received[0].text).toContain('Den 10 mars 2027 ska data samlas in');
  });
});

describe('escalation when a goal falls behind', () => {
  it('tells the person informed once when a measurement puts the goal at risk, and again after it was back on track', async () => {
    const { customerId, projectId, goal } = await customerProject();
    const informed = await createPerson(testApp.app, {
      customerId,
      name: 'Birgitta Lind',
      email: 'birgitta@akerby.se',
    });
    await nameInformedPerson(projectId, informed.id);

    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-01-20', value: 55 });
    expect(smtp.received).toHaveLength(0);

    // 1 February: the path is at 58.6 %.
    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-02-01', value: 52 });
    expect(sent()).toEqual([
      ['birgitta@akerby.se', 'Effektmålet riskerar att inte nås: Alla elever får bedömning i varje ämne'],
    ]);
    const [mail] = smtp.received;
    expect(mail.text).toContain('Hej Birgitta Lind!');
    expect(mail.text).toContain('Senaste mätningen: 52 % (1 februari 2027)');
    expect(mail.text).toContain('Väntat vid det datumet: 58,6 %');
    expect(mail.text).toContain('Målvärde: 100 % senast 11 april 2027');
    expect(mail.text).toContain(
      'Senaste mätningen 52 % (1 februari) ligger under den raka vägen mot målet, 58,6 % vid det datumet.',
    );
    expect(mail.text).toContain(`http://localhost:3000/projekt/${projectId}/maluppfoljning#mal-${goal.id}`);
    expect(mail.text).toContain('eftersom du enligt projektplanen ska informeras om målen inte kan uppnås');

    // Still behind: nothing new to tell.
    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-02-10', value: 60 });
    expect(smtp.received).toHaveLength(1);

    const back = await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-02-20', value: 75 });
    expect(smtp.received).toHaveLength(1);
    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-02-25', value: 66 });
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1].text).toContain('Senaste mätningen: 66 % (25 februari 2027)');

    // Deleting the measurement that put it behind brings it back on track; deleting the one that
    // was on track puts it behind again, on figures not reported before.
    const latest = (await admin.get(`/api/projects/${projectId}/goal-tracking`)).json().goals[0].measurements.at(-1);
    expect(
      (await admin.delete(`/api/projects/${projectId}/goals/${goal.id}/measurements/${latest.id}`)).statusCode,
    ).toBe(204);
    expect((await admin.delete(`/api/projects/${projectId}/goals/${goal.id}/measurements/${back.id}`)).statusCode).toBe(
      204,
    );
    expect(smtp.received).toHaveLength(3);
    expect(smtp.received[2].text).toContain('Senaste mätningen: 60 % (10 februari 2027)');
  });

  it('sends the same escalation once, however many times it is triggered', async () => {
    const { projectId, goal } = await customerProject();
    const escalation = {
      project: { id: projectId, name: 'Implementering Åkerby kommun', customerName: 'Åkerby kommun' },
      goal,
      status: {
        state: 'at_risk' as const,
        expected: 58.6,
        latest: { value: 52, measuredOn: '2027-02-01' },
        explanation:
          'Senaste mätningen 52 % (1 februari) ligger under den raka vägen mot målet, 58,6 % vid det datumet.',
      },
      latestMeasurementId: 'mätning-1',
    };
    const onTrack = { ...escalation.status, state: 'on_track' as const };
    const outcomes = await Promise.all([
      escalateChange(testApp.app.stegvis, onTrack, escalation),
      escalateChange(testApp.app.stegvis, onTrack, escalation),
    ]);
    expect(outcomes.map((outcome) => outcome.sent).sort()).toEqual([0, 1]);
    expect(await escalateChange(testApp.app.stegvis, onTrack, escalation)).toEqual({ sent: 0, failed: 0 });
    // Without a person named to be informed, the Projektledare is told.
    expect(sent()).toEqual([
      ['petra@akerby.se', 'Effektmålet riskerar att inte nås: Alla elever får bedömning i varje ämne'],
    ]);
    expect(smtp.received[0].text).toContain('eftersom du är projektledare');
  });

  it('reports a goal missed once its target date has passed, once', async () => {
    const { projectId, goal: reached } = await customerProject();
    await recordMeasurement(admin, projectId, reached.id, { measuredOn: '2027-03-01', value: 100 });
    const goal = await createEffectGoal(admin, projectId, {
      title: 'Frånvaron registreras i plattformen',
      baseline: 0,
      target: 100,
      targetDate: '2027-04-13',
    });
    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-02-25', value: 80 });
    expect(smtp.received).toHaveLength(0);

    travelTo('2027-04-13');
    expect(await runJob()).toMatchObject({ sent: 0 });
    travelTo('2027-04-14');
    expect(await runJob()).toMatchObject({ sent: 1 });
    expect(sent()).toEqual([['petra@akerby.se', 'Effektmålet nåddes inte: Frånvaron registreras i plattformen']]);
    expect(smtp.received[0].text).toContain(
      'Effektmålet ”Frånvaron registreras i plattformen” i Implementering Åkerby kommun (Åkerby kommun) nåddes inte till 13 april 2027.',
    );
    expect(smtp.received[0].text).toContain(
      'Senaste mätningen 80 % (25 februari) når inte målvärdet 100 %, som skulle ha varit nått 13 april 2027.',
    );
    expect(await runJob()).toMatchObject({ sent: 0 });

    // A later measurement that still misses the target is the same news.
    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-04-14', value: 90 });
    travelTo('2027-04-15');
    expect(await runJob()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('does not report a goal that met its target, nor one missed more than a week ago', async () => {
    const { projectId, goal } = await customerProject();
    await recordMeasurement(admin, projectId, goal.id, { measuredOn: '2027-02-25', value: 100 });
    const longAgo = await createEffectGoal(admin, projectId, { targetDate: '2027-02-22' });
    travelTo('2027-04-14');
    expect(await runJob()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(0);
    expect((await admin.get(`/api/projects/${projectId}/goal-tracking`)).json().goals[1]).toMatchObject({
      goal: { id: longAgo.id },
      status: { state: 'missed' },
    });
  });
});
