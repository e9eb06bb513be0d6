import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import type { ClosureOverview } from '../../shared/closure.js';
import { newId } from '../core/ids.js';
import { readDefaultTemplateFile } from '../templates/service.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { createSchool } from '../test-support/trainings.js';

/**
 * Once the Beställare has approved the closure, the guard refuses every change but the follow-up's
 * (decision 009). A read that still says the viewer may do something else offers a button that
 * fails. This walks every project read the app registered, not a hand-kept list, as a holder of
 * each role, and looks at every capability it answers: a boolean named `can…` or `may…`, or one
 * inside `may` or `permissions`. A new domain's new flag is caught without anyone adding it here.
 */
const OPEN_AFTER_CLOSURE: Record<string, string> = {
  'GET /api/projects/:id/goal-tracking may.measure': 'the effect goals are measured in the operations phase too',
  'GET /api/projects/:id/goal-tracking may.configure': 'the measurement settings change with the follow-up',
  'GET /api/projects/:id/closure may.planFollowUp': 'the follow-up meeting is planned after the closure',
  'GET /api/projects/:id/closure may.startFollowOn': 'a follow-on project starts from a closed one',
};

/** Reads that need a query to answer. */
const QUERIES: Record<string, string> = {
  '/api/projects/:id/revisions/compare': '?from=1&to=draft',
  '/api/projects/:id/steering-meetings/:meetingId/agenda': '?format=pdf',
};

const PROJECT_READ = /^\/api\/projects\/:id(\/|$)/;

const template = readDefaultTemplateFile().content;
const ADMIN = 'the vendor admin';
const viewerLabels = [
  ADMIN,
  ...template.customerRoles.map((role) => role.title),
  ...template.vendorRoles.map((role) => role.title),
];

let testApp: TestApp;
let admin: Agent & { userId: string };
let ids: Record<string, string>;
const viewers = new Map<string, Agent>();

const now = new Date('2027-03-01T09:00:00Z');

function multipart(parts: ({ name: string; value: string } | { name: string; fileName: string; content: string })[]) {
  const boundary = '----stegvis-stangt-projekt';
  const body = parts
    .map((part) =>
      'value' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: text/csv\r\n\r\n${part.content}\r\n`,
    )
    .join('');
  return {
    payload: Buffer.from(`${body}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function created(response: { statusCode: number; body: string; json: () => unknown }) {
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as { id: string };
}

/** A file attached to the activity by the viewer, so that its own `mayDelete` is asked. */
async function attachAs(userId: string, activityId: string) {
  const content = Buffer.from('Förnamn;Efternamn\r\nÅsa;Öberg\r\n');
  await testApp.app.stegvis.db
    .insertInto('activity_attachments')
    .values({
      id: newId(),
      activity_id: activityId,
      project_id: ids.id,
      file_name: 'elevregister.csv',
      content_type: 'text/csv; charset=utf-8',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploaded_by_user_id: userId,
      uploaded_by_name: 'Uppladdare',
      created_at: now.toISOString(),
    })
    .execute();
}

/**
 * A project with something in every part — a school, communication items each role holder answers
 * for, files each uploaded, a session each vendor person trains, a meeting, a decision, a change
 * request waiting, a revision, an effect goal — closed by its Beställare.
 */
beforeAll(async () => {
  testApp = await createTestApp({ clock: { now: () => now } });
  const { app } = testApp;
  admin = await loginAs(app);
  const customerId = (await createCustomer(admin, { name: 'Åkerby kommun' })).id;
  const project = await created(await admin.post('/api/projects', { customerId, startDate: '2027-01-11' }));
  const school = await createSchool(admin, customerId, { name: 'Ekskolan', staffCount: 30 });
  const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
  const activityId = checklist.groups[0].activities[0].id;
  ids = { id: project.id, activityId };

  viewers.set(ADMIN, admin);
  let orderer: Agent | undefined;
  for (const role of template.customerRoles) {
    const holder = await loginAsMember(app, {
      customerId,
      projectId: project.id,
      roleKeys: [role.key],
      schoolId: role.level === 'school' ? school.id : null,
    });
    viewers.set(role.title, holder);
    if (role.approvesClosure) orderer = holder;
    await attachAs(holder.userId, activityId);
    await created(
      await admin.post(`/api/projects/${project.id}/communication-items`, {
        title: `Information från ${role.title}`,
        channel: 'E-post',
        audienceKeys: [template.communicationAudiences[0].key],
        plannedOn: '2027-04-01',
        responsiblePersonId: holder.personId,
      }),
    );
  }
  const roleTraining = template.trainingTypes[0].key;
  for (const role of template.vendorRoles) {
    const holder = await loginAsMember(app, { customerId: null, projectId: project.id, roleKeys: [role.key] });
    viewers.set(role.title, holder);
    await attachAs(holder.userId, activityId);
    await created(
      await admin.post(`/api/projects/${project.id}/trainings/${roleTraining}/sessions`, {
        proposalId: null,
        date: '2027-04-12',
        startTime: '09:00',
        endTime: '12:00',
        mode: 'on_site',
        place: 'Stadshuset, sal 3',
        link: '',
        trainerPersonId: holder.personId,
      }),
    );
  }

  ids.meetingId = (
    await created(await admin.post(`/api/projects/${project.id}/steering-meetings`, { date: '2027-03-15' }))
  ).id;
  await created(
    await admin.post(`/api/projects/${project.id}/decisions`, {
      title: 'Rubriker till IUP',
      decision: 'Vi använder Skolverkets rubriker.',
      decidedBy: 'projektgrupp',
      decidedOn: '2027-02-08',
    }),
  );
  await created(
    await admin.post(`/api/projects/${project.id}/change-requests`, {
      title: 'Fler skolor i första etappen',
      areas: ['result'],
      change: 'Ekskolan kommer med i första etappen.',
      reason: 'Rektorn vill börja samtidigt som de andra.',
      proposal: 'Styrgruppen beslutar att Ekskolan kommer med.',
    }),
  );
  await created(await admin.post(`/api/projects/${project.id}/budget-lines`, { title: 'Licenser', plannedSek: 1000 }));
  ids.goalId = (await createEffectGoal(admin, project.id)).id;
  expect((await admin.post(`/api/projects/${project.id}/revisions`, { message: 'Första versionen.' })).statusCode).toBe(
    201,
  );
  ids.number = '1';

  if (!orderer) throw new Error('the template has no role that approves the closure');
  const closure: ClosureOverview = (await orderer.get(`/api/projects/${project.id}/closure`)).json();
  const approved = await orderer.post(`/api/projects/${project.id}/closure`, { openItemsSeen: closure.openCount });
  expect(approved.statusCode, approved.body).toBe(200);

  // Computed from an export after the closure: the follow-up goes on.
  const computation = await admin.request({
    method: 'POST',
    url: `/api/projects/${project.id}/goals/${ids.goalId}/computations`,
    ...multipart([
      {
        name: 'settings',
        value: JSON.stringify({
          method: 'share_by_date',
          measure: 'byDate',
          columns: { records: { label: 'Elev', date: 'Registrerad' } },
          byDate: '2027-02-28',
        }),
      },
      { name: 'records', fileName: 'registreringar.csv', content: 'Elev,Registrerad\nÅsa Öberg,2027-02-01\n' },
    ]),
  });
  ids.computationId = (await created(computation)).id;
  const attachments = (await admin.get(`/api/projects/${project.id}/activities/${activityId}/attachments`)).json();
  ids.attachmentId = attachments.items[0].id;
});
afterAll(() => testApp.close());

const isCapability = (key: string, parentKey: string | undefined) =>
  /^(can|may)[A-Z]/.test(key) || parentKey === 'may' || parentKey === 'permissions';

/** Every capability in the JSON that says yes, by its path with list positions left out ("items[].canTick"). */
function capabilitiesGranted(value: unknown, path = '', parentKey?: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => capabilitiesGranted(item, `${path}[]`, parentKey));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key;
    if (child === true && isCapability(key, parentKey)) return [childPath];
    return capabilitiesGranted(child, childPath, key);
  });
}

const fill = (url: string) =>
  url.replace(/:(\w+)/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`no value for :${name} in ${url}: give the test one`);
    return id;
  }) + (QUERIES[url] ?? '');

const projectReads = () =>
  testApp.app.routeTable.filter((route) => route.method === 'GET' && PROJECT_READ.test(route.url));

/** The capabilities a read grants the viewer, as "GET <route> <path>". */
async function grantedIn(agent: Agent, url: string): Promise<string[]> {
  const response = await agent.get(fill(url));
  expect(response.statusCode, `GET ${url}`).toBe(200);
  if (!String(response.headers['content-type']).startsWith('application/json')) return [];
  return capabilitiesGranted(response.json()).map((path) => `GET ${url} ${path}`);
}

describe('a closed project', () => {
  it.each(viewerLabels)('offers %s nothing the guard would refuse, in any read', async (label) => {
    const agent = viewers.get(label) as Agent;
    const refused: string[] = [];
    // Besides the project's own reads, Mina uppgifter offers ticks in every project.
    for (const url of [...projectReads().map((route) => route.url), '/api/me/tasks']) {
      refused.push(...(await grantedIn(agent, url)).filter((flag) => !(flag in OPEN_AFTER_CLOSURE)));
    }
    expect(refused).toEqual([]);
  });

  it('still offers the goal follow-up to someone, and names no stale exception', async () => {
    const urls = new Set(Object.keys(OPEN_AFTER_CLOSURE).map((flag) => flag.split(' ')[1]));
    const granted = new Set<string>();
    for (const agent of viewers.values()) {
      for (const url of urls) for (const flag of await grantedIn(agent, url)) granted.add(flag);
    }
    expect([...granted].sort()).toEqual(Object.keys(OPEN_AFTER_CLOSURE).sort());
  });
});
