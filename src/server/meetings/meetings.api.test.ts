import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Plan } from '../../shared/plan.js';
import type { SteeringMeeting, SteeringMeetingInput } from '../../shared/steering.js';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { pdfTextOnOneLine } from '../test-support/pdf-text.js';
import { mailHeader, type SmtpListener, startSmtp } from '../test-support/smtp.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const clock: Clock = { now: () => new Date('2027-02-20T09:00:00.000Z') };

let smtp: SmtpListener;
let testApp: TestApp;
let admin: Agent;
let customerId: string;
let projectId: string;
beforeEach(async () => {
  smtp = await startSmtp();
  testApp = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Stegvis <stegvis@exempel.se>' } });
  admin = await loginAs(testApp.app);
  customerId = (await createCustomer(admin, { name: 'Åkerby kommun' })).id;
  projectId = (await createProject(admin, customerId)).id;
});
afterEach(async () => {
  await testApp.close();
  await smtp.close();
});

const meetingsUrl = () => `/api/projects/${projectId}/steering-meetings`;

async function createMeeting(input: SteeringMeetingInput, agent = admin): Promise<SteeringMeeting> {
  const response = await agent.post(meetingsUrl(), input);
  expect(response.statusCode).toBe(201);
  return response.json();
}

const meetingsOf = async (agent = admin) => {
  const response = await agent.get(meetingsUrl());
  expect(response.statusCode).toBe(200);
  return response.json() as { items: SteeringMeeting[]; may: { edit: boolean } };
};

const history = async (): Promise<AuditEvent[]> => (await admin.get(`/api/projects/${projectId}/history`)).json().items;

const keyActivity = async (templateKey: string) => {
  const plan: Plan = (await admin.get(`/api/projects/${projectId}/plan`)).json();
  const found = plan.keyActivities.find((activity) => activity.templateKey === templateKey);
  if (!found) throw new Error(`no key activity ${templateKey}`);
  return found;
};

/** A change request as the decisions engineer's routes store one, written straight to the table. */
async function insertChangeRequest(input: {
  number: number;
  meetingId: string | null;
  title: string;
  status?: 'pending' | 'approved' | 'rejected';
  dateChanges?: { keyActivityId: string; to: string }[];
}) {
  const id = newId();
  const now = clock.now().toISOString();
  await testApp.app.stegvis.db
    .insertInto('change_requests')
    .values({
      id,
      project_id: projectId,
      number: input.number,
      title: input.title,
      areas: JSON.stringify(['time']),
      change: 'Skarp start flyttas från augusti till september.',
      reason: 'Integrationen mot elevregistret är försenad.',
      consequence: 'Utbildningen av personalen flyttas också.',
      proposal: 'Styrgruppen godkänner den nya tidplanen.',
      date_changes: JSON.stringify(input.dateChanges ?? []),
      goal_changes: '[]',
      status: input.status ?? 'pending',
      meeting_id: input.meetingId,
      prepared_by_user_id: null,
      prepared_by_name: 'Pia Projektledare',
      created_at: now,
      decided_by_user_id: null,
      decided_by_name: null,
      decided_at: null,
      decision_comment: null,
      version: 1,
      updated_at: now,
    })
    .execute();
  return id;
}

async function insertDecision(input: { number: number; meetingId: string; title: string; decision: string }) {
  const id = newId();
  const now = clock.now().toISOString();
  await testApp.app.stegvis.db
    .insertInto('decisions')
    .values({
      id,
      project_id: projectId,
      number: input.number,
      title: input.title,
      background: '',
      decision: input.decision,
      decided_by: 'styrgrupp',
      decided_on: '2027-03-04',
      change_request_id: null,
      meeting_id: input.meetingId,
      recorded_by_user_id: null,
      recorded_by_name: 'Pia Projektledare',
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

describe('steering group meetings', () => {
  it('adds meetings, lists them newest first, and changes and removes one on its version', async () => {
    const march = await createMeeting({
      date: '2027-03-04',
      time: '13:00',
      place: 'Kommunhuset, sal 3',
      agendaItems: [{ title: 'Lägesrapport', note: 'Projektledaren berättar om läget.' }, { title: 'Övriga frågor' }],
    });
    expect(march).toMatchObject({
      date: '2027-03-04',
      time: '13:00',
      place: 'Kommunhuset, sal 3',
      agendaItems: [
        { title: 'Lägesrapport', note: 'Projektledaren berättar om läget.' },
        { title: 'Övriga frågor', note: '' },
      ],
      changeRequests: [],
      minutes: '',
      decisions: [],
      agendaSentAt: null,
      version: 1,
    });
    const untimed = await createMeeting({ date: '2027-03-04' });
    const may = await createMeeting({ date: '2027-05-12', time: '09:30' });
    const april = await createMeeting({ date: '2027-04-01', time: '08:00' });
    const list = await meetingsOf();
    expect(list.items.map((meeting) => meeting.id)).toEqual([may.id, april.id, march.id, untimed.id]);
    expect(list.may.edit).toBe(true);

    const changed = await admin.patch(`${meetingsUrl()}/${march.id}`, {
      date: '2027-03-04',
      time: '14:00',
      place: 'Kommunhuset, sal 3',
      agendaItems: [{ title: 'Lägesrapport' }],
      minutes: 'Styrgruppen gick igenom läget.',
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ time: '14:00', minutes: 'Styrgruppen gick igenom läget.', version: 2 });
    const stale = await admin.patch(`${meetingsUrl()}/${march.id}`, { date: '2027-03-05', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    expect((await admin.delete(`${meetingsUrl()}/${april.id}?version=2`)).statusCode).toBe(409);
    expect((await admin.delete(`${meetingsUrl()}/${april.id}?version=1`)).statusCode).toBe(204);
    expect((await meetingsOf()).items.map((meeting) => meeting.id)).toEqual([may.id, march.id, untimed.id]);
    expect((await admin.patch(`${meetingsUrl()}/${april.id}`, { date: '2027-04-02', version: 1 })).statusCode).toBe(
      404,
    );

    const summaries = (await history()).map((event) => event.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Lade till styrgruppsmötet 4 mars 2027',
        'Ändrade styrgruppsmötet 4 mars 2027',
        'Tog bort styrgruppsmötet 1 april 2027',
      ]),
    );
  });

  it('refuses a time that is not HH:MM, an empty agenda item and a date that does not exist, naming the field', async () => {
    const badTime = await admin.post(meetingsUrl(), { date: '2027-03-04', time: '25:00' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.fields).toEqual({ time: 'Ange tiden som TT:MM' });
    const emptyItem = await admin.post(meetingsUrl(), { date: '2027-03-04', agendaItems: [{ title: ' ' }] });
    expect(emptyItem.json().error.fields).toEqual({ 'agendaItems.0.title': 'Skriv punkten' });
    const badDate = await admin.post(meetingsUrl(), { date: '2027-02-30' });
    expect(badDate.json().error.fields).toHaveProperty('date');
    expect((await meetingsOf()).items).toEqual([]);
  });

  it('shows the change requests on its agenda and the decisions taken at it', async () => {
    const meeting = await createMeeting({ date: '2027-03-04' });
    const other = await createMeeting({ date: '2027-04-01' });
    const requestId = await insertChangeRequest({ number: 1, meetingId: meeting.id, title: 'Skarp start flyttas' });
    await insertChangeRequest({ number: 2, meetingId: other.id, title: 'Fler licenser' });
    await insertChangeRequest({ number: 3, meetingId: null, title: 'Inte på något möte' });
    const decisionId = await insertDecision({
      number: 1,
      meetingId: meeting.id,
      title: 'Rubriker till IUP',
      decision: 'Kommunens rubriker används.',
    });

    const listed = (await meetingsOf()).items.find((item) => item.id === meeting.id);
    expect(listed?.changeRequests).toEqual([
      { id: requestId, number: 1, title: 'Skarp start flyttas', status: 'pending' },
    ]);
    expect(listed?.decisions).toEqual([{ id: decisionId, number: 1, title: 'Rubriker till IUP' }]);

    const refused = await admin.delete(`${meetingsUrl()}/${meeting.id}?version=1`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');

    // Removing a meeting with only requests on its agenda leaves them waiting for another meeting.
    expect((await admin.delete(`${meetingsUrl()}/${other.id}?version=1`)).statusCode).toBe(204);
    const waiting = await testApp.app.stegvis.db
      .selectFrom('change_requests')
      .select(['number', 'meeting_id'])
      .where('number', '=', 2)
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(waiting.meeting_id).toBeNull();
  });

  it('lets the Styrgrupp and the plan writers run the meetings, and others only read them', async () => {
    const steering = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['styrgrupp'] });
    const leader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });
    const itStaff = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });

    const meeting = await createMeeting({ date: '2027-03-04' }, steering);
    expect((await meetingsOf(steering)).may.edit).toBe(true);
    const byLeader = await leader.patch(`${meetingsUrl()}/${meeting.id}`, { date: '2027-03-05', version: 1 });
    expect(byLeader.statusCode).toBe(200);

    expect(await meetingsOf(itStaff)).toMatchObject({ items: [{ id: meeting.id }], may: { edit: false } });
    const refused = [
      await itStaff.post(meetingsUrl(), { date: '2027-03-04' }),
      await itStaff.patch(`${meetingsUrl()}/${meeting.id}`, { date: '2027-03-06', version: 2 }),
      await itStaff.delete(`${meetingsUrl()}/${meeting.id}?version=2`),
      await itStaff.post(`${meetingsUrl()}/${meeting.id}/agenda/send`),
    ];
    expect(refused.map((response) => response.statusCode)).toEqual([403, 403, 403, 403]);
    expect((await itStaff.get(`${meetingsUrl()}/${meeting.id}/agenda?format=pdf`)).statusCode).toBe(200);

    const outsider = await loginAsMember(testApp.app, { customerId: (await createCustomer(admin)).id });
    expect((await outsider.get(meetingsUrl())).statusCode).toBe(404);
  });
});

describe('the agenda', () => {
  async function meetingWithEverything() {
    const chair = await createPerson(testApp.app, { customerId, name: 'Åsa Öberg', email: 'asa.oberg@akerby.se' });
    const member = await createPerson(testApp.app, { customerId, name: 'Bengt Ek', email: 'bengt.ek@akerby.se' });
    const noEmail = await createPerson(testApp.app, { customerId, name: 'Cecilia Utan', email: null });
    const leader = await createPerson(testApp.app, { customerId, name: 'Pia Projektledare' });
    await assignRole(testApp.app, { projectId, personId: chair.id, roleKey: 'styrgrupp' });
    await assignRole(testApp.app, { projectId, personId: chair.id, roleKey: 'bestallare' });
    await assignRole(testApp.app, { projectId, personId: member.id, roleKey: 'styrgrupp' });
    await assignRole(testApp.app, { projectId, personId: noEmail.id, roleKey: 'styrgrupp' });
    await assignRole(testApp.app, { projectId, personId: leader.id, roleKey: 'projektledare' });

    const meeting = await createMeeting({
      date: '2027-03-04',
      time: '13:00',
      place: 'Kommunhuset, sal 3',
      agendaItems: [{ title: 'Lägesrapport', note: 'Projektledaren berättar om läget.' }],
    });
    const goLive = await keyActivity('skarp-start');
    await insertChangeRequest({
      number: 1,
      meetingId: meeting.id,
      title: 'Skarp start flyttas fyra veckor',
      dateChanges: [{ keyActivityId: goLive.id, to: '2027-09-13' }],
    });
    return { meeting, goLive };
  }

  it('exports as Word with the project, the customer, who is called, the items and each request in full', async () => {
    const { meeting } = await meetingWithEverything();
    const response = await admin.get(`${meetingsUrl()}/${meeting.id}/agenda?format=docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Dagordning styrgruppsmote 2027-03-04.docx"; filename*=UTF-8''Dagordning%20styrgruppsm%C3%B6te%202027-03-04.docx`,
    );
    const content = await wordText(response.rawPayload);
    for (const expected of [
      'Dagordning',
      'Åkerby kommun',
      '4 mars 2027 kl. 13:00, Kommunhuset, sal 3',
      'Åsa Öberg',
      '(Styrgrupp, Beställare)',
      'Bengt Ek',
      'Cecilia Utan',
      'Lägesrapport',
      'Projektledaren berättar om läget.',
      'Ändringsförslag 1: Skarp start flyttas fyra veckor',
      'Skarp start flyttas från augusti till september.',
      'Integrationen mot elevregistret är försenad.',
      'Utbildningen av personalen flyttas också.',
      'Styrgruppen godkänner den nya tidplanen.',
      'till 13 september 2027',
    ]) {
      expect(content).toContain(expected);
    }
    expect(content).not.toContain('Pia Projektledare');
    expect(content).not.toContain('Protokoll');
  });

  it('exports as PDF, with the minutes and the decisions once the meeting has them', async () => {
    const { meeting } = await meetingWithEverything();
    await admin.patch(`${meetingsUrl()}/${meeting.id}`, {
      date: meeting.date,
      time: meeting.time,
      place: meeting.place,
      agendaItems: meeting.agendaItems,
      minutes: 'Alla i styrgruppen var närvarande.',
      version: 1,
    });
    await insertDecision({
      number: 1,
      meetingId: meeting.id,
      title: 'Skarp start den 13 september',
      decision: 'Skarp start flyttas till den 13 september 2027.',
    });
    const response = await admin.get(`${meetingsUrl()}/${meeting.id}/agenda?format=pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="Dagordning styrgruppsmote 2027-03-04\.pdf"; filename\*=UTF-8''/,
    );
    const content = await pdfTextOnOneLine(response.rawPayload);
    for (const expected of [
      'Åkerby kommun',
      'Kommunhuset, sal 3',
      'Åsa Öberg (Styrgrupp, Beställare)',
      'Ändringsförslag 1: Skarp start flyttas fyra veckor',
      'Protokoll',
      'Alla i styrgruppen var närvarande.',
      'Beslut 1: Skarp start den 13 september (Styrgrupp)',
      'Skarp start flyttas till den 13 september 2027.',
    ]) {
      expect(content).toContain(expected);
    }
  });

  it('answers 404 for a meeting of another project and 400 for another format', async () => {
    const meeting = await createMeeting({ date: '2027-03-04' });
    const other = (await createProject(admin, customerId)).id;
    expect(
      (await admin.get(`/api/projects/${other}/steering-meetings/${meeting.id}/agenda?format=pdf`)).statusCode,
    ).toBe(404);
    expect((await admin.get(`${meetingsUrl()}/${meeting.id}/agenda?format=odt`)).statusCode).toBe(400);
  });

  it('mails the agenda as PDF to the Styrgrupp and the Beställare, naming those without an address', async () => {
    const { meeting } = await meetingWithEverything();
    const steering = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['styrgrupp'] });
    const response = await steering.post(`${meetingsUrl()}/${meeting.id}/agenda/send`);
    expect(response.statusCode).toBe(200);
    const sent = response.json();
    expect(sent.recipients).toEqual(
      expect.arrayContaining([
        { name: 'Åsa Öberg', email: 'asa.oberg@akerby.se' },
        { name: 'Bengt Ek', email: 'bengt.ek@akerby.se' },
      ]),
    );
    // The sender holds the Styrgrupp role too, with the e-mail of their login's person.
    expect(sent.recipients).toHaveLength(3);
    expect(sent.unreachable).toEqual([{ name: 'Cecilia Utan' }]);
    expect(sent.meeting).toMatchObject({ id: meeting.id, agendaSentAt: '2027-02-20T09:00:00.000Z', version: 1 });
    expect((await meetingsOf()).items[0].agendaSentAt).toBe('2027-02-20T09:00:00.000Z');

    await testApp.app.stegvis.mailer.idle();
    expect(smtp.received.map((mail) => mail.to).sort()).toEqual(
      sent.recipients.map((recipient: { email: string }) => recipient.email).sort(),
    );
    const toChair = smtp.received.find((mail) => mail.to === 'asa.oberg@akerby.se');
    expect(toChair?.subject).toBe('Dagordning styrgruppsmöte 4 mars 2027: Åkerby kommun');
    expect(toChair?.text).toContain('Hej Åsa Öberg!');
    expect(toChair?.text).toContain('Tid och plats: 4 mars 2027 kl. 13:00, Kommunhuset, sal 3');
    expect(toChair?.text).toContain(`/projekt/${projectId}/styrning`);
    const raw = toChair?.raw ?? '';
    const attachment = raw.slice(raw.indexOf('Content-Type: application/pdf'));
    expect(mailHeader(attachment, 'Content-Type')).toContain('name="Dagordning styrgruppsmöte 2027-03-04.pdf"');
    const pdf = Buffer.from(attachment.slice(attachment.search(/\r?\n\r?\n/)).split('--')[0], 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfTextOnOneLine(pdf)).toContain('Ändringsförslag 1: Skarp start flyttas fyra veckor');

    const sentEvent = (await history()).find((event) => event.action === 'steering_meeting.agenda_sent');
    expect(sentEvent?.summary).toContain('Skickade dagordningen till styrgruppsmötet 4 mars 2027 till');
  });

  it('refuses to send when nobody in the Styrgrupp has an e-mail address', async () => {
    const meeting = await createMeeting({ date: '2027-03-04' });
    const nobody = await admin.post(`${meetingsUrl()}/${meeting.id}/agenda/send`);
    expect(nobody.statusCode).toBe(409);
    const person = await createPerson(testApp.app, { customerId, name: 'Cecilia Utan', email: null });
    await assignRole(testApp.app, { projectId, personId: person.id, roleKey: 'styrgrupp' });
    const unreachable = await admin.post(`${meetingsUrl()}/${meeting.id}/agenda/send`);
    expect(unreachable.statusCode).toBe(409);
    expect(unreachable.json().error.message).toContain('e-postadress');
    expect((await meetingsOf()).items[0].agendaSentAt).toBeNull();
    await testApp.app.stegvis.mailer.idle();
    expect(smtp.received).toEqual([]);
  });
});
