import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import type { Organisation } from '../../shared/organisation.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

async function projectWithCustomer() {
  const customer = await createCustomer(admin);
  const project = await createProject(admin, customer.id);
  return { customerId: customer.id, projectId: project.id };
}

const addSchool = async (agent: Agent, customerId: string, name: string) =>
  (
    await agent.post(`/api/customers/${customerId}/schools`, { name, schoolForms: ['grundskola', 'fritidshem'] })
  ).json();
const addPerson = async (agent: Agent, customerId: string, name: string, email: string | null = null) =>
  (await agent.post(`/api/customers/${customerId}/people`, { name, email })).json();
const organisationOf = async (agent: Agent, projectId: string): Promise<Organisation> =>
  (await agent.get(`/api/projects/${projectId}/organisation`)).json();

describe('schools and people', () => {
  it('adds and edits schools with field errors, unique names and version checks', async () => {
    const { customerId } = await projectWithCustomer();
    const created = await admin.post(`/api/customers/${customerId}/schools`, {
      name: 'Ekbackens skola',
      schoolForms: ['grundskola'],
      schoolUnitCode: '12345678',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Ekbackens skola', schoolForms: ['grundskola'], version: 1 });

    const bad = await admin.post(`/api/customers/${customerId}/schools`, {
      name: '',
      schoolForms: [],
      schoolUnitCode: '12',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['name', 'schoolForms', 'schoolUnitCode']);

    const duplicate = await admin.post(`/api/customers/${customerId}/schools`, {
      name: 'Ekbackens skola',
      schoolForms: ['forskola'],
    });
    expect(duplicate.statusCode).toBe(409);

    const url = `/api/customers/${customerId}/schools/${created.json().id}`;
    const renamed = await admin.patch(url, { name: 'Ekbacken', schoolForms: ['grundskola', 'fritidshem'], version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Ekbacken', version: 2 });
    const stale = await admin.patch(url, { name: 'Gamla namnet', schoolForms: ['grundskola'], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(
      (await admin.get(`/api/customers/${customerId}/schools`)).json().items.map((s: { name: string }) => s.name),
    ).toEqual(['Ekbacken']);
  });

  it('keeps how many staff a school has to train: set, kept when left out, cleared with null', async () => {
    const { customerId } = await projectWithCustomer();
    const created = await admin.post(`/api/customers/${customerId}/schools`, {
      name: 'Ekbackens skola',
      schoolForms: ['grundskola'],
      staffCount: 42,
    });
    expect(created.json()).toMatchObject({ staffCount: 42, schoolUnitCode: null });
    const url = `/api/customers/${customerId}/schools/${created.json().id}`;
    const negative = await admin.patch(url, {
      name: 'Ekbacken',
      schoolForms: ['grundskola'],
      staffCount: -1,
      version: 1,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual({ staffCount: 'Antalet kan inte vara negativt' });
    const renamed = await admin.patch(url, { name: 'Ekbacken', schoolForms: ['grundskola'], version: 1 });
    expect(renamed.json()).toMatchObject({ staffCount: 42, version: 2 });
    const cleared = await admin.patch(url, {
      name: 'Ekbacken',
      schoolForms: ['grundskola'],
      staffCount: null,
      version: 2,
    });
    expect(cleared.json()).toMatchObject({ staffCount: null, version: 3 });
    const plain = await admin.post(`/api/customers/${customerId}/schools`, {
      name: 'Björkskolan',
      schoolForms: ['grundskola'],
    });
    expect(plain.json().staffCount).toBeNull();
  });

  it('adds and edits people; an e-mail address belongs to one person per customer', async () => {
    const { customerId } = await projectWithCustomer();
    const school = await addSchool(admin, customerId, 'Björkskolan');
    const person = await admin.post(`/api/customers/${customerId}/people`, {
      name: 'Åsa Öberg',
      email: ' Asa.Oberg@Kommun.se ',
      phone: '070-123 45 67',
      title: 'Rektor',
      schoolId: school.id,
    });
    expect(person.statusCode).toBe(201);
    expect(person.json()).toMatchObject({ email: 'asa.oberg@kommun.se', schoolId: school.id, hasLogin: false });

    const same = await admin.post(`/api/customers/${customerId}/people`, {
      name: 'Någon annan',
      email: 'asa.oberg@kommun.se',
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.fields).toHaveProperty('email');

    const badEmail = await admin.post(`/api/customers/${customerId}/people`, { name: 'Bo', email: 'inte-en-adress' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.fields).toHaveProperty('email');

    const otherCustomer = await createCustomer(admin);
    const foreignSchool = await addSchool(admin, otherCustomer.id, 'Annan skola');
    const wrongSchool = await admin.post(`/api/customers/${customerId}/people`, {
      name: 'Bo',
      schoolId: foreignSchool.id,
    });
    expect(wrongSchool.statusCode).toBe(400);
    expect(wrongSchool.json().error.fields).toHaveProperty('schoolId');

    const edited = await admin.patch(`/api/customers/${customerId}/people/${person.json().id}`, {
      name: 'Åsa Öberg',
      email: 'asa@kommun.se',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ email: 'asa@kommun.se', version: 2, schoolId: null });
  });
});

describe('roles in a project', () => {
  it('lists every role of the template with its responsibility, holders and the gaps', async () => {
    const { customerId, projectId } = await projectWithCustomer();
    const organisation = await organisationOf(admin, projectId);
    expect(organisation.customerRoles.map((role) => role.title)).toEqual([
      'Beställare',
      'Styrgrupp',
      'Projektledare',
      'Projektgrupp',
      'IT-verksamhet',
      'Upphandlingsavdelning',
      'Informationsavdelning',
    ]);
    expect(organisation.vendorRoles.map((role) => role.title)).toEqual([
      'Projektstödjare',
      'Integrationsansvarig',
      'Leveransansvarig',
      'Utbildningsledare',
    ]);
    expect(organisation.customerRoles[0].responsibility).toContain('avtalspåskrifter');
    expect(JSON.stringify(organisation)).not.toContain('{vendor}');
    expect(organisation.vendorRoles[0].responsibility).toContain('åligger Leverantören');
    expect(organisation.readiness).toMatchObject({ ready: false, schoolsReady: 0, schoolsTotal: 0 });
    expect(organisation.readiness.gaps).toHaveLength(11);

    const school = await addSchool(admin, customerId, 'Ekskolan');
    const withSchool = await organisationOf(admin, projectId);
    expect(withSchool.schools[0].roles.map((role) => [role.title, role.minHolders])).toEqual([
      ['Rektor', 1],
      ['Kontaktperson', 1],
      ['Administratör', 2],
      ['Användarstödjare', 1],
    ]);
    expect(withSchool.schools[0].readiness.gaps.map((gap) => gap.message)).toContain('Skolan saknar administratör');

    const admins = [await addPerson(admin, customerId, 'Ada'), await addPerson(admin, customerId, 'Bea')];
    await admin.post(`/api/projects/${projectId}/roles`, {
      roleKey: 'administrator',
      personId: admins[0].id,
      schoolId: school.id,
    });
    const oneAdmin = await organisationOf(admin, projectId);
    expect(oneAdmin.schools[0].readiness.gaps.map((gap) => gap.message)).toContain('Skolan har 1 av 2 administratörer');
    await admin.post(`/api/projects/${projectId}/roles`, {
      roleKey: 'administrator',
      personId: admins[1].id,
      schoolId: school.id,
    });
    const twoAdmins = await organisationOf(admin, projectId);
    expect(twoAdmins.schools[0].readiness.gaps.map((gap) => gap.roleKey)).toEqual([
      'rektor',
      'kontaktperson',
      'anvandarstodjare',
    ]);
    expect(twoAdmins.schools[0].roles[2].holders.map((holder) => holder.person.name)).toEqual(['Ada', 'Bea']);
  });

  it('refuses an assignment that does not fit the role and records every change in the history', async () => {
    const { customerId, projectId } = await projectWithCustomer();
    const school = await addSchool(admin, customerId, 'Ekskolan');
    const anna = await addPerson(admin, customerId, 'Anna');
    const bo = await addPerson(admin, customerId, 'Bo');
    const url = `/api/projects/${projectId}/roles`;

    expect((await admin.post(url, { roleKey: 'rektor', personId: anna.id })).json().error.fields).toHaveProperty(
      'schoolId',
    );
    expect(
      (await admin.post(url, { roleKey: 'projektledare', personId: anna.id, schoolId: school.id })).statusCode,
    ).toBe(400);
    expect((await admin.post(url, { roleKey: 'okand', personId: anna.id })).json().error.fields).toHaveProperty(
      'roleKey',
    );
    expect((await admin.post(url, { roleKey: 'projektstodjare', personId: anna.id })).statusCode).toBe(400);

    const assigned = await admin.post(url, { roleKey: 'projektledare', personId: anna.id });
    expect(assigned.statusCode).toBe(201);
    expect((await admin.post(url, { roleKey: 'projektledare', personId: anna.id })).statusCode).toBe(409);
    const second = await admin.post(url, { roleKey: 'projektledare', personId: bo.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('Anna');
    expect((await admin.post(url, { roleKey: 'projektgrupp', personId: anna.id })).statusCode).toBe(201);
    expect((await admin.post(url, { roleKey: 'projektgrupp', personId: bo.id })).statusCode).toBe(201);

    const removed = await admin.request({ method: 'DELETE', url: `${url}/${assigned.json().assignmentId}` });
    expect(removed.statusCode).toBe(204);

    const history = (await admin.get(`/api/projects/${projectId}/history`)).json().items;
    expect(history.map((event: { summary: string }) => event.summary)).toEqual([
      'Anna har inte längre rollen Projektledare',
      'Bo fick rollen Projektgrupp',
      'Anna fick rollen Projektgrupp',
      'Anna fick rollen Projektledare',
      'Lade till Bo',
      'Lade till Anna',
      'Lade till skolan Ekskolan',
    ]);
    expect(history[0]).toMatchObject({
      action: 'role.unassigned',
      before: { roleKey: 'projektledare', personId: anna.id },
    });
  });
});

describe('what each role may do', () => {
  it('lets plan writers edit and others tick only their own activities', async () => {
    const { customerId, projectId } = await projectWithCustomer();
    const leader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });
    const it = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const noRole = await loginAsMember(testApp.app, { customerId });

    const checklist: Checklist = (await it.get(`/api/projects/${projectId}/activities`)).json();
    const activities = checklist.groups.flatMap((group) => group.activities);
    const itsOwn = activities.find((activity) => activity.customerResponsible.some((role) => role.key === 'it'));
    const notItsOwn = activities.find((activity) =>
      activity.customerResponsible.some((role) => role.key === 'bestallare'),
    );
    expect(itsOwn?.canTick).toBe(true);
    expect(notItsOwn?.canTick).toBe(false);

    const tick = (agent: Agent, activity = itsOwn!) =>
      agent.patch(`/api/projects/${projectId}/activities/${activity.id}`, { version: activity.version, done: true });
    expect((await tick(it, notItsOwn)).statusCode).toBe(403);
    expect((await tick(it)).statusCode).toBe(200);
    const deadline = await it.patch(`/api/projects/${projectId}/activities/${itsOwn!.id}`, {
      version: 2,
      deadline: '2027-05-01',
    });
    expect(deadline.statusCode).toBe(403);

    expect((await tick(leader, notItsOwn)).statusCode).toBe(200);
    expect((await leader.get(`/api/projects/${projectId}`)).json().permissions).toEqual({ edit: true, approve: false });
    const person = await leader.post(`/api/customers/${customerId}/people`, { name: 'Ny kollega' });
    expect(person.statusCode).toBe(201);
    expect((await it.post(`/api/customers/${customerId}/people`, { name: 'Får inte' })).statusCode).toBe(403);
    expect(
      (await leader.post(`/api/projects/${projectId}/roles`, { roleKey: 'projektgrupp', personId: person.json().id }))
        .statusCode,
    ).toBe(201);

    expect((await noRole.get(`/api/projects/${projectId}`)).statusCode).toBe(404);
    expect((await noRole.get('/api/projects')).json().items).toEqual([]);
  });

  it('lets vendor staff work only in the projects where they hold a vendor role', async () => {
    const { projectId } = await projectWithCustomer();
    const other = await projectWithCustomer();
    const supporter = await loginAsMember(testApp.app, { customerId: null, projectId, roleKeys: ['projektstodjare'] });
    expect((await supporter.get('/api/projects')).json().items.map((p: { id: string }) => p.id)).toEqual([projectId]);
    expect((await supporter.get(`/api/projects/${other.projectId}`)).statusCode).toBe(404);
    const checklist: Checklist = (await supporter.get(`/api/projects/${projectId}/activities`)).json();
    const ticks = checklist.groups.flatMap((group) => group.activities).filter((activity) => activity.canTick);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.every((activity) => activity.vendorResponsible.some((role) => role.key === 'projektstodjare'))).toBe(
      true,
    );
  });

  it('leaves the vendor roles to the vendor', async () => {
    const { customerId, projectId } = await projectWithCustomer();
    const leader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });
    const vendorPerson = (
      await admin.post('/api/vendor/people', { name: 'Stina Stöd', email: 'stina@leverantor.se' })
    ).json();
    const byCustomer = await leader.post(`/api/projects/${projectId}/roles`, {
      roleKey: 'projektstodjare',
      personId: vendorPerson.id,
    });
    expect(byCustomer.statusCode).toBe(403);
    const byVendor = await admin.post(`/api/projects/${projectId}/roles`, {
      roleKey: 'projektstodjare',
      personId: vendorPerson.id,
    });
    expect(byVendor.statusCode).toBe(201);
    const organisation = await organisationOf(leader, projectId);
    expect(organisation.vendorRoles[0].holders.map((holder) => holder.person.name)).toEqual(['Stina Stöd']);
  });
});
