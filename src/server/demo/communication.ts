import type { CurrentUser } from '../../shared/auth.js';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import type { ProjectAccess } from '../access/service.js';
import {
  createCommunicationItem,
  getCommunication,
  markCommunicationItemDone,
  updateCommunicationItem,
  updateProcessGuide,
  updateProcessGuideGoal,
} from '../communication/service.js';
import type { AppContext } from '../core/context.js';
import { addDays } from '../core/days.js';
import { assignRole, createPerson } from '../organisation/service.js';

/**
 * The communication plan a few weeks in: the municipality's communicator answers for the
 * information meeting, staff have read the news on the intranet, a letter to guardians is planned;
 * and the process guide begun from the first effect goal.
 */
export async function seedDemoCommunication(
  context: AppContext,
  admin: CurrentUser,
  access: ProjectAccess,
  today: string,
): Promise<void> {
  const communicator = await createPerson(context, admin, access.project.customerId, {
    name: 'Karin Sjöberg',
    email: 'karin.sjoberg@exempelby.se',
    title: 'Kommunikatör',
  });
  await assignRole(context, admin, access, { roleKey: 'information', personId: communicator.id });

  const { items, guide } = await getCommunication(context, admin, access);
  const infoMeeting = items.find((item) => item.keyActivity && item.audienceKeys.includes('vardnadshavare'));
  if (infoMeeting) {
    await updateCommunicationItem(context, admin, access, infoMeeting.id, {
      version: infoMeeting.version,
      responsiblePersonId: communicator.id,
    });
  }
  const news = await createCommunicationItem(context, admin, access, {
    title: 'Nyhet på intranätet: vi byter till en gemensam skolplattform',
    message: 'Varför vi byter, vad det betyder för din vardag och när utbildningarna hålls.',
    channel: 'Intranät',
    audienceKeys: ['skolledare', 'pedagoger', 'administratorer'],
    plannedOn: addDays(today, -7),
    responsiblePersonId: communicator.id,
  });
  await markCommunicationItemDone(context, admin, access, news.id, { version: news.version, done: true });
  await createCommunicationItem(context, admin, access, {
    title: 'Brev till vårdnadshavare om inloggning',
    message: 'Så loggar du in med BankID och ser ditt barns frånvaro och bedömningar.',
    channel: 'Brev',
    audienceKeys: ['vardnadshavare'],
    plannedOn: addDays(today, 30),
    responsiblePersonId: communicator.id,
  });

  await updateProcessGuide(context, admin, access, {
    version: guide.version,
    introduction: richTextFromPlainText(
      'Lathunden beskriver hur vi i Exempelby använder plattformen för att nå målen i projektplanen. Den gäller alla grundskolor från terminsstarten.',
    ),
  });
  const [firstGoal] = guide.goals;
  if (firstGoal) {
    await updateProcessGuideGoal(context, admin, access, firstGoal.goalId, {
      version: firstGoal.version,
      usage: richTextFromPlainText(
        [
          'Läraren lägger in bedömningen i plattformen senast två veckor efter varje arbetsområde.',
          '• Bedömningen kopplas till kunskapskraven i ämnet',
          '• Eleven och vårdnadshavaren ser den direkt',
        ].join('\n'),
      ),
      statistics: richTextFromPlainText(
        'Andel elever med minst en bedömning i varje ämne, per skola, årskurs och termin. Rektorerna tar ut rapporten inför varje ledningsgruppsmöte.',
      ),
    });
  }
}
