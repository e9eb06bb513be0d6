import type { CurrentUser } from '../../shared/auth.js';
import type { Person } from '../../shared/organisation.js';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import { loadProjectAccess } from '../access/service.js';
import { authRepository } from '../auth/repository.js';
import { createUser, toCurrentUser } from '../auth/service.js';
import { checklistRepository } from '../checklist/repository.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { customerRepository } from '../customers/repository.js';
import { createCustomer } from '../customers/service.js';
import { recordMeasurement, updateMeasurementSettings } from '../measurements/service.js';
import { assignRole, createPerson } from '../organisation/service.js';
import {
  createEvaluationItem,
  createGoal,
  getPlan,
  updatePlanSection,
  updateRisk,
  updateSuccessFactor,
} from '../plan/service.js';
import { createProject } from '../projects/service.js';
import { seedDemoCommunication } from './communication.js';
import { DEMO_PASSWORD, type DemoLogin, demoLogin } from './logins.js';
import { seedDemoPortfolio } from './portfolio.js';
import { seedDemoSchools } from './schools.js';
import { seedDemoSteering } from './steering.js';

export const DEMO_ADMIN = { email: 'admin@demo.stegvis.se', password: DEMO_PASSWORD, name: 'Alva Admin' };
export const DEMO_CUSTOMER = { name: 'Exempelby kommun', organisationNumber: '212000-3005' };

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export interface DemoResult {
  created: boolean;
  login: { email: string; password: string } | null;
  /** The people of the demo who can log in with the same password, each from their side. */
  people: DemoLogin[];
  projectId?: string;
}

/**
 * Fills in a demo municipality with a project under way: some activities done, deadlines spread
 * over the coming weeks and two overdue, so a newcomer sees a living plan at once.
 */
export async function seedDemo(context: AppContext): Promise<DemoResult> {
  if (await customerRepository.findByOrganisationNumber(context.db, DEMO_CUSTOMER.organisationNumber)) {
    return { created: false, login: null, people: [] };
  }
  const existingAdmin = await authRepository.findUserByEmail(context.db, DEMO_ADMIN.email);
  const admin: CurrentUser = existingAdmin
    ? toCurrentUser(existingAdmin)
    : await createUser(context, { ...DEMO_ADMIN, role: 'vendor_admin' });
  const customer = await createCustomer(context, DEMO_CUSTOMER);
  const today = context.clock.now();
  const project = await createProject(context, {
    customerId: customer.id,
    name: 'Införande av skolplattformen 2027',
    startDate: addDays(today, -21),
  });
  const activities = await checklistRepository.listByProject(context.db, project.id);
  for (const [index, activity] of activities.entries()) {
    const done = index < 5;
    await checklistRepository.updateIfVersion(
      context.db,
      { projectId: project.id, activityId: activity.id, version: activity.version, updatedAt: today.toISOString() },
      {
        deadline: addDays(today, index * 6 - 40),
        done: done ? { at: addDays(today, index - 14), byUserId: admin.id } : undefined,
      },
    );
  }
  const { orderer, projectLeader } = await seedDemoPlan(context, admin, {
    customerId: customer.id,
    projectId: project.id,
  });
  const access = await loadProjectAccess(context, admin, project.id);
  await seedDemoCommunication(context, admin, access, stockholmDay(today));
  await seedDemoSchools(context, admin, access, projectLeader, stockholmDay(today));
  const steeringPeople = {
    projectLeader: await demoLogin(context, admin, projectLeader),
    orderer: await demoLogin(context, admin, orderer),
  };
  const { steeringMember } = await seedDemoSteering(context, admin, access, steeringPeople, stockholmDay(today));
  await demoLogin(context, admin, steeringMember);
  const supporter = await seedDemoPortfolio(context, admin, project.id);
  await demoLogin(context, admin, supporter);
  const inExempelby = `i ${DEMO_CUSTOMER.name}`;
  const people: DemoLogin[] = [
    { person: projectLeader, role: `projektledare ${inExempelby}` },
    { person: orderer, role: `beställare ${inExempelby}` },
    { person: steeringMember, role: `i styrgruppen ${inExempelby}` },
    { person: supporter, role: 'projektstödjare hos leverantören' },
  ].map(({ person, role }) => ({ name: person.name, role, email: person.email ?? '' }));
  return { created: true, login: existingAdmin ? null : DEMO_ADMIN, people, projectId: project.id };
}

/**
 * The plan as the municipality's project group would have written it in the first weeks: the
 * background, measurable goals, how they are followed up, the risks they see and how they work.
 */
async function seedDemoPlan(
  context: AppContext,
  admin: CurrentUser,
  target: { customerId: string; projectId: string },
): Promise<{ orderer: Person; projectLeader: Person }> {
  const today = context.clock.now();
  const orderer = await createPerson(context, admin, target.customerId, {
    name: 'Birgitta Lind',
    email: 'birgitta.lind@exempelby.se',
    title: 'Förvaltningschef, barn- och utbildningsförvaltningen',
  });
  const projectLeader = await createPerson(context, admin, target.customerId, {
    name: 'Johan Ekström',
    email: 'johan.ekstrom@exempelby.se',
    title: 'IT-strateg',
  });
  const access = await loadProjectAccess(context, admin, target.projectId);
  await assignRole(context, admin, access, { roleKey: 'bestallare', personId: orderer.id });
  await assignRole(context, admin, access, { roleKey: 'projektledare', personId: projectLeader.id });

  const plan = await getPlan(context, access);
  const versionOf = (sectionKey: string) => plan.sections.find((section) => section.key === sectionKey)?.version ?? 1;
  const saveTexts = (sectionKey: string, texts: Record<string, string>) =>
    updatePlanSection(context, admin, access, sectionKey, {
      version: versionOf(sectionKey),
      texts: Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, richTextFromPlainText(text)])),
    });

  await saveTexts('bakgrund', {
    syfte:
      'Syftet är att ge lärare, elever och vårdnadshavare ett gemensamt ställe för bedömning, frånvaro och information, och ge rektorerna en samlad bild av måluppfyllelsen på sin skola.',
    'tidigare-problem':
      'Vi har tidigare haft bedömningar, frånvaro och elevhälsans anteckningar i tre olika system. Det har gjort det svårt att tidigt se elever som riskerar att inte nå målen, och vårdnadshavare har ofta fått veta om frånvaro först dagen efter.',
    behov: [
      'Vi ser behov av att samla skolans dokumentation på ett ställe:',
      '• bedömningar i varje ämne, synliga för elev och vårdnadshavare',
      '• frånvaro som registreras på lektionen och når vårdnadshavaren samma dag',
      '• underlag till elevhälsan och skolledningens uppföljning',
    ].join('\n'),
  });
  await saveTexts('omfattningar-och-avgransningar', {
    omfattningar:
      'Kommunens fjorton grundskolor (F–9) med fritidshem: bedömning, frånvaro, information till vårdnadshavare och elevhälsans dokumentation.',
    avgransningar:
      'Förskolan och gymnasieskolan ingår inte i den här etappen. Schemat läggs tills vidare i nuvarande schemaprogram och förs över till plattformen varje natt.',
  });

  const assessmentGoal = await createGoal(context, admin, access, {
    kind: 'effect',
    title: '100 % av eleverna ska ha fått bedömning i varje ämne minst en gång per termin',
    description: 'Så att lärare och elevhälsa tidigt ser elever som riskerar att inte nå målen och kan sätta in stöd.',
    measure: 'Andel elever med minst en bedömning i varje ämne under terminen',
    unit: 'percent',
    baseline: 62,
    target: 100,
    targetDate: addDays(today, 300),
  });
  await createGoal(context, admin, access, {
    kind: 'effect',
    title: '100 % av elevernas frånvaroregistrering ska göras i plattformen',
    description: 'Vårdnadshavare får besked om frånvaro samma dag, och mentorerna ser mönster i tid.',
    measure: 'Andel lektioner där frånvaron registreras i plattformen samma dag',
    unit: 'percent',
    baseline: 0,
    target: 100,
    targetDate: addDays(today, 120),
  });
  await createGoal(context, admin, access, {
    kind: 'project',
    title: 'Plattformen är integrerad med elevregistret och schemaprogrammet',
    description: 'Elever, grupper och lektioner kommer automatiskt, så att ingen behöver föra in dem för hand.',
    deliverable: 'integration',
    dueDate: addDays(today, 60),
    budgetSek: 180_000,
  });
  await updatePlanSection(context, admin, access, 'mal', { version: versionOf('mal'), informedPersonId: orderer.id });

  await createEvaluationItem(context, admin, access, {
    why: 'För att veta om införandet ger den effekt vi vill ha: att alla elever får bedömning i tid.',
    what: 'Andel elever med minst en bedömning i varje ämne, per skola och årskurs.',
    how: 'En rapport ur plattformen som rektorerna går igenom på ledningsgruppens möte.',
    collectionDates: [addDays(today, 90), addDays(today, 270)],
    goalIds: [assessmentGoal.id],
  });
  await updateMeasurementSettings(context, admin, access, assessmentGoal.id, {
    version: 0,
    measurerPersonId: projectLeader.id,
  });
  // Two reports since the start, each a little above the straight path from 62 % to 100 %.
  for (const [daysAgo, value, comment] of [
    [14, 63, 'Första rapporten efter starten; två skolor hade inte kommit igång.'],
    [2, 66, 'Alla skolor med; matematik och svenska ligger före, de praktisk-estetiska ämnena efter.'],
  ] as const) {
    await recordMeasurement(context, admin, access, assessmentGoal.id, {
      measuredOn: addDays(today, -daysAgo),
      value,
      source: 'Bedömningsrapport ur plattformen, alla skolor',
      comment,
    });
  }

  const risk = (causeKey: string) => {
    const found = plan.risks.find((candidate) => candidate.causeKey === causeKey);
    if (!found) throw new Error(`the template has no risk ${causeKey}`);
    return found;
  };
  const anchoring = risk('bristande-forankring');
  await updateRisk(context, admin, access, anchoring.id, {
    title: anchoring.title,
    likelihood: 'medium',
    impact: 'high',
    mitigation:
      'Rektorerna presenterar planen och tidsplanen på varje skolas arbetsplatsträff innan utbildningarna börjar.',
    ownerPersonId: projectLeader.id,
    status: 'mitigating',
    version: anchoring.version,
  });
  const schedule = risk('orealistisk-tidsplan');
  await updateRisk(context, admin, access, schedule.id, {
    title: schedule.title,
    likelihood: 'medium',
    impact: 'medium',
    mitigation: 'Integrationen med elevregistret testas i god tid, och utbildningarna bokas först när den fungerar.',
    ownerPersonId: orderer.id,
    status: 'open',
    version: schedule.version,
  });

  const approaches: Record<string, string> = {
    forankring: 'Planen tas upp i förvaltningens ledningsgrupp och på varje skolas arbetsplatsträff.',
    utbildning:
      'Alla lärare går utbildningen före terminsstart; användarstödjarna går den fördjupade utbildningen först.',
  };
  for (const factor of plan.successFactors) {
    const approach = factor.keywordKey ? approaches[factor.keywordKey] : undefined;
    if (approach) {
      await updateSuccessFactor(context, admin, access, factor.id, { approach, version: factor.version });
    }
  }
  return { orderer, projectLeader };
}
