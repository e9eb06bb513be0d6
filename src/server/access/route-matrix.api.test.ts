import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Checklist } from '../../shared/checklist.js';
import { readDefaultTemplateFile } from '../templates/service.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal, organisationNumber } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { exampleOf, type RouteSchemas, routeSchemas } from '../test-support/request-schemas.js';
import { createSchool } from '../test-support/trainings.js';
import { mayTick, type ProjectPermissions, projectPermissions } from './permissions.js';

/**
 * The route × role matrix: every route the app registered (its route table, not a hand-kept list),
 * called by every kind of actor — nobody, a user of another customer, the holder of each role of the
 * template on the customer's and on the vendor's side, vendor staff outside the project and the vendor
 * admin — on the ids of one customer's real project. What each may do comes from the permission rule
 * (permissions.ts); the routes that let someone besides the plan writers change something are named
 * below with the rule that lets them. A write refused must answer 403 (404 to whoever has no part in
 * the project) and leave the database exactly as it was.
 */

/** Routes that answer without a session, and why. Every other route answers 401 to nobody. */
const PUBLIC: Record<string, string> = {
  'GET /api/health': 'liveness for the load balancer, no data',
  'GET /api/ready': 'readiness for the load balancer, no data',
  'GET /api/openapi.json': 'the API description, no data',
  'GET /api/setup': 'first run: whether an administrator must be created',
  'POST /api/setup': 'first run only; refused once an administrator exists (setup.api.test.ts)',
  'GET /api/calendar/:secret.ics': 'a calendar feed, known by its secret address alone (calendar.api.test.ts)',
};
const PUBLIC_PATTERNS: [RegExp, string][] = [
  [/^\/api\/docs(\/|$)/, 'the API description, no data'],
  [
    /^\/api\/auth\//,
    'signing in and out and the steps between (second factor, single sign-on, invitation and reset links): each checks its own proof — a password, a pending sign-in, a provider’s answer, a secret link — instead of a session',
  ],
  [/^\/(assets\/|[^/]*\.(html|js|css|png|svg|ico)$|$)/, 'the web app’s own files, when it is built'],
];

/** Routes outside any project or customer where every signed-in user works on their own account only. */
const OWN_ACCOUNT: [RegExp, string][] = [
  [/^\/api\/me\//, 'one’s own reminders, calendar address, tasks and roles to confirm'],
  // The vendor's policy (/api/two-factor/policy) is not one's own: it is the vendor admin's, as any other global write.
  [/^\/api\/two-factor(\/(totp|passkeys|recovery-codes)(\/|$)|$)/, 'one’s own second factors (two-factor.api.test.ts)'],
];

type Rule = { may: (actor: Actor) => boolean; why: string };
const holds =
  (...roleKeys: string[]) =>
  (actor: Actor) =>
    actor.heldRoleKeys.some((key) => roleKeys.includes(key));
const writesPlan = (actor: Actor) => actor.permissions.edit;
const reads = (actor: Actor) => actor.permissions.read;
const either =
  (...rules: ((actor: Actor) => boolean)[]) =>
  (actor: Actor) =>
    rules.some((rule) => rule(actor));

/**
 * A write under a project or customer may be made by whoever writes the plan (permissions.edit: the
 * vendor admin and the template's plan-writing roles), unless it is named here with the rule of its
 * own domain, which the reads' `may…` flags offer to the web app in the same words.
 */
const RULES: Record<string, Rule> = {
  'POST /api/projects/:id/activities/:activityId/comments': {
    may: reads,
    why: 'everyone in the project discusses an activity',
  },
  'POST /api/projects/:id/revisions/:number/read': { may: reads, why: 'one’s own mark that a version is read' },
  'POST /api/projects/:id/calendar-feed': { may: reads, why: 'the project’s calendar address, for everyone in it' },
  'POST /api/projects/:id/acknowledgements': {
    may: holds('bestallare'),
    why: 'a role holder confirms their own role (the body names the Beställare’s)',
  },
  'POST /api/projects/:id/closure': {
    may: (actor) => actor.permissions.approve,
    why: 'approving the closure is the template’s approving role’s alone, narrower than writing the plan',
  },
  'POST /api/projects/:id/change-requests/:requestId/decision': {
    may: holds('styrgrupp', 'bestallare'),
    why: 'the steering group or the Beställare decides a change request, not whoever wrote it',
  },
  'POST /api/projects/:id/decisions': {
    may: either(writesPlan, holds('styrgrupp')),
    why: 'the steering group records its decisions',
  },
  'PATCH /api/projects/:id/decisions/:decisionId': { may: either(writesPlan, holds('styrgrupp')), why: 'as above' },
  'DELETE /api/projects/:id/decisions/:decisionId': { may: either(writesPlan, holds('styrgrupp')), why: 'as above' },
  'POST /api/projects/:id/steering-meetings': {
    may: either(writesPlan, holds('styrgrupp')),
    why: 'the steering group keeps its meetings',
  },
  'PATCH /api/projects/:id/steering-meetings/:meetingId': {
    may: either(writesPlan, holds('styrgrupp')),
    why: 'as above',
  },
  'DELETE /api/projects/:id/steering-meetings/:meetingId': {
    may: either(writesPlan, holds('styrgrupp')),
    why: 'as above',
  },
  'POST /api/projects/:id/steering-meetings/:meetingId/agenda/send': {
    may: either(writesPlan, holds('styrgrupp')),
    why: 'as above',
  },
  'POST /api/projects/:id/delivery/steps': {
    may: either(writesPlan, holds('kontaktperson', 'administrator')),
    why: 'a school’s own accounts are marked by its Kontaktperson or Administratör (the body names that step)',
  },
  'DELETE /api/projects/:id/delivery/steps/:stepId': {
    may: (actor) => actor.vendorAdmin || actor.heldRoleKeys.includes('leveransansvarig'),
    why: 'the vendor’s main account is the vendor admin’s or the Leveransansvarig’s alone, not the customer’s plan writers’',
  },
  'POST /api/projects/:id/staff-workshops': {
    may: either(writesPlan, holds('anvandarstodjare')),
    why: 'a school’s user-supporter records its staff workshops',
  },
  'DELETE /api/projects/:id/staff-workshops/:workshopId': {
    may: either(writesPlan, holds('anvandarstodjare')),
    why: 'as above',
  },
  'PUT /api/projects/:id/step': {
    may: either(writesPlan, holds('projektstodjare')),
    why: 'the vendor’s project supporter moves a project on',
  },
  'PUT /api/projects/:id/follow-up': {
    may: either(writesPlan, holds('projektstodjare')),
    why: 'the project supporter plans the follow-up meeting',
  },
  'PUT /api/projects/:id/trainings/:trainingKey': {
    may: either(writesPlan, holds('utbildningsledare')),
    why: 'the vendor’s Utbildningsledare sets the trainings’ participant range',
  },
  'PUT /api/projects/:id/trainings/:trainingKey/split-choice': {
    may: either(writesPlan, holds('utbildningsledare')),
    why: 'as above',
  },
  'POST /api/projects/:id/trainings/:trainingKey/sessions': {
    may: either((actor) => actor.vendorAdmin, holds('utbildningsledare')),
    why: 'the Utbildningsledare confirms sessions; the customer proposes dates',
  },
  'PATCH /api/projects/:id/training-sessions/:sessionId': {
    may: either((actor) => actor.vendorAdmin, holds('utbildningsledare')),
    why: 'as above',
  },
  'DELETE /api/projects/:id/training-sessions/:sessionId': {
    may: either((actor) => actor.vendorAdmin, holds('utbildningsledare')),
    why: 'as above',
  },
  'PUT /api/customers/:customerId/two-factor-policy': {
    may: (actor) => actor.vendorAdmin,
    why: 'whether a customer’s people need a second factor is the vendor admin’s to require',
  },
  'PUT /api/people/:personId/login': {
    may: (actor) => actor.vendorAdmin || actor.permissions.approve,
    why: 'switching a login off is the vendor admin’s, or the customer’s Beställare’s for its own people, not every plan writer’s',
  },
  'PUT /api/projects/:id/training-sessions/:sessionId/attendance': {
    may: either(writesPlan, holds('utbildningsledare')),
    why: 'the Utbildningsledare (and the session’s own trainer) marks who came',
  },
};

/**
 * What every vendor person sees of all customers, and why it is not the customer's to hide: the
 * vendor's own register of the municipalities it serves (name, organisation number, project count).
 */
const VENDOR_REGISTER: Record<string, string[]> = {};

const template = readDefaultTemplateFile().content;
const PROJECT = /^\/api\/projects\/:id(\/|$)/;
const CUSTOMER = /^\/api\/(customers\/:customerId|people\/:personId)(\/|$)/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Actor {
  label: string;
  agent: Agent | null;
  /** What the permission rule gives in the first customer's project. */
  permissions: ProjectPermissions;
  heldRoleKeys: string[];
  vendorAdmin: boolean;
  /** Holds a role in the first customer's project (or is the vendor admin). */
  partOfA: boolean;
}

let testApp: TestApp;
let admin: Agent & { userId: string };
let schemas: Map<string, RouteSchemas>;
const actors: Actor[] = [];
/** Ids of the first customer's things, by path parameter and body field. */
let ids: Record<string, string>;
/** Strings only the first customer's data holds: none may reach anyone outside it. */
let secretsOfA: string[];

const now = new Date('2027-03-01T09:00:00Z');

async function created(response: LightMyRequestResponse): Promise<{ id: string }> {
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.body ? response.json() : { id: '' };
}

function multipart(parts: ({ name: string; value: string } | { name: string; fileName: string; content: string })[]) {
  const boundary = '----stegvis-matris';
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

const computationUpload = () =>
  multipart([
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
  ]);

/** Uploads, which the OpenAPI document describes in words only. */
const UPLOADS: Record<string, () => { payload: Buffer; headers: Record<string, string> }> = {
  'POST /api/customers/:customerId/imports/preview': () =>
    multipart([{ name: 'file', fileName: 'personal.csv', content: 'Namn;E-post\r\nÅsa Öberg;asa@akerby.se\r\n' }]),
  'POST /api/projects/:id/activities/:activityId/attachments': () =>
    multipart([{ name: 'file', fileName: 'elever.csv', content: 'Förnamn;Efternamn\r\nÅsa;Öberg\r\n' }]),
  'POST /api/projects/:id/goals/:goalId/measurement-files/inspect': () =>
    multipart([{ name: 'file', fileName: 'registreringar.csv', content: 'Elev,Registrerad\nÅsa Öberg,2027-02-01\n' }]),
  'POST /api/projects/:id/goals/:goalId/computations': computationUpload,
};

/**
 * Bodies the schema alone cannot make valid: rules across fields (an end after its start, three
 * different dates) and a change that is more than a tick.
 */
const BODIES: Record<string, () => object> = {
  'POST /api/customers': () => ({ name: 'Ny kommun', organisationNumber: organisationNumber() }),
  'PATCH /api/projects/:id/activities/:activityId': () => ({ version: 1, title: 'Ny rubrik från testet' }),
  'POST /api/projects/:id/trainings/:trainingKey/proposals': () => ({
    dates: ['2027-04-12', '2027-04-13', '2027-04-14'].map((date) => ({ date, partOfDay: 'formiddag' })),
  }),
  'POST /api/projects/:id/trainings/:trainingKey/sessions': () => session(),
  'PATCH /api/projects/:id/training-sessions/:sessionId': () => {
    const { proposalId: _, ...rest } = session();
    return { ...rest, version: 1 };
  },
  'POST /api/projects/:id/delivery/steps': () => ({ schoolId: ids.schoolId, stepKey: 'anvandarkonton' }),
  'POST /api/projects/:id/closure': () => ({ openItemsSeen: 1000 }),
  'POST /api/projects/:id/acknowledgements': () => ({ roleKey: 'bestallare', responsibility: 'Text' }),
};
const session = () => ({
  date: '2027-04-12',
  startTime: '09:00',
  endTime: '12:00',
  mode: 'web',
  place: '',
  link: 'https://exempel.se/mote',
  trainerPersonId: null,
  proposalId: null,
});

/** Queries a read needs to answer. */
const QUERIES: Record<string, string> = {
  'GET /api/projects/:id/revisions/compare': 'from=1&to=draft',
  'GET /api/projects/:id/steering-meetings/:meetingId/agenda': 'format=docx',
};

beforeAll(async () => {
  testApp = await createTestApp({ clock: { now: () => now } });
  const { app } = testApp;
  admin = await loginAs(app);
  schemas = await routeSchemas(app);
  const customerA = await createCustomer(admin, { name: 'Åkerby kommun' });
  const project = await created(
    await admin.post('/api/projects', { customerId: customerA.id, startDate: '2027-01-11' }),
  );
  const school = await createSchool(admin, customerA.id, { name: 'Ekskolan', staffCount: 30 });
  const person = await created(
    await admin.post(`/api/customers/${customerA.id}/people`, { name: 'Anna Åkerby', email: 'anna@akerby.se' }),
  );
  const assignment = (
    await admin.post(`/api/projects/${project.id}/roles`, { roleKey: 'it', personId: person.id })
  ).json();
  const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
  const activityId = checklist.groups[0].activities[0].id;
  const plan = (await admin.get(`/api/projects/${project.id}/plan`)).json();
  const goal = await createEffectGoal(admin, project.id);
  const base = `/api/projects/${project.id}`;
  ids = {
    id: project.id,
    customerId: customerA.id,
    schoolId: school.id,
    personId: person.id,
    activityId,
    assignmentId: assignment.assignmentId,
    goalId: goal.id,
    sectionKey: plan.sections[0].key,
    factorId: plan.successFactors[0].id,
    keyActivityId: plan.keyActivities[0].id,
    trainingKey: template.trainingTypes[0].key,
    roleKey: template.customerRoles[0].key,
    number: '1',
  };

  actors.push({
    label: 'the vendor admin',
    agent: admin,
    permissions: permissionsOf('vendor_admin', null, []),
    heldRoleKeys: [],
    vendorAdmin: true,
    partOfA: true,
  });
  for (const role of template.customerRoles) {
    const holder = await loginAsMember(app, {
      customerId: customerA.id,
      projectId: project.id,
      roleKeys: [role.key],
      schoolId: role.level === 'school' ? school.id : null,
    });
    actors.push({
      label: `${role.title} (${role.key})`,
      agent: holder,
      permissions: permissionsOf('customer', customerA.id, [role.key]),
      heldRoleKeys: [role.key],
      vendorAdmin: false,
      partOfA: true,
    });
  }
  let trainerPersonId = '';
  for (const role of template.vendorRoles) {
    const holder = await loginAsMember(app, { customerId: null, projectId: project.id, roleKeys: [role.key] });
    if (role.key === 'utbildningsledare') trainerPersonId = holder.personId;
    actors.push({
      label: `${role.title} (${role.key})`,
      agent: holder,
      permissions: permissionsOf('vendor_staff', null, [role.key]),
      heldRoleKeys: [role.key],
      vendorAdmin: false,
      partOfA: true,
    });
  }
  const customerB = await createCustomer(admin, { name: 'Björkby kommun' });
  const projectB = await created(await admin.post('/api/projects', { customerId: customerB.id }));
  const outsiderRoles = ['bestallare', 'projektledare'];
  actors.push({
    label: 'the Beställare and Projektledare of another customer',
    agent: await loginAsMember(app, { customerId: customerB.id, projectId: projectB.id, roleKeys: outsiderRoles }),
    permissions: permissionsOf('customer', customerB.id, outsiderRoles),
    heldRoleKeys: [],
    vendorAdmin: false,
    partOfA: false,
  });
  actors.push({
    label: 'vendor staff working only in another customer’s project',
    agent: await loginAsMember(app, { customerId: null, projectId: projectB.id, roleKeys: ['projektstodjare'] }),
    permissions: permissionsOf('vendor_staff', null, []),
    heldRoleKeys: [],
    vendorAdmin: false,
    partOfA: false,
  });

  // Something of every kind in the project, so that each route finds what it names.
  ids.commItemId = (
    await created(
      await admin.post(`${base}/communication-items`, {
        title: 'Information till rektorerna',
        audienceKeys: [template.communicationAudiences[0].key],
      }),
    )
  ).id;
  ids.evaluationItemId = (
    await created(
      await admin.post(`${base}/evaluation-items`, {
        why: 'Se effekten',
        what: 'Andel bedömda',
        how: 'Export',
        collectionDates: ['2027-06-01'],
        goalIds: [goal.id],
      }),
    )
  ).id;
  ids.riskId = (await created(await admin.post(`${base}/risks`, { title: 'Sen leverans' }))).id;
  ids.proposalId = (
    await created(
      await admin.post(
        `${base}/trainings/${ids.trainingKey}/proposals`,
        BODIES['POST /api/projects/:id/trainings/:trainingKey/proposals'](),
      ),
    )
  ).id;
  ids.sessionId = (
    await created(await admin.post(`${base}/trainings/${ids.trainingKey}/sessions`, { ...session(), trainerPersonId }))
  ).id;
  ids.workshopId = (
    await created(
      await admin.post(`${base}/staff-workshops`, { schoolId: school.id, heldOn: '2027-02-01', staffCount: 5 }),
    )
  ).id;
  const delivery = await admin.post(`${base}/delivery/steps`, { schoolId: null, stepKey: 'huvudkonto' });
  ids.stepId = delivery.json().mainAccount.done.id;
  // Anna is booked on the session, so that marking her attendance is a valid request.
  await created(await admin.post(`${base}/training-sessions/${ids.sessionId}/participants`, { personId: person.id }));
  ids.attachmentId = (
    await created(
      await admin.request({
        method: 'POST',
        url: `${base}/activities/${activityId}/attachments`,
        ...UPLOADS['POST /api/projects/:id/activities/:activityId/attachments'](),
      }),
    )
  ).id;
  ids.measurementId = (
    await created(await admin.post(`${base}/goals/${goal.id}/measurements`, { measuredOn: '2027-02-01', value: 50 }))
  ).id;
  ids.computationId = (
    await created(
      await admin.request({ method: 'POST', url: `${base}/goals/${goal.id}/computations`, ...computationUpload() }),
    )
  ).id;
  ids.meetingId = (await created(await admin.post(`${base}/steering-meetings`, { date: '2027-03-15' }))).id;
  ids.decisionId = (
    await created(
      await admin.post(`${base}/decisions`, {
        title: 'Rubriker till IUP',
        decision: 'Vi använder Skolverkets rubriker.',
        decidedBy: 'projektgrupp',
        decidedOn: '2027-02-08',
      }),
    )
  ).id;
  ids.requestId = (
    await created(
      await admin.post(`${base}/change-requests`, {
        title: 'Fler skolor i första etappen',
        areas: ['result'],
        change: 'Ekskolan kommer med i första etappen.',
        reason: 'Rektorn vill börja samtidigt som de andra.',
        proposal: 'Styrgruppen beslutar att Ekskolan kommer med.',
      }),
    )
  ).id;
  ids.lineId = (await created(await admin.post(`${base}/budget-lines`, { title: 'Licenser', plannedSek: 1000 }))).id;
  await created(await admin.post(`${base}/revisions`, { message: 'Första versionen.' }));
  ids.goalIds = goal.id;
  secretsOfA = [customerA.id, project.id, school.id, person.id, 'Åkerby', 'Ekskolan', 'anna@akerby.se'];
  VENDOR_REGISTER['GET /api/customers'] = [customerA.id, 'Åkerby', customerA.organisationNumber];
});
afterAll(() => testApp?.close());

function permissionsOf(role: 'vendor_admin' | 'vendor_staff' | 'customer', customerId: string | null, held: string[]) {
  return projectPermissions({ role, customerId }, { customerId: ids.customerId }, held, template);
}

const routes = () => testApp.app.routeTable.filter((route) => route.method !== 'HEAD');
const key = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
const isPublic = (route: { method: string; url: string }) =>
  key(route) in PUBLIC || PUBLIC_PATTERNS.some(([pattern]) => pattern.test(route.url));
const isOwnAccount = (route: { method: string; url: string }) =>
  OWN_ACCOUNT.some(([pattern]) => pattern.test(route.url));

function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'itemId') return url.includes('evaluation-items') ? ids.evaluationItemId : ids.commItemId;
    return ids[name] ?? '00000000-0000-4000-8000-000000000000';
  });
}

/** The request a route is called with: its path filled with the first customer's ids, a valid body and query. */
function requestFor(route: { method: string; url: string }) {
  const schema = schemas.get(key(route));
  const query =
    QUERIES[key(route)] ??
    (schema?.query ?? [])
      .filter((parameter) => parameter.required)
      .map(
        (parameter) =>
          `${parameter.name}=${encodeURIComponent(String(exampleOf(parameter.schema, ids, parameter.name)))}`,
      )
      .join('&');
  const url = fill(route.url) + (query ? `?${query}` : '');
  const upload = UPLOADS[key(route)]?.();
  if (upload) return { method: route.method as 'POST', url, ...upload };
  const body =
    BODIES[key(route)]?.() ??
    (schema?.body ? exampleOf(schema.body, { ...ids, goalIds: [ids.goalId], code: '123456' }) : undefined);
  return { method: route.method as 'POST', url, payload: body as object | undefined };
}

function send(actor: Actor, route: { method: string; url: string }) {
  const options = requestFor(route);
  return actor.agent ? actor.agent.request(options) : testApp.app.inject(options);
}

/** Tables a refused request may touch: sign-in bookkeeping, not the customer's data. */
const BOOKKEEPING = /session|login|throttle|lease|kysely|sso_sign_in|two_factor|webauthn|challenge/;

/** Every row of every table of data, hashed: a refused write must leave it exactly as it was. */
async function databaseFingerprint(): Promise<string> {
  const { db } = testApp.app.stegvis;
  const hash = createHash('sha256');
  const tables = (await db.introspection.getTables()).map((table) => table.name).sort();
  for (const table of tables.filter((name) => !BOOKKEEPING.test(name))) {
    const rows = await db
      .selectFrom(table as 'projects')
      .selectAll()
      .execute();
    hash.update(table);
    for (const row of rows.map((row) => JSON.stringify(row)).sort()) hash.update(row);
  }
  return hash.digest('hex');
}

/** What any write to the first customer's project moves: its change count and the audit trail. */
async function quickFingerprint(): Promise<string> {
  const { db } = testApp.app.stegvis;
  const project = await db.selectFrom('projects').select('change_count').where('id', '=', ids.id).executeTakeFirst();
  const audit = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirst();
  return `${project?.change_count}/${audit?.count}`;
}

const isScoped = (url: string) => PROJECT.test(url) || CUSTOMER.test(url);

/** Whether the rule lets the actor make this write; undefined when it is not the actor's to try. */
function mayWrite(actor: Actor, route: { method: string; url: string }): boolean {
  if (isOwnAccount(route)) return true;
  if (!isScoped(route.url)) return actor.vendorAdmin;
  if (!actor.partOfA) return false;
  const rule = RULES[key(route)];
  return rule ? rule.may(actor) : actor.vendorAdmin || actor.permissions.edit;
}

describe('the route × role matrix', () => {
  it('names only routes that exist, and every route is public or needs a session', async () => {
    const known = new Set(routes().map(key));
    const stale = [
      ...Object.keys(PUBLIC),
      ...Object.keys(RULES),
      ...Object.keys(BODIES),
      ...Object.keys(UPLOADS),
      ...Object.keys(QUERIES),
    ].filter((name) => !known.has(name));
    expect(stale).toEqual([]);

    const answers: string[] = [];
    for (const route of routes().filter((candidate) => !isPublic(candidate))) {
      const response = await testApp.app.inject(requestFor(route));
      if (response.statusCode !== 401) answers.push(`${key(route)} → ${response.statusCode}`);
    }
    expect(answers, 'routes that answer without a session but are not named public').toEqual([]);
  });

  it('is filled with real ids: the vendor admin reads every route of the first customer', async () => {
    const failed: string[] = [];
    // The plan's Word and PDF renders take only the project's id, which every other read proves.
    const renders = /\/plan\/export\.(pdf|docx)$/;
    for (const route of routes().filter(
      (candidate) => candidate.method === 'GET' && isScoped(candidate.url) && !renders.test(candidate.url),
    )) {
      const response = await admin.request(requestFor(route));
      if (response.statusCode !== 200)
        failed.push(`${key(route)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    expect(failed).toEqual([]);
  });

  it.each([
    'the Beställare and Projektledare of another customer',
    'vendor staff working only in another customer’s project',
  ])('shows %s nothing of the first customer, and lets them change nothing of it', async (label) => {
    const actor = actors.find((candidate) => candidate.label === label) as Actor;
    const before = await databaseFingerprint();
    const wrong: string[] = [];
    for (const route of routes().filter(
      (candidate) => !isPublic(candidate) && !(WRITES.has(candidate.method) && isOwnAccount(candidate)),
    )) {
      const response = await send(actor, route);
      if (isScoped(route.url)) {
        if (response.statusCode !== 404) wrong.push(`${key(route)} → ${response.statusCode}`);
      } else if (
        response.statusCode >= 500 ||
        secretsOfA.some((secret) => response.body.includes(secret) && !VENDOR_REGISTER[key(route)]?.includes(secret))
      ) {
        wrong.push(
          `${key(route)} → ${response.statusCode} tells of the first customer: ${response.body.slice(0, 200)}`,
        );
      }
    }
    expect(wrong).toEqual([]);
    expect(await databaseFingerprint()).toBe(before);
  });

  it.each([
    'the vendor admin',
    ...template.customerRoles.map((role) => `${role.title} (${role.key})`),
    ...template.vendorRoles.map((role) => `${role.title} (${role.key})`),
  ])('refuses %s every write beyond its rights with 403, and changes nothing', async (label) => {
    const actor = actors.find((candidate) => candidate.label === label) as Actor;
    const before = await databaseFingerprint();
    const wrong: string[] = [];
    let tried = 0;
    for (const route of routes().filter((candidate) => WRITES.has(candidate.method) && !isPublic(candidate))) {
      if (mayWrite(actor, route)) continue;
      tried += 1;
      const quick = await quickFingerprint();
      const response = await send(actor, route);
      if (response.statusCode !== 403)
        wrong.push(`${key(route)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      else if ((await quickFingerprint()) !== quick) wrong.push(`${key(route)} → 403 but the project changed`);
    }
    expect(wrong).toEqual([]);
    expect(await databaseFingerprint()).toBe(before);
    // Everyone but the vendor admin is refused something; the vendor admin only what is another's to decide.
    expect(tried).toBeGreaterThan(0);
  });

  it.each(
    [...template.customerRoles.filter((role) => !role.editsPlan), ...template.vendorRoles].map(
      (role) => `${role.title} (${role.key})`,
    ),
  )('lets %s tick only the activities of its roles, as the rule says', async (label) => {
    const actor = actors.find((candidate) => candidate.label === label) as Actor;
    const rolesOf = (activity: Activity) => ({
      customerRoleKeys: activity.customerResponsible.map((role) => role.key),
      vendorRoleKeys: activity.vendorResponsible.map((role) => role.key),
    });
    const own: Checklist = (await (actor.agent as Agent).get(`/api/projects/${ids.id}/activities`)).json();
    const activities = own.groups.flatMap((group) => group.activities);
    // What the checklist offers is what the rule gives.
    const offered = activities.filter((activity) => activity.canTick).map((activity) => activity.id);
    const allowed = activities
      .filter((activity) => mayTick(actor.permissions, rolesOf(activity)))
      .map((activity) => activity.id);
    expect(offered).toEqual(allowed);

    const others = activities.filter((activity) => !activity.done && !mayTick(actor.permissions, rolesOf(activity)));
    expect(others.length).toBeGreaterThan(0);
    const before = await databaseFingerprint();
    const answers = [];
    for (const activity of others.slice(0, 5)) {
      const response = await (actor.agent as Agent).patch(`/api/projects/${ids.id}/activities/${activity.id}`, {
        version: activity.version,
        done: true,
      });
      answers.push(`${activity.title} → ${response.statusCode}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('→ 403'))).toEqual([]);
    expect(await databaseFingerprint()).toBe(before);
  });
});
