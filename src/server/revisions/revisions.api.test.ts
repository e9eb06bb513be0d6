import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../../shared/plan.js';
import type { PlanDiff, RevisionDetail, RevisionList } from '../../shared/revisions.js';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { assignRole, createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { mailHeader, parseMail } from '../test-support/smtp.js';

let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

/** A customer's project with its project manager (who writes the plan) and the vendor's project supporter. */
async function projectWithWriterAndSupporter() {
  const { app } = testApp;
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const project = await createProject(admin, customer.id);
  const writer = await loginAsMember(app, {
    customerId: customer.id,
    projectId: project.id,
    roleKeys: ['projektledare'],
  });
  const supporter = await loginAsMember(app, {
    customerId: null,
    projectId: project.id,
    roleKeys: ['projektstodjare'],
  });
  return { customerId: customer.id, projectId: project.id, writer, supporter };
}

const send = (
  agent: Agent,
  projectId: string,
  message = 'Vi har skrivit klart målen. Titta särskilt på effektmålen.',
) => agent.post(`/api/projects/${projectId}/revisions`, { message });

const revisionsOf = async (agent: Agent, projectId: string): Promise<RevisionList> =>
  (await agent.get(`/api/projects/${projectId}/revisions`)).json();

const compare = (agent: Agent, projectId: string, from: number, to: number | 'draft') =>
  agent.get(`/api/projects/${projectId}/revisions/compare?from=${from}&to=${to}`);

async function createGoal(agent: Agent, projectId: string): Promise<Goal> {
  const response = await agent.post(`/api/projects/${projectId}/goals`, {
    kind: 'effect',
    title: 'Alla elever bedöms i varje ämne varje termin',
    measure: 'Andel elever med bedömning i varje ämne',
    unit: 'percent',
    baseline: 40,
    target: 100,
    targetDate: '2027-06-15',
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

/** Through the plan's own endpoint, as the writer would. */
async function changeTarget(agent: Agent, projectId: string, goal: Goal, target: number): Promise<Goal> {
  const { id, version, description, measure, unit, unitLabel, baseline, targetDate, title } = goal;
  const response = await agent.request({
    method: 'PUT',
    url: `/api/projects/${projectId}/goals/${id}`,
    payload: { kind: 'effect', version, title, description, measure, unit, unitLabel, baseline, target, targetDate },
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function writePurpose(agent: Agent, projectId: string, text: string) {
  const plan: Plan = (await agent.get(`/api/projects/${projectId}/plan`)).json();
  const section = plan.sections.find((candidate) => candidate.key === 'bakgrund');
  const response = await agent.request({
    method: 'PUT',
    url: `/api/projects/${projectId}/plan/sections/bakgrund`,
    payload: { version: section?.version, texts: { syfte: richTextFromPlainText(text) } },
  });
  expect(response.statusCode).toBe(200);
}

/** The mails the app wrote to its outbox, with their decoded subject and plain-text and HTML parts, once all have left. */
async function sentMails(): Promise<{ to: string; subject: string; text: string; html: string }[]> {
  await testApp.app.stegvis.mailer.idle();
  const outbox = testApp.config.mail.outboxDir;
  if (!fs.existsSync(outbox)) return [];
  return fs.readdirSync(outbox).map((file) => {
    const raw = fs.readFileSync(path.join(outbox, file), 'utf8');
    const { subject, text, html } = parseMail(raw);
    return { to: mailHeader(raw, 'To'), subject, text, html };
  });
}

/** A loopback port nothing listens on: every mail sent there fails. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('sending the plan to the vendor', () => {
  it('needs a message and the right to write the plan', async () => {
    const { customerId, projectId, supporter } = await projectWithWriterAndSupporter();
    const writer = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['bestallare'] });

    const empty = await send(writer, projectId, '  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.message).toBe(
      'Skriv några ord om vad som är nytt, så att leverantören vet vad de ska titta på',
    );
    expect((await writer.post(`/api/projects/${projectId}/revisions`, {})).statusCode).toBe(400);

    const it = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    const reader = await send(it, projectId);
    expect(reader.statusCode).toBe(403);
    expect(reader.json().error.message).toMatch(/^Bara den som skriver planen/);
    expect((await send(supporter, projectId)).statusCode).toBe(403);

    expect((await revisionsOf(writer, projectId)).items).toEqual([]);
  });

  it('numbers the versions 1, 2, … and lists them newest first with who sent them', async () => {
    const { projectId, writer } = await projectWithWriterAndSupporter();
    const first = await send(writer, projectId, 'Första utkastet');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      number: 1,
      sender: { name: expect.stringMatching(/^Användare/) },
      message: 'Första utkastet',
      readByMe: true,
    });
    expect((await send(admin, projectId, 'Leverantören skickar åt kunden')).json().number).toBe(2);

    // Two at once: on PostgreSQL both read 2 as the highest; the constraint lets one take 3, the other retries with 4.
    const both = await Promise.all([send(writer, projectId, 'Samtidigt A'), send(writer, projectId, 'Samtidigt B')]);
    expect(both.map((response) => response.statusCode)).toEqual([201, 201]);
    expect(both.map((response) => response.json().number).sort()).toEqual([3, 4]);

    const list = await revisionsOf(writer, projectId);
    expect(list.items.map((item) => item.number)).toEqual([4, 3, 2, 1]);
    expect(list.items.map((item) => item.readByMe)).toEqual([true, true, false, true]);
    expect(list.unreadCount).toBe(1);

    const history: { action: string; summary: string }[] = (
      await admin.get(`/api/projects/${projectId}/history`)
    ).json().items;
    expect(history.filter((event) => event.action === 'plan.revision_sent').map((event) => event.summary)).toContain(
      'Skickade version 1 av projektplanen till Leverantören',
    );
  });

  it('freezes the plan with what it rests on: a later edit does not change the version sent', async () => {
    const { projectId, writer, supporter } = await projectWithWriterAndSupporter();
    const goal = await createGoal(writer, projectId);
    await writePurpose(writer, projectId, 'Syftet är att samla skolans dokumentation på ett ställe.');
    expect((await send(writer, projectId)).statusCode).toBe(201);
    const sent = await writer.get(`/api/projects/${projectId}/revisions/1`);
    expect(sent.statusCode).toBe(200);

    const revision: RevisionDetail = sent.json();
    expect(revision.snapshot.project).toMatchObject({
      id: projectId,
      customerName: 'Åkerby kommun',
      phase: 'implementation',
    });
    expect(revision.snapshot.introduction).not.toContain('{vendor}');
    expect(revision.snapshot.plan.goals.map((candidate) => candidate.target)).toEqual([100]);
    const supporterRole = revision.snapshot.organisation.find((role) => role.roleKey === 'projektstodjare');
    expect(supporterRole).toMatchObject({ side: 'vendor', school: null });
    expect(supporterRole?.people).toHaveLength(1);
    const supporterName = supporterRole?.people[0].name;
    const ordered = revision.snapshot.checklist.find((activity) => activity.title.startsWith('Orderbekräftelse'));
    expect(ordered).toMatchObject({ customerResponsible: '', vendorResponsible: `Projektstödjare: ${supporterName}` });
    const unheld = revision.snapshot.checklist.find((activity) =>
      activity.customerResponsible.startsWith('Beställare'),
    );
    expect(unheld?.customerResponsible).toBe('Beställare');

    await changeTarget(writer, projectId, goal, 90);
    await writePurpose(writer, projectId, 'Något helt annat.');
    const activity = revision.snapshot.checklist[0];
    const activities = (await writer.get(`/api/projects/${projectId}/activities`)).json();
    const version = activities.groups[0].activities[0].version;
    await writer.patch(`/api/projects/${projectId}/activities/${activity.id}`, {
      version,
      done: true,
      deadline: '2027-05-01',
    });

    const again = await writer.get(`/api/projects/${projectId}/revisions/1`);
    expect(again.body).toBe(sent.body);
    // Read by someone else, it is the same plan.
    expect((await supporter.get(`/api/projects/${projectId}/revisions/1`)).json().snapshot).toEqual(revision.snapshot);
  });

  it("mails the vendor's project supporter who sent it, the message and a link to the version", async () => {
    const { projectId, writer } = await projectWithWriterAndSupporter();
    const supporterEmail = (
      await testApp.app.stegvis.db
        .selectFrom('role_assignments')
        .innerJoin('people', 'people.id', 'role_assignments.person_id')
        .select('people.email')
        .where('role_assignments.project_id', '=', projectId)
        .where('role_assignments.role_key', '=', 'projektstodjare')
        .executeTakeFirstOrThrow()
    ).email;
    // A second supporter without an address is left out, not failed on.
    const noAddress = await createPerson(testApp.app, { customerId: null, name: 'Utan Adress', email: null });
    await assignRole(testApp.app, { projectId, personId: noAddress.id, roleKey: 'projektstodjare' });

    await send(writer, projectId, 'Nu är målen klara.\nSe <b>effektmålen</b> & risken.');
    const mails = await sentMails();
    expect(mails.map((mail) => mail.to)).toEqual([supporterEmail]);
    const [mail] = mails;
    expect(mail.subject).toBe('Ny version av projektplanen: Åkerby kommun (version 1)');
    expect(mail.text).toMatch(/Användare \d+ har skickat version 1 av projektplanen för Implementering Åkerby kommun/);
    expect(mail.text).toContain('Nu är målen klara.\nSe <b>effektmålen</b> & risken.');
    expect(mail.html).toContain('Se &lt;b&gt;effektmålen&lt;/b&gt; &amp; risken.');
    expect(mail.text).toContain(`http://localhost:3000/projekt/${projectId}/revisioner?version=1`);

    await createGoal(writer, projectId);
    await send(writer, projectId, 'Ett mål till.');
    const second = (await sentMails()).find((candidate) => candidate.subject.endsWith('(version 2)'));
    expect(second?.text).toContain('Sedan version 1 har 1 sak ändrats.');
  });

  it("mails the vendor's administrators when nobody is the project's supporter", async () => {
    const customer = await createCustomer(admin, { name: 'Östra kommun' });
    const project = await createProject(admin, customer.id);
    const adminEmail = (
      await testApp.app.stegvis.db
        .selectFrom('users')
        .select('email')
        .where('role', '=', 'vendor_admin')
        .executeTakeFirstOrThrow()
    ).email;
    expect((await send(admin, project.id)).statusCode).toBe(201);
    const mails = await sentMails();
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
      [adminEmail, 'Ny version av projektplanen: Östra kommun (version 1)'],
    ]);
  });

  it('keeps the version when the mail cannot be sent', async () => {
    await testApp.close();
    testApp = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` } });
    admin = await loginAs(testApp.app);
    const { projectId, writer } = await projectWithWriterAndSupporter();
    expect((await send(writer, projectId)).statusCode).toBe(201);
    await testApp.app.stegvis.mailer.idle();
    expect((await revisionsOf(writer, projectId)).items.map((item) => item.number)).toEqual([1]);
  });
});

describe('what the vendor has read', () => {
  it('counts a new version unread for the supporter until it is marked read, in the project list too', async () => {
    const { projectId, writer, supporter } = await projectWithWriterAndSupporter();
    const unreadInList = async (agent: Agent) =>
      (await agent.get('/api/projects')).json().items.find((item: { id: string }) => item.id === projectId)
        ?.unreadRevisions;
    expect(await unreadInList(supporter)).toBe(0);

    await send(writer, projectId);
    expect((await revisionsOf(supporter, projectId)).unreadCount).toBe(1);
    expect(await unreadInList(supporter)).toBe(1);
    expect((await supporter.get(`/api/projects/${projectId}`)).json().unreadRevisions).toBe(1);
    expect(await unreadInList(writer)).toBe(0);
    expect(await unreadInList(admin)).toBe(1);

    const read = await supporter.post(`/api/projects/${projectId}/revisions/1/read`);
    expect(read.statusCode).toBe(204);
    expect((await supporter.post(`/api/projects/${projectId}/revisions/1/read`)).statusCode).toBe(204);
    const list = await revisionsOf(supporter, projectId);
    expect(list.unreadCount).toBe(0);
    expect(list.items[0].readByMe).toBe(true);
    expect(await unreadInList(supporter)).toBe(0);
    expect(await unreadInList(admin)).toBe(1);

    expect((await supporter.post(`/api/projects/${projectId}/revisions/2/read`)).statusCode).toBe(404);
  });

  it('counts the unread versions of every listed project in one query', async () => {
    const queries: string[] = [];
    await testApp.close();
    testApp = await createTestApp({ onQuery: (sql) => queries.push(sql) });
    admin = await loginAs(testApp.app);
    const projects = [await createProject(admin), await createProject(admin), await createProject(admin)];
    const vendor = await loginAs(testApp.app);
    for (const project of projects) await send(admin, project.id);
    await send(admin, projects[0].id);
    await vendor.post(`/api/projects/${projects[1].id}/revisions/1/read`);
    queries.length = 0;
    const items: { id: string; unreadRevisions: number }[] = (await vendor.get('/api/projects')).json().items;
    const unread = new Map(items.map((item) => [item.id, item.unreadRevisions]));
    expect(projects.map((project) => unread.get(project.id))).toEqual([2, 0, 1]);
    expect(queries.filter((sql) => sql.includes('plan_revision_reads'))).toHaveLength(1);
  });
});

describe('comparing versions', () => {
  it("shows a goal's changed target between two versions, in either order", async () => {
    const { projectId, writer, supporter } = await projectWithWriterAndSupporter();
    const goal = await createGoal(writer, projectId);
    await send(writer, projectId);
    await changeTarget(writer, projectId, goal, 90);
    await send(writer, projectId);

    const response = await compare(supporter, projectId, 1, 2);
    expect(response.statusCode).toBe(200);
    const diff: PlanDiff = response.json();
    expect(diff.from.number).toBe(1);
    expect(diff.to.number).toBe(2);
    expect(diff.goals).toEqual([
      {
        id: goal.id,
        label: goal.title,
        change: 'changed',
        fields: [
          {
            field: 'target',
            label: 'Målvärde',
            before: '100',
            after: '90',
            parts: [
              { kind: 'removed', text: '100' },
              { kind: 'added', text: '90' },
            ],
          },
        ],
      },
    ]);
    expect(diff.changeCount).toBe(1);

    const backwards: PlanDiff = (await compare(supporter, projectId, 2, 1)).json();
    expect(backwards.goals[0].fields[0]).toMatchObject({ before: '90', after: '100' });
    expect((await compare(supporter, projectId, 2, 2)).json().changeCount).toBe(0);
  });

  it('shows what changed since a version in the draft', async () => {
    const { projectId, writer, supporter } = await projectWithWriterAndSupporter();
    await writePurpose(writer, projectId, 'Syftet är att samla skolans dokumentation på ett ställe.');
    await send(writer, projectId);
    await writePurpose(writer, projectId, 'Syftet är att samla förskolans dokumentation på ett ställe.');

    const diff: PlanDiff = (await compare(supporter, projectId, 1, 'draft')).json();
    expect(diff.to.number).toBeNull();
    expect(diff.sections).toEqual([
      {
        key: 'bakgrund',
        title: 'Bakgrund',
        fields: [
          expect.objectContaining({
            field: 'syfte',
            parts: [
              { kind: 'same', text: 'Syftet är att samla ' },
              { kind: 'removed', text: 'skolans' },
              { kind: 'added', text: 'förskolans' },
              { kind: 'same', text: ' dokumentation på ett ställe.' },
            ],
          }),
        ],
      },
    ]);
    expect(diff.changeCount).toBe(1);
  });

  it('answers 404 for a version that does not exist and 400 for a malformed one', async () => {
    const { projectId, writer } = await projectWithWriterAndSupporter();
    await send(writer, projectId);
    expect((await compare(writer, projectId, 1, 5)).statusCode).toBe(404);
    const missing = await compare(writer, projectId, 7, 'draft');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Version 7 av projektplanen finns inte');
    expect((await writer.get(`/api/projects/${projectId}/revisions/9`)).statusCode).toBe(404);
    expect((await writer.get(`/api/projects/${projectId}/revisions/compare?from=1&to=senaste`)).statusCode).toBe(400);
    expect((await writer.get(`/api/projects/${projectId}/revisions/0`)).statusCode).toBe(400);
  });
});

describe('who sees the versions', () => {
  it('answers 404 on every revisions route to the people of another customer and to vendor staff without a role', async () => {
    const { projectId, writer } = await projectWithWriterAndSupporter();
    await send(writer, projectId);
    const elsewhere = await createCustomer(admin);
    const otherProject = await createProject(admin, elsewhere.id);
    const outsider = await loginAsMember(testApp.app, {
      customerId: elsewhere.id,
      projectId: otherProject.id,
      roleKeys: ['projektledare'],
    });
    const staff = await loginAsMember(testApp.app, { customerId: null });

    const routes = testApp.app.routeTable.filter(
      (route) => route.url.startsWith('/api/projects/:id/revisions') && route.method !== 'HEAD',
    );
    expect(routes.length).toBe(5);
    for (const route of routes) {
      const url = route.url
        .replace(':id', projectId)
        .replace(':number', '1')
        .replace(/\/compare$/, '/compare?from=1&to=draft');
      for (const agent of [outsider, staff]) {
        const response = await agent.request({
          method: route.method as 'GET' | 'POST',
          url,
          ...(route.method === 'POST' ? { payload: { message: 'Hej på er!' } } : {}),
        });
        expect(response.statusCode, `${route.method} ${url}`).toBe(404);
      }
    }
    expect((await revisionsOf(writer, projectId)).items).toHaveLength(1);
  });
});
