import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcknowledgementOverview, RoleAcknowledgement } from '../../shared/acknowledgements.js';
import type { AuditEvent } from '../../shared/audit.js';
import type { Activity, Checklist } from '../../shared/checklist.js';
import type { Organisation } from '../../shared/organisation.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { type SmtpListener, startSmtp } from '../test-support/smtp.js';
import { createSchool } from '../test-support/trainings.js';

let now = new Date('2027-03-03T09:00:00.000Z');
const clock = { now: () => now };
let smtp: SmtpListener;
let testApp: TestApp;
let admin: Agent & { userId: string };

beforeEach(async () => {
  now = new Date('2027-03-03T09:00:00.000Z');
  smtp = await startSmtp();
  // Sessions long enough to last through the days a test travels.
  testApp = await createTestApp({
    clock,
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Stegvis <stegvis@exempel.se>', SESSION_TTL_HOURS: '2160' },
  });
  admin = await loginAs(testApp.app);
});
afterEach(async () => {
  await testApp.close();
  await smtp.close();
});

/** A customer's person by name, with a login, holding `roleKeys` in the project. */
async function member(
  input: { customerId: string; projectId: string; name: string; email?: string | null },
  roleKeys: string[],
  schoolId?: string,
) {
  const agent = await loginAs(testApp.app, 'customer');
  const person = await createPerson(testApp.app, {
    customerId: input.customerId,
    name: input.name,
    email: input.email,
    userId: agent.userId,
  });
  for (const roleKey of roleKeys) {
    await assignRole(testApp.app, { projectId: input.projectId, personId: person.id, roleKey, schoolId });
  }
  return Object.assign(agent, { personId: person.id, email: person.email });
}

/** Pia the project manager, Stig in the steering group, Ulla the Beställare (no login), an administrator at a school. */
async function projectWithRoles() {
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const project = await createProject(admin, customer.id);
  const ids = { customerId: customer.id, projectId: project.id };
  const pia = await member({ ...ids, name: 'Pia Projektledare' }, ['projektledare']);
  const stig = await member({ ...ids, name: 'Stig Styrgrupp' }, ['styrgrupp']);
  const ulla = await createPerson(testApp.app, { customerId: customer.id, name: 'Ulla Beställare', email: null });
  await assignRole(testApp.app, { ...ids, personId: ulla.id, roleKey: 'bestallare' });
  const school = await createSchool(admin, customer.id, { name: 'Björkskolan' });
  const adam = await member({ ...ids, name: 'Adam Admin' }, ['administrator'], school.id);
  return { ...ids, pia, stig, ulla, adam, school };
}

async function overviewOf(agent: Agent, projectId: string): Promise<AcknowledgementOverview> {
  const response = await agent.get(`/api/projects/${projectId}/acknowledgements`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

const holdingOf = (overview: AcknowledgementOverview, personName: string, roleKey: string) =>
  overview.holdings.find((holding) => holding.person.name === personName && holding.roleKey === roleKey) as
    | RoleAcknowledgement
    | undefined;

/** Confirms the viewer's own role with the text the API gives them to read. */
async function confirmOwn(agent: Agent, projectId: string, roleKey: string) {
  const mine = (await overviewOf(agent, projectId)).mine.find((role) => role.roleKey === roleKey);
  if (!mine) throw new Error(`nothing to confirm for ${roleKey}`);
  return agent.post(`/api/projects/${projectId}/acknowledgements`, { roleKey, responsibility: mine.responsibility });
}

const historyOf = async (agent: Agent, projectId: string): Promise<AuditEvent[]> =>
  (await agent.get(`/api/projects/${projectId}/history`)).json().items;

async function mails() {
  await testApp.app.stegvis.mailer.idle();
  return smtp.received;
}

describe('role acknowledgements', () => {
  it('lists every holding once, project and school alike, with what the viewer has still to confirm', async () => {
    const { projectId, pia, adam, school } = await projectWithRoles();
    // Assigned twice by mistake: still one holding.
    await assignRole(testApp.app, {
      projectId,
      personId: adam.personId,
      roleKey: 'administrator',
      schoolId: school.id,
    });

    const overview = await overviewOf(pia, projectId);
    expect(
      overview.holdings.map((holding) => [holding.roleTitle, holding.person.name, holding.school?.name ?? null]),
    ).toEqual([
      ['Beställare', 'Ulla Beställare', null],
      ['Styrgrupp', 'Stig Styrgrupp', null],
      ['Projektledare', 'Pia Projektledare', null],
      ['Administratör', 'Adam Admin', 'Björkskolan'],
    ]);
    expect(overview.holdings.every((holding) => holding.state === 'missing' && holding.acknowledgedAt === null)).toBe(
      true,
    );
    expect(overview).toMatchObject({ confirmed: 0, total: 4 });
    expect(overview.mine).toEqual([
      {
        roleKey: 'projektledare',
        roleTitle: 'Projektledare',
        responsibility: expect.stringContaining('Projektledare har det övergripande ansvaret'),
        state: 'missing',
      },
    ]);
    expect((await overviewOf(admin, projectId)).mine).toEqual([]);
  });

  it('records a confirmation with its date and who gave it, and confirming again keeps the first date', async () => {
    const { projectId, pia } = await projectWithRoles();
    const confirmed = await confirmOwn(pia, projectId, 'projektledare');
    expect(confirmed.statusCode).toBe(200);
    const overview: AcknowledgementOverview = confirmed.json();
    expect(holdingOf(overview, 'Pia Projektledare', 'projektledare')).toMatchObject({
      state: 'confirmed',
      acknowledgedAt: '2027-03-03T09:00:00.000Z',
    });
    expect(overview).toMatchObject({ confirmed: 1, total: 4, mine: [] });

    const history = await historyOf(admin, projectId);
    expect(history[0]).toMatchObject({
      action: 'role.acknowledged',
      summary: 'Pia Projektledare har tagit del av sitt ansvar som Projektledare',
      actor: { id: pia.userId },
    });

    now = new Date('2027-03-10T09:00:00.000Z');
    const again = await pia.post(`/api/projects/${projectId}/acknowledgements`, {
      roleKey: 'projektledare',
      responsibility: await projectManagerText(projectId),
    });
    expect(again.statusCode).toBe(200);
    expect(holdingOf(again.json(), 'Pia Projektledare', 'projektledare')?.acknowledgedAt).toBe(
      '2027-03-03T09:00:00.000Z',
    );
    expect((await historyOf(admin, projectId)).filter((event) => event.action === 'role.acknowledged')).toHaveLength(1);
  });

  it('confirms a role held at two schools once for both', async () => {
    const { customerId, projectId, adam } = await projectWithRoles();
    const second = await createSchool(admin, customerId, { name: 'Ekskolan' });
    await assignRole(testApp.app, {
      projectId,
      personId: adam.personId,
      roleKey: 'administrator',
      schoolId: second.id,
    });
    expect((await overviewOf(adam, projectId)).mine).toHaveLength(1);

    expect((await confirmOwn(adam, projectId, 'administrator')).statusCode).toBe(200);
    const overview = await overviewOf(admin, projectId);
    const adams = overview.holdings.filter((holding) => holding.person.name === 'Adam Admin');
    expect(adams.map((holding) => [holding.school?.name, holding.state])).toEqual([
      ['Björkskolan', 'confirmed'],
      ['Ekskolan', 'confirmed'],
    ]);
    expect(overview).toMatchObject({ confirmed: 2, total: 5 });
  });

  it('refuses to confirm a role the viewer does not hold with 403', async () => {
    const { projectId, stig } = await projectWithRoles();
    const text = await projectManagerText(projectId);
    const response = await stig.post(`/api/projects/${projectId}/acknowledgements`, {
      roleKey: 'projektledare',
      responsibility: text,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Du har inte rollen Projektledare i projektet',
    });
    const byAdmin = await admin.post(`/api/projects/${projectId}/acknowledgements`, {
      roleKey: 'projektledare',
      responsibility: text,
    });
    expect(byAdmin.statusCode).toBe(403);
    expect((await overviewOf(admin, projectId)).confirmed).toBe(0);
  });

  it('refuses a confirmation of a text that is no longer the one in force with 409', async () => {
    const { projectId, pia } = await projectWithRoles();
    const read = (await overviewOf(pia, projectId)).mine[0].responsibility;
    const changed = await admin.put(`/api/projects/${projectId}/role-texts/projektledare`, {
      responsibility: 'Projektledaren leder projektgruppens arbete och rapporterar till styrgruppen varje månad.',
      version: 0,
    });
    expect(changed.statusCode).toBe(200);

    const stale = await pia.post(`/api/projects/${projectId}/acknowledgements`, {
      roleKey: 'projektledare',
      responsibility: read,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', message: 'Ansvarstexten har ändrats – läs den igen' });
    expect(holdingOf(await overviewOf(admin, projectId), 'Pia Projektledare', 'projektledare')?.state).toBe('missing');
  });

  it("outdates the holders' confirmations when the text changes and mails them to read it again", async () => {
    const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
    const project = await createProject(admin, customer.id);
    const ids = { customerId: customer.id, projectId: project.id };
    const pia = await member({ ...ids, name: 'Pia Projektledare' }, ['projektledare']);
    const stig = await member({ ...ids, name: 'Stig Styrgrupp', email: 'stig@akerby.se' }, ['styrgrupp']);
    await member({ ...ids, name: 'Sara Styrgrupp', email: 'sara@akerby.se' }, ['styrgrupp']);
    const silent = await createPerson(testApp.app, { customerId: customer.id, name: 'Sven Utan E-post', email: null });
    await assignRole(testApp.app, { ...ids, personId: silent.id, roleKey: 'styrgrupp' });
    expect((await confirmOwn(stig, project.id, 'styrgrupp')).statusCode).toBe(200);
    expect((await confirmOwn(pia, project.id, 'projektledare')).statusCode).toBe(200);

    now = new Date('2027-03-05T10:00:00.000Z');
    const newText = 'Styrgruppen fastställer mål och direktiv och beslutar om ändringar av resultat, tid och budget.';
    const saved = await pia.put(`/api/projects/${project.id}/role-texts/styrgrupp`, {
      responsibility: newText,
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ roleKey: 'styrgrupp', responsibility: newText, version: 1 });

    const overview = await overviewOf(admin, project.id);
    expect(holdingOf(overview, 'Stig Styrgrupp', 'styrgrupp')).toMatchObject({
      state: 'outdated',
      acknowledgedAt: '2027-03-03T09:00:00.000Z',
    });
    expect(holdingOf(overview, 'Sara Styrgrupp', 'styrgrupp')?.state).toBe('missing');
    expect(holdingOf(overview, 'Pia Projektledare', 'projektledare')?.state).toBe('confirmed');
    expect((await overviewOf(stig, project.id)).mine).toEqual([
      { roleKey: 'styrgrupp', roleTitle: 'Styrgrupp', responsibility: newText, state: 'outdated' },
    ]);

    const received = await mails();
    expect(received.map((mail) => mail.to).sort()).toEqual(['sara@akerby.se', 'stig@akerby.se']);
    const toStig = received.find((mail) => mail.to === 'stig@akerby.se');
    expect(toStig?.subject).toBe('Ny ansvarstext för Styrgrupp: Åkerby kommun');
    expect(toStig?.text).toContain('Hej Stig Styrgrupp!');
    expect(toStig?.text).toContain(`/projekt/${project.id}`);

    const reconfirmed = await confirmOwn(stig, project.id, 'styrgrupp');
    expect(holdingOf(reconfirmed.json(), 'Stig Styrgrupp', 'styrgrupp')).toMatchObject({
      state: 'confirmed',
      acknowledgedAt: '2027-03-05T10:00:00.000Z',
    });

    const organisation: Organisation = (await admin.get(`/api/projects/${project.id}/organisation`)).json();
    const steering = organisation.customerRoles.find((role) => role.key === 'styrgrupp');
    expect(steering).toMatchObject({ responsibility: newText, responsibilityVersion: 1 });
    expect(
      steering?.holders.map((holder) => [
        holder.person.name,
        holder.acknowledgement.state,
        holder.acknowledgement.acknowledgedAt,
      ]),
    ).toEqual([
      ['Sara Styrgrupp', 'missing', null],
      ['Stig Styrgrupp', 'confirmed', '2027-03-05T10:00:00.000Z'],
      ['Sven Utan E-post', 'missing', null],
    ]);
    expect(organisation.customerRoles.find((role) => role.key === 'bestallare')?.responsibilityVersion).toBe(0);

    const history = await historyOf(admin, project.id);
    expect(history.find((event) => event.action === 'role_text.changed')).toMatchObject({
      summary: 'Ändrade ansvarstexten för Styrgrupp',
      after: { responsibility: newText },
    });
  });

  it('changes a role text only on the version it was read at, and only for plan writers', async () => {
    const { projectId, stig, pia } = await projectWithRoles();
    const url = `/api/projects/${projectId}/role-texts/projektledare`;
    const text = 'Projektledaren leder projektgruppen och förbereder ärenden för styrgruppen.';

    const byReader = await stig.put(url, { responsibility: text, version: 0 });
    expect(byReader.statusCode).toBe(403);

    expect((await pia.put(url, { responsibility: text, version: 0 })).statusCode).toBe(200);
    const again = await admin.put(url, { responsibility: `${text} Ny mening.`, version: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VERSION_CONFLICT');
    expect((await admin.put(url, { responsibility: `${text} Ny mening.`, version: 1 })).json().version).toBe(2);

    const tooShort = await admin.put(url, { responsibility: 'Kort', version: 2 });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields).toHaveProperty('responsibility');

    const unknown = await admin.put(`/api/projects/${projectId}/role-texts/okand-roll`, {
      responsibility: text,
      version: 0,
    });
    expect(unknown.statusCode).toBe(404);

    const vendorRole = await pia.put(`/api/projects/${projectId}/role-texts/projektstodjare`, {
      responsibility: text,
      version: 0,
    });
    expect(vendorRole.statusCode).toBe(403);
  });

  it('shows the progress on the checklist activity about roles and responsibilities', async () => {
    const { projectId, pia, stig } = await projectWithRoles();
    const activityOf = async (): Promise<Activity> => {
      const checklist: Checklist = (await admin.get(`/api/projects/${projectId}/activities`)).json();
      return checklist.groups
        .flatMap((group) => group.activities)
        .find((activity) => activity.title.startsWith('Säkerställ att alla i projektgruppen')) as Activity;
    };
    expect((await activityOf()).roleAcknowledgements).toEqual({ confirmed: 0, total: 4 });

    await confirmOwn(pia, projectId, 'projektledare');
    await confirmOwn(stig, projectId, 'styrgrupp');
    const activity = await activityOf();
    expect(activity.roleAcknowledgements).toEqual({ confirmed: 2, total: 4 });

    const checklist: Checklist = (await admin.get(`/api/projects/${projectId}/activities`)).json();
    const others = checklist.groups.flatMap((group) => group.activities).filter((other) => other.id !== activity.id);
    expect(others.every((other) => other.roleAcknowledgements === undefined)).toBe(true);

    const ticked = await admin.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
      version: activity.version,
      done: true,
    });
    expect(ticked.json().roleAcknowledgements).toEqual({ confirmed: 2, total: 4 });
  });
});

async function projectManagerText(projectId: string): Promise<string> {
  const organisation: Organisation = (await admin.get(`/api/projects/${projectId}/organisation`)).json();
  return organisation.customerRoles.find((role) => role.key === 'projektledare')?.responsibility ?? '';
}
