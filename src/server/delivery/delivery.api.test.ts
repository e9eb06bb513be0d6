import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Activity, Checklist } from '../../shared/checklist.js';
import type { Delivery, DeliveryStepKey, SchoolDelivery } from '../../shared/delivery.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

// 23:30 UTC on 1 March is already 2 March in Sweden.
let now = new Date('2027-03-01T23:30:00.000Z');
const clock: Clock = { now: () => now };
let testApp: TestApp;
let admin: Agent & { userId: string };
beforeEach(async () => {
  now = new Date('2027-03-01T23:30:00.000Z');
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

interface Setup {
  customerId: string;
  projectId: string;
  schools: { id: string; name: string }[];
  deliveryLead: { id: string; name: string };
  orderer: { id: string; name: string };
  contacts: { id: string; name: string }[];
}

/** A project of a customer with the given schools, a Leveransansvarig, a Beställare and a Kontaktperson per school. */
async function setUp(schoolNames = ['Östra skolan', 'Ängsskolan']): Promise<Setup> {
  const customer = await createCustomer(admin);
  const project = await createProject(admin, customer.id);
  const schools = [];
  for (const name of schoolNames) {
    const response = await admin.post(`/api/customers/${customer.id}/schools`, { name, schoolForms: ['grundskola'] });
    schools.push(response.json() as { id: string; name: string });
  }
  const deliveryLead = await createPerson(testApp.app, { customerId: null, name: 'Lena Leverans' });
  await assignRole(testApp.app, { projectId: project.id, personId: deliveryLead.id, roleKey: 'leveransansvarig' });
  const orderer = await createPerson(testApp.app, { customerId: customer.id, name: 'Åsa Öberg' });
  await assignRole(testApp.app, { projectId: project.id, personId: orderer.id, roleKey: 'bestallare' });
  const contacts = [];
  for (const school of schools) {
    const contact = await createPerson(testApp.app, { customerId: customer.id, name: `Kontakt ${school.name}` });
    await assignRole(testApp.app, {
      projectId: project.id,
      personId: contact.id,
      roleKey: 'kontaktperson',
      schoolId: school.id,
    });
    contacts.push(contact);
  }
  return { customerId: customer.id, projectId: project.id, schools, deliveryLead, orderer, contacts };
}

const deliveryOf = async (agent: Agent, projectId: string): Promise<Delivery> => {
  const response = await agent.get(`/api/projects/${projectId}/delivery`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

const mark = (
  agent: Agent,
  projectId: string,
  schoolId: string | null,
  stepKey: DeliveryStepKey,
  extra: { doneOn?: string; doneByPersonId?: string | null } = {},
) => agent.post(`/api/projects/${projectId}/delivery/steps`, { schoolId, stepKey, ...extra });

const schoolSteps: DeliveryStepKey[] = ['skolkonto-levererat', 'overlamnat', 'eget-adminkonto', 'anvandarkonton'];

async function markAll(projectId: string, schoolId: string, steps = schoolSteps) {
  for (const stepKey of steps) expect((await mark(admin, projectId, schoolId, stepKey)).statusCode).toBe(201);
}

const schoolIn = (delivery: Delivery, schoolId: string): SchoolDelivery =>
  delivery.schools.find((school) => school.schoolId === schoolId) as SchoolDelivery;

const stepId = (delivery: Delivery, schoolId: string | null, stepKey: DeliveryStepKey): string => {
  const steps = schoolId === null ? [delivery.mainAccount] : schoolIn(delivery, schoolId).steps;
  const id = steps.find((step) => step.key === stepKey)?.done?.id;
  if (!id) throw new Error(`${stepKey} is not done`);
  return id;
};

const deliveryActivities = async (agent: Agent, projectId: string): Promise<Record<string, Activity>> => {
  const checklist: Checklist = (await agent.get(`/api/projects/${projectId}/activities`)).json();
  const group = checklist.groups.find((candidate) => candidate.key === 'leverans');
  const byTitle = (start: string) => group?.activities.find((activity) => activity.title.startsWith(start)) as Activity;
  return {
    'leverans-system': byTitle('Leverantören levererar systemet'),
    'dela-ut-konton': byTitle('Ansvarig beställare delar ut'),
    anvandarkonton: byTitle('Samtliga användare'),
  };
};

const historyOf = async (projectId: string): Promise<AuditEvent[]> =>
  (await admin.get(`/api/projects/${projectId}/history`)).json().items;

describe('the delivery overview', () => {
  it('lists every school in Swedish order with its four steps, the main account and the linked activities', async () => {
    const setup = await setUp(['Östra skolan', 'Ängsskolan', 'Björkskolan']);
    const delivery = await deliveryOf(admin, setup.projectId);
    expect(delivery.schools.map((school) => school.schoolName)).toEqual(['Björkskolan', 'Ängsskolan', 'Östra skolan']);
    expect(delivery.mainAccount).toEqual({
      key: 'huvudkonto',
      title: 'Huvudadministratörskonto levererat',
      side: 'vendor',
      done: null,
      mayMark: true,
      mayUndo: false,
      suggestedPerson: { id: setup.deliveryLead.id, name: 'Lena Leverans' },
    });
    const east = schoolIn(delivery, setup.schools[0].id);
    expect(east.contactPerson).toEqual({ id: setup.contacts[0].id, name: 'Kontakt Östra skolan' });
    expect(east.nextStep).toBe('skolkonto-levererat');
    expect(east.steps.map((step) => [step.key, step.side, step.mayMark, step.suggestedPerson?.name])).toEqual([
      ['skolkonto-levererat', 'vendor', true, 'Lena Leverans'],
      ['overlamnat', 'customer', false, 'Åsa Öberg'],
      ['eget-adminkonto', 'customer', false, 'Kontakt Östra skolan'],
      ['anvandarkonton', 'customer', false, 'Kontakt Östra skolan'],
    ]);
    expect(delivery).toMatchObject({ schoolsDone: 0, waiting: 3 });
    expect(delivery.activities.map((activity) => [activity.key, activity.done])).toEqual([
      ['leverans-system', false],
      ['dela-ut-konton', false],
      ['anvandarkonton', false],
    ]);
    expect(delivery.people.vendor.map((person) => person.name)).toContain('Lena Leverans');
    expect(delivery.people.customer.map((person) => person.name)).toContain('Åsa Öberg');
  });

  it('counts the schools through and names those still waiting with their next step', async () => {
    const setup = await setUp();
    const [east, meadow] = setup.schools;
    await markAll(setup.projectId, east.id);
    await markAll(setup.projectId, meadow.id, ['skolkonto-levererat']);
    const delivery = await deliveryOf(admin, setup.projectId);
    expect(delivery).toMatchObject({ schoolsDone: 1, waiting: 1 });
    expect(schoolIn(delivery, east.id).nextStep).toBeNull();
    expect(schoolIn(delivery, meadow.id).nextStep).toBe('overlamnat');
  });
});

describe('marking steps', () => {
  it('records the day (today in Sweden by default), who did it (the suggested person by default) and who recorded it', async () => {
    const setup = await setUp();
    const school = setup.schools[0];
    const first = await mark(admin, setup.projectId, school.id, 'skolkonto-levererat');
    expect(first.statusCode).toBe(201);
    const step = schoolIn(first.json(), school.id).steps[0];
    expect(step.done).toEqual({
      id: expect.any(String),
      on: '2027-03-02',
      by: { id: setup.deliveryLead.id, name: 'Lena Leverans' },
      recordedByName: expect.stringMatching(/^Användare/),
    });
    expect(step).toMatchObject({ mayMark: false, mayUndo: true });

    const other = await createPerson(testApp.app, { customerId: setup.customerId, name: 'Örjan Ärlig' });
    const second = await mark(admin, setup.projectId, school.id, 'overlamnat', {
      doneOn: '2027-03-02',
      doneByPersonId: other.id,
    });
    expect(second.statusCode).toBe(201);
    const afterSecond = schoolIn(second.json(), school.id);
    expect(afterSecond.steps[1].done?.by).toEqual({ id: other.id, name: 'Örjan Ärlig' });
    expect(afterSecond.steps[0].mayUndo).toBe(false);
    expect(afterSecond.nextStep).toBe('eget-adminkonto');

    const nobody = await mark(admin, setup.projectId, school.id, 'eget-adminkonto', { doneByPersonId: null });
    expect(schoolIn(nobody.json(), school.id).steps[2].done?.by).toBeNull();

    const history = await historyOf(setup.projectId);
    expect(history.map((event) => event.summary)).toContain(
      'Markerade ”Överlämnat till kontaktpersonen” som klart för Östra skolan',
    );
    expect(history.find((event) => event.action === 'delivery.step_marked')?.entityType).toBe('delivery_step');
  });

  it('refuses a step out of order or twice with 409, and wrong places, days and people with 400', async () => {
    const setup = await setUp();
    const school = setup.schools[0];
    const early = await mark(admin, setup.projectId, school.id, 'overlamnat');
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('väntar på') });

    expect((await mark(admin, setup.projectId, school.id, 'skolkonto-levererat')).statusCode).toBe(201);
    const twice = await mark(admin, setup.projectId, school.id, 'skolkonto-levererat');
    expect(twice.statusCode).toBe(409);

    const mainAtSchool = await mark(admin, setup.projectId, school.id, 'huvudkonto');
    expect(mainAtSchool.statusCode).toBe(400);
    expect(mainAtSchool.json().error.fields).toHaveProperty('stepKey');
    expect((await mark(admin, setup.projectId, null, 'overlamnat')).statusCode).toBe(400);

    const otherCustomer = await createCustomer(admin);
    const foreignSchool = (
      await admin.post(`/api/customers/${otherCustomer.id}/schools`, {
        name: 'Annan skola',
        schoolForms: ['grundskola'],
      })
    ).json();
    const foreign = await mark(admin, setup.projectId, foreignSchool.id, 'skolkonto-levererat');
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({ schoolId: 'Okänd skola' });

    const future = await mark(admin, setup.projectId, school.id, 'overlamnat', { doneOn: '2027-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('doneOn');
    const beforePrevious = await mark(admin, setup.projectId, school.id, 'overlamnat', { doneOn: '2027-03-01' });
    expect(beforePrevious.statusCode).toBe(400);
    expect(beforePrevious.json().error.fields.doneOn).toBe('Tidigast 2027-03-02');

    const vendorPersonForCustomerStep = await mark(admin, setup.projectId, school.id, 'overlamnat', {
      doneByPersonId: setup.deliveryLead.id,
    });
    expect(vendorPersonForCustomerStep.statusCode).toBe(400);
    expect(vendorPersonForCustomerStep.json().error.fields).toEqual({ doneByPersonId: 'Okänd person' });
    const customerPersonForVendorStep = await mark(admin, setup.projectId, null, 'huvudkonto', {
      doneByPersonId: setup.orderer.id,
    });
    expect(customerPersonForVendorStep.statusCode).toBe(400);

    const malformed = await mark(admin, setup.projectId, school.id, 'overlamnat', { doneOn: '2/3' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('who may mark which step', () => {
  it('lets the vendor steps be marked by the Leveransansvarig, not by other vendor staff or the customer', async () => {
    const setup = await setUp();
    const school = setup.schools[0];
    const support = await loginAsMember(testApp.app, {
      customerId: null,
      projectId: setup.projectId,
      roleKeys: ['projektstodjare'],
    });
    const refused = await mark(support, setup.projectId, school.id, 'skolkonto-levererat');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Bara leverantörens leveransansvarig markerar leverantörens steg');
    expect((await deliveryOf(support, setup.projectId)).people).toEqual({ vendor: [], customer: [] });

    const orderer = await loginAsMember(testApp.app, {
      customerId: setup.customerId,
      projectId: setup.projectId,
      roleKeys: ['bestallare'],
    });
    expect((await mark(orderer, setup.projectId, null, 'huvudkonto')).statusCode).toBe(403);

    const lead = await loginAsMember(testApp.app, {
      customerId: null,
      projectId: setup.projectId,
      roleKeys: ['leveransansvarig'],
    });
    expect((await deliveryOf(lead, setup.projectId)).mainAccount.mayMark).toBe(true);
    expect((await mark(lead, setup.projectId, null, 'huvudkonto')).statusCode).toBe(201);
    expect((await mark(lead, setup.projectId, school.id, 'skolkonto-levererat')).statusCode).toBe(201);
    expect((await mark(lead, setup.projectId, school.id, 'overlamnat')).statusCode).toBe(403);

    const handedOver = await mark(orderer, setup.projectId, school.id, 'overlamnat');
    expect(handedOver.statusCode).toBe(201);
  });

  it("lets a school's own Kontaktperson or Administratör mark that school's account steps, and no other school's", async () => {
    const setup = await setUp();
    const [east, meadow] = setup.schools;
    for (const school of setup.schools)
      await markAll(setup.projectId, school.id, ['skolkonto-levererat', 'overlamnat']);

    const contact = await loginAsMember(testApp.app, {
      customerId: setup.customerId,
      projectId: setup.projectId,
      roleKeys: ['kontaktperson'],
      schoolId: east.id,
    });
    const seen = await deliveryOf(contact, setup.projectId);
    expect(schoolIn(seen, east.id).steps.map((step) => step.mayMark)).toEqual([false, false, true, false]);
    expect(schoolIn(seen, meadow.id).steps.every((step) => !step.mayMark)).toBe(true);
    expect(seen.people.vendor).toEqual([]);
    expect(seen.people.customer.length).toBeGreaterThan(0);

    expect((await mark(contact, setup.projectId, east.id, 'eget-adminkonto')).statusCode).toBe(201);
    const otherSchool = await mark(contact, setup.projectId, meadow.id, 'eget-adminkonto');
    expect(otherSchool.statusCode).toBe(403);
    expect(otherSchool.json().error.message).toMatch(/kontaktperson eller administratör/);

    const administrator = await loginAsMember(testApp.app, {
      customerId: setup.customerId,
      projectId: setup.projectId,
      roleKeys: ['administrator'],
      schoolId: east.id,
    });
    expect((await mark(administrator, setup.projectId, east.id, 'anvandarkonton')).statusCode).toBe(201);

    const principal = await loginAsMember(testApp.app, {
      customerId: setup.customerId,
      projectId: setup.projectId,
      roleKeys: ['rektor'],
      schoolId: meadow.id,
    });
    expect((await mark(principal, setup.projectId, meadow.id, 'eget-adminkonto')).statusCode).toBe(403);
    expect((await mark(contact, setup.projectId, east.id, 'overlamnat')).statusCode).toBe(403);
  });

  it('answers 404 to someone outside the customer, as if the project did not exist', async () => {
    const setup = await setUp();
    const stranger = await loginAsMember(testApp.app, { customerId: (await createCustomer(admin)).id });
    expect((await stranger.get(`/api/projects/${setup.projectId}/delivery`)).statusCode).toBe(404);
    expect((await mark(stranger, setup.projectId, null, 'huvudkonto')).statusCode).toBe(404);
  });
});

describe('marking at the same time', () => {
  it('lets one of two marks of the same step through and answers the other with 409', async () => {
    const setup = await setUp(['Enda skolan']);
    const school = setup.schools[0];
    const answers = await Promise.all([
      mark(admin, setup.projectId, school.id, 'skolkonto-levererat'),
      mark(admin, setup.projectId, school.id, 'skolkonto-levererat'),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const delivery = await deliveryOf(admin, setup.projectId);
    expect(schoolIn(delivery, school.id).steps.filter((step) => step.done)).toHaveLength(1);
  });

  it('never leaves a step done without the one before it when an undo and the next mark meet', async () => {
    const setup = await setUp(['Enda skolan']);
    const school = setup.schools[0];
    await markAll(setup.projectId, school.id, ['skolkonto-levererat']);
    const first = stepId(await deliveryOf(admin, setup.projectId), school.id, 'skolkonto-levererat');
    const [undone, marked] = await Promise.all([
      admin.delete(`/api/projects/${setup.projectId}/delivery/steps/${first}`),
      mark(admin, setup.projectId, school.id, 'overlamnat'),
    ]);
    const steps = schoolIn(await deliveryOf(admin, setup.projectId), school.id).steps;
    if (undone.statusCode === 204) {
      expect(marked.statusCode).toBe(409);
      expect(steps.every((step) => !step.done)).toBe(true);
    } else {
      expect([undone.statusCode, marked.statusCode]).toEqual([409, 201]);
      expect(steps.map((step) => step.done !== null)).toEqual([true, true, false, false]);
    }
  });
});

describe('undoing a step', () => {
  it("undoes only a school's latest step, for whoever may mark it, and records it", async () => {
    const setup = await setUp();
    const school = setup.schools[0];
    await markAll(setup.projectId, school.id, ['skolkonto-levererat', 'overlamnat']);
    let delivery = await deliveryOf(admin, setup.projectId);

    const notLatest = await admin.delete(
      `/api/projects/${setup.projectId}/delivery/steps/${stepId(delivery, school.id, 'skolkonto-levererat')}`,
    );
    expect(notLatest.statusCode).toBe(409);
    expect(notLatest.json().error.message).toBe('Ångra först det senaste steget: ”Överlämnat till kontaktpersonen”');

    const lead = await loginAsMember(testApp.app, {
      customerId: null,
      projectId: setup.projectId,
      roleKeys: ['leveransansvarig'],
    });
    const latestUrl = `/api/projects/${setup.projectId}/delivery/steps/${stepId(delivery, school.id, 'overlamnat')}`;
    expect((await lead.delete(latestUrl)).statusCode).toBe(403);

    expect((await admin.delete(latestUrl)).statusCode).toBe(204);
    delivery = await deliveryOf(admin, setup.projectId);
    expect(schoolIn(delivery, school.id).nextStep).toBe('overlamnat');
    expect(schoolIn(delivery, school.id).steps[0].mayUndo).toBe(true);
    expect((await admin.delete(latestUrl)).statusCode).toBe(404);
    expect((await historyOf(setup.projectId)).find((event) => event.action === 'delivery.step_undone')).toMatchObject({
      summary: 'Ångrade ”Överlämnat till kontaktpersonen” för Östra skolan',
    });
  });
});

describe('the checklist activities of the delivery', () => {
  it('are ticked when every school is through their steps, by whoever completed the last one, and reopened on undo', async () => {
    const setup = await setUp();
    const [east, meadow] = setup.schools;
    const lead = await loginAsMember(testApp.app, {
      customerId: null,
      projectId: setup.projectId,
      roleKeys: ['leveransansvarig'],
    });
    expect((await mark(lead, setup.projectId, east.id, 'skolkonto-levererat')).statusCode).toBe(201);
    expect((await mark(lead, setup.projectId, meadow.id, 'skolkonto-levererat')).statusCode).toBe(201);
    expect((await deliveryActivities(admin, setup.projectId))['leverans-system'].done).toBeNull();

    now = new Date('2027-03-02T08:00:00.000Z');
    const last = await mark(lead, setup.projectId, null, 'huvudkonto');
    expect(last.json().activities[0]).toMatchObject({ key: 'leverans-system', done: true });
    let activities = await deliveryActivities(admin, setup.projectId);
    expect(activities['leverans-system'].done).toEqual({
      at: '2027-03-02T08:00:00.000Z',
      by: { id: lead.userId, name: expect.any(String) },
    });
    expect(activities['dela-ut-konton'].done).toBeNull();

    await markAll(setup.projectId, east.id, ['overlamnat', 'eget-adminkonto', 'anvandarkonton']);
    await markAll(setup.projectId, meadow.id, ['overlamnat', 'eget-adminkonto']);
    activities = await deliveryActivities(admin, setup.projectId);
    expect(activities['dela-ut-konton'].done?.by.id).toBe(admin.userId);
    expect(activities.anvandarkonton.done).toBeNull();
    now = new Date('2027-03-02T09:00:00.000Z');
    await markAll(setup.projectId, meadow.id, ['anvandarkonton']);
    const through = await deliveryOf(admin, setup.projectId);
    expect(through.activities.every((activity) => activity.done)).toBe(true);
    expect(through).toMatchObject({ schoolsDone: 2, waiting: 0 });
    expect((await historyOf(setup.projectId)).map((event) => event.summary)).toContain(
      `Bockade av ”${activities.anvandarkonton.title}”: alla skolor är klara med leveransstegen`,
    );

    // Undoing the school that finished first reopens the activity all the same.
    const undo = await admin.delete(
      `/api/projects/${setup.projectId}/delivery/steps/${stepId(through, east.id, 'anvandarkonton')}`,
    );
    expect(undo.statusCode).toBe(204);
    activities = await deliveryActivities(admin, setup.projectId);
    expect(activities.anvandarkonton.done).toBeNull();
    expect(activities['dela-ut-konton'].done).not.toBeNull();
    expect((await historyOf(setup.projectId)).find((event) => event.action === 'activity.unticked')).toMatchObject({
      summary: `Öppnade ”${activities.anvandarkonton.title}” igen: leveranssteget ”Alla användare har konton” ångrades`,
    });
  });

  it('leaves an activity ticked by hand as it is', async () => {
    const setup = await setUp(['Enda skolan']);
    const school = setup.schools[0];
    const byHand = (await deliveryActivities(admin, setup.projectId)).anvandarkonton;
    const ticked = await admin.patch(`/api/projects/${setup.projectId}/activities/${byHand.id}`, {
      version: byHand.version,
      done: true,
    });
    expect(ticked.statusCode).toBe(200);

    now = new Date('2027-03-02T10:00:00.000Z');
    await markAll(setup.projectId, school.id);
    const delivery = await deliveryOf(admin, setup.projectId);
    expect((await deliveryActivities(admin, setup.projectId)).anvandarkonton.done?.at).toBe('2027-03-01T23:30:00.000Z');
    await admin.delete(
      `/api/projects/${setup.projectId}/delivery/steps/${stepId(delivery, school.id, 'anvandarkonton')}`,
    );
    expect((await deliveryActivities(admin, setup.projectId)).anvandarkonton.done?.at).toBe('2027-03-01T23:30:00.000Z');
  });

  it('never ticks anything for a customer without schools', async () => {
    const setup = await setUp([]);
    const marked = await mark(admin, setup.projectId, null, 'huvudkonto');
    expect(marked.statusCode).toBe(201);
    expect(marked.json()).toMatchObject({ schools: [], schoolsDone: 0, waiting: 0 });
    expect(marked.json().activities.every((activity: { done: boolean }) => !activity.done)).toBe(true);
  });
});
