/**
 * A vendor with every municipality of Sweden as a customer (issue 15): the data set the national-
 * scale benchmarks and `npm run seed:scale` run on. From one seed, on SQLite and on PostgreSQL alike:
 *
 * - 290 customers (municipality names put together from Swedish place-name parts), each with one
 *   project made from the default template, spread over the ten implementation steps: a few just
 *   signed, most somewhere in the middle, the oldest at the follow-up and some of those closed by
 *   their Beställare (phase operations).
 * - About 5,000 schools (2 to ~150 per municipality, skewed as Swedish municipalities are) with
 *   Rektor, Kontaktperson, administrators (mostly two, some short of two) and user supporters; the
 *   customer's project roles (Beställare, Styrgrupp, Projektledare, Projektgrupp, IT, Upphandling,
 *   Information): about 40,000 people, each holding a role.
 * - The vendor's staff of 20: ONE Projektstödjare who holds that role on every project (the one the
 *   benchmarks sign in as), three more Projektstödjare sharing some projects with them, and the
 *   integration, delivery and training people spread over the projects. The supporter is also named
 *   on the vendor side of every project's last activity (the follow-up, open until closure), so their
 *   Mina uppgifter holds every open project.
 * - Checklists worked as far as each project has come: deadlines from the template's weeks, ticked
 *   a few days before them, some left overdue; comments on activities; 2–6 plan revisions per
 *   project (each a real plan snapshot, earlier ones with less of the plan written), the older ones
 *   read by the supporter and the newest often not; trainings with proposed dates, sessions sized
 *   to the number of participants and attendance marked for those already held; effect goals with
 *   monthly measurements; steering-group decisions; a few step decisions; and the audit history of
 *   all of it over the last year.
 *
 * Customers and projects are made through the services (the project gets its checklist, plan and
 * timeline from the template exactly as in use); the bulk is inserted directly in chunked batches,
 * since going through the services for 40,000 people would take far longer than the two minutes
 * this may take. Ids of what this module inserts come from the seed; the customers' and projects'
 * own ids come from the services and differ from run to run, everything else is the same.
 *
 * Users: the vendor admin from STEGVIS_ADMIN_EMAIL / STEGVIS_ADMIN_PASSWORD (made by `buildApp`),
 * the supporter and one customer Projektledare with `SCALE_PASSWORD`; the other Projektledare and
 * the vendor's staff have accounts without a password chosen (invited), and nobody else has one,
 * so no time goes to hashing passwords nobody types.
 */
import { hash } from '@node-rs/argon2';
import type { Insertable, Kysely } from 'kysely';
import type { CurrentUser } from '../../../shared/auth.js';
import { hasValidLuhnChecksum } from '../../../shared/common.js';
import type { PlanSnapshot } from '../../../shared/revisions.js';
import { emptyRichText, isRichTextEmpty, richTextFromPlainText } from '../../../shared/rich-text.js';
import type { TemplateContent } from '../../../shared/templates.js';
import { loadProjectAccess } from '../../access/service.js';
import { UNUSABLE_PASSWORD_HASH } from '../../auth/service.js';
import type { AppContext } from '../../core/context.js';
import { addDays, daysBetween, stockholmDay } from '../../core/days.js';
import { seededRandom } from '../../core/seeded-random.js';
import { createCustomer } from '../../customers/service.js';
import type { Database } from '../../db/schema.js';
import { PROJECT_SUPPORTER_ROLE } from '../../organisation/service.js';
import { isStructuredField } from '../../plan/sections.js';
import { createProject } from '../../projects/service.js';
import { planSnapshotFor } from '../../revisions/snapshot.js';
import { loadTemplateContent } from '../../templates/service.js';
import { mailboxOf, municipalityNames, personName, pick, schoolNames } from './names.js';

/** The password of the data set's logins besides the vendor admin's (printed by `npm run seed:scale`). */
export const SCALE_PASSWORD = 'stegvis-skala-2026';

export interface ScaleLogin {
  email: string;
  password: string;
}

export interface ScaleSeedOptions {
  seed: number;
  customers: number;
  onProgress?: (message: string) => void;
}

export interface ScaleSeedCounts {
  customers: number;
  projects: number;
  closedProjects: number;
  schools: number;
  people: number;
  users: number;
  roleAssignments: number;
  activities: number;
  doneActivities: number;
  overdueActivities: number;
  comments: number;
  revisions: number;
  revisionReads: number;
  trainingProposals: number;
  trainingSessions: number;
  trainingParticipants: number;
  goals: number;
  measurements: number;
  decisions: number;
  stepDecisions: number;
  auditEvents: number;
}

export interface ScaleSeedSummary {
  seed: number;
  counts: ScaleSeedCounts;
  /** Every project, in the order the customers were made. */
  projectIds: string[];
  /** A project midway (step 6 or 7 aimed at), its checklist partly ticked: the customer leader's. */
  sampleProjectId: string;
  /** Revisions of the sample project (at least two): for a revision comparison. */
  sampleRevisionNumbers: number[];
  logins: {
    admin: ScaleLogin | null;
    supporter: ScaleLogin & { personId: string; name: string };
    customerLeader: ScaleLogin & { projectId: string; personId: string; name: string };
  };
}

/** When a step's activities are due, in weeks after the start: the weeks of the template's key activities. */
const DUE_WEEK_OF_STEP: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 6, 5: 7, 6: 8, 7: 8, 8: 12, 9: 12, 10: 26 };
/**
 * How many weeks ago a project aimed at each step started, from–to: late enough that the key
 * activities of the steps before it have been held (the step follows from them, see deriveSteps).
 */
const START_WEEKS_AGO_OF_STEP: Record<number, [number, number]> = {
  1: [0, 1],
  2: [1, 2],
  3: [2, 4],
  4: [3, 6],
  5: [6, 8],
  6: [7, 9],
  7: [8, 13],
  8: [13, 15],
  9: [14, 16],
  10: [15, 51],
};
const PROJECT_ROLES: [roleKey: string, title: string, min: number, max: number][] = [
  ['bestallare', 'Förvaltningschef', 1, 1],
  ['styrgrupp', 'Verksamhetschef', 3, 5],
  ['projektledare', 'Projektledare', 1, 1],
  ['projektgrupp', 'Skoladministratör', 3, 6],
  ['it', 'IT-samordnare', 1, 2],
  ['upphandling', 'Upphandlare', 1, 1],
  ['information', 'Kommunikatör', 1, 1],
];
const VENDOR_STAFF: [title: string, roleKey: string, count: number][] = [
  ['Projektstödjare', 'projektstodjare', 4],
  ['Integrationsansvarig', 'integrationsansvarig', 5],
  ['Leveransansvarig', 'leveransansvarig', 5],
  ['Utbildningsledare', 'utbildningsledare', 6],
];
const TRAININGS: { key: string; roleKey: string; week: number; perSession: number }[] = [
  { key: 'rektorsutbildning', roleKey: 'rektor', week: 9, perSession: 25 },
  { key: 'administratorer', roleKey: 'administrator', week: 9, perSession: 20 },
  { key: 'anvandarstodjare', roleKey: 'anvandarstodjare', week: 10, perSession: 25 },
];
const COMMENTS = [
  'Vi väntar på besked från förvaltningen, återkommer nästa vecka.',
  'Klart från vår sida. Dokumentet ligger i projektmappen.',
  'Behöver stämmas av med IT innan vi kan bocka av.',
  'Kan vi flytta deadline en vecka? Rektorerna har studiedag.',
  'Leverantören har fått underlaget.',
  'Påminde skolorna på rektorsmötet i dag.',
  'Importen gick igenom i testmiljön, två elever saknade personnummer.',
  'Styrgruppen tog upp detta på senaste mötet.',
];
/** The plan's free-text sections in the order a project writes them; structured fields are left out. */
const PLAN_TEXTS: Record<string, string[]> = {
  bakgrund: [
    'Vi vill samla skolans administration i en plattform och göra måluppfyllelsen synlig för huvudmannen.',
    'Tidigare har vi haft fyra olika system för närvaro, omdömen och kontakt med hemmen.',
    'Vi behöver en gemensam plattform som lärare, vårdnadshavare och elever förstår.',
  ],
  'omfattningar-och-avgransningar': [
    'Grundskola, förskoleklass och fritidshem ingår.',
    'Gymnasieskolan och vuxenutbildningen ingår inte i detta projekt.',
  ],
  'kopplingar-till-andra-projekt': ['Införandet av Google Workspace och bytet av schemaprogram pågår samtidigt.'],
  'andra-leverantorers-ansvar': ['Leverantören av elevregistret ansvarar för exporten till plattformen.'],
  projektmote: [
    'Projektmötet hålls på plats i kommunhuset.',
    'Genomgång av projektplanen, rollerna och tidplanen fram till skarp start.',
  ],
  'risk-och-framgangsfaktorer': [
    'Skolledarna hinner inte förankra införandet hos personalen.',
    'Tydliga roller och tidiga utbildningar.',
  ],
};
const DECISIONS = [
  ['Skolplattformen införs på alla grundskolor', 'Styrgruppen beslutar att alla grundskolor ingår från start.'],
  ['Utbildningarna hålls på distans', 'Administratörernas utbildning hålls som webbutbildning.'],
  ['Skarp start flyttas två veckor', 'Skarp start flyttas för att importen ska hinna testas.'],
  ['Budget för extra utbildningstillfälle', 'Ett extra uppsamlingsheat finansieras inom projektets budget.'],
  ['Kommunikationsplanen fastställs', 'Kommunikationsplanen fastställs i den version projektgruppen tagit fram.'],
] as const;
const DECIDERS = ['styrgrupp', 'projektgrupp', 'bestallare'] as const;

type Table = keyof Database;
type Rows = { [T in Table]?: Insertable<Database[T]>[] };

/** What is referred to before what refers to it; the revisions and the history follow later. */
const INSERT_ORDER: Table[] = [
  'users',
  'schools',
  'people',
  'role_assignments',
  'activity_people',
  'activity_comments',
  'training_proposals',
  'training_sessions',
  'training_participants',
  'goals',
  'goal_measurements',
  'decisions',
  'project_step_decisions',
  'project_closures',
];

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS_PER_STATEMENT = 30_000;

async function insertChunked<T extends Table>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]) {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / perRow));
  for (let start = 0; start < rows.length; start += size) {
    // Kysely cannot type an insert into a table chosen at run time; the rows are typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + size) as never)
      .execute();
  }
}

/** A UUID (version 4 layout) drawn from the seed, so a rerun makes the same ids. */
function seededIds(seed: number): () => string {
  const random = seededRandom(seed ^ 0x1d5eed);
  const word = () => Math.floor(random() * 4_294_967_296);
  const hex = (value: number, length: number) => value.toString(16).padStart(length, '0').slice(-length);
  return () => {
    const [a, b, c, d] = [word(), word(), word(), word()];
    return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-${hex(0x8000 | ((c >>> 16) & 0x3fff), 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
  };
}

/** A unique municipal organisation number (212000-…) per index, with a valid Luhn check digit. */
function organisationNumberFor(index: number): string {
  const body = `212000${String(index + 1).padStart(3, '0')}`;
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(body + digit));
  if (check === undefined) throw new Error(`no check digit for ${body}`);
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

/** The same context on an earlier day: what the services record carries that day's time. */
const onDay = (context: AppContext, day: string): AppContext => ({
  ...context,
  clock: { now: () => new Date(`${day}T08:00:00.000Z`) },
});

const at = (day: string, hour = 10, minute = 0) =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

interface Person {
  id: string;
  name: string;
  userId: string | null;
}

interface Holding {
  roleKey: string;
  person: Person;
  schoolId: string | null;
}

interface PlannedProject {
  index: number;
  municipality: string;
  domain: string;
  customerId: string;
  projectId: string;
  startDay: string;
  aimedStep: number;
  closed: boolean;
  leader: Person;
  holdings: Holding[];
  vendor: { supporters: Person[]; trainer: Person; integration: Person; delivery: Person };
}

/**
 * Fills an empty database (no customers) with the national data set; see the module comment.
 * The same seed and customer count give the same data on either database.
 */
export async function seedScale(context: AppContext, options: ScaleSeedOptions): Promise<ScaleSeedSummary> {
  const progress = options.onProgress ?? (() => {});
  const existing = await context.db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  if (Number(existing.count) > 0) {
    throw new Error(`the database already has ${existing.count} customers; the scale data set needs an empty one`);
  }

  const random = seededRandom(options.seed);
  const newId = seededIds(options.seed);
  const today = stockholmDay(context.clock.now());
  const counts: ScaleSeedCounts = {
    customers: 0,
    projects: 0,
    closedProjects: 0,
    schools: 0,
    people: 0,
    users: 0,
    roleAssignments: 0,
    activities: 0,
    doneActivities: 0,
    overdueActivities: 0,
    comments: 0,
    revisions: 0,
    revisionReads: 0,
    trainingProposals: 0,
    trainingSessions: 0,
    trainingParticipants: 0,
    goals: 0,
    measurements: 0,
    decisions: 0,
    stepDecisions: 0,
    auditEvents: 0,
  };
  const rows: Rows = {};
  const add = <T extends Table>(table: T, row: Insertable<Database[T]>) => {
    const list = (rows[table] ?? []) as Insertable<Database[T]>[];
    list.push(row);
    rows[table] = list as Rows[T];
  };
  const audit = (event: {
    customerId: string | null;
    projectId: string | null;
    actor: Person;
    action: string;
    entityType: string;
    entityId: string;
    summary: string;
    createdAt: string;
  }) =>
    add('audit_events', {
      id: newId(),
      customer_id: event.customerId,
      project_id: event.projectId,
      actor_user_id: event.actor.userId,
      actor_name: event.actor.name,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      summary: event.summary,
      before: null,
      after: null,
      created_at: event.createdAt,
    });

  // ---- The logins and the vendor's staff ----
  const loginHash = await hash(SCALE_PASSWORD);
  const adminConfig = context.config.initialAdmin;
  const adminRow = adminConfig
    ? await context.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('email', '=', adminConfig.email.trim().toLowerCase())
        .executeTakeFirst()
    : undefined;
  const user = (email: string, name: string, role: 'vendor_staff' | 'customer', passwordHash: string) => {
    const id = newId();
    add('users', { id, email, name, password_hash: passwordHash, role, created_at: at(addDays(today, -400)) });
    counts.users += 1;
    return id;
  };
  const person = (input: {
    customerId: string | null;
    name: string;
    email: string | null;
    title: string;
    schoolId?: string;
    userId?: string;
    createdOn: string;
  }): Person => {
    const id = newId();
    add('people', {
      id,
      customer_id: input.customerId,
      name: input.name,
      email: input.email,
      phone: null,
      title: input.title,
      school_id: input.schoolId ?? null,
      user_id: input.userId ?? null,
      created_at: at(input.createdOn, 9),
      updated_at: at(input.createdOn, 9),
    });
    counts.people += 1;
    return { id, name: input.name, userId: input.userId ?? null };
  };

  const vendorDomain = 'leverantor.stegvis.se';
  const usedVendorMailboxes = new Set<string>();
  const staff = new Map<string, Person[]>();
  for (const [title, roleKey, count] of VENDOR_STAFF) {
    for (let index = 0; index < count; index++) {
      let name = personName(random);
      while (usedVendorMailboxes.has(mailboxOf(name))) name = personName(random);
      usedVendorMailboxes.add(mailboxOf(name));
      const email = `${mailboxOf(name)}@${vendorDomain}`;
      const isTheSupporter = roleKey === PROJECT_SUPPORTER_ROLE && index === 0;
      const userId = user(email, name, 'vendor_staff', isTheSupporter ? loginHash : UNUSABLE_PASSWORD_HASH);
      const created = person({ customerId: null, name, email, title, userId, createdOn: addDays(today, -400) });
      staff.set(roleKey, [...(staff.get(roleKey) ?? []), created]);
    }
  }
  const supporters = staff.get(PROJECT_SUPPORTER_ROLE) ?? [];
  const theSupporter = supporters[0];
  const supporterEmail = `${mailboxOf(theSupporter.name)}@${vendorDomain}`;

  // ---- Customers and projects, through the services ----
  const names = municipalityNames(random, options.customers);
  const schoolCounts = schoolCountsOf(random, options.customers);
  const template = await context.db
    .selectFrom('templates')
    .select('id')
    .where('is_default', '=', 1)
    .executeTakeFirstOrThrow();
  const content: TemplateContent = await loadTemplateContent(context, template.id);
  const stepOfActivity = new Map(
    content.implementationSteps.flatMap((step) => step.checklistActivityKeys.map((key) => [key, step.number] as const)),
  );

  const planned: PlannedProject[] = [];
  const started = Date.now();
  for (const [index, municipality] of names.entries()) {
    const aimedStep = random() < 0.3 ? 10 : 1 + Math.floor(random() * 9);
    const [fromWeeks, toWeeks] = START_WEEKS_AGO_OF_STEP[aimedStep];
    const daysAgo = Math.min(360, Math.round((fromWeeks + random() * (toWeeks - fromWeeks)) * 7) + 1);
    const startDay = addDays(today, -daysAgo);
    const closed = aimedStep === 10 && daysAgo > 200 && random() < 0.6;
    const signedOn = addDays(startDay, -7);
    const customer = await createCustomer(onDay(context, signedOn), {
      name: `${municipality} kommun`,
      organisationNumber: organisationNumberFor(index),
    });
    const project = await createProject(onDay(context, signedOn), {
      customerId: customer.id,
      name: `Skolplattformen i ${municipality}`,
      startDate: startDay,
    });
    counts.customers += 1;
    counts.projects += 1;
    const pickStaff = (roleKey: string) => pick(random, staff.get(roleKey) ?? []);
    const coSupporter = random() < 0.3 ? [pick(random, supporters.slice(1))] : [];
    planned.push({
      index,
      municipality,
      domain: `${mailboxOf(municipality)}.se`,
      customerId: customer.id,
      projectId: project.id,
      startDay,
      aimedStep,
      closed,
      leader: { id: '', name: '', userId: null },
      holdings: [],
      vendor: {
        supporters: [theSupporter, ...coSupporter],
        trainer: pickStaff('utbildningsledare'),
        integration: pickStaff('integrationsansvarig'),
        delivery: pickStaff('leveransansvarig'),
      },
    });
    if ((index + 1) % 50 === 0) progress(`${index + 1} kunder och projekt skapade (${elapsed(started)})`);
  }
  const sample =
    planned.find((project) => project.aimedStep === 7 && !project.closed) ??
    planned.find((project) => project.aimedStep >= 5 && !project.closed) ??
    planned[0];
  progress(`${planned.length} kunder och projekt skapade (${elapsed(started)})`);

  // ---- The organisation: schools, people, roles ----
  let leaderLogin: (ScaleLogin & { projectId: string; personId: string; name: string }) | null = null;
  for (const project of planned) {
    const signedOn = addDays(project.startDay, -7);
    const usedMailboxes = new Set<string>();
    const emailOf = (name: string) => {
      let mailbox = mailboxOf(name);
      for (let extra = 2; usedMailboxes.has(mailbox); extra++) mailbox = `${mailboxOf(name)}${extra}`;
      usedMailboxes.add(mailbox);
      return `${mailbox}@${project.domain}`;
    };
    const customerPerson = (title: string, extra: { schoolId?: string; userId?: string } = {}) => {
      const name = personName(random);
      return person({
        customerId: project.customerId,
        name,
        email: emailOf(name),
        title,
        createdOn: signedOn,
        ...extra,
      });
    };
    for (const [roleKey, title, min, max] of PROJECT_ROLES) {
      const holders = min + Math.floor(random() * (max - min + 1));
      for (let holder = 0; holder < holders; holder++) {
        let held: Person;
        if (roleKey === 'projektledare') {
          const name = personName(random);
          const email = emailOf(name);
          const isLogin = project === sample;
          const userId = user(email, name, 'customer', isLogin ? loginHash : UNUSABLE_PASSWORD_HASH);
          held = person({ customerId: project.customerId, name, email, title, userId, createdOn: signedOn });
          project.leader = held;
          if (isLogin) {
            leaderLogin = { email, password: SCALE_PASSWORD, projectId: project.projectId, personId: held.id, name };
          }
        } else {
          held = customerPerson(title);
        }
        project.holdings.push({ roleKey, person: held, schoolId: null });
      }
    }

    for (const name of schoolNames(random, project.municipality, schoolCounts[project.index])) {
      const schoolId = newId();
      const staffCount = 15 + Math.floor(random() * 76);
      add('schools', {
        id: schoolId,
        customer_id: project.customerId,
        name,
        school_forms: JSON.stringify(
          random() < 0.8 ? ['forskoleklass', 'grundskola', 'fritidshem'] : ['grundskola', 'fritidshem'],
        ),
        school_unit_code: String(10_000_000 + Math.floor(random() * 89_999_999)),
        staff_count: staffCount,
        created_at: at(signedOn, 9),
        updated_at: at(signedOn, 9),
      });
      counts.schools += 1;
      audit({
        customerId: project.customerId,
        projectId: null,
        actor: project.leader,
        action: 'school.created',
        entityType: 'school',
        entityId: schoolId,
        summary: `Lade till skolan ${name}`,
        createdAt: at(signedOn, 9, 30),
      });
      const schoolRoles: [roleKey: string, title: string, holders: number][] = [
        ['rektor', 'Rektor', random() < 0.96 ? 1 : 0],
        ['kontaktperson', 'Biträdande rektor', random() < 0.9 ? 1 : 0],
        ['administrator', 'Skoladministratör', random() < 0.12 ? 1 : 2 + (random() < 0.2 ? 1 : 0)],
        ['anvandarstodjare', 'Lärare och användarstödjare', Math.ceil(staffCount / 18)],
      ];
      for (const [roleKey, title, holders] of schoolRoles) {
        for (let holder = 0; holder < holders; holder++) {
          project.holdings.push({ roleKey, person: customerPerson(title, { schoolId }), schoolId });
        }
      }
    }
    const vendorHoldings: Holding[] = [
      ...project.vendor.supporters.map((supporter) => ({
        roleKey: PROJECT_SUPPORTER_ROLE,
        person: supporter,
        schoolId: null,
      })),
      { roleKey: 'integrationsansvarig', person: project.vendor.integration, schoolId: null },
      { roleKey: 'leveransansvarig', person: project.vendor.delivery, schoolId: null },
      { roleKey: 'utbildningsledare', person: project.vendor.trainer, schoolId: null },
    ];
    for (const holding of [...project.holdings, ...vendorHoldings]) {
      const id = newId();
      add('role_assignments', {
        id,
        project_id: project.projectId,
        role_key: holding.roleKey,
        school_id: holding.schoolId,
        person_id: holding.person.id,
        created_at: at(signedOn, 11),
      });
      counts.roleAssignments += 1;
      if (holding.schoolId === null) {
        audit({
          customerId: project.customerId,
          projectId: project.projectId,
          actor: project.leader,
          action: 'role.assigned',
          entityType: 'role_assignment',
          entityId: id,
          summary: `Gav ${holding.person.name} rollen ${holding.roleKey}`,
          createdAt: at(signedOn, 11),
        });
      }
    }
  }
  if (!leaderLogin) throw new Error('the sample project has no Projektledare');

  // ---- The project work: checklist, comments, trainings, goals, decisions, closure ----
  const projectIds = planned.map((project) => project.projectId);
  const activityRows = [];
  for (let start = 0; start < projectIds.length; start += 500) {
    activityRows.push(
      ...(await context.db
        .selectFrom('activities')
        .select(['id', 'project_id', 'template_activity_key', 'title', 'vendor_role_keys', 'customer_role_keys'])
        .where('project_id', 'in', projectIds.slice(start, start + 500))
        .orderBy('project_id')
        .orderBy('position')
        .execute()),
    );
  }
  const activitiesOf = new Map<string, typeof activityRows>();
  for (const row of activityRows) activitiesOf.set(row.project_id, [...(activitiesOf.get(row.project_id) ?? []), row]);
  const activityUpdates: {
    id: string;
    deadline: string | null;
    doneAt: string | null;
    doneBy: string | null;
    version: number;
    updatedAt: string;
  }[] = [];
  const planTexts: { projectId: string; sectionKey: string; texts: string; updatedAt: string; by: string }[] = [];

  for (const project of planned) {
    const actorOf = (vendorOnly: boolean) => (vendorOnly ? project.vendor.supporters[0] : project.leader);
    for (const activity of activitiesOf.get(project.projectId) ?? []) {
      counts.activities += 1;
      const key = activity.template_activity_key ?? '';
      const step = stepOfActivity.get(key) ?? 10;
      const due = addDays(project.startDay, 7 * DUE_WEEK_OF_STEP[step] + Math.floor(random() * 7) - 3);
      const deadline = project.closed || random() < 0.92 ? due : null;
      // The follow-up stays open until the project closes: every open project has something left.
      const done =
        project.closed ||
        (key !== 'planera-hub' &&
          (step < project.aimedStep
            ? random() < 0.99
            : step === project.aimedStep
              ? random() < 0.35
              : random() < 0.04));
      let doneOn: string | null = null;
      if (done) {
        const wanted = addDays(deadline ?? due, -Math.floor(random() * 6));
        doneOn = wanted > today ? addDays(today, -Math.floor(random() * 3)) : wanted;
        if (doneOn < project.startDay) doneOn = project.startDay;
      }
      const vendorOnly = JSON.parse(activity.customer_role_keys).length === 0;
      const actor = actorOf(vendorOnly);
      if (doneOn) {
        counts.doneActivities += 1;
        audit({
          customerId: project.customerId,
          projectId: project.projectId,
          actor,
          action: 'activity.ticked',
          entityType: 'activity',
          entityId: activity.id,
          summary: `Bockade av ”${activity.title}”`,
          createdAt: at(doneOn, 13, Math.floor(random() * 60)),
        });
      } else if (deadline !== null && deadline < today) {
        counts.overdueActivities += 1;
      }
      if (deadline !== null || doneOn !== null) {
        activityUpdates.push({
          id: activity.id,
          deadline,
          doneAt: doneOn ? at(doneOn, 13) : null,
          doneBy: doneOn ? actor.userId : null,
          version: 1 + (deadline !== null ? 1 : 0) + (doneOn ? 1 : 0),
          updatedAt: at(doneOn ?? addDays(project.startDay, 3), 13),
        });
      }
      if (key === 'planera-hub') {
        add('activity_people', { activity_id: activity.id, side: 'vendor', person_id: theSupporter.id });
      }
      const commentable = doneOn !== null || (deadline !== null && deadline < today);
      if (commentable && random() < 0.4) {
        const commentCount = 1 + Math.floor(random() * 3);
        const latest = doneOn ?? today;
        for (let comment = 0; comment < commentCount; comment++) {
          const author = random() < 0.7 ? project.leader : project.vendor.supporters[0];
          const day = addDays(latest, -Math.floor(random() * Math.max(1, daysBetween(project.startDay, latest))));
          const id = newId();
          const createdAt = at(day, 8 + comment, Math.floor(random() * 60));
          add('activity_comments', {
            id,
            activity_id: activity.id,
            author_user_id: author.userId,
            author_name: author.name,
            body: pick(random, COMMENTS),
            created_at: createdAt,
          });
          counts.comments += 1;
          audit({
            customerId: project.customerId,
            projectId: project.projectId,
            actor: author,
            action: 'activity.commented',
            entityType: 'activity',
            entityId: activity.id,
            summary: `Kommenterade ”${activity.title}”`,
            createdAt,
          });
        }
      }
    }

    const weeksIn = daysBetween(project.startDay, today) / 7;
    // The plan written as far as the project has come: the background first, the evaluation last.
    const writtenSections = Object.keys(PLAN_TEXTS).slice(0, Math.max(0, Math.floor(weeksIn / 1.5)));
    for (const sectionKey of writtenSections) {
      const section = content.planSections.find((candidate) => candidate.key === sectionKey);
      if (!section) continue;
      const texts = Object.fromEntries(
        section.fields
          .filter((field) => !isStructuredField(sectionKey, field.key))
          .map((field, index) => [
            field.key,
            richTextFromPlainText(PLAN_TEXTS[sectionKey][index % PLAN_TEXTS[sectionKey].length]),
          ]),
      );
      if (Object.keys(texts).length === 0) continue;
      const updatedOn = addDays(project.startDay, 7 + Math.floor(random() * 14));
      planTexts.push({
        projectId: project.projectId,
        sectionKey,
        texts: JSON.stringify(texts),
        updatedAt: at(earlierDay(updatedOn, today), 15),
        by: project.leader.name,
      });
      audit({
        customerId: project.customerId,
        projectId: project.projectId,
        actor: project.leader,
        action: 'plan_section.updated',
        entityType: 'plan_section',
        entityId: sectionKey,
        summary: `Ändrade avsnittet ${section.title}`,
        createdAt: at(earlierDay(updatedOn, today), 15),
      });
    }

    // Trainings: dates proposed from week 6, sessions confirmed from week 8 and held in weeks 9–10.
    if (weeksIn >= 6) {
      for (const training of TRAININGS) {
        const proposedOn = addDays(project.startDay, 6 * 7);
        const batchId = newId();
        for (const offset of [0, 2, 7]) {
          add('training_proposals', {
            id: newId(),
            project_id: project.projectId,
            training_key: training.key,
            batch_id: batchId,
            proposed_date: addDays(project.startDay, training.week * 7 + offset),
            part_of_day: pick(random, ['heldag', 'formiddag', 'eftermiddag'] as const),
            proposed_by_user_id: project.leader.userId,
            proposed_by_name: project.leader.name,
            created_at: at(proposedOn, 10),
          });
          counts.trainingProposals += 1;
        }
        audit({
          customerId: project.customerId,
          projectId: project.projectId,
          actor: project.leader,
          action: 'training.dates_proposed',
          entityType: 'training',
          entityId: training.key,
          summary: `Föreslog tre datum för ${training.key}`,
          createdAt: at(proposedOn, 10),
        });
        if (weeksIn < 8) continue;
        const participants = project.holdings.filter((holding) => holding.roleKey === training.roleKey);
        const sessionCount = Math.max(1, Math.ceil(participants.length / training.perSession));
        const trainer = project.vendor.trainer;
        for (let session = 0; session < sessionCount; session++) {
          const sessionId = newId();
          const date = addDays(project.startDay, training.week * 7 + session * 2);
          const confirmedOn = addDays(project.startDay, 8 * 7);
          const mode = random() < 0.5 ? 'web' : 'on_site';
          add('training_sessions', {
            id: sessionId,
            project_id: project.projectId,
            training_key: training.key,
            proposal_id: null,
            date,
            start_time: '09:00',
            end_time: training.key === 'rektorsutbildning' ? '12:00' : '15:00',
            mode,
            place: mode === 'on_site' ? `Stadshuset i ${project.municipality}` : '',
            link: mode === 'web' ? `https://utbildning.${vendorDomain}/${project.domain}` : '',
            trainer_person_id: trainer.id,
            confirmed_by_name: trainer.name,
            created_at: at(confirmedOn, 14),
            updated_at: at(confirmedOn, 14),
          });
          counts.trainingSessions += 1;
          audit({
            customerId: project.customerId,
            projectId: project.projectId,
            actor: trainer,
            action: 'training.session_confirmed',
            entityType: 'training_session',
            entityId: sessionId,
            summary: `Bekräftade ett utbildningstillfälle ${date}`,
            createdAt: at(confirmedOn, 14),
          });
          const held = date < today;
          for (const participant of participants.filter((_, index) => index % sessionCount === session)) {
            const attended = random() < 0.9;
            add('training_participants', {
              session_id: sessionId,
              project_id: project.projectId,
              training_key: training.key,
              person_id: participant.person.id,
              attendance: held ? (attended ? 'attended' : 'absent') : 'booked',
              marked_by_name: held ? trainer.name : null,
              marked_at: held ? at(date, 16) : null,
              booked_at: at(confirmedOn, 15),
            });
            counts.trainingParticipants += 1;
          }
          if (held) {
            audit({
              customerId: project.customerId,
              projectId: project.projectId,
              actor: trainer,
              action: 'training.attendance_marked',
              entityType: 'training_session',
              entityId: sessionId,
              summary: `Markerade närvaro för tillfället ${date}`,
              createdAt: at(date, 16),
            });
          }
        }
      }
    }

    // Effect goals from the plan's goal section, measured every month once the system runs.
    if (weeksIn >= 4) {
      const goalCount = 1 + Math.floor(random() * 3);
      for (let goal = 0; goal < goalCount; goal++) {
        const goalId = newId();
        const baseline = 20 + Math.floor(random() * 30);
        const createdOn = addDays(project.startDay, 21);
        add('goals', {
          id: goalId,
          project_id: project.projectId,
          kind: 'effect',
          position: goal,
          title: ['Vårdnadshavare loggar in varje månad', 'Frånvaro registreras samma dag', 'Bedömning i varje ämne'][
            goal
          ],
          description: 'Så att informationen når hemmen och syns för huvudmannen.',
          measure: 'Andel i procent enligt statistik ur plattformen',
          unit: 'percent',
          unit_label: null,
          baseline,
          target: 90 + Math.floor(random() * 11),
          target_date: addDays(project.startDay, 365),
          deliverable: null,
          due_date: null,
          budget_sek: null,
          created_at: at(createdOn, 10),
          updated_at: at(createdOn, 10),
        });
        counts.goals += 1;
        audit({
          customerId: project.customerId,
          projectId: project.projectId,
          actor: project.leader,
          action: 'goal.created',
          entityType: 'goal',
          entityId: goalId,
          summary: 'Lade till ett effektmål',
          createdAt: at(createdOn, 10),
        });
        const pace = 0.3 + random() * 0.9;
        for (let month = 1; ; month++) {
          const measuredOn = addDays(project.startDay, 56 + month * 30);
          if (measuredOn >= today || month > 12) break;
          const value = Math.min(100, Math.round(baseline + month * 6 * pace + (random() - 0.5) * 6));
          const id = newId();
          add('goal_measurements', {
            id,
            goal_id: goalId,
            project_id: project.projectId,
            measured_on: measuredOn,
            value,
            method: 'manual',
            source: 'Statistik ur plattformen',
            comment: '',
            computation_id: null,
            recorded_by_user_id: project.leader.userId,
            recorded_by_name: project.leader.name,
            created_at: at(measuredOn, 11),
          });
          counts.measurements += 1;
          audit({
            customerId: project.customerId,
            projectId: project.projectId,
            actor: project.leader,
            action: 'measurement.recorded',
            entityType: 'goal',
            entityId: goalId,
            summary: `Registrerade mätvärdet ${value} %`,
            createdAt: at(measuredOn, 11),
          });
        }
      }
      const decisionCount = Math.floor(random() * Math.min(5, 1 + weeksIn / 6));
      for (let number = 1; number <= decisionCount; number++) {
        const [title, decision] = DECISIONS[(number - 1 + project.index) % DECISIONS.length];
        const decidedOn = addDays(project.startDay, Math.floor((number / (decisionCount + 1)) * weeksIn * 7));
        const id = newId();
        add('decisions', {
          id,
          project_id: project.projectId,
          number,
          title,
          background: 'Frågan bereddes av projektledaren.',
          decision,
          decided_by: pick(random, DECIDERS),
          decided_on: decidedOn,
          change_request_id: null,
          meeting_id: null,
          recorded_by_user_id: project.leader.userId,
          recorded_by_name: project.leader.name,
          created_at: at(decidedOn, 16),
          version: 1,
          updated_at: at(decidedOn, 16),
        });
        counts.decisions += 1;
        audit({
          customerId: project.customerId,
          projectId: project.projectId,
          actor: project.leader,
          action: 'decision.created',
          entityType: 'decision',
          entityId: id,
          summary: `Förde in beslut ${number}: ${title}`,
          createdAt: at(decidedOn, 16),
        });
      }
    }

    if (!project.closed && project.aimedStep < 10 && random() < 0.08) {
      const decidedOn = addDays(today, -Math.floor(random() * 5));
      const id = newId();
      add('project_step_decisions', {
        id,
        project_id: project.projectId,
        step_number: project.aimedStep + 1,
        derived_step_number: project.aimedStep,
        reason: 'Arbetet i nästa steg är redan i gång; det som återstår görs parallellt.',
        decided_by_user_id: project.leader.userId,
        decided_by_name: project.leader.name,
        created_at: at(decidedOn, 9),
      });
      counts.stepDecisions += 1;
      audit({
        customerId: project.customerId,
        projectId: project.projectId,
        actor: project.leader,
        action: 'step.advanced',
        entityType: 'project',
        entityId: project.projectId,
        summary: `Flyttade projektet till steg ${project.aimedStep + 1}`,
        createdAt: at(decidedOn, 9),
      });
    }

    if (project.closed) {
      const approvedOn = addDays(project.startDay, 190 + Math.floor(random() * 10));
      const orderer = project.holdings.find((holding) => holding.roleKey === 'bestallare')?.person ?? project.leader;
      add('project_closures', {
        project_id: project.projectId,
        approved_by_user_id: null,
        approved_by_name: orderer.name,
        approved_at: at(approvedOn, 14),
        open_items: JSON.stringify({ activities: [], trainings: [], goals: [] }),
      });
      counts.closedProjects += 1;
      audit({
        customerId: project.customerId,
        projectId: project.projectId,
        actor: orderer,
        action: 'project.closure_approved',
        entityType: 'project',
        entityId: project.projectId,
        summary: 'Godkände projektavslutet',
        createdAt: at(approvedOn, 14),
      });
    }
  }

  // ---- Into the database ----
  const insertStarted = Date.now();
  await context.db.transaction().execute(async (trx) => {
    for (const table of INSERT_ORDER) await insertChunked(trx, table, rows[table] ?? []);
    for (const update of activityUpdates) {
      await trx
        .updateTable('activities')
        .set({
          deadline: update.deadline,
          done_at: update.doneAt,
          done_by_user_id: update.doneBy,
          version: update.version,
          updated_at: update.updatedAt,
        })
        .where('id', '=', update.id)
        .execute();
    }
    for (const text of planTexts) {
      await trx
        .updateTable('plan_sections')
        .set({ texts: text.texts, updated_at: text.updatedAt, updated_by_name: text.by, version: 2 })
        .where('project_id', '=', text.projectId)
        .where('section_key', '=', text.sectionKey)
        .execute();
    }
    const closedIds = planned.filter((project) => project.closed).map((project) => project.projectId);
    if (closedIds.length > 0) {
      await trx.updateTable('projects').set({ phase: 'operations' }).where('id', 'in', closedIds).execute();
    }
  });
  progress(
    `${counts.people.toLocaleString('sv-SE')} personer, ${counts.schools.toLocaleString('sv-SE')} skolor och projektens arbete sparade (${elapsed(insertStarted)})`,
  );

  // ---- Plan revisions: the plan as it stands, and earlier versions with less of it written ----
  const revisionsStarted = Date.now();
  const seeder: CurrentUser = {
    id: adminRow?.id ?? theSupporter.userId ?? '',
    email: adminConfig?.email ?? supporterEmail,
    name: adminRow?.name ?? theSupporter.name,
    role: 'vendor_admin',
    personId: null,
    customerId: null,
  };
  const sampleRevisionNumbers: number[] = [];
  const revisionRows: Insertable<Database['plan_revisions']>[] = [];
  const readRows: Insertable<Database['plan_revision_reads']>[] = [];
  for (const project of planned) {
    const access = await loadProjectAccess(context, seeder, project.projectId);
    const draft = await planSnapshotFor(context, access, 'draft');
    const revisionCount = 2 + Math.floor(random() * 5);
    const span = Math.max(1, daysBetween(project.startDay, today));
    for (let number = 1; number <= revisionCount; number++) {
      const sentOn = addDays(project.startDay, Math.floor((span * number) / (revisionCount + 1)));
      const sentAt = at(sentOn, 15, number);
      const id = newId();
      const snapshot = earlierSnapshot(draft, sentAt, number / revisionCount);
      revisionRows.push({
        id,
        project_id: project.projectId,
        number,
        created_at: sentAt,
        sender_user_id: project.leader.userId,
        sender_name: project.leader.name,
        message:
          number === 1
            ? 'Första utkastet till planen.'
            : `Version ${number}: uppdaterad tidplan och organisation efter styrgruppens möte.`,
        snapshot: JSON.stringify(snapshot),
      });
      counts.revisions += 1;
      if (project === sample) sampleRevisionNumbers.push(number);
      const readers: (string | null)[] = [project.leader.userId];
      // The supporter keeps up with most projects; the newest version is often still unread.
      const newest = number === revisionCount;
      if (newest ? random() < 0.45 : random() < 0.9) readers.push(theSupporter.userId);
      if (adminRow && random() < 0.3) readers.push(adminRow.id);
      for (const reader of readers) {
        if (!reader) continue;
        readRows.push({ revision_id: id, user_id: reader, read_at: at(sentOn, 16, number) });
        counts.revisionReads += 1;
      }
      audit({
        customerId: project.customerId,
        projectId: project.projectId,
        actor: project.leader,
        action: 'plan.revision_sent',
        entityType: 'plan_revision',
        entityId: id,
        summary: `Skickade version ${number} av projektplanen`,
        createdAt: sentAt,
      });
    }
  }
  progress(`${counts.revisions} versioner av planerna tagna (${elapsed(revisionsStarted)})`);

  const historyStarted = Date.now();
  const auditRows = (rows.audit_events ?? []).sort((a, b) => a.created_at.localeCompare(b.created_at));
  counts.auditEvents = auditRows.length;
  await context.db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'plan_revisions', revisionRows);
    await insertChunked(trx, 'plan_revision_reads', readRows);
    await insertChunked(trx, 'audit_events', auditRows);
    // As recordAudit counts each change against the projects it touches (its own, or every project of
    // its customer), so the portfolio's cached summaries are checked against the same counts.
    await trx
      .updateTable('projects')
      .set((eb) => ({
        change_count: eb
          .selectFrom('audit_events')
          .select((counter) => counter.fn.countAll<number>().as('count'))
          .where((where) =>
            where.or([
              where('audit_events.project_id', '=', where.ref('projects.id')),
              where.and([
                where('audit_events.project_id', 'is', null),
                where('audit_events.customer_id', '=', where.ref('projects.customer_id')),
              ]),
            ]),
          ),
      }))
      .execute();
  });
  progress(`${counts.auditEvents.toLocaleString('sv-SE')} händelser i historiken sparade (${elapsed(historyStarted)})`);

  return {
    seed: options.seed,
    counts,
    projectIds,
    sampleProjectId: sample.projectId,
    sampleRevisionNumbers,
    logins: {
      admin: adminConfig ? { email: adminConfig.email, password: adminConfig.password } : null,
      supporter: {
        email: supporterEmail,
        password: SCALE_PASSWORD,
        personId: theSupporter.id,
        name: theSupporter.name,
      },
      customerLeader: leaderLogin,
    },
  };
}

/**
 * The plan as it was when an earlier version was sent: `share` of the written sections, and the
 * checklist without what was ticked after it was sent.
 */
function earlierSnapshot(draft: PlanSnapshot, takenAt: string, share: number): PlanSnapshot {
  if (share >= 1) return { ...draft, takenAt };
  const written = draft.plan.sections.filter((section) =>
    section.fields.some((field) => field.content !== null && !isRichTextEmpty(field.content)),
  );
  const keep = new Set(written.slice(0, Math.ceil(written.length * share)).map((section) => section.key));
  return {
    ...draft,
    takenAt,
    plan: {
      ...draft.plan,
      sections: draft.plan.sections.map((section) =>
        keep.has(section.key)
          ? section
          : {
              ...section,
              fields: section.fields.map((field) => ({ ...field, content: field.content && emptyRichText() })),
            },
      ),
    },
    checklist: draft.checklist.map((activity) =>
      activity.done && activity.done.at > takenAt ? { ...activity, done: null } : activity,
    ),
  };
}

/** Schools in Sweden per municipality, on average: about 5,000 in 290. */
const SCHOOLS_PER_MUNICIPALITY = 5000 / 290;

/**
 * How many schools each municipality has: skewed as in Sweden, many small ones and a few cities with
 * a hundred or more, scaled so that the whole country has about 5,000 whatever the draw.
 */
function schoolCountsOf(random: () => number, customers: number): number[] {
  const drawn = Array.from({ length: customers }, () => Math.exp(gaussian(random) * 0.85));
  const scale = (SCHOOLS_PER_MUNICIPALITY * customers) / drawn.reduce((sum, value) => sum + value, 0);
  return drawn.map((value) => Math.max(2, Math.min(160, Math.round(value * scale))));
}

/** A standard normal number (Box–Muller) from the seeded generator. */
function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const earlierDay = (a: string, b: string) => (a < b ? a : b);

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
