import type { CurrentUser } from '../../shared/auth.js';
import { budgetLineInputSchema } from '../../shared/budget.js';
import type { Person } from '../../shared/organisation.js';
import {
  changeRequestInputSchema,
  decideChangeRequestBodySchema,
  decisionInputSchema,
  steeringMeetingInputSchema,
} from '../../shared/steering.js';
import { loadProjectAccess, type ProjectAccess } from '../access/service.js';
import { createBudgetLine, getBudget, updateBudgetSettings } from '../budget/service.js';
import type { AppContext } from '../core/context.js';
import { addDays } from '../core/days.js';
import { createChangeRequest, decideChangeRequest } from '../decisions/change-requests.js';
import { createDecision } from '../decisions/service.js';
import { createMeeting } from '../meetings/service.js';
import { assignRole, createPerson } from '../organisation/service.js';
import { getPlan } from '../plan/service.js';

interface SteeringPeople {
  projectLeader: CurrentUser;
  /** The Beställare, who decides change requests when the steering group meets. */
  orderer: CurrentUser;
}

/**
 * Steering a few weeks in: the budget broken into lines with the first costs, the steering group's
 * first meeting with its minutes and decisions, the project group's decision on headings, and a
 * change request that waits for the next meeting — so the Styrning tab shows every part in use.
 */
export async function seedDemoSteering(
  context: AppContext,
  admin: CurrentUser,
  access: ProjectAccess,
  people: SteeringPeople,
  today: string,
): Promise<{ steeringMember: Person }> {
  const steeringMember = await createPerson(context, admin, access.project.customerId, {
    name: 'Per Wikström',
    email: 'per.wikstrom@exempelby.se',
    title: 'Skolchef grundskola',
  });
  await assignRole(context, admin, access, { roleKey: 'styrgrupp', personId: steeringMember.id });

  const budget = await getBudget(context, access);
  await updateBudgetSettings(context, admin, access, { overrunThresholdPercent: 10, version: budget.settingsVersion });
  for (const [title, plannedSek, actualSek] of [
    ['Licenser, första året', 420_000, 420_000],
    ['Utbildning av administratörer och användarstödjare', 160_000, 48_000],
    ['Integration med elevregister och schemaprogram', 180_000, 95_000],
    ['Intern tid i projektgruppen', 240_000, 70_000],
  ] as const) {
    await createBudgetLine(context, admin, access, budgetLineInputSchema.parse({ title, plannedSek, actualSek }));
  }

  const leaderAccess = await loadProjectAccess(context, people.projectLeader, access.project.id);
  const ordererAccess = await loadProjectAccess(context, people.orderer, access.project.id);
  const held = await createMeeting(
    context,
    people.projectLeader,
    leaderAccess,
    steeringMeetingInputSchema.parse({
      date: addDays(today, -10),
      time: '13:00',
      place: 'Kommunhuset, sal Ekorren',
      agendaItems: [
        { title: 'Projektplanen och tidsplanen', note: 'Johan går igenom planen som den skickades till leverantören.' },
        { title: 'Budget och utfall hittills' },
        { title: 'Förankring hos rektorerna' },
      ],
      minutes:
        'Styrgruppen fastställde projektplanen. Budgeten följs upp på varje möte. Rektorerna tar upp planen på sina arbetsplatsträffar före utbildningarna.',
    }),
  );
  const plan = await getPlan(context, access);
  await createDecision(
    context,
    people.projectLeader,
    leaderAccess,
    decisionInputSchema.parse({
      title: 'Projektplanen fastställs',
      background: 'Projektgruppen har skrivit planen under de första veckorna och skickat den till leverantören.',
      decision: 'Styrgruppen fastställer projektplanen med dess effektmål, budget och tidsplan.',
      decidedBy: 'styrgrupp',
      decidedOn: addDays(today, -10),
      links: [{ kind: 'section', targetId: 'mal' }],
      meetingId: held.id,
    }),
  );
  await createDecision(
    context,
    people.projectLeader,
    leaderAccess,
    decisionInputSchema.parse({
      title: 'Rubriker till IUP, åtgärdsprogram, skriftligt omdöme och frånvaro',
      background: 'Mallen ber projektgruppen diskutera och besluta om rubrikerna innan administratörerna utbildas.',
      decision:
        'Vi behåller kommunens nuvarande rubriker för IUP och åtgärdsprogram. Skriftliga omdömen skrivs per ämne. Frånvaro registreras som anmäld, ej anmäld och sen ankomst.',
      decidedBy: 'projektgrupp',
      decidedOn: addDays(today, -6),
    }),
  );

  const next = await createMeeting(
    context,
    people.projectLeader,
    leaderAccess,
    steeringMeetingInputSchema.parse({
      date: addDays(today, 12),
      time: '13:00',
      place: 'Kommunhuset, sal Ekorren',
      agendaItems: [{ title: 'Läget i utbildningarna' }, { title: 'Budget och utfall' }],
    }),
  );
  const supporterTraining = plan.keyActivities.find(
    (activity) => activity.templateKey === 'utbildning-anvandarstodjare',
  );
  await createChangeRequest(
    context,
    people.projectLeader,
    leaderAccess,
    changeRequestInputSchema.parse({
      title: 'Flytta utbildningen för användarstödjare två veckor',
      areas: ['time'],
      change: 'Utbildningen för användarstödjare flyttas två veckor framåt.',
      reason:
        'Integrationen med schemaprogrammet blir klar senare än planerat, och utbildningen bör hållas med riktiga scheman.',
      consequence: 'Användarstödjarna hinner utbilda personalen före terminsstart, men med mindre marginal.',
      proposal: 'Styrgruppen godkänner att utbildningen flyttas två veckor.',
      dateChanges: supporterTraining?.date
        ? [{ keyActivityId: supporterTraining.id, to: addDays(supporterTraining.date, 14) }]
        : [],
      meetingId: next.id,
    }),
  );
  const earlier = await createChangeRequest(
    context,
    people.projectLeader,
    leaderAccess,
    changeRequestInputSchema.parse({
      title: 'Fler platser på administratörsutbildningen',
      areas: ['budget'],
      change: 'Ett extra utbildningstillfälle för administratörer.',
      reason: 'Fyra skolor har tre administratörer i stället för två.',
      consequence: '24 000 kr mer till utbildning.',
      proposal: 'Styrgruppen godkänner ett extra tillfälle inom utbildningsbudgeten.',
      meetingId: held.id,
    }),
  );
  await decideChangeRequest(
    context,
    people.orderer,
    ordererAccess,
    earlier.id,
    decideChangeRequestBodySchema.parse({
      outcome: 'approved',
      comment: 'Ryms i utbildningsbudgeten.',
      meetingId: held.id,
      version: earlier.version,
    }),
  );
  return { steeringMember };
}
