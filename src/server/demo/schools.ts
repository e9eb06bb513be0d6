import type { CurrentUser } from '../../shared/auth.js';
import type { Person, SchoolForm } from '../../shared/organisation.js';
import { confirmSessionBodySchema, proposeDatesBodySchema, recordWorkshopBodySchema } from '../../shared/trainings.js';
import { loadProjectAccess, type ProjectAccess } from '../access/service.js';
import { authRepository } from '../auth/repository.js';
import { toCurrentUser } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { addDays, isoWeekday } from '../core/days.js';
import { markStep } from '../delivery/service.js';
import { invitePerson } from '../invitations/service.js';
import { assignRole, createPerson, createSchool } from '../organisation/service.js';
import { applySplit, chooseSplit, confirmSession, proposeDates, recordWorkshop } from '../trainings/service.js';

interface DemoSchool {
  name: string;
  schoolForms: SchoolForm[];
  staffCount: number;
  rektor: string;
  kontaktperson: string;
  administratorer: [string, string];
  anvandarstodjare: string[];
}

export const DEMO_SCHOOLS: DemoSchool[] = [
  {
    name: 'Exempelbyskolan',
    schoolForms: ['forskoleklass', 'grundskola', 'fritidshem'],
    staffCount: 74,
    rektor: 'Åsa Bergström',
    kontaktperson: 'Mattias Öberg',
    administratorer: ['Linnéa Håkansson', 'Per Nyström'],
    anvandarstodjare: ['Sofia Ljungqvist', 'Jörgen Åberg'],
  },
  {
    name: 'Norrängsskolan',
    schoolForms: ['forskoleklass', 'grundskola', 'fritidshem'],
    staffCount: 46,
    rektor: 'Göran Wästberg',
    kontaktperson: 'Maria Söderlund',
    administratorer: ['Helena Sjögren', 'Björn Ålund'],
    anvandarstodjare: ['Ingrid Näslund'],
  },
  {
    name: 'Sjöviksgymnasiet',
    schoolForms: ['gymnasieskola'],
    staffCount: 88,
    rektor: 'Anders Öhman',
    kontaktperson: 'Therese Frölander',
    administratorer: ['Kerstin Ström', 'Måns Eklöf'],
    anvandarstodjare: ['Fredrik Häggström', 'Sara Älvdal'],
  },
];

/** "Åsa Bergström" → "asa.bergstrom". */
export const mailboxOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.');

/** The day itself, or the Monday after when it falls on a weekend. */
const weekdayFrom = (day: string) => {
  const weekday = isoWeekday(day);
  return weekday > 5 ? addDays(day, 8 - weekday) : day;
};

/**
 * The schools with their roles filled, the vendor's Utbildningsledare, the administrators'
 * training proposed by the Projektledare and confirmed by the vendor with the administrators
 * booked, a staff workshop, and the delivery of accounts begun.
 */
export async function seedDemoSchools(
  context: AppContext,
  admin: CurrentUser,
  access: ProjectAccess,
  projectLeader: Person,
  today: string,
): Promise<void> {
  const customerId = access.project.customerId;
  const assign = (roleKey: string, personId: string, schoolId?: string) =>
    assignRole(context, admin, access, { roleKey, personId, schoolId });

  const schools = [];
  for (const demo of DEMO_SCHOOLS) {
    const school = await createSchool(context, admin, customerId, {
      name: demo.name,
      schoolForms: demo.schoolForms,
      staffCount: demo.staffCount,
    });
    const person = (name: string, title: string) =>
      createPerson(context, admin, customerId, {
        name,
        email: `${mailboxOf(name)}@exempelby.se`,
        title,
        schoolId: school.id,
      });
    const rektor = await person(demo.rektor, 'Rektor');
    await assign('rektor', rektor.id, school.id);
    const contact = await person(demo.kontaktperson, 'Biträdande rektor');
    await assign('kontaktperson', contact.id, school.id);
    for (const name of demo.administratorer) {
      const administrator = await person(name, 'Skoladministratör');
      await assign('administrator', administrator.id, school.id);
    }
    const supporters = [];
    for (const name of demo.anvandarstodjare) {
      const supporter = await person(name, 'Lärare och användarstödjare');
      await assign('anvandarstodjare', supporter.id, school.id);
      supporters.push(supporter);
    }
    schools.push({ school, supporters });
  }

  const trainer = await createPerson(context, admin, null, {
    name: 'Lena Fröding',
    email: 'lena.froding@demo.stegvis.se',
    title: 'Utbildningsledare',
  });
  await assign('utbildningsledare', trainer.id);

  // The Projektledare proposes the dates under his own login, which he has been invited to.
  await invitePerson(context, admin, projectLeader.id);
  const leaderUser = await authRepository.findUserByEmail(context.db, projectLeader.email ?? '');
  if (!leaderUser) throw new Error('the invited Projektledare has no user');
  const leader = toCurrentUser(leaderUser);
  const leaderAccess = await loadProjectAccess(context, leader, access.project.id);
  const proposed = await proposeDates(
    context,
    leader,
    leaderAccess,
    'administratorer',
    proposeDatesBodySchema.parse({
      dates: [
        { date: weekdayFrom(addDays(today, 21)), partOfDay: 'heldag', note: 'Helst den här dagen' },
        { date: weekdayFrom(addDays(today, 28)), partOfDay: 'formiddag' },
        { date: weekdayFrom(addDays(today, 35)), partOfDay: 'heldag' },
      ],
    }),
  );
  const chosen = proposed.proposals[0];
  await confirmSession(
    context,
    admin,
    access,
    'administratorer',
    confirmSessionBodySchema.parse({
      proposalId: chosen.id,
      date: chosen.date,
      startTime: '09:00',
      endTime: '15:30',
      mode: 'on_site',
      place: 'Kommunhuset, sal Ängen, Storgatan 12, Exempelby',
      trainerPersonId: trainer.id,
    }),
  );
  // Six administrators cannot fill a session of 15–20: Exempelby holds one small session, as chosen.
  await chooseSplit(context, leader, leaderAccess, 'administratorer', { version: 0, choice: 'under_min' });
  await applySplit(context, leader, leaderAccess, 'administratorer');

  const [first] = schools;
  await recordWorkshop(
    context,
    leader,
    leaderAccess,
    recordWorkshopBodySchema.parse({
      schoolId: first.school.id,
      heldOn: addDays(today, -6),
      staffCount: 18,
      heldByPersonId: first.supporters[0].id,
      note: 'Arbetsplatsträff för lågstadiet: inloggning, frånvaro och att skriva en bedömning.',
    }),
  );

  await markStep(context, admin, access, { schoolId: null, stepKey: 'huvudkonto', doneOn: addDays(today, -12) });
  await markStep(context, admin, access, {
    schoolId: first.school.id,
    stepKey: 'skolkonto-levererat',
    doneOn: addDays(today, -8),
  });
  await markStep(context, admin, access, {
    schoolId: first.school.id,
    stepKey: 'overlamnat',
    doneOn: addDays(today, -5),
  });
}
