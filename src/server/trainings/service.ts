import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type { TemplateContent } from '../../shared/templates.js';
import type {
  ChooseSplitBody,
  confirmSessionBodySchema,
  MarkAttendanceBody,
  proposeDatesBodySchema,
  recordWorkshopBodySchema,
  Training,
  TrainingSession,
  UpdateTrainingRangeBody,
  updateSessionBodySchema,
  Workshop,
} from '../../shared/trainings.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import { type FeedTrainingSession, feedLinks, trainingSessionEntry } from '../calendar/entries.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { vendorRecipients } from '../organisation/service.js';
import { followKeyActivity } from '../timeline/service.js';
import { type Mailbox, mailboxOf, sessionInvitation } from './invitation.js';
import { partOfDayLabels, proposalMail, type SessionNews, sessionMail } from './mails.js';
import { rightsOf, sessionNotFound, sessionNow, toSession, trainingNotFound, trainingNow } from './overview.js';
import { type SessionFields, type SessionRow, trainingRepository } from './repository.js';
import { TRAINING_LEADER_ROLE, trainingKind } from './rules.js';

/** The customer role that is invited to every session besides those who proposed its dates. */
const PROJECT_MANAGER_ROLE = 'projektledare';

type ProposeDates = z.output<typeof proposeDatesBodySchema>;
type ConfirmSession = z.output<typeof confirmSessionBodySchema>;
type UpdateSession = z.output<typeof updateSessionBodySchema>;
type RecordWorkshop = z.output<typeof recordWorkshopBodySchema>;
type TrainingType = TemplateContent['trainingTypes'][number];

// ---- Rules for changes ----

function requireTraining(access: ProjectAccess, trainingKey: string): TrainingType {
  const type = access.template.trainingTypes.find((candidate) => candidate.key === trainingKey);
  if (!type) throw trainingNotFound();
  return type;
}

const noSessions = (type: TrainingType) =>
  new AppError(
    'VALIDATION_FAILED',
    `${type.title} hålls av användarstödjarna i workshoppar på skolorna och har inga utbildningstillfällen`,
  );

function requireSessionTraining(access: ProjectAccess, trainingKey: string): TrainingType {
  const type = requireTraining(access, trainingKey);
  if (trainingKind(type.key) === 'staff') throw noSessions(type);
  return type;
}

function requireConfirm(user: CurrentUser, access: ProjectAccess): void {
  // Confirming depends on no school, so no role holdings are needed to judge it.
  if (!rightsOf(user, access, []).confirm) {
    throw new AppError(
      'FORBIDDEN',
      'Bara leverantörens utbildningsledare i projektet bekräftar, ändrar och ställer in utbildningstillfällen',
    );
  }
}

const staleSession = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat utbildningstillfället sedan du öppnade det. Ladda om och gör ändringen igen.',
  );

const invalid = (message: string, field: string, problem: string) =>
  new AppError('VALIDATION_FAILED', message, { [field]: problem });

async function requireSession(db: Kysely<Database>, access: ProjectAccess, sessionId: string): Promise<SessionRow> {
  const session = await trainingRepository.findSession(db, access.project.id, sessionId);
  if (!session) throw sessionNotFound();
  return session;
}

async function assertTrainer(db: Kysely<Database>, trainerPersonId: string | null): Promise<void> {
  if (!trainerPersonId) return;
  const person = await trainingRepository.findPerson(db, trainerPersonId);
  if (!person || person.customer_id !== null) {
    throw invalid(
      'Utbildaren ska vara en av leverantörens personer',
      'trainerPersonId',
      'Välj en av leverantörens personer',
    );
  }
}

async function requireCustomerPerson(db: Kysely<Database>, access: ProjectAccess, personId: string, field: string) {
  const person = await trainingRepository.findPerson(db, personId);
  if (!person || person.customer_id !== access.project.customerId) {
    throw invalid('Välj en person hos kunden', field, 'Personen hör inte till kunden');
  }
  return person;
}

/** "2027-03-02 09:00", as the project history names a session. */
const sessionLabel = (date: string, startTime: string) => `${date} ${startTime}`;

const auditOf = (user: CurrentUser, access: ProjectAccess, entityType: string) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
  entityType,
});

const sessionFields = (body: ConfirmSession | UpdateSession): SessionFields => ({
  date: body.date,
  start_time: body.startTime,
  end_time: body.endTime,
  mode: body.mode,
  place: body.place,
  link: body.link,
  trainer_person_id: body.trainerPersonId,
});

/** The session as the project history keeps it: names, not ids. */
const auditSession = (session: TrainingSession) => ({
  date: session.date,
  startTime: session.startTime,
  endTime: session.endTime,
  mode: session.mode,
  place: session.place,
  link: session.link,
  trainer: session.trainer?.name ?? null,
});

/**
 * Moves the training's key activity on the timeline to its earliest session, within the transaction
 * that changed the sessions; left where it is when no session remains.
 */
async function followSessions(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  type: TrainingType,
): Promise<void> {
  if (!type.keyActivityKey) return;
  // Earliest first.
  const first = (await trainingRepository.sessions(trx, access.project.id)).find(
    (session) => session.training_key === type.key,
  );
  if (first) await followKeyActivity(context, trx, user, access, type.keyActivityKey, first.date);
}

// ---- Mails ----

const trainingsLink = (context: AppContext, projectId: string) =>
  feedLinks(context.config.publicUrl).trainings(projectId);

/** Each address once, the first name given for it. */
function uniqueMailboxes(mailboxes: { name: string; email: string | null }[]): Mailbox[] {
  const seen = new Set<string>();
  return mailboxes.flatMap((mailbox) => {
    const email = mailbox.email?.trim().toLowerCase();
    if (!email || seen.has(email)) return [];
    seen.add(email);
    return [{ name: mailbox.name, email }];
  });
}

/** Those invited to every session of a training: who proposed its dates and the project manager. */
async function organisersOf(db: Kysely<Database>, projectId: string, trainingKey: string): Promise<Mailbox[]> {
  const [proposers, holdings] = await Promise.all([
    trainingRepository.proposers(db, projectId, trainingKey),
    trainingRepository.roleHoldings(db, projectId),
  ]);
  return uniqueMailboxes([
    ...proposers,
    ...holdings.filter((holding) => holding.role_key === PROJECT_MANAGER_ROLE && holding.customer_id !== null),
  ]);
}

const feedSessionOf = (session: TrainingSession, projectId: string, trainingTitle: string): FeedTrainingSession => ({
  id: session.id,
  projectId,
  trainingTitle,
  date: session.date,
  startTime: session.startTime,
  endTime: session.endTime,
  mode: session.mode,
  place: session.place,
  link: session.link,
  trainerName: session.trainer?.name ?? null,
});

/**
 * One mail per recipient with the session as a calendar invitation addressed to them, or its
 * cancellation. Sent in the background: the change is saved whether or not a mail gets through.
 */
async function mailSession(
  context: AppContext,
  access: ProjectAccess,
  input: {
    news: SessionNews;
    session: FeedTrainingSession;
    sequence: number;
    recipients: { name: string; email: string | null }[];
  },
): Promise<void> {
  const recipients = uniqueMailboxes(input.recipients);
  if (recipients.length === 0) return;
  const names = await trainingRepository.projectNames(context.db, access.project.id);
  const project = { id: access.project.id, name: names.name, customerName: names.customer_name };
  const links = feedLinks(context.config.publicUrl);
  const event = {
    ...trainingSessionEntry(input.session, project, { links, nameProject: false }),
    sequence: input.sequence,
  };
  const method = input.news === 'cancelled' || input.news === 'unbooked' ? 'CANCEL' : 'REQUEST';
  const organizer = mailboxOf(context.config.mail.from);
  for (const recipient of recipients) {
    const content = sessionInvitation({ method, event, organizer, attendee: recipient, stamp: context.clock.now() });
    context.mailer.sendInBackground(
      sessionMail({
        news: input.news,
        to: recipient.email,
        name: recipient.name,
        session: input.session,
        project,
        link: links.trainings(project.id),
        calendar: { method, content },
      }),
    );
  }
}

// ---- Ranges ----

/** "10–12", "högst 20", "minst 5" or "inget antal". */
function rangeText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min}–${max}`;
  if (max !== null) return `högst ${max}`;
  if (min !== null) return `minst ${min}`;
  return 'inget antal';
}

/** The project's own participant range for a training; version 0 replaces the template's. */
export async function updateTrainingRange(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  trainingKey: string,
  body: UpdateTrainingRangeBody,
): Promise<Training> {
  const type = requireSessionTraining(access, trainingKey);
  if (!rightsOf(user, access, []).changeRange) {
    throw new AppError(
      'FORBIDDEN',
      'Bara den som skriver planen eller leverantörens utbildningsledare ändrar antalet deltagare per tillfälle',
    );
  }
  const projectId = access.project.id;
  const change = {
    min_participants: body.minParticipants,
    max_participants: body.maxParticipants,
    // A choice of sessions over the maximum or under the minimum was made for the range it replaces.
    split_choice: null,
    updated_at: context.clock.now().toISOString(),
  };
  await context.db.transaction().execute(async (trx) => {
    const before = (await trainingRepository.ranges(trx, projectId)).find((row) => row.training_key === trainingKey);
    const saved =
      body.version === 0
        ? await trainingRepository.insertRangeIfAbsent(trx, {
            project_id: projectId,
            training_key: trainingKey,
            ...change,
          })
        : await trainingRepository.updateRangeIfVersion(trx, { projectId, trainingKey, version: body.version }, change);
    if (!saved) {
      throw new AppError(
        'VERSION_CONFLICT',
        'Någon annan har ändrat antalet deltagare sedan du öppnade sidan. Ladda om och gör ändringen igen.',
      );
    }
    const previous = before
      ? { min: before.min_participants, max: before.max_participants }
      : { min: type.minParticipants ?? null, max: type.maxParticipants ?? null };
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training'),
      action: 'training.range_changed',
      entityId: trainingKey,
      summary: `Ändrade antalet deltagare per tillfälle för ${type.title}: ${rangeText(body.minParticipants, body.maxParticipants)}`,
      before: { minParticipants: previous.min, maxParticipants: previous.max },
      after: { minParticipants: body.minParticipants, maxParticipants: body.maxParticipants },
    });
  });
  return trainingNow(context, user, access, trainingKey);
}

/**
 * How the project holds a training whose trainees cannot be split within its range: one of the real
 * choices the overview offers, or none (null) to take a choice back. Recorded on the project's range,
 * on the version it was read at; version 0 keeps the template's range as the project's own.
 */
export async function chooseSplit(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  trainingKey: string,
  body: ChooseSplitBody,
): Promise<Training> {
  const type = requireSessionTraining(access, trainingKey);
  if (!rightsOf(user, access, []).changeRange) {
    throw new AppError(
      'FORBIDDEN',
      'Bara den som skriver planen eller leverantörens utbildningsledare väljer hur utbildningen delas',
    );
  }
  const training = await trainingNow(context, user, access, trainingKey);
  const capacity = training.capacity;
  const option = capacity?.options.find((candidate) => candidate.choice === body.choice);
  if (body.choice !== null && !option) {
    throw new AppError(
      'VALIDATION_FAILED',
      capacity?.fits
        ? `Deltagarna i ${type.title} kan delas inom intervallet; inget val behövs`
        : 'Det valet finns inte för utbildningen',
      { choice: 'Välj ett av alternativen' },
    );
  }
  const projectId = access.project.id;
  const updatedAt = context.clock.now().toISOString();
  await context.db.transaction().execute(async (trx) => {
    const saved =
      body.version === 0
        ? await trainingRepository.insertRangeIfAbsent(trx, {
            project_id: projectId,
            training_key: trainingKey,
            min_participants: training.minParticipants,
            max_participants: training.maxParticipants,
            split_choice: body.choice,
            updated_at: updatedAt,
          })
        : await trainingRepository.updateRangeIfVersion(
            trx,
            { projectId, trainingKey, version: body.version },
            { split_choice: body.choice, updated_at: updatedAt },
          );
    if (!saved) {
      throw new AppError(
        'VERSION_CONFLICT',
        'Någon annan har ändrat utbildningen sedan du öppnade sidan. Ladda om och gör valet igen.',
      );
    }
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training'),
      action: 'training.split_chosen',
      entityId: trainingKey,
      summary: option
        ? `Valde för ${type.title}: ${option.message} (${capacity?.message})`
        : `Tog tillbaka valet av gruppstorlek för ${type.title}`,
      before: { choice: capacity?.choice ?? null },
      after: { choice: body.choice, description: option?.message ?? null },
    });
  });
  return trainingNow(context, user, access, trainingKey);
}

// ---- Proposals ----

/** The customer proposes dates for a training, together; the vendor's Utbildningsledare hear of it. */
export async function proposeDates(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  trainingKey: string,
  body: ProposeDates,
): Promise<Training> {
  requireEdit(access);
  const type = requireSessionTraining(access, trainingKey);
  const today = stockholmDay(context.clock.now());
  const past = body.dates.findIndex((entry) => entry.date < today);
  if (past !== -1) {
    throw invalid('Föreslå datum från och med i dag', `dates.${past}.date`, 'Datumet har redan varit');
  }
  const projectId = access.project.id;
  const batchId = newId();
  const createdAt = context.clock.now().toISOString();
  const rows = body.dates.map((entry) => ({
    id: newId(),
    project_id: projectId,
    training_key: trainingKey,
    batch_id: batchId,
    proposed_date: entry.date,
    part_of_day: entry.partOfDay,
    note: entry.note,
    proposed_by_user_id: user.id,
    proposed_by_name: user.name,
    created_at: createdAt,
  }));
  await context.db.transaction().execute(async (trx) => {
    await trainingRepository.insertProposals(trx, rows);
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_proposal'),
      action: 'training.dates_proposed',
      entityId: batchId,
      summary: `Föreslog ${rows.length} datum för ${type.title}`,
      after: { dates: body.dates.map((entry) => ({ ...entry, partOfDay: partOfDayLabels[entry.partOfDay] })) },
    });
  });
  const [recipients, names] = await Promise.all([
    vendorRecipients(context.db, projectId, TRAINING_LEADER_ROLE),
    trainingRepository.projectNames(context.db, projectId),
  ]);
  for (const recipient of recipients) {
    context.mailer.sendInBackground(
      proposalMail({
        to: recipient.email,
        name: recipient.name,
        proposerName: user.name,
        trainingTitle: type.title,
        project: { name: names.name, customerName: names.customer_name },
        dates: body.dates,
        link: trainingsLink(context, projectId),
      }),
    );
  }
  return trainingNow(context, user, access, trainingKey);
}

export async function deleteProposal(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  proposalId: string,
): Promise<void> {
  requireEdit(access);
  await context.db.transaction().execute(async (trx) => {
    const proposal = await trainingRepository.findProposal(trx, access.project.id, proposalId);
    if (!proposal) throw notFound('Datumförslaget');
    if (await trainingRepository.sessionOfProposal(trx, proposalId)) {
      throw new AppError(
        'CONFLICT',
        'Ett utbildningstillfälle är bekräftat från förslaget. Det måste ställas in innan förslaget kan tas bort.',
      );
    }
    await trainingRepository.deleteProposal(trx, proposalId);
    const title = access.template.trainingTypes.find((type) => type.key === proposal.training_key)?.title;
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_proposal'),
      action: 'training.proposal_deleted',
      entityId: proposalId,
      summary: `Tog bort datumförslaget ${proposal.proposed_date} (${partOfDayLabels[proposal.part_of_day]}) för ${title ?? proposal.training_key}`,
      before: { date: proposal.proposed_date, partOfDay: proposal.part_of_day, note: proposal.note },
    });
  });
}

// ---- Sessions ----

/** The vendor confirms a session, from one of the proposals or on a date of its own, and invites the customer. */
export async function confirmSession(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  trainingKey: string,
  body: ConfirmSession,
): Promise<TrainingSession> {
  requireConfirm(user, access);
  const type = requireSessionTraining(access, trainingKey);
  const projectId = access.project.id;
  const sessionId = newId();
  const now = context.clock.now().toISOString();
  const session = await context.db.transaction().execute(async (trx) => {
    if (body.proposalId) {
      const proposal = await trainingRepository.findProposal(trx, projectId, body.proposalId);
      if (!proposal || proposal.training_key !== trainingKey) {
        throw invalid('Förslaget hör inte till den här utbildningen', 'proposalId', 'Okänt förslag');
      }
      if (proposal.proposed_date !== body.date) {
        throw invalid(
          `Tillfället ska hållas på det föreslagna datumet ${proposal.proposed_date}`,
          'date',
          `Förslaget gäller ${proposal.proposed_date}`,
        );
      }
      if (await trainingRepository.sessionOfProposal(trx, proposal.id)) {
        throw new AppError('CONFLICT', 'Ett tillfälle är redan bekräftat från det här förslaget');
      }
    }
    await assertTrainer(trx, body.trainerPersonId);
    await trainingRepository.insertSession(trx, {
      id: sessionId,
      project_id: projectId,
      training_key: trainingKey,
      proposal_id: body.proposalId,
      ...sessionFields(body),
      confirmed_by_name: user.name,
      created_at: now,
      updated_at: now,
    });
    const saved = toSession(await requireSession(trx, access, sessionId), [], { min: null, max: null });
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_session'),
      action: 'training.session_confirmed',
      entityId: sessionId,
      summary: `Bekräftade utbildningstillfälle ${sessionLabel(body.date, body.startTime)} för ${type.title}`,
      after: auditSession(saved),
    });
    await followSessions(context, trx, user, access, type);
    return saved;
  });
  await mailSession(context, access, {
    news: 'confirmed',
    session: feedSessionOf(session, projectId, type.title),
    sequence: session.version,
    recipients: await organisersOf(context.db, projectId, trainingKey),
  });
  return sessionNow(context, user, access, sessionId);
}

/** The session's booked people, as recipients of what happens to it. */
const bookedOn = (session: TrainingSession) =>
  session.participants.map((participant) => ({ name: participant.name, email: participant.email }));

/** Changes a session on the version it was read at; everyone invited gets the updated invitation. */
export async function updateSession(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  sessionId: string,
  body: UpdateSession,
): Promise<TrainingSession> {
  requireConfirm(user, access);
  const projectId = access.project.id;
  const before = await sessionNow(context, user, access, sessionId);
  const type = requireTraining(access, before.trainingKey);
  await context.db.transaction().execute(async (trx) => {
    await assertTrainer(trx, body.trainerPersonId);
    const saved = await trainingRepository.updateSessionIfVersion(
      trx,
      { projectId, sessionId, version: body.version },
      { ...sessionFields(body), updated_at: context.clock.now().toISOString() },
    );
    if (!saved) throw staleSession();
    const after = toSession(await requireSession(trx, access, sessionId), [], { min: null, max: null });
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_session'),
      action: 'training.session_updated',
      entityId: sessionId,
      summary: `Ändrade utbildningstillfälle ${sessionLabel(before.date, before.startTime)} för ${type.title}`,
      before: auditSession(before),
      after: auditSession(after),
    });
    await followSessions(context, trx, user, access, type);
  });
  const after = await sessionNow(context, user, access, sessionId);
  await mailSession(context, access, {
    news: 'changed',
    session: feedSessionOf(after, projectId, type.title),
    sequence: after.version,
    recipients: [...bookedOn(after), ...(await organisersOf(context.db, projectId, after.trainingKey))],
  });
  return after;
}

/** Cancels a session on the version it was read at; its bookings go with it and everyone invited is told. */
export async function cancelSession(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  sessionId: string,
  version: number,
): Promise<void> {
  requireConfirm(user, access);
  const projectId = access.project.id;
  const session = await sessionNow(context, user, access, sessionId);
  const type = requireTraining(access, session.trainingKey);
  await context.db.transaction().execute(async (trx) => {
    if (!(await trainingRepository.deleteSessionIfVersion(trx, { projectId, sessionId, version }))) {
      throw staleSession();
    }
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_session'),
      action: 'training.session_cancelled',
      entityId: sessionId,
      summary: `Ställde in utbildningstillfälle ${sessionLabel(session.date, session.startTime)} för ${type.title}`,
      before: { ...auditSession(session), participants: session.participants.map((participant) => participant.name) },
    });
    await followSessions(context, trx, user, access, type);
  });
  await mailSession(context, access, {
    news: 'cancelled',
    session: feedSessionOf(session, projectId, type.title),
    // Cancelling changes the event's status, which RFC 5546 counts as a new revision of it.
    sequence: session.version + 1,
    recipients: [...bookedOn(session), ...(await organisersOf(context.db, projectId, session.trainingKey))],
  });
}

// ---- Bookings ----

const alreadyBooked = (name: string, type: TrainingType) =>
  new AppError('CONFLICT', `${name} är redan bokad på ett tillfälle av ${type.title}`);

/** Books the unbooked trainees over the coming sessions as the overview suggests, and invites them. */
export async function applySplit(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  trainingKey: string,
): Promise<Training> {
  requireEdit(access);
  const type = requireSessionTraining(access, trainingKey);
  const training = await trainingNow(context, user, access, trainingKey);
  const today = stockholmDay(context.clock.now());
  if (!training.sessions.some((session) => session.date >= today)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Det finns inget kommande tillfälle av ${type.title} att fördela deltagarna på`,
    );
  }
  if (training.suggestedSplit.length === 0) return training;
  const projectId = access.project.id;
  const bookedAt = context.clock.now().toISOString();
  const rows = training.suggestedSplit.flatMap((entry) =>
    entry.people.map((person) => ({
      session_id: entry.sessionId,
      project_id: projectId,
      training_key: trainingKey,
      person_id: person.personId,
      booked_at: bookedAt,
    })),
  );
  await context.db.transaction().execute(async (trx) => {
    if ((await trainingRepository.bookIfFree(trx, rows)) !== rows.length) {
      throw new AppError('CONFLICT', 'Någon annan bokade deltagare samtidigt. Ladda om och försök igen.');
    }
    const sessionById = new Map(training.sessions.map((session) => [session.id, session]));
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training'),
      action: 'training.split_applied',
      entityId: trainingKey,
      summary: `Fördelade ${rows.length} deltagare på ${training.suggestedSplit.length} tillfällen av ${type.title}`,
      after: {
        sessions: training.suggestedSplit.map((entry) => {
          const session = sessionById.get(entry.sessionId);
          return {
            session: session ? sessionLabel(session.date, session.startTime) : entry.sessionId,
            people: entry.people.map((person) => person.name),
          };
        }),
      },
    });
  });
  const after = await trainingNow(context, user, access, trainingKey);
  for (const entry of training.suggestedSplit) {
    const session = after.sessions.find((candidate) => candidate.id === entry.sessionId);
    if (!session) continue;
    await mailSession(context, access, {
      news: 'booked',
      session: feedSessionOf(session, projectId, type.title),
      sequence: session.version,
      recipients: entry.people,
    });
  }
  return after;
}

/**
 * Books one person of the customer on a session, for instance someone who missed theirs on the
 * catch-up. The database refuses a second booking on the same training.
 */
export async function bookParticipant(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  sessionId: string,
  personId: string,
): Promise<TrainingSession> {
  requireEdit(access);
  const projectId = access.project.id;
  const session = await requireSession(context.db, access, sessionId);
  const type = requireSessionTraining(access, session.training_key);
  const person = await requireCustomerPerson(context.db, access, personId, 'personId');
  await context.db.transaction().execute(async (trx) => {
    const booked = await trainingRepository.bookIfFree(trx, [
      {
        session_id: sessionId,
        project_id: projectId,
        training_key: session.training_key,
        person_id: personId,
        booked_at: context.clock.now().toISOString(),
      },
    ]);
    if (booked === 0) throw alreadyBooked(person.name, type);
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_participant'),
      action: 'training.participant_booked',
      entityId: sessionId,
      summary: `Bokade ${person.name} på ${type.title} ${sessionLabel(session.date, session.start_time)}`,
      after: { person: person.name },
    });
  });
  const after = await sessionNow(context, user, access, sessionId);
  await mailSession(context, access, {
    news: 'booked',
    session: feedSessionOf(after, projectId, type.title),
    sequence: after.version,
    recipients: [person],
  });
  return after;
}

export async function unbookParticipant(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  sessionId: string,
  personId: string,
): Promise<void> {
  requireEdit(access);
  const projectId = access.project.id;
  const session = await sessionNow(context, user, access, sessionId);
  const type = requireTraining(access, session.trainingKey);
  const participant = session.participants.find((candidate) => candidate.personId === personId);
  if (!participant) throw notFound('Bokningen');
  await context.db.transaction().execute(async (trx) => {
    if (!(await trainingRepository.unbook(trx, sessionId, personId))) throw notFound('Bokningen');
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_participant'),
      action: 'training.participant_unbooked',
      entityId: sessionId,
      summary: `Avbokade ${participant.name} från ${type.title} ${sessionLabel(session.date, session.startTime)}`,
      before: { person: participant.name, attendance: participant.attendance },
    });
  });
  await mailSession(context, access, {
    news: 'unbooked',
    session: feedSessionOf(session, projectId, type.title),
    sequence: session.version,
    recipients: [participant],
  });
}

const attendanceWords = { booked: 'bokad', attended: 'närvarande', absent: 'frånvarande' } as const;

/** Marks who came; whoever marks is recorded with the time, and "booked" clears the mark. */
export async function markAttendance(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  sessionId: string,
  body: MarkAttendanceBody,
): Promise<TrainingSession> {
  const session = await requireSession(context.db, access, sessionId);
  const type = requireTraining(access, session.training_key);
  if (!rightsOf(user, access, []).markAttendanceAt(session.trainer_person_id)) {
    throw new AppError(
      'FORBIDDEN',
      'Närvaro markeras av tillfällets utbildare, leverantörens utbildningsledare eller den som skriver planen',
    );
  }
  const before = await sessionNow(context, user, access, sessionId);
  const booked = new Map(before.participants.map((participant) => [participant.personId, participant]));
  const entries = new Map(body.entries.map((entry) => [entry.personId, entry.attendance]));
  const unknown = [...entries.keys()].filter((personId) => !booked.has(personId));
  if (unknown.length > 0) {
    throw invalid(
      'Närvaro kan bara markeras för dem som är bokade på tillfället',
      'entries',
      `${unknown.length} av personerna är inte bokade på tillfället`,
    );
  }
  const now = context.clock.now().toISOString();
  await context.db.transaction().execute(async (trx) => {
    for (const [personId, attendance] of entries) {
      const marked = attendance !== 'booked';
      await trainingRepository.markAttendance(
        trx,
        { sessionId, personId },
        { attendance, marked_by_name: marked ? user.name : null, marked_at: marked ? now : null },
      );
    }
    const counts = (['attended', 'absent', 'booked'] as const)
      .map((state) => [state, [...entries.values()].filter((value) => value === state).length] as const)
      .filter(([, count]) => count > 0)
      .map(([state, count]) => `${count} ${attendanceWords[state]}`);
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'training_session'),
      action: 'training.attendance_marked',
      entityId: sessionId,
      summary: `Markerade närvaro på ${type.title} ${sessionLabel(session.date, session.start_time)}: ${counts.join(', ')}`,
      before: Object.fromEntries(
        [...entries.keys()].map((personId) => {
          const participant = booked.get(personId);
          return [participant?.name ?? personId, participant ? attendanceWords[participant.attendance] : null];
        }),
      ),
      after: Object.fromEntries(
        [...entries].map(([personId, attendance]) => [
          booked.get(personId)?.name ?? personId,
          attendanceWords[attendance],
        ]),
      ),
    });
  });
  return sessionNow(context, user, access, sessionId);
}

// ---- Staff workshops ----

async function requireWorkshopRight(
  db: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  schoolId: string,
): Promise<void> {
  const holdings = await trainingRepository.roleHoldings(db, access.project.id);
  if (!rightsOf(user, access, holdings).recordWorkshopsAt(schoolId)) {
    throw new AppError(
      'FORBIDDEN',
      'Workshoppar registreras av skolans användarstödjare eller av den som skriver planen',
    );
  }
}

/** A user-supporter's workshop for colleagues, counted towards the school's staff training. */
export async function recordWorkshop(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: RecordWorkshop,
): Promise<Workshop> {
  const school = await trainingRepository.findSchool(context.db, access.project.customerId, body.schoolId);
  if (!school) throw invalid('Skolan finns inte hos kunden', 'schoolId', 'Okänd skola');
  await requireWorkshopRight(context.db, user, access, school.id);
  const heldBy = body.heldByPersonId
    ? await requireCustomerPerson(context.db, access, body.heldByPersonId, 'heldByPersonId')
    : null;
  const workshop: Workshop = {
    id: newId(),
    heldOn: body.heldOn,
    staffCount: body.staffCount,
    heldBy: heldBy ? { id: heldBy.id, name: heldBy.name } : null,
    note: body.note,
    recordedByName: user.name,
  };
  await context.db.transaction().execute(async (trx) => {
    await trainingRepository.insertWorkshop(trx, {
      id: workshop.id,
      project_id: access.project.id,
      school_id: school.id,
      held_on: workshop.heldOn,
      staff_count: workshop.staffCount,
      held_by_person_id: heldBy?.id ?? null,
      note: workshop.note,
      recorded_by_name: workshop.recordedByName,
      created_at: context.clock.now().toISOString(),
    });
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'staff_workshop'),
      action: 'training.workshop_recorded',
      entityId: workshop.id,
      summary: `Registrerade en workshop på ${school.name} ${workshop.heldOn} för ${workshop.staffCount} i personalen`,
      after: {
        school: school.name,
        heldOn: workshop.heldOn,
        staffCount: workshop.staffCount,
        heldBy: heldBy?.name ?? null,
        note: workshop.note,
      },
    });
  });
  return workshop;
}

export async function deleteWorkshop(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  workshopId: string,
): Promise<void> {
  const workshop = await trainingRepository.findWorkshop(context.db, access.project.id, workshopId);
  if (!workshop) throw notFound('Workshoppen');
  await requireWorkshopRight(context.db, user, access, workshop.school_id);
  const school = await trainingRepository.findSchool(context.db, access.project.customerId, workshop.school_id);
  await context.db.transaction().execute(async (trx) => {
    await trainingRepository.deleteWorkshop(trx, workshopId);
    await recordAudit(context, trx, {
      ...auditOf(user, access, 'staff_workshop'),
      action: 'training.workshop_deleted',
      entityId: workshopId,
      summary: `Tog bort workshoppen på ${school?.name ?? 'skolan'} ${workshop.held_on}`,
      before: {
        school: school?.name ?? null,
        heldOn: workshop.held_on,
        staffCount: workshop.staff_count,
        note: workshop.note,
      },
    });
  });
}
