import type { CurrentUser } from '../../shared/auth.js';
import type { Person } from '../../shared/organisation.js';
import { loadProjectAccess, type ProjectAccess } from '../access/service.js';
import { authRepository } from '../auth/repository.js';
import { toCurrentUser } from '../auth/service.js';
import { checklistRepository } from '../checklist/repository.js';
import { updateActivity } from '../checklist/service.js';
import { approveClosure, getClosure } from '../closure/service.js';
import type { AppContext } from '../core/context.js';
import { addDays, stockholmDay } from '../core/days.js';
import { createCustomer } from '../customers/service.js';
import { invitePerson } from '../invitations/service.js';
import { recordMeasurement } from '../measurements/service.js';
import { assignRole, createPerson, createSchool, listVendorPeople } from '../organisation/service.js';
import { createGoal } from '../plan/service.js';
import { createProject } from '../projects/service.js';
import { sendRevision } from '../revisions/service.js';
import { setProjectStep } from '../steps/service.js';
import { confirmSession } from '../trainings/service.js';
import { mailboxOf } from './schools.js';

/**
 * The same context on an earlier day: what a service records through it (ticks, audit events,
 * sessions) carries that day's time, so that "days since the customer changed anything" and
 * overdue deadlines come out as they would in a real project.
 */
const onDay = (context: AppContext, day: string): AppContext => ({
  ...context,
  clock: { now: () => new Date(`${day}T09:00:00.000Z`) },
});

/** When a step's activities are due, in weeks after the start: the weeks of the template's key activities. */
const DUE_WEEK_OF_STEP: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 6, 5: 7, 6: 8, 7: 8, 8: 12, 9: 12, 10: 26 };

/** The customer's project-level roles, each with the one who holds it. */
type Team = Partial<Record<string, [name: string, title: string]>>;

/** Every project-level role of the customer filled, `names` taken in the order of the roles below. */
const fullTeam = (names: string[]): Team => {
  const roles: [string, string][] = [
    ['bestallare', 'Förvaltningschef'],
    ['styrgrupp', 'Verksamhetschef grundskola'],
    ['projektledare', 'Projektledare'],
    ['projektgrupp', 'Skoladministratör, elevregister'],
    ['it', 'IT-samordnare'],
    ['upphandling', 'Upphandlare'],
    ['information', 'Kommunikatör'],
  ];
  return Object.fromEntries(roles.map(([roleKey, title], index) => [roleKey, [names[index], title]]));
};

interface VendorTeam {
  /** The two Projektstödjare, who share the projects between them. */
  sara: Person;
  erik: Person;
  integration: Person;
  delivery: Person;
  trainer: Person;
}

interface DemoProject {
  access: ProjectAccess;
  customerId: string;
  startDay: string;
  /** The customer's Projektledare, signed in: what they do counts as the customer's change. */
  leader: { user: CurrentUser; access: ProjectAccess };
  people: Map<string, Person>;
}

/**
 * Five more municipalities beside Exempelby, so that the vendor's portfolio shows a spread: one
 * far along and healthy, one late with a silent customer, one just begun, one with a goal at risk
 * and a school short of an administrator, and one closed by its Beställare. The vendor's two
 * Projektstödjare share them, Sara Lindqvist also on Exempelby.
 */
/** Returns Exempelby's Projektstödjare, who also runs some of the other customers' projects. */
export async function seedDemoPortfolio(
  context: AppContext,
  admin: CurrentUser,
  exempelbyProjectId: string,
): Promise<Person> {
  const today = stockholmDay(context.clock.now());
  const vendor = await seedVendorTeam(context, admin);
  const exempelby = await loadProjectAccess(context, admin, exempelbyProjectId);
  await assignRole(context, admin, exempelby, { roleKey: 'projektstodjare', personId: vendor.sara.id });

  await seedFarAlong(context, admin, vendor, today);
  await seedLate(context, admin, vendor, today);
  await seedJustBegun(context, admin, vendor, today);
  await seedGoalAtRisk(context, admin, vendor, today);
  await seedClosed(context, admin, vendor, today);
  return vendor.sara;
}

async function seedVendorTeam(context: AppContext, admin: CurrentUser): Promise<VendorTeam> {
  const person = (name: string, title: string) =>
    createPerson(context, admin, null, { name, email: `${mailboxOf(name)}@demo.stegvis.se`, title });
  const trainer = (await listVendorPeople(context)).find((candidate) => candidate.title === 'Utbildningsledare');
  if (!trainer) throw new Error('the demo has no Utbildningsledare');
  return {
    sara: await person('Sara Lindqvist', 'Projektstödjare'),
    erik: await person('Erik Holm', 'Projektstödjare'),
    integration: await person('Nils Berg', 'Integrationsansvarig'),
    delivery: await person('Maja Strand', 'Leveransansvarig'),
    trainer,
  };
}

/** A customer with its project, the customer's team in their roles, and the Projektledare signed in. */
async function startProject(
  context: AppContext,
  admin: CurrentUser,
  input: {
    customer: { name: string; organisationNumber: string };
    projectName: string;
    startDay: string;
    mailDomain: string;
    team: Team;
    vendorRoles: [roleKey: string, person: Person][];
  },
): Promise<DemoProject> {
  const signedUp = onDay(context, addDays(input.startDay, -7));
  const customer = await createCustomer(signedUp, input.customer);
  const project = await createProject(signedUp, {
    customerId: customer.id,
    name: input.projectName,
    startDate: input.startDay,
  });
  const access = await loadProjectAccess(context, admin, project.id);
  const people = new Map<string, Person>();
  for (const [roleKey, holder] of Object.entries(input.team)) {
    if (!holder) continue;
    const [name, title] = holder;
    const person = await createPerson(signedUp, admin, customer.id, {
      name,
      email: `${mailboxOf(name)}@${input.mailDomain}`,
      title,
    });
    await assignRole(signedUp, admin, access, { roleKey, personId: person.id });
    people.set(roleKey, person);
  }
  for (const [roleKey, person] of input.vendorRoles) {
    await assignRole(signedUp, admin, access, { roleKey, personId: person.id });
  }
  const leaderPerson = people.get('projektledare');
  if (!leaderPerson) throw new Error('a demo project needs a Projektledare');
  const leader = await signedIn(signedUp, admin, leaderPerson, project.id);
  return { access, customerId: customer.id, startDay: input.startDay, leader, people };
}

/** The person's own login, as an invitation gives it, and their access to the project. */
async function signedIn(context: AppContext, admin: CurrentUser, person: Person, projectId: string) {
  await invitePerson(context, admin, person.id);
  const row = await authRepository.findUserByEmail(context.db, person.email ?? '');
  if (!row) throw new Error(`the invited ${person.name} has no user`);
  const user = toCurrentUser(row);
  return { user, access: await loadProjectAccess(context, user, projectId) };
}

/**
 * Gives every activity its deadline from its step, and ticks the ones `doneOn` names a day for,
 * on that day. The customer's activities are the Projektledare's to tick, the vendor's the
 * vendor's; deadlines are set by the Projektledare a few days after the start.
 */
async function workChecklist(
  context: AppContext,
  admin: CurrentUser,
  project: DemoProject,
  doneOn: (activity: { key: string; deadline: string }) => string | null,
  deadlines: Record<string, string> = {},
) {
  const stepOf = new Map(
    project.access.template.implementationSteps.flatMap((step) =>
      step.checklistActivityKeys.map((key) => [key, step.number] as const),
    ),
  );
  const adminAccess = project.access;
  for (const row of await checklistRepository.listByProject(context.db, project.access.project.id)) {
    const key = row.template_activity_key ?? '';
    const deadline = deadlines[key] ?? addDays(project.startDay, 7 * DUE_WEEK_OF_STEP[stepOf.get(key) ?? 10]);
    const day = doneOn({ key, deadline });
    const vendorOnly = JSON.parse(row.customer_role_keys).length === 0;
    const [user, access] = vendorOnly ? [admin, adminAccess] : [project.leader.user, project.leader.access];
    await updateActivity(
      onDay(context, day ?? addDays(project.startDay, 3)),
      user,
      access,
      row.id,
      day ? { version: row.version, deadline, done: true } : { version: row.version, deadline },
    );
  }
}

/** A school with its roles: the administrators named, so that one short of two shows as a gap. */
async function seedSchool(
  context: AppContext,
  admin: CurrentUser,
  project: DemoProject,
  mailDomain: string,
  school: { name: string; staffCount: number; rektor: string; kontaktperson: string; administratorer: string[] },
  anvandarstodjare: string,
) {
  const created = await createSchool(context, admin, project.customerId, {
    name: school.name,
    schoolForms: ['forskoleklass', 'grundskola', 'fritidshem'],
    staffCount: school.staffCount,
  });
  const holders: [roleKey: string, name: string, title: string][] = [
    ['rektor', school.rektor, 'Rektor'],
    ['kontaktperson', school.kontaktperson, 'Biträdande rektor'],
    ...school.administratorer.map((name): [string, string, string] => ['administrator', name, 'Skoladministratör']),
    ['anvandarstodjare', anvandarstodjare, 'Lärare och användarstödjare'],
  ];
  for (const [roleKey, name, title] of holders) {
    const person = await createPerson(context, admin, project.customerId, {
      name,
      email: `${mailboxOf(name)}@${mailDomain}`,
      title,
      schoolId: created.id,
    });
    await assignRole(context, admin, project.access, { roleKey, personId: person.id, schoolId: created.id });
  }
}

/**
 * Norrfjäll, 15 weeks in: every step through the go-live done, the trainings held, its goal on
 * track; only the Hub and the follow-up meeting are left. Step 10, healthy.
 */
async function seedFarAlong(context: AppContext, admin: CurrentUser, vendor: VendorTeam, today: string) {
  const mailDomain = 'norrfjall.se';
  const project = await startProject(context, admin, {
    customer: { name: 'Norrfjälls kommun', organisationNumber: '212000-1231' },
    projectName: 'Skolplattformen i Norrfjäll',
    startDay: addDays(today, -105),
    mailDomain,
    team: fullTeam([
      'Eva Marklund',
      'Olof Granberg',
      'Hanna Lundmark',
      'Tomas Nordin',
      'Ali Hassan',
      'Karin Vikström',
      'Linda Öhrn',
    ]),
    vendorRoles: [
      ['projektstodjare', vendor.erik],
      ['integrationsansvarig', vendor.integration],
      ['leveransansvarig', vendor.delivery],
      ['utbildningsledare', vendor.trainer],
    ],
  });
  await seedSchool(
    context,
    admin,
    project,
    mailDomain,
    {
      name: 'Fjällbackaskolan',
      staffCount: 38,
      rektor: 'Gunilla Sehlstedt',
      kontaktperson: 'Peter Jonsson',
      administratorer: ['Malin Edlund', 'Stefan Burman'],
    },
    'Elin Persson',
  );
  for (const [trainingKey, week] of [
    ['administratorer', 9],
    ['anvandarstodjare', 10],
  ] as const) {
    const date = addDays(project.startDay, week * 7);
    await confirmSession(onDay(context, addDays(date, -21)), admin, project.access, trainingKey, {
      proposalId: null,
      date,
      startTime: '09:00',
      endTime: '15:00',
      mode: 'web',
      place: '',
      link: 'https://utbildning.demo.stegvis.se/norrfjall',
      trainerPersonId: vendor.trainer.id,
    });
  }
  // Every activity a couple of days before its deadline; the last account handed out just now.
  await workChecklist(context, admin, project, ({ key, deadline }) => {
    if (key === 'planera-hub') return null;
    return key === 'anvandarkonton' ? addDays(today, -2) : addDays(deadline, -2);
  });
  const goal = await createGoal(context, admin, project.access, {
    kind: 'effect',
    title: '90 % av vårdnadshavarna ska ha loggat in minst en gång i månaden',
    description: 'Så att information om frånvaro och bedömningar når hemmen.',
    measure: 'Andel vårdnadshavare med minst en inloggning den senaste månaden',
    unit: 'percent',
    baseline: 30,
    target: 90,
    targetDate: addDays(today, 150),
  });
  await recordMeasurement(onDay(context, addDays(today, -3)), admin, project.access, goal.id, {
    measuredOn: addDays(today, -3),
    value: 61,
    source: 'Inloggningsstatistik ur plattformen',
    comment: 'Ökade tydligt efter informationsmötet.',
  });
}

/**
 * Västra Åby, 11 weeks in and stuck at the organisation: a dozen of the customer's activities past
 * their deadline, nobody at the customer has done anything for six weeks, and the plan version
 * they sent back then is still unread. The least healthy of all.
 */
async function seedLate(context: AppContext, admin: CurrentUser, vendor: VendorTeam, today: string) {
  const project = await startProject(context, admin, {
    customer: { name: 'Västra Åby kommun', organisationNumber: '212000-2346' },
    projectName: 'Ny skolplattform i Västra Åby',
    startDay: addDays(today, -75),
    mailDomain: 'vastraaby.se',
    team: {
      bestallare: ['Roger Falk', 'Skolchef'],
      projektledare: ['Annika Björk', 'Utvecklingsledare'],
    },
    vendorRoles: [['projektstodjare', vendor.sara]],
  });
  const started = new Set(
    project.access.template.implementationSteps
      .filter((step) => step.number <= 2)
      .flatMap((step) => step.checklistActivityKeys),
  );
  await workChecklist(context, admin, project, ({ key, deadline }) =>
    started.has(key) ? addDays(deadline, -1) : null,
  );
  await sendRevision(
    onDay(context, addDays(today, -45)),
    project.leader.user,
    project.leader.access,
    { message: 'Första utkastet till planen. Bakgrunden är skriven, målen diskuterar vi i styrgruppen.' },
    { error: () => {} },
  );
}

/** Lillbäck, started last week: the order form is sent, the contract not yet signed. Step 1. */
async function seedJustBegun(context: AppContext, admin: CurrentUser, vendor: VendorTeam, today: string) {
  const project = await startProject(context, admin, {
    customer: { name: 'Lillbäcks kommun', organisationNumber: '212000-3450' },
    projectName: 'Skolplattformen Lillbäck 2027',
    startDay: addDays(today, -6),
    mailDomain: 'lillback.se',
    team: {
      bestallare: ['Ingela Sund', 'Barn- och utbildningschef'],
      projektledare: ['David Ek', 'IT-pedagog'],
      it: ['Sanna Kullberg', 'IT-tekniker'],
    },
    vendorRoles: [['projektstodjare', vendor.erik]],
  });
  await workChecklist(context, admin, project, ({ key }) =>
    key === 'bestallningsblankett' ? addDays(today, -4) : null,
  );
}

/**
 * Björkdala, 11 weeks in: the firewall and the register import are late, the delivery too, the
 * trainings not booked though their weeks have come, one school has a single administrator, and
 * the goal on absence lags behind its path. The Projektledare has moved the step on to the
 * trainings, since the integration already runs in test. Worth watching.
 */
async function seedGoalAtRisk(context: AppContext, admin: CurrentUser, vendor: VendorTeam, today: string) {
  const mailDomain = 'bjorkdala.se';
  const project = await startProject(context, admin, {
    customer: { name: 'Björkdala kommun', organisationNumber: '212000-4565' },
    projectName: 'Gemensam skolplattform för Björkdala',
    startDay: addDays(today, -80),
    mailDomain,
    team: fullTeam([
      'Margareta Holm',
      'Jan-Erik Stål',
      'Petra Sandberg',
      'Lars Wallin',
      'Mikael Rask',
      'Yvonne Dahl',
      'Nora Ekberg',
    ]),
    vendorRoles: [
      ['projektstodjare', vendor.sara],
      ['integrationsansvarig', vendor.integration],
      ['leveransansvarig', vendor.delivery],
      ['utbildningsledare', vendor.trainer],
    ],
  });
  await seedSchool(
    context,
    admin,
    project,
    mailDomain,
    {
      name: 'Björkdalsskolan',
      staffCount: 52,
      rektor: 'Kristina Lund',
      kontaktperson: 'Oskar Fält',
      administratorer: ['Emma Grahn', 'Viktor Hed'],
    },
    'Amanda Roos',
  );
  await seedSchool(
    context,
    admin,
    project,
    mailDomain,
    {
      name: 'Åkerby skola',
      staffCount: 21,
      rektor: 'Henrik Alm',
      kontaktperson: 'Sofie Brink',
      administratorer: ['Lisa Borg'],
    },
    'Johanna Ceder',
  );
  const late = new Set(['import-register', 'brandvaggar', 'leverans-system']);
  await workChecklist(
    context,
    admin,
    project,
    ({ key, deadline }) => (late.has(key) || deadline >= today ? null : addDays(deadline, -1)),
    { 'leverans-system': addDays(today, -5) },
  );
  await setProjectStep(onDay(context, addDays(today, -3)), project.leader.user, project.leader.access, {
    stepNumber: 7,
    reason: 'Integrationen mot elevregistret går redan i testmiljön; brandväggen öppnas i samband med leveransen.',
  });
  const goal = await createGoal(context, admin, project.access, {
    kind: 'effect',
    title: 'All frånvaro ska registreras i plattformen samma dag',
    description: 'Vårdnadshavare får besked om frånvaro samma dag.',
    measure: 'Andel lektioner där frånvaron registreras samma dag',
    unit: 'percent',
    baseline: 40,
    target: 100,
    targetDate: addDays(today, 120),
  });
  await recordMeasurement(onDay(context, addDays(today, -7)), admin, project.access, goal.id, {
    measuredOn: addDays(today, -7),
    value: 44,
    source: 'Frånvarorapport ur plattformen',
    comment: 'Åkerby skola registrerar fortfarande på papper.',
  });
}

/**
 * Östervik, begun seven months ago and closed last week by its Beställare after going through
 * what was left open; the follow-up meeting is on the timeline.
 */
async function seedClosed(context: AppContext, admin: CurrentUser, vendor: VendorTeam, today: string) {
  const project = await startProject(context, admin, {
    customer: { name: 'Östervikens kommun', organisationNumber: '212000-5679' },
    projectName: 'Skolplattformen i Östervik',
    startDay: addDays(today, -200),
    mailDomain: 'ostervik.se',
    team: {
      bestallare: ['Gustav Lindgren', 'Förvaltningschef'],
      projektledare: ['Maria Åkesson', 'Projektledare'],
    },
    vendorRoles: [['projektstodjare', vendor.erik]],
  });
  await workChecklist(context, admin, project, ({ deadline }) => addDays(deadline, -2));
  const bestallare = project.people.get('bestallare');
  if (!bestallare) throw new Error('the closed demo project needs a Beställare');
  const approvedOn = onDay(context, addDays(today, -6));
  const approver = await signedIn(approvedOn, admin, bestallare, project.access.project.id);
  const closure = await getClosure(approvedOn, approver.user, approver.access);
  await approveClosure(approvedOn, approver.user, approver.access, { openItemsSeen: closure.openCount });
}
