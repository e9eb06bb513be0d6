import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { TimelineItem } from '../../shared/timeline.js';
import type {
  ConfirmSessionBody,
  Training,
  TrainingSession,
  TrainingsOverview,
  Workshop,
} from '../../shared/trainings.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { type SmtpListener, startSmtp } from '../test-support/smtp.js';
import { createRoleHolders, createSchool } from '../test-support/trainings.js';

let now = new Date('2027-02-01T09:00:00Z');
const clock = { now: () => now };
let smtp: SmtpListener;
let testApp: TestApp;
let admin: Agent & { userId: string };
let queries = 0;

beforeEach(async () => {
  now = new Date('2027-02-01T09:00:00Z');
  smtp = await startSmtp();
  testApp = await createTestApp({
    clock,
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Stegvis <stegvis@exempel.se>' },
    onQuery: () => {
      queries += 1;
    },
  });
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

async function mailsSince(count: number) {
  return (await mails()).slice(count);
}

const userEmail = async (userId: string) =>
  (await testApp.app.stegvis.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow())
    .email;

const person = (personId: string) =>
  testApp.app.stegvis.db
    .selectFrom('people')
    .select(['name', 'email'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow() as Promise<{ name: string; email: string }>;

/** A customer's project with its Projektledare (who writes the plan) and the vendor's Utbildningsledare. */
async function trainingProject() {
  const { app } = testApp;
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const project = await createProject(admin, customer.id);
  const writer = await loginAsMember(app, {
    customerId: customer.id,
    projectId: project.id,
    roleKeys: ['projektledare'],
  });
  const leader = await loginAsMember(app, { customerId: null, projectId: project.id, roleKeys: ['utbildningsledare'] });
  return { customerId: customer.id, projectId: project.id, writer, leader };
}

const overviewOf = async (agent: Agent, projectId: string): Promise<TrainingsOverview> => {
  const response = await agent.get(`/api/projects/${projectId}/trainings`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

const trainingOf = async (agent: Agent, projectId: string, key: string): Promise<Training> =>
  (await overviewOf(agent, projectId)).trainings.find((training) => training.key === key) as Training;

const threeDates = [
  { date: '2027-03-02', partOfDay: 'formiddag', note: 'Helst i Stadshuset' },
  { date: '2027-03-04', partOfDay: 'eftermiddag' },
  { date: '2027-03-09', partOfDay: 'heldag' },
];

const propose = (agent: Agent, projectId: string, key: string, dates: object[] = threeDates) =>
  agent.post(`/api/projects/${projectId}/trainings/${key}/proposals`, { dates });

const onSite = (overrides: Partial<ConfirmSessionBody> = {}): ConfirmSessionBody => ({
  proposalId: null,
  date: '2027-03-02',
  startTime: '09:00',
  endTime: '12:00',
  mode: 'on_site',
  place: 'Stadshuset, sal 3',
  link: '',
  trainerPersonId: null,
  ...overrides,
});

async function confirm(agent: Agent, projectId: string, key: string, body: ConfirmSessionBody) {
  const response = await agent.post(`/api/projects/${projectId}/trainings/${key}/sessions`, body);
  expect(response.statusCode).toBe(201);
  return response.json() as TrainingSession;
}

/** The calendar part's properties, lines unfolded, with the one event's. */
function invitation(calendar: string) {
  const component = new ICAL.Component(ICAL.parse(calendar));
  const event = component.getFirstSubcomponent('vevent') as ICAL.Component;
  return {
    method: component.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    organizer: event.getFirstPropertyValue('organizer'),
    attendees: event.getAllProperties('attendee').map((property) => String(property.getFirstValue()).toLowerCase()),
    location: event.getFirstPropertyValue('location'),
  };
}

describe('proposing dates', () => {
  it('needs at least three dates, stores them as one batch and mails the Utbildningsledare', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();

    const two = await propose(writer, projectId, 'administratorer', threeDates.slice(0, 2));
    expect(two.statusCode).toBe(400);
    expect(two.json().error.fields.dates).toBe('Föreslå minst 3 datum så att leverantören kan välja');

    const past = await propose(writer, projectId, 'administratorer', [
      ...threeDates.slice(0, 2),
      { date: '2027-01-31', partOfDay: 'heldag' },
    ]);
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual({ 'dates.2.date': 'Datumet har redan varit' });

    const staff = await propose(writer, projectId, 'personalutbildning');
    expect(staff.statusCode).toBe(400);

    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const refused = await propose(reader, projectId, 'administratorer');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const byVendor = await propose(leader, projectId, 'administratorer');
    expect(byVendor.statusCode).toBe(403);

    const sent = await propose(writer, projectId, 'administratorer');
    expect(sent.statusCode).toBe(201);
    const training: Training = sent.json();
    expect(training.proposals.map((proposal) => [proposal.date, proposal.partOfDay, proposal.note])).toEqual([
      ['2027-03-02', 'formiddag', 'Helst i Stadshuset'],
      ['2027-03-04', 'eftermiddag', ''],
      ['2027-03-09', 'heldag', ''],
    ]);
    expect(new Set(training.proposals.map((proposal) => proposal.batchId)).size).toBe(1);
    expect(training.proposals.every((proposal) => proposal.sessionId === null)).toBe(true);

    const leaderPerson = await person(leader.personId);
    const received = await mails();
    expect(received.map((mail) => mail.to)).toEqual([leaderPerson.email]);
    const [mail] = received;
    expect(mail.subject).toBe('Datumförslag för Utbildning av administratörer: Åkerby kommun');
    expect(mail.text).toContain(`Hej ${leaderPerson.name}!`);
    expect(mail.text).toContain('• 2 mars 2027, förmiddag – Helst i Stadshuset');
    expect(mail.text).toContain('• 9 mars 2027, heldag');
    expect(mail.text).toContain(`http://localhost:3000/projekt/${projectId}/utbildningar`);
    expect(mail.html).toContain(`href="http://localhost:3000/projekt/${projectId}/utbildningar"`);

    const again = await propose(writer, projectId, 'administratorer', [
      { date: '2027-03-16', partOfDay: 'heldag' },
      ...threeDates.slice(1),
    ]);
    const batches = new Set((again.json() as Training).proposals.map((proposal) => proposal.batchId));
    expect(batches.size).toBe(2);

    const history = (await writer.get(`/api/projects/${projectId}/history`)).json().items as { summary: string }[];
    expect(history.map((item) => item.summary)).toContain('Föreslog 3 datum för Utbildning av administratörer');
  });

  it('mails the vendor admins when no Utbildningsledare has an address', async () => {
    const customer = await createCustomer(admin);
    const project = await createProject(admin, customer.id);
    const writer = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['bestallare'],
    });
    expect((await propose(writer, project.id, 'rektorsutbildning')).statusCode).toBe(201);
    expect((await mails()).map((mail) => mail.to)).toEqual([await userEmail(admin.userId)]);
  });

  it('removes a proposal nothing was confirmed from, and refuses one a session came from', async () => {
    const { projectId, writer, leader } = await trainingProject();
    const [first, second, third] = ((await propose(writer, projectId, 'administratorer')).json() as Training).proposals;
    await confirm(leader, projectId, 'administratorer', onSite({ proposalId: first.id }));
    const refused = await writer.delete(`/api/projects/${projectId}/training-proposals/${first.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    expect((await writer.delete(`/api/projects/${projectId}/training-proposals/${second.id}`)).statusCode).toBe(204);
    expect((await writer.delete(`/api/projects/${projectId}/training-proposals/${second.id}`)).statusCode).toBe(404);
    const training = await trainingOf(writer, projectId, 'administratorer');
    expect(training.proposals.map((proposal) => proposal.id)).toEqual([first.id, third.id]);
  });
});

describe('confirming sessions', () => {
  it('is for the Utbildningsledare; the customer gets a calendar invitation in UTC', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    const manager = await person(
      (await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] })).personId,
    );
    const [proposal] = ((await propose(writer, projectId, 'administratorer')).json() as Training).proposals;
    const before = (await mails()).length;
    const body = onSite({ proposalId: proposal.id, trainerPersonId: leader.personId });

    const byCustomer = await writer.post(`/api/projects/${projectId}/trainings/administratorer/sessions`, body);
    expect(byCustomer.statusCode).toBe(403);
    const supporter = await loginAsMember(testApp.app, { customerId: null, projectId, roleKeys: ['projektstodjare'] });
    expect(
      (await supporter.post(`/api/projects/${projectId}/trainings/administratorer/sessions`, body)).statusCode,
    ).toBe(403);

    const wrongDate = await leader.post(`/api/projects/${projectId}/trainings/administratorer/sessions`, {
      ...body,
      date: '2027-03-03',
    });
    expect(wrongDate.statusCode).toBe(400);
    expect(Object.keys(wrongDate.json().error.fields)).toEqual(['date']);
    const otherTraining = await leader.post(`/api/projects/${projectId}/trainings/rektorsutbildning/sessions`, body);
    expect(otherTraining.statusCode).toBe(400);
    expect(Object.keys(otherTraining.json().error.fields)).toEqual(['proposalId']);
    const customerTrainer = await leader.post(`/api/projects/${projectId}/trainings/administratorer/sessions`, {
      ...body,
      trainerPersonId: writer.personId,
    });
    expect(customerTrainer.statusCode).toBe(400);
    const staff = await leader.post(`/api/projects/${projectId}/trainings/personalutbildning/sessions`, onSite());
    expect(staff.statusCode).toBe(400);
    const noPlace = await leader.post(`/api/projects/${projectId}/trainings/administratorer/sessions`, {
      ...body,
      place: '',
    });
    expect(noPlace.json().error.fields).toEqual({ place: 'Ange platsen för utbildningen' });

    const session = await confirm(leader, projectId, 'administratorer', body);
    const leaderPerson = await person(leader.personId);
    expect(session).toMatchObject({
      trainingKey: 'administratorer',
      proposalId: proposal.id,
      date: '2027-03-02',
      startTime: '09:00',
      endTime: '12:00',
      trainer: { id: leader.personId, name: leaderPerson.name },
      version: 1,
      participants: [],
    });
    const training = await trainingOf(writer, projectId, 'administratorer');
    expect(training.proposals[0].sessionId).toBe(session.id);
    const twice = await leader.post(`/api/projects/${projectId}/trainings/administratorer/sessions`, body);
    expect(twice.statusCode).toBe(409);

    const invited = await mailsSince(before);
    const proposerEmail = await userEmail(writer.userId);
    const writerPerson = await person(writer.personId);
    expect(invited.map((mail) => mail.to).sort()).toEqual([proposerEmail, manager.email, writerPerson.email].sort());
    const mail = invited.find((candidate) => candidate.to === proposerEmail);
    expect(mail?.subject).toBe('Inbjudan: Utbildning av administratörer 2 mars 2027 kl. 09:00–12:00');
    expect(mail?.text).toContain('Plats: Stadshuset, sal 3');
    expect(mail?.text).toContain(`Utbildare: ${leaderPerson.name}`);
    expect(mail?.calendarMethod).toBe('REQUEST');
    expect(mail?.calendar).toContain('METHOD:REQUEST');
    // 09:00 in Stockholm on 2 March is 08:00 UTC (winter time).
    expect(mail?.calendar).toContain('DTSTART:20270302T080000Z');
    expect(mail?.calendar).toContain('DTEND:20270302T110000Z');
    expect(invitation(mail?.calendar ?? '')).toMatchObject({
      method: 'REQUEST',
      uid: `utbildning-${session.id}@localhost:3000`,
      sequence: 1,
      organizer: 'mailto:stegvis@exempel.se',
      attendees: [`mailto:${proposerEmail}`],
      location: 'Stadshuset, sal 3',
    });

    const history = (await writer.get(`/api/projects/${projectId}/history`)).json().items as { summary: string }[];
    expect(history.map((item) => item.summary)).toContain(
      'Bekräftade utbildningstillfälle 2027-03-02 09:00 för Utbildning av administratörer',
    );
  });

  it('confirms on a date of the vendor’s own in summer time, changes it with a version check and cancels it', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    const school = await createSchool(admin, customerId, { name: 'Ekskolan' });
    const [principal] = await createRoleHolders(testApp.app, {
      customerId,
      projectId,
      schoolId: school.id,
      roleKey: 'rektor',
      names: ['Rut Rektor'],
    });
    const session = await confirm(
      admin,
      projectId,
      'rektorsutbildning',
      onSite({ date: '2027-04-06', mode: 'web', place: '', link: 'https://mote.exempel.se/rektorer' }),
    );
    const writerPerson = await person(writer.personId);
    const invitationToManager = (await mails()).find((mail) => mail.to === writerPerson.email);
    // 09:00 in Stockholm on 6 April is 07:00 UTC (summer time).
    expect(invitationToManager?.calendar).toContain('DTSTART:20270406T070000Z');
    expect(invitationToManager?.text).toContain('Webbutbildning: https://mote.exempel.se/rektorer');

    const booked = await writer.post(`/api/projects/${projectId}/training-sessions/${session.id}/participants`, {
      personId: principal.id,
    });
    expect(booked.statusCode).toBe(201);
    const before = (await mails()).length;

    const change = {
      date: '2027-04-06',
      startTime: '13:00',
      endTime: '15:30',
      mode: 'on_site',
      place: 'Ekskolans aula',
      link: '',
      trainerPersonId: leader.personId,
      version: 1,
    };
    const byCustomer = await writer.patch(`/api/projects/${projectId}/training-sessions/${session.id}`, change);
    expect(byCustomer.statusCode).toBe(403);
    const changed = await leader.patch(`/api/projects/${projectId}/training-sessions/${session.id}`, change);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ startTime: '13:00', place: 'Ekskolans aula', version: 2 });
    const stale = await leader.patch(`/api/projects/${projectId}/training-sessions/${session.id}`, change);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const updates = await mailsSince(before);
    expect(updates.map((mail) => mail.to).sort()).toEqual([principal.email, writerPerson.email].sort());
    for (const update of updates) {
      expect(update.subject).toBe('Ändrad tid eller plats: Rektorsutbildning 6 april 2027 kl. 13:00–15:30');
      expect(update.calendar).toContain('DTSTART:20270406T110000Z');
      expect(invitation(update.calendar)).toMatchObject({
        method: 'REQUEST',
        uid: `utbildning-${session.id}@localhost:3000`,
        sequence: 2,
      });
    }

    const afterChange = (await mails()).length;
    expect(
      (await leader.delete(`/api/projects/${projectId}/training-sessions/${session.id}?version=1`)).statusCode,
    ).toBe(409);
    expect(
      (await leader.delete(`/api/projects/${projectId}/training-sessions/${session.id}?version=2`)).statusCode,
    ).toBe(204);
    const cancellations = await mailsSince(afterChange);
    expect(cancellations.map((mail) => mail.to).sort()).toEqual([principal.email, writerPerson.email].sort());
    expect(cancellations[0].calendarMethod).toBe('CANCEL');
    expect(invitation(cancellations[0].calendar)).toMatchObject({
      method: 'CANCEL',
      uid: `utbildning-${session.id}@localhost:3000`,
      status: 'CANCELLED',
      sequence: 3,
    });
    const training = await trainingOf(writer, projectId, 'rektorsutbildning');
    expect(training.sessions).toEqual([]);
    expect(training.unbooked.map((trainee) => trainee.name)).toEqual(['Rut Rektor']);
    expect(
      (await leader.delete(`/api/projects/${projectId}/training-sessions/${session.id}?version=2`)).statusCode,
    ).toBe(404);
  });
  it('moves the training’s key activity on the timeline to its earliest session', async () => {
    const { projectId, writer, leader } = await trainingProject();
    const keyActivity = async (): Promise<TimelineItem> => {
      const response = await writer.get(`/api/projects/${projectId}/timeline`);
      expect(response.statusCode).toBe(200);
      const items: TimelineItem[] = response.json().items;
      return items.find(
        (item) => item.kind === 'key' && item.title === 'Utbildning av administratörer',
      ) as TimelineItem;
    };
    const suggested = await keyActivity();
    const moves = async () =>
      ((await writer.get(`/api/projects/${projectId}/history`)).json().items as AuditEvent[]).filter(
        (event) => event.action === 'key_activity.date_changed' && event.entityId === suggested.id,
      );

    const later = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-09' }));
    expect(await keyActivity()).toMatchObject({ date: '2027-03-09', version: suggested.version + 1 });
    const earlier = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-02' }));
    expect(await keyActivity()).toMatchObject({ date: '2027-03-02', version: suggested.version + 2 });
    // Another training's session has a key activity of its own.
    await confirm(leader, projectId, 'rektorsutbildning', onSite({ date: '2027-02-15' }));
    expect((await keyActivity()).date).toBe('2027-03-02');

    // Changing the later session leaves the earliest date, and the key activity, as they were.
    const changed = await leader.patch(`/api/projects/${projectId}/training-sessions/${later.id}`, {
      date: '2027-03-11',
      startTime: '09:00',
      endTime: '12:00',
      mode: 'on_site',
      place: 'Stadshuset, sal 3',
      link: '',
      trainerPersonId: null,
      version: later.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(await keyActivity()).toMatchObject({ date: '2027-03-02', version: suggested.version + 2 });

    const cancelled = await leader.delete(
      `/api/projects/${projectId}/training-sessions/${earlier.id}?version=${earlier.version}`,
    );
    expect(cancelled.statusCode).toBe(204);
    expect(await keyActivity()).toMatchObject({ date: '2027-03-11', version: suggested.version + 3 });
    const [moved] = await moves();
    expect(moved).toMatchObject({
      entityId: suggested.id,
      summary: 'Flyttade ”Utbildning av administratörer” från 2027-03-02 till 2027-03-11',
      before: { date: '2027-03-02' },
      after: { date: '2027-03-11' },
    });

    // With no session left the key activity stays on the last one's date.
    const last = changed.json() as TrainingSession;
    const lastCancelled = await leader.delete(
      `/api/projects/${projectId}/training-sessions/${last.id}?version=${last.version}`,
    );
    expect(lastCancelled.statusCode).toBe(204);
    expect(await keyActivity()).toMatchObject({ date: '2027-03-11', version: suggested.version + 3 });
    expect((await moves()).map((event) => event.after)).toEqual([
      { date: '2027-03-11' },
      { date: '2027-03-02' },
      { date: '2027-03-09' },
    ]);
  });
});

describe('participants, ranges and the split', () => {
  /** 38 administrators at 12 schools, one of them also at a second school. */
  async function administrators(customerId: string, projectId: string) {
    const sizes = [4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2];
    const schools = [];
    for (const [index, size] of sizes.entries()) {
      const school = await createSchool(admin, customerId, { name: `Skola ${String(index + 1).padStart(2, '0')}` });
      const people = await createRoleHolders(testApp.app, {
        customerId,
        projectId,
        schoolId: school.id,
        roleKey: 'administrator',
        names: Array.from({ length: size }, (_, number) => `Admin ${index + 1}-${number + 1}`),
      });
      schools.push({ school, people });
    }
    await assignRole(testApp.app, {
      projectId,
      personId: schools[0].people[0].id,
      roleKey: 'administrator',
      schoolId: schools[1].school.id,
    });
    return schools;
  }

  it('counts the trainees once each, the sessions they need, and warns of sessions outside the range', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    await administrators(customerId, projectId);
    let training = await trainingOf(writer, projectId, 'administratorer');
    expect(training).toMatchObject({
      kind: 'role',
      minParticipants: 15,
      maxParticipants: 20,
      templateMinParticipants: 15,
      templateMaxParticipants: 20,
      version: 0,
      participantRole: { key: 'administrator', title: 'Administratör' },
      sessionsNeeded: 2,
      suggestedSplit: [],
    });
    expect(training.trainees).toHaveLength(38);
    expect(training.unbooked).toHaveLength(38);
    expect(training.trainees.find((trainee) => trainee.name === 'Admin 1-1')?.schoolName).toBe('Skola 01');
    const overview = await overviewOf(writer, projectId);
    expect(overview.trainings.map((item) => [item.key, item.kind])).toEqual([
      ['rektorsutbildning', 'role'],
      ['administratorer', 'role'],
      ['anvandarstodjare', 'role'],
      ['personalutbildning', 'staff'],
      ['uppsamlingsheat', 'catchUp'],
    ]);
    expect(overview.trainings[0].sessionsNeeded).toBeNull();

    const first = await confirm(leader, projectId, 'administratorer', onSite());
    const second = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-04' }));
    training = await trainingOf(writer, projectId, 'administratorer');
    expect(training.suggestedSplit.map((entry) => entry.sessionId)).toEqual([first.id, second.id]);
    expect(training.suggestedSplit.map((entry) => entry.people.length)).toEqual([19, 19]);
    for (const entry of training.suggestedSplit) {
      const schoolsIn = new Set(entry.people.map((trainee) => trainee.schoolName));
      for (const other of training.suggestedSplit.filter((candidate) => candidate !== entry)) {
        expect(other.people.some((trainee) => schoolsIn.has(trainee.schoolName))).toBe(false);
      }
    }
    // Nobody is booked yet: the sessions are waiting for their bookings, not short of anyone.
    expect(training.sessions.map((session) => session.warnings)).toEqual([[], []]);
    expect(training.capacity).toEqual({ fits: true, message: null, options: [], choice: null });

    // The overview takes as many queries with three sessions as with two.
    queries = 0;
    await overviewOf(writer, projectId);
    const withTwo = queries;
    await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-09' }));
    queries = 0;
    await overviewOf(writer, projectId);
    expect(queries).toBe(withTwo);

    const range = await leader.put(`/api/projects/${projectId}/trainings/administratorer`, {
      version: 0,
      minParticipants: 10,
      maxParticipants: 12,
    });
    expect(range.statusCode).toBe(200);
    expect(range.json()).toMatchObject({ minParticipants: 10, maxParticipants: 12, version: 1, sessionsNeeded: 4 });
    const stale = await writer.put(`/api/projects/${projectId}/trainings/administratorer`, {
      version: 0,
      minParticipants: 10,
      maxParticipants: 20,
    });
    expect(stale.statusCode).toBe(409);
    const reversed = await writer.put(`/api/projects/${projectId}/trainings/administratorer`, {
      version: 1,
      minParticipants: 20,
      maxParticipants: 10,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual({ maxParticipants: 'Minsta antalet kan inte vara större än högsta' });
    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    expect(
      (
        await reader.put(`/api/projects/${projectId}/trainings/administratorer`, {
          version: 1,
          minParticipants: 1,
          maxParticipants: 2,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await writer.put(`/api/projects/${projectId}/trainings/okand`, {
          version: 0,
          minParticipants: 1,
          maxParticipants: 2,
        })
      ).statusCode,
    ).toBe(404);

    const history = (await writer.get(`/api/projects/${projectId}/history`)).json().items as { summary: string }[];
    expect(history.map((item) => item.summary)).toContain(
      'Ändrade antalet deltagare per tillfälle för Utbildning av administratörer: 10–12',
    );
  });

  it('books the suggested split, everyone once, and invites each of them', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    const schools = await administrators(customerId, projectId);
    // A session already held takes no one.
    const held = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-01-25' }));
    const first = await confirm(leader, projectId, 'administratorer', onSite());
    const second = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-04' }));
    const before = (await mails()).length;

    const refused = await leader.post(`/api/projects/${projectId}/trainings/administratorer/split`);
    expect(refused.statusCode).toBe(403);
    const split = await writer.post(`/api/projects/${projectId}/trainings/administratorer/split`);
    expect(split.statusCode).toBe(200);
    const training: Training = split.json();
    expect(training.unbooked).toEqual([]);
    expect(training.suggestedSplit).toEqual([]);
    expect(training.sessions.map((session) => [session.id, session.participants.length])).toEqual([
      [held.id, 0],
      [first.id, 19],
      [second.id, 19],
    ]);
    const booked = training.sessions.flatMap((session) =>
      session.participants.map((participant) => participant.personId),
    );
    const everyone = schools.flatMap((entry) => entry.people.map((holder) => holder.id));
    expect(booked.sort()).toEqual(everyone.sort());
    expect(training.sessions.map((session) => session.warnings.length)).toEqual([0, 0, 0]);
    expect(training.sessions[1].participants[0]).toMatchObject({ attendance: 'booked', markedByName: null });

    const invitations = await mailsSince(before);
    expect(invitations).toHaveLength(38);
    expect(invitations.every((mail) => mail.subject.startsWith('Du är anmäld: Utbildning av administratörer'))).toBe(
      true,
    );
    expect(invitations.every((mail) => mail.calendarMethod === 'REQUEST')).toBe(true);

    const again = await writer.post(`/api/projects/${projectId}/trainings/administratorer/split`);
    expect(again.statusCode).toBe(200);
    expect(await mailsSince(before)).toHaveLength(38);
    const noSessions = await writer.post(`/api/projects/${projectId}/trainings/rektorsutbildning/split`);
    expect(noSessions.statusCode).toBe(400);
  });
});

describe('trainees who cannot be split within the range', () => {
  /** 22 administrators at four schools: no number of sessions of 15–20 holds them. */
  async function twentyTwo(customerId: string, projectId: string) {
    for (const [index, size] of [6, 6, 5, 5].entries()) {
      const school = await createSchool(admin, customerId, { name: `Skola ${index + 1}` });
      await createRoleHolders(testApp.app, {
        customerId,
        projectId,
        schoolId: school.id,
        roleKey: 'administrator',
        names: Array.from({ length: size }, (_, number) => `Admin ${index + 1}-${number + 1}`),
      });
    }
  }

  const choose = (agent: Agent, projectId: string, body: { version: number; choice: string | null }) =>
    agent.put(`/api/projects/${projectId}/trainings/administratorer/split-choice`, body);

  it('says so in words, suggests no split until the project chooses, and records the choice', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    await twentyTwo(customerId, projectId);
    const first = await confirm(leader, projectId, 'administratorer', onSite());
    const second = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-04' }));

    let training = await trainingOf(writer, projectId, 'administratorer');
    expect(training.capacity).toEqual({
      fits: false,
      message: '22 personer kan inte delas i grupper om 15–20',
      options: [
        { choice: 'over_max', sessions: 1, sizes: [22], message: '1 tillfälle med 22 deltagare, fler än högst 20' },
        {
          choice: 'under_min',
          sessions: 2,
          sizes: [11, 11],
          message: '2 tillfällen med 11 deltagare, färre än minst 15',
        },
      ],
      choice: null,
    });
    expect(training.suggestedSplit).toEqual([]);
    expect(training.sessions.map((session) => session.warnings)).toEqual([[], []]);

    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    expect((await choose(reader, projectId, { version: 0, choice: 'over_max' })).statusCode).toBe(403);
    const unknown = await choose(writer, projectId, { version: 0, choice: 'halva' });
    expect(unknown.statusCode).toBe(400);

    // One session over the maximum: everyone in one of the two sessions.
    const overMax = await choose(leader, projectId, { version: 0, choice: 'over_max' });
    expect(overMax.statusCode, overMax.body).toBe(200);
    training = overMax.json();
    expect(training).toMatchObject({ version: 1, minParticipants: 15, maxParticipants: 20, sessionsNeeded: 1 });
    expect(training.capacity?.choice).toBe('over_max');
    expect(training.suggestedSplit.map((entry) => [entry.sessionId, entry.people.length])).toEqual([[first.id, 22]]);
    expect((await trainingOf(writer, projectId, 'administratorer')).capacity?.choice).toBe('over_max');

    const stale = await choose(writer, projectId, { version: 0, choice: 'under_min' });
    expect(stale.statusCode).toBe(409);

    // Sessions under the minimum: two of 11, schools kept together where they fit.
    const underMin = await choose(writer, projectId, { version: 1, choice: 'under_min' });
    expect(underMin.statusCode, underMin.body).toBe(200);
    training = underMin.json();
    expect(training).toMatchObject({ version: 2, sessionsNeeded: 2 });
    expect(training.suggestedSplit.map((entry) => entry.people.length).sort()).toEqual([11, 11]);

    const booked = await writer.post(`/api/projects/${projectId}/trainings/administratorer/split`);
    expect(booked.statusCode).toBe(200);
    training = booked.json();
    expect(training.unbooked).toEqual([]);
    // Booked sessions under the minimum warn: the project chose them, and they are still short.
    expect(training.sessions.map((session) => [session.id, session.warnings])).toEqual([
      [first.id, [{ code: 'under_min', message: '11 deltagare, färre än minst 15' }]],
      [second.id, [{ code: 'under_min', message: '11 deltagare, färre än minst 15' }]],
    ]);

    const history = (await writer.get(`/api/projects/${projectId}/history`)).json().items as { summary: string }[];
    expect(history.map((item) => item.summary)).toContain(
      'Valde för Utbildning av administratörer: 2 tillfällen med 11 deltagare, färre än minst 15 (22 personer kan inte delas i grupper om 15–20)',
    );
  });

  it('takes a different range for the project as the third way, which replaces the earlier choice', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    await twentyTwo(customerId, projectId);
    await confirm(leader, projectId, 'administratorer', onSite());
    await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-04' }));
    expect((await choose(writer, projectId, { version: 0, choice: 'under_min' })).statusCode).toBe(200);

    const range = await writer.put(`/api/projects/${projectId}/trainings/administratorer`, {
      version: 1,
      minParticipants: 10,
      maxParticipants: 20,
    });
    expect(range.statusCode).toBe(200);
    const training: Training = range.json();
    expect(training.capacity).toEqual({ fits: true, message: null, options: [], choice: null });
    expect(training.suggestedSplit.map((entry) => entry.people.length).sort()).toEqual([11, 11]);

    // Nothing to choose where the trainees fit the range; taking back is always allowed.
    const needless = await choose(writer, projectId, { version: 2, choice: 'over_max' });
    expect(needless.statusCode).toBe(400);
    expect(needless.json().error.message).toBe(
      'Deltagarna i Utbildning av administratörer kan delas inom intervallet; inget val behövs',
    );
    expect((await choose(writer, projectId, { version: 2, choice: null })).statusCode).toBe(200);

    // Back to the template's range, the earlier choice is gone and the question is asked again.
    const back = await writer.put(`/api/projects/${projectId}/trainings/administratorer`, {
      version: 3,
      minParticipants: 15,
      maxParticipants: 20,
    });
    expect(back.json()).toMatchObject({ capacity: { fits: false, choice: null }, suggestedSplit: [] });
    expect(
      (
        await writer.put(`/api/projects/${projectId}/trainings/personalutbildning/split-choice`, {
          version: 0,
          choice: null,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('attendance, the missed and the catch-up', () => {
  it('marks attendance with who and when, lists who missed and books them on the catch-up in one call', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    const school = await createSchool(admin, customerId, { name: 'Ekskolan' });
    const [anna, bo, cia] = await createRoleHolders(testApp.app, {
      customerId,
      projectId,
      schoolId: school.id,
      roleKey: 'administrator',
      names: ['Anna Admin', 'Bo Admin', 'Cia Admin'],
    });
    const trainer = await loginAsMember(testApp.app, { customerId: null, projectId, roleKeys: ['projektstodjare'] });
    const session = await confirm(
      leader,
      projectId,
      'administratorer',
      onSite({ date: '2027-02-01', trainerPersonId: trainer.personId }),
    );
    const other = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-02-03' }));
    // Three cannot make a group of 15–20: the project holds the session under the minimum.
    const choice = { version: 0, choice: 'under_min' };
    expect(
      (await writer.put(`/api/projects/${projectId}/trainings/administratorer/split-choice`, choice)).statusCode,
    ).toBe(200);
    await writer.post(`/api/projects/${projectId}/trainings/administratorer/split`);
    let training = await trainingOf(writer, projectId, 'administratorer');
    expect(training.sessions.find((item) => item.id === session.id)?.participants).toHaveLength(3);

    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const entries = [
      { personId: anna.id, attendance: 'attended' },
      { personId: bo.id, attendance: 'absent' },
    ];
    const url = `/api/projects/${projectId}/training-sessions/${session.id}/attendance`;
    expect((await reader.put(url, { entries })).statusCode).toBe(403);
    expect((await overviewOf(reader, projectId)).may.markAttendance).toBe(false);
    expect((await overviewOf(trainer, projectId)).may).toEqual({
      plan: false,
      confirm: false,
      markAttendance: true,
      recordWorkshops: false,
    });
    const elsewhere = await trainer.put(`/api/projects/${projectId}/training-sessions/${other.id}/attendance`, {
      entries,
    });
    expect(elsewhere.statusCode).toBe(403);
    const stranger = await createPerson(testApp.app, { customerId });
    const notBooked = await trainer.put(url, { entries: [{ personId: stranger.id, attendance: 'attended' }] });
    expect(notBooked.statusCode).toBe(400);
    expect(Object.keys(notBooked.json().error.fields)).toEqual(['entries']);

    now = new Date('2027-02-01T11:05:00Z');
    const marked = await trainer.put(url, { entries });
    expect(marked.statusCode).toBe(200);
    const trainerName = (
      await testApp.app.stegvis.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', trainer.userId)
        .executeTakeFirstOrThrow()
    ).name;
    expect(
      (marked.json() as TrainingSession).participants.map((participant) => [
        participant.name,
        participant.attendance,
        participant.markedByName,
        participant.markedAt,
      ]),
    ).toEqual([
      ['Anna Admin', 'attended', trainerName, '2027-02-01T11:05:00.000Z'],
      ['Bo Admin', 'absent', trainerName, '2027-02-01T11:05:00.000Z'],
      ['Cia Admin', 'booked', null, null],
    ]);

    training = await trainingOf(writer, projectId, 'administratorer');
    expect(training.missed).toEqual([
      {
        personId: bo.id,
        name: 'Bo Admin',
        email: bo.email,
        schoolName: 'Ekskolan',
        sessionId: session.id,
        sessionDate: '2027-02-01',
        catchUpSessionId: null,
      },
    ]);
    let catchUp = await trainingOf(writer, projectId, 'uppsamlingsheat');
    expect(catchUp.kind).toBe('catchUp');
    expect(catchUp.trainees.map((trainee) => [trainee.name, trainee.schoolName])).toEqual([['Bo Admin', 'Ekskolan']]);
    expect(catchUp.sessionsNeeded).toBeNull();

    const catchUpSession = await confirm(leader, projectId, 'uppsamlingsheat', onSite({ date: '2027-04-13' }));
    const participantsUrl = `/api/projects/${projectId}/training-sessions/${catchUpSession.id}/participants`;
    expect((await reader.post(participantsUrl, { personId: bo.id })).statusCode).toBe(403);
    const before = (await mails()).length;
    const bookedOnCatchUp = await writer.post(participantsUrl, { personId: bo.id });
    expect(bookedOnCatchUp.statusCode).toBe(201);
    expect((bookedOnCatchUp.json() as TrainingSession).participants.map((participant) => participant.name)).toEqual([
      'Bo Admin',
    ]);
    const [invitationToBo] = await mailsSince(before);
    expect(invitationToBo.to).toBe(bo.email);
    expect(invitationToBo.subject).toBe('Du är anmäld: Uppsamlingsheat 13 april 2027 kl. 09:00–12:00');
    expect(invitationToBo.calendar).toContain('DTSTART:20270413T070000Z');

    const twice = await writer.post(participantsUrl, { personId: bo.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toEqual({
      code: 'CONFLICT',
      message: 'Bo Admin är redan bokad på ett tillfälle av Uppsamlingsheat',
    });
    const onOtherSession = await writer.post(`/api/projects/${projectId}/training-sessions/${other.id}/participants`, {
      personId: cia.id,
    });
    expect(onOtherSession.statusCode).toBe(409);
    const otherCustomer = await createCustomer(admin);
    const outsider = await createPerson(testApp.app, { customerId: otherCustomer.id });
    const foreign = await writer.post(participantsUrl, { personId: outsider.id });
    expect(foreign.statusCode).toBe(400);
    expect(Object.keys(foreign.json().error.fields)).toEqual(['personId']);

    training = await trainingOf(writer, projectId, 'administratorer');
    expect(training.missed.map((missed) => missed.catchUpSessionId)).toEqual([catchUpSession.id]);
    catchUp = await trainingOf(writer, projectId, 'uppsamlingsheat');
    expect(catchUp.unbooked).toEqual([]);

    const attendedCatchUp = await leader.put(
      `/api/projects/${projectId}/training-sessions/${catchUpSession.id}/attendance`,
      { entries: [{ personId: bo.id, attendance: 'attended' }] },
    );
    expect(attendedCatchUp.statusCode).toBe(200);
    expect((await trainingOf(writer, projectId, 'administratorer')).missed).toEqual([]);
    expect((await trainingOf(writer, projectId, 'uppsamlingsheat')).trainees).toEqual([]);

    const beforeUnbooking = (await mails()).length;
    expect((await writer.delete(`${participantsUrl}/${bo.id}`)).statusCode).toBe(204);
    expect((await writer.delete(`${participantsUrl}/${bo.id}`)).statusCode).toBe(404);
    const [cancellation] = await mailsSince(beforeUnbooking);
    expect([cancellation.to, cancellation.calendarMethod]).toEqual([bo.email, 'CANCEL']);

    const history = (await writer.get(`/api/projects/${projectId}/history`)).json().items as { summary: string }[];
    expect(history.map((item) => item.summary)).toEqual(
      expect.arrayContaining([
        'Markerade närvaro på Utbildning av administratörer 2027-02-01 09:00: 1 närvarande, 1 frånvarande',
        'Bokade Bo Admin på Uppsamlingsheat 2027-04-13 09:00',
        'Avbokade Bo Admin från Uppsamlingsheat 2027-04-13 09:00',
      ]),
    );
  });
});

describe('staff workshops', () => {
  it('are recorded by the school’s user-supporters or the plan writers and summed per school', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    const ekskolan = await createSchool(admin, customerId, { name: 'Ekskolan', staffCount: 40 });
    const bjorkskolan = await createSchool(admin, customerId, { name: 'Björkskolan' });
    const supporter = await loginAsMember(testApp.app, {
      customerId,
      projectId,
      roleKeys: ['anvandarstodjare'],
      schoolId: ekskolan.id,
    });
    const supporterName = (await person(supporter.personId)).name;
    const url = `/api/projects/${projectId}/staff-workshops`;

    expect((await overviewOf(supporter, projectId)).may).toEqual({
      plan: false,
      confirm: false,
      markAttendance: false,
      recordWorkshops: true,
    });
    const recorded = await supporter.post(url, {
      schoolId: ekskolan.id,
      heldOn: '2027-03-10',
      staffCount: 12,
      heldByPersonId: supporter.personId,
      note: 'Arbetsplatsträff',
    });
    expect(recorded.statusCode).toBe(201);
    const workshop: Workshop = recorded.json();
    expect(workshop).toMatchObject({
      heldOn: '2027-03-10',
      staffCount: 12,
      heldBy: { id: supporter.personId, name: supporterName },
      note: 'Arbetsplatsträff',
    });
    const otherSchool = await supporter.post(url, { schoolId: bjorkskolan.id, heldOn: '2027-03-10', staffCount: 5 });
    expect(otherSchool.statusCode).toBe(403);
    expect((await leader.post(url, { schoolId: ekskolan.id, heldOn: '2027-03-10', staffCount: 5 })).statusCode).toBe(
      403,
    );
    const none = await writer.post(url, { schoolId: ekskolan.id, heldOn: '2027-03-10', staffCount: 0 });
    expect(none.json().error.fields).toEqual({ staffCount: 'Minst 1 person' });
    const foreignSchool = await createSchool(admin, (await createCustomer(admin)).id, { name: 'Annan skola' });
    expect(
      (await writer.post(url, { schoolId: foreignSchool.id, heldOn: '2027-03-10', staffCount: 5 })).statusCode,
    ).toBe(400);
    const byWriter = await writer.post(url, { schoolId: bjorkskolan.id, heldOn: '2027-03-11', staffCount: 5 });
    expect(byWriter.statusCode).toBe(201);
    await supporter.post(url, { schoolId: ekskolan.id, heldOn: '2027-03-17', staffCount: 8 });

    const staffTraining = (await overviewOf(writer, projectId)).staffTraining;
    expect(
      staffTraining.map((school) => [
        school.schoolName,
        school.staffCount,
        school.trainedCount,
        school.workshops.length,
      ]),
    ).toEqual([
      ['Björkskolan', null, 5, 1],
      ['Ekskolan', 40, 20, 2],
    ]);

    expect((await supporter.delete(`${url}/${byWriter.json().id}`)).statusCode).toBe(403);
    expect((await supporter.delete(`${url}/${workshop.id}`)).statusCode).toBe(204);
    expect((await supporter.delete(`${url}/${workshop.id}`)).statusCode).toBe(404);
    const after = (await overviewOf(writer, projectId)).staffTraining;
    expect(after.find((school) => school.schoolId === ekskolan.id)?.trainedCount).toBe(8);

    const history = (await writer.get(`/api/projects/${projectId}/history`)).json().items as { summary: string }[];
    expect(history.map((item) => item.summary)).toContain(
      'Registrerade en workshop på Ekskolan 2027-03-10 för 12 i personalen',
    );
  });
});

describe('who may do what', () => {
  it('tells each viewer what they may do, and hides the project and its sessions from other customers', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const leaderName = (await person(leader.personId)).name;
    const plainVendor = await createPerson(testApp.app, { customerId: null, name: 'Åke Annan' });
    expect((await overviewOf(writer, projectId)).may).toEqual({
      plan: true,
      confirm: false,
      markAttendance: true,
      recordWorkshops: true,
    });
    const asLeader = await overviewOf(leader, projectId);
    expect(asLeader.may).toEqual({ plan: false, confirm: true, markAttendance: true, recordWorkshops: false });
    expect(asLeader.trainers.map((trainer) => trainer.name)).toEqual(
      expect.arrayContaining([leaderName, plainVendor.name]),
    );
    expect(asLeader.trainers[0].name).toBe(leaderName);
    expect((await overviewOf(admin, projectId)).may).toEqual({
      plan: true,
      confirm: true,
      markAttendance: true,
      recordWorkshops: true,
    });
    expect((await overviewOf(reader, projectId)).may).toEqual({
      plan: false,
      confirm: false,
      markAttendance: false,
      recordWorkshops: false,
    });

    const session = await confirm(leader, projectId, 'administratorer', onSite());
    const otherCustomer = await createCustomer(admin);
    const otherProject = await createProject(admin, otherCustomer.id);
    const outsider = await loginAsMember(testApp.app, {
      customerId: otherCustomer.id,
      projectId: otherProject.id,
      roleKeys: ['projektledare'],
    });
    expect((await outsider.get(`/api/projects/${projectId}/trainings`)).statusCode).toBe(404);
    // A session of one project is not found under another.
    // A session's change carries no proposal: that belongs to its confirmation only.
    const { proposalId: _proposal, ...change } = onSite();
    const elsewhere = await admin.patch(`/api/projects/${otherProject.id}/training-sessions/${session.id}`, {
      ...change,
      version: 1,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect((await admin.get(`/api/projects/${projectId}/trainings`)).statusCode).toBe(200);
  });
});

describe('calendar feeds', () => {
  it('hold the sessions as timed events: every one in the project’s, the booked and the trainer’s in a person’s', async () => {
    const { customerId, projectId, writer, leader } = await trainingProject();
    const school = await createSchool(admin, customerId, { name: 'Ekskolan' });
    const principal = await loginAsMember(testApp.app, {
      customerId,
      projectId,
      roleKeys: ['rektor'],
      schoolId: school.id,
    });
    const booked = await confirm(leader, projectId, 'rektorsutbildning', onSite({ trainerPersonId: leader.personId }));
    const notBooked = await confirm(leader, projectId, 'administratorer', onSite({ date: '2027-03-04' }));
    await writer.post(`/api/projects/${projectId}/training-sessions/${booked.id}/participants`, {
      personId: principal.personId,
    });

    const fetchFeed = async (url: string) =>
      (await testApp.app.inject({ method: 'GET', url: new URL(url).pathname })).body;
    const uidsIn = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents('vevent')
        .map((component) => new ICAL.Event(component))
        .filter((event) => event.uid.startsWith('utbildning-'))
        .map((event) => [event.uid, event.startDate.isDate, event.startDate.toJSDate().toISOString()]);

    const projectFeed = await fetchFeed((await writer.post(`/api/projects/${projectId}/calendar-feed`)).json().url);
    expect(projectFeed).toContain('DTSTART:20270302T080000Z');
    expect(uidsIn(projectFeed)).toEqual([
      [`utbildning-${booked.id}@localhost:3000`, false, '2027-03-02T08:00:00.000Z'],
      [`utbildning-${notBooked.id}@localhost:3000`, false, '2027-03-04T08:00:00.000Z'],
    ]);
    const principalFeed = await fetchFeed((await principal.post('/api/me/calendar-feed')).json().url);
    expect(uidsIn(principalFeed)).toEqual([
      [`utbildning-${booked.id}@localhost:3000`, false, '2027-03-02T08:00:00.000Z'],
    ]);
    expect(principalFeed).toContain('SUMMARY:Rektorsutbildning (');
    const trainerFeed = await fetchFeed((await leader.post('/api/me/calendar-feed')).json().url);
    expect(uidsIn(trainerFeed).map(([uid]) => uid)).toEqual([`utbildning-${booked.id}@localhost:3000`]);
  });
});
