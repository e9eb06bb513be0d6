import type { CurrentUser } from '../../shared/auth.js';
import type { CalendarFeed } from '../../shared/calendar.js';
import { loadProjectAccess, type ProjectAccess } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import { findCurrentUser, hashSessionToken, randomToken } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError } from '../core/errors.js';
import { indexRoleHolders, type ResponsibleActivity, recipientsOf } from '../reminders/rules.js';
import { loadTemplateContent } from '../templates/service.js';
import { activityEntry, type FeedProject, feedLinks, keyActivityEntry, trainingSessionEntry } from './entries.js';
import { type CalendarEntry, calendarFile } from './feed.js';
import { calendarRepository, type TrainingSessionRow } from './repository.js';

/**
 * The feed's address carries the secret; only its SHA-256 is stored, as with session tokens. Each
 * user has their own secret per feed, so renewing one's address breaks nobody else's subscription.
 */
async function newFeed(
  context: AppContext,
  db: AppContext['db'],
  owner: { userId: string; projectId: string | null },
): Promise<CalendarFeed> {
  const secret = randomToken();
  await calendarRepository.replaceFeed(db, {
    id: hashSessionToken(secret),
    scope: owner.projectId === null ? 'person' : 'project',
    user_id: owner.userId,
    project_id: owner.projectId,
    created_at: context.clock.now().toISOString(),
  });
  return { url: `${context.config.publicUrl.replace(/\/$/, '')}/api/calendar/${secret}.ics` };
}

/** A new address of the user's own for the project's calendar; their address before stops working. */
export async function renewProjectFeed(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
): Promise<CalendarFeed> {
  return context.db.transaction().execute(async (trx) => {
    const feed = await newFeed(context, trx, { userId: user.id, projectId: access.project.id });
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId: access.project.id,
      action: 'calendar_feed.renewed',
      entityType: 'project',
      entityId: access.project.id,
      summary: 'Skapade en ny egen kalenderadress för projektet; den egna tidigare slutade fungera',
    });
    return feed;
  });
}

/** A new address for the calendar of the user's own deadlines; the one before stops working. */
export async function renewPersonFeed(context: AppContext, user: CurrentUser): Promise<CalendarFeed> {
  const person = user.personId ? await calendarRepository.findPerson(context.db, user.personId) : undefined;
  if (!person) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Ditt konto hör inte till någon person i projektens organisation, så det finns inga deadlines att visa i en kalender. Prenumerera på ett projekts kalender i stället.',
    );
  }
  return context.db.transaction().execute(async (trx) => {
    const feed = await newFeed(context, trx, { userId: user.id, projectId: null });
    await recordAudit(context, trx, {
      actor: user,
      customerId: person.customer_id,
      action: 'calendar_feed.renewed',
      entityType: 'person',
      entityId: person.id,
      summary: `Skapade en ny kalenderadress för ${person.name}; den tidigare slutade fungera`,
    });
    return feed;
  });
}

const unknownFeed = () =>
  new AppError('NOT_FOUND', 'Kalendern finns inte. Adressen kan ha ersatts av en ny: hämta den nya i Stegvis.');

/**
 * The calendar entries of some projects: every checklist deadline that `keep` lets through and
 * every dated key activity.
 */
async function entriesOf(
  context: AppContext,
  projectIds: string[],
  keep: (activity: ResponsibleActivity) => boolean,
  nameProject: boolean,
): Promise<{ projects: FeedProject[]; entries: CalendarEntry[] }> {
  if (projectIds.length === 0) return { projects: [], entries: [] };
  const { db } = context;
  const [projectRows, activityRows, namedRows, keyActivityRows] = await Promise.all([
    calendarRepository.projects(db, projectIds),
    calendarRepository.activitiesWithDeadline(db, projectIds),
    calendarRepository.namedPeople(db, projectIds),
    calendarRepository.keyActivitiesWithDate(db, projectIds),
  ]);
  const projects = new Map<string, FeedProject>(
    projectRows.map((row) => [row.id, { id: row.id, name: row.name, customerName: row.customer_name }]),
  );
  const named = new Map(namedRows.map((row) => [`${row.activity_id}/${row.side}`, row.person_id]));
  const options = {
    today: stockholmDay(context.clock.now()),
    links: feedLinks(context.config.publicUrl),
    nameProject,
  };
  const entries: CalendarEntry[] = [];
  for (const row of activityRows) {
    const project = projects.get(row.project_id);
    const responsible = {
      projectId: row.project_id,
      customerRoleKeys: JSON.parse(row.customer_role_keys) as string[],
      vendorRoleKeys: JSON.parse(row.vendor_role_keys) as string[],
      customerPersonId: named.get(`${row.id}/customer`) ?? null,
      vendorPersonId: named.get(`${row.id}/vendor`) ?? null,
    };
    if (!project || !row.deadline || !keep(responsible)) continue;
    const activity = {
      id: row.id,
      projectId: row.project_id,
      title: row.title,
      description: row.description,
      deadline: row.deadline,
      doneAt: row.done_at,
      doneByName: row.done_by_name,
    };
    entries.push(activityEntry(activity, project, options));
  }
  for (const row of keyActivityRows) {
    const project = projects.get(row.project_id);
    if (!project || !row.date) continue;
    entries.push(keyActivityEntry({ ...row, projectId: row.project_id, date: row.date }, project, options));
  }
  return { projects: [...projects.values()], entries };
}

/** Training sessions as timed events, titled as each project's template names the training. */
async function trainingEntriesOf(
  context: AppContext,
  rows: TrainingSessionRow[],
  nameProject: boolean,
): Promise<CalendarEntry[]> {
  const links = feedLinks(context.config.publicUrl);
  const entries: CalendarEntry[] = [];
  for (const row of rows) {
    const template = await loadTemplateContent(context, row.template_id);
    const trainingTitle =
      template.trainingTypes.find((training) => training.key === row.training_key)?.title ?? row.training_key;
    const session = {
      id: row.id,
      projectId: row.project_id,
      trainingTitle,
      date: row.date,
      startTime: row.start_time,
      endTime: row.end_time,
      mode: row.mode,
      place: row.place,
      link: row.link,
      trainerName: row.trainer_name,
    };
    const project = { id: row.project_id, name: row.project_name, customerName: row.customer_name };
    entries.push(trainingSessionEntry(session, project, { links, nameProject }));
  }
  return entries;
}

/** Whether the user may read the project now, by the same rule as every project request. */
async function mayRead(context: AppContext, user: CurrentUser, projectId: string): Promise<boolean> {
  try {
    await loadProjectAccess(context, user, projectId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

/**
 * The feed behind a secret, as an iCalendar file. A project's feed holds its checklist deadlines,
 * key activities and training sessions; a person's the deadlines they answer for, by the same rule
 * as reminders, the key activities of the projects they take part in and the training sessions
 * they are booked on or train. Access is checked at every fetch, as the user's own request would
 * be: someone whose roles are taken away gets 404 for the project's feed, and their personal feed
 * no longer shows the project.
 */
export async function feedFile(context: AppContext, secret: string): Promise<string> {
  const feed = await calendarRepository.findFeed(context.db, hashSessionToken(secret));
  const user = feed && (await findCurrentUser(context, feed.user_id));
  if (!feed || !user) throw unknownFeed();
  const stamp = context.clock.now();
  if (feed.scope === 'project' && feed.project_id) {
    if (!(await mayRead(context, user, feed.project_id))) throw unknownFeed();
    const { projects, entries } = await entriesOf(context, [feed.project_id], () => true, false);
    if (projects.length === 0) throw unknownFeed();
    const sessions = await calendarRepository.trainingSessionsOfProject(context.db, feed.project_id);
    return calendarFile({
      name: `Stegvis: ${projects[0].name}`,
      entries: [...entries, ...(await trainingEntriesOf(context, sessions, false))],
      stamp,
    });
  }
  const person = user.personId ? await calendarRepository.findPerson(context.db, user.personId) : undefined;
  if (!person) throw unknownFeed();
  const readable: string[] = [];
  for (const projectId of await calendarRepository.projectIdsOfPerson(context.db, person.id)) {
    if (await mayRead(context, user, projectId)) readable.push(projectId);
  }
  const projectIds = readable;
  const holders = indexRoleHolders(
    projectIds.length === 0
      ? []
      : (await calendarRepository.roleHoldings(context.db, projectIds)).map((row) => ({
          projectId: row.project_id,
          roleKey: row.role_key,
          personId: row.person_id,
        })),
  );
  const { entries } = await entriesOf(
    context,
    projectIds,
    (activity) => recipientsOf(activity, holders).includes(person.id),
    true,
  );
  const sessions = (await calendarRepository.trainingSessionsOfPerson(context.db, person.id)).filter((session) =>
    projectIds.includes(session.project_id),
  );
  return calendarFile({
    name: `Stegvis: mina uppgifter (${person.name})`,
    entries: [...entries, ...(await trainingEntriesOf(context, sessions, true))],
    stamp,
  });
}
