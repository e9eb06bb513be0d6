import type { CurrentUser } from '../../shared/auth.js';
import { defaultReminderPreferences, MAX_DAYS_BEFORE, type ReminderPreferences } from '../../shared/reminders.js';
import { recordAudit } from '../audit/service.js';
import { progressOf } from '../checklist/progress.js';
import type { AppContext } from '../core/context.js';
import { addDays, stockholmDay } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { runMeasurementJob } from '../measurements/daily.js';
import { deliverOnce } from './delivery.js';
import { reminderLinks, reminderMail } from './mails.js';
import { type PreferencesRow, reminderRepository } from './repository.js';
import { type DeadlineActivity, DIGEST_DAYS, dueReminders, type ReminderFacts } from './rules.js';

/** A person's preferences, or the defaults for someone who never set any. */
const preferencesOf = (row: { [Key in keyof PreferencesRow]: PreferencesRow[Key] | null }): ReminderPreferences =>
  row.enabled === null || row.days_before === null || row.digest_weekday === null
    ? defaultReminderPreferences
    : { enabled: row.enabled === 1, daysBefore: row.days_before, digestWeekday: row.digest_weekday };

/**
 * Reminders belong to a person of the organisation. A login without one (such as the vendor's
 * administrator created at first run) is answered with 400 rather than given a made-up person:
 * it is responsible for nothing, so there would be nothing to remind it of.
 */
async function personOf(context: AppContext, user: CurrentUser) {
  if (!user.personId) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Ditt konto hör inte till någon person i projektens organisation, så det finns inga uppgifter att påminna om. Be administratören lägga till dig som person.',
    );
  }
  const person = await reminderRepository.findPerson(context.db, user.personId);
  if (!person) throw notFound('Personen');
  return person;
}

export async function getPreferences(context: AppContext, user: CurrentUser): Promise<ReminderPreferences> {
  return preferencesOf(await personOf(context, user));
}

export async function savePreferences(
  context: AppContext,
  user: CurrentUser,
  preferences: ReminderPreferences,
): Promise<ReminderPreferences> {
  const person = await personOf(context, user);
  const before = preferencesOf(person);
  await context.db.transaction().execute(async (trx) => {
    await reminderRepository.savePreferences(trx, {
      person_id: person.id,
      enabled: preferences.enabled ? 1 : 0,
      days_before: preferences.daysBefore,
      digest_weekday: preferences.digestWeekday,
      updated_at: context.clock.now().toISOString(),
    });
    await recordAudit(context, trx, {
      actor: user,
      customerId: person.customer_id,
      action: 'reminders.preferences_changed',
      entityType: 'person',
      entityId: person.id,
      summary: preferences.enabled
        ? `${person.name} får påminnelser ${preferences.daysBefore} dagar före deadline`
        : `${person.name} stängde av påminnelser`,
      before,
      after: preferences,
    });
  });
  return preferences;
}

async function loadFacts(context: AppContext, today: string): Promise<ReminderFacts> {
  // Nobody is reminded earlier than the largest `daysBefore` allowed, nor digests further ahead.
  const until = addDays(today, Math.max(MAX_DAYS_BEFORE, DIGEST_DAYS));
  const [activityRows, namedRows, holdings, projectRows, peopleRows] = await Promise.all([
    reminderRepository.openDeadlines(context.db, until),
    reminderRepository.namedPeopleOfOpenDeadlines(context.db, until),
    reminderRepository.roleHoldings(context.db),
    reminderRepository.projectsWithProgress(context.db),
    reminderRepository.mailablePeople(context.db),
  ]);
  const named = new Map(namedRows.map((row) => [`${row.activity_id}/${row.side}`, row.person_id]));
  const activities: DeadlineActivity[] = activityRows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    deadline: row.deadline as string,
    customerRoleKeys: JSON.parse(row.customer_role_keys) as string[],
    vendorRoleKeys: JSON.parse(row.vendor_role_keys) as string[],
    customerPersonId: named.get(`${row.id}/customer`) ?? null,
    vendorPersonId: named.get(`${row.id}/vendor`) ?? null,
  }));
  return {
    today,
    activities,
    holdings: holdings.map((row) => ({ projectId: row.project_id, roleKey: row.role_key, personId: row.person_id })),
    projects: projectRows.map((row) => ({
      id: row.id,
      name: row.name,
      customerName: row.customer_name,
      progress: progressOf(row.done, row.total),
    })),
    people: peopleRows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email as string,
      preferences: preferencesOf(row),
    })),
  };
}

const LEASE_NAME = 'reminders';
/**
 * Long enough for a run to finish; a run that outlives it may overlap with the next instance's,
 * which costs work but no double mail, since each delivery key is claimed once.
 */
const LEASE_MS = 10 * 60_000;

export interface ReminderRun {
  /** False when another instance held the lease and this one did nothing. */
  ran: boolean;
  sent: number;
  failed: number;
}

/**
 * Sends every reminder that is due and has not gone out before, each at most once (see
 * `deliverOnce`), and does the measured effect goals' daily part. Only the instance holding the
 * `reminders` lease runs.
 */
export async function runReminders(context: AppContext): Promise<ReminderRun> {
  const holder = newId();
  const now = context.clock.now();
  const leased = await reminderRepository.takeLease(context.db, {
    name: LEASE_NAME,
    holder,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + LEASE_MS).toISOString(),
  });
  if (!leased) return { ran: false, sent: 0, failed: 0 };
  try {
    const today = stockholmDay(now);
    const due = dueReminders(await loadFacts(context, today));
    const delivered = await reminderRepository.deliveredKeys(
      context.db,
      due.map((reminder) => reminder.key),
    );
    const links = reminderLinks(context.config.publicUrl);
    const run: ReminderRun = { ran: true, sent: 0, failed: 0 };
    for (const reminder of due.filter((candidate) => !delivered.has(candidate.key))) {
      const outcome = await deliverOnce(
        context,
        {
          key: reminder.key,
          kind: reminder.kind,
          personId: reminder.person.id,
          projectId: 'project' in reminder ? reminder.project.id : null,
        },
        reminderMail(reminder, links, today),
      );
      if (outcome === 'sent') run.sent += 1;
      if (outcome === 'failed') run.failed += 1;
    }
    const measured = await runMeasurementJob(context, today);
    const completed = { ran: true, sent: run.sent + measured.sent, failed: run.failed + measured.failed };
    context.metrics.reminderRunCompleted(completed, context.clock.now());
    return completed;
  } finally {
    await reminderRepository.releaseLease(context.db, LEASE_NAME, holder);
  }
}
