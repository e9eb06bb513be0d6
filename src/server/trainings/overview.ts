import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { TemplateContent } from '../../shared/templates.js';
import type {
  MissedTraining,
  Proposal,
  SchoolStaffTraining,
  SessionParticipant,
  Trainee,
  Training,
  TrainingSession,
  TrainingsOverview,
  Workshop,
} from '../../shared/trainings.js';
import { type ProjectAccess, whileOpen } from '../access/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { notFound } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { type ProposalRow, type SessionRow, trainingRepository, type WorkshopRow } from './repository.js';
import {
  sessionsNeeded,
  sessionWarnings,
  splitIntoSessions,
  splitLimits,
  TRAINING_LEADER_ROLE,
  trainingCapacity,
  trainingKind,
  trainingRights,
  USER_SUPPORTER_ROLE,
} from './rules.js';

type TrainingType = TemplateContent['trainingTypes'][number];

const swedish = new Intl.Collator('sv');
const byName = (a: { name: string }, b: { name: string }) => swedish.compare(a.name, b.name);

export const trainingNotFound = () => notFound('Utbildningen');
export const sessionNotFound = () => notFound('Utbildningstillfället');

/** Everything the trainings page shows, in a fixed number of queries however many sessions there are. */
async function loadProjectData(db: Kysely<Database>, access: ProjectAccess) {
  const projectId = access.project.id;
  const [ranges, proposals, sessions, participants, holdings, workshops, schools, vendorPeople] = await Promise.all([
    trainingRepository.ranges(db, projectId),
    trainingRepository.proposals(db, projectId),
    trainingRepository.sessions(db, projectId),
    trainingRepository.participants(db, projectId),
    trainingRepository.roleHoldings(db, projectId),
    trainingRepository.workshops(db, projectId),
    trainingRepository.schools(db, access.project.customerId),
    trainingRepository.vendorPeople(db),
  ]);
  return { ranges, proposals, sessions, participants, holdings, workshops, schools, vendorPeople };
}

type ProjectData = Awaited<ReturnType<typeof loadProjectData>>;
type Holding = ProjectData['holdings'][number];
type ParticipantRow = ProjectData['participants'][number];

/** A trainee with the school that keeps them together with their colleagues when sessions are filled. */
interface PlacedTrainee extends Trainee {
  schoolId: string | null;
}

const asTrainee = ({ personId, name, email, schoolName }: PlacedTrainee): Trainee => ({
  personId,
  name,
  email,
  schoolName,
});

/**
 * The school a person belongs to for a training: where they hold its role (the first by name when
 * several), else any school where they hold a role, else the school the organisation lists them at.
 */
function schoolFinder(holdings: Holding[]) {
  const bySchoolName = (a: Holding, b: Holding) => swedish.compare(a.school_name ?? '', b.school_name ?? '');
  const atSchoolsOf = new Map<string, Holding[]>();
  for (const holding of holdings.filter((candidate) => candidate.school_id !== null).sort(bySchoolName)) {
    atSchoolsOf.set(holding.person_id, [...(atSchoolsOf.get(holding.person_id) ?? []), holding]);
  }
  return (
    personId: string,
    roleKey: string | null,
    own: { id: string | null; name: string | null } = { id: null, name: null },
  ) => {
    const mine = atSchoolsOf.get(personId) ?? [];
    const found = mine.find((holding) => holding.role_key === roleKey) ?? mine[0];
    return found ? { id: found.school_id, name: found.school_name } : own;
  };
}

/** What the user may do with the project's trainings; `holdings` tell at which schools they are user-supporters. */
export function rightsOf(
  user: CurrentUser,
  access: ProjectAccess,
  holdings: readonly { person_id: string; role_key: string; school_id: string | null }[],
) {
  return trainingRights({
    role: user.role,
    personId: user.personId,
    editsPlan: access.permissions.edit,
    heldRoleKeys: access.heldRoleKeys,
    supportedSchoolIds: new Set(
      holdings
        .filter((holding) => holding.person_id === user.personId && holding.role_key === USER_SUPPORTER_ROLE)
        .flatMap((holding) => (holding.school_id ? [holding.school_id] : [])),
    ),
  });
}

function rangeOf(type: TrainingType, data: ProjectData) {
  const own = data.ranges.find((range) => range.training_key === type.key);
  return own
    ? { min: own.min_participants, max: own.max_participants, version: own.version, choice: own.split_choice }
    : { min: type.minParticipants ?? null, max: type.maxParticipants ?? null, version: 0, choice: null };
}

function buildTrainings(access: ProjectAccess, data: ProjectData, today: string): Training[] {
  const schoolOf = schoolFinder(data.holdings);
  const types = access.template.trainingTypes;
  const roleKeyOf = new Map(types.map((type) => [type.key, type.participantRoleKey ?? null]));
  const sessionById = new Map(data.sessions.map((session) => [session.id, session]));
  const isCatchUp = (row: ParticipantRow) => trainingKind(row.training_key) === 'catchUp';
  const attendedCatchUp = new Set(
    data.participants.filter((row) => isCatchUp(row) && row.attendance === 'attended').map((row) => row.person_id),
  );
  const catchUpSessionOf = new Map(
    data.participants.filter(isCatchUp).map((row) => [row.person_id, row.session_id] as const),
  );
  const stillMissing = data.participants
    .filter(
      (row) =>
        trainingKind(row.training_key) === 'role' && row.attendance === 'absent' && !attendedCatchUp.has(row.person_id),
    )
    .sort((a, b) =>
      (sessionById.get(a.session_id)?.date ?? '').localeCompare(sessionById.get(b.session_id)?.date ?? ''),
    );

  const traineeOf = (row: ParticipantRow, roleKey: string | null): PlacedTrainee => {
    const school = schoolOf(row.person_id, roleKey, { id: row.own_school_id, name: row.own_school_name });
    return { personId: row.person_id, name: row.name, email: row.email, schoolName: school.name, schoolId: school.id };
  };

  const roleHolders = (roleKey: string): PlacedTrainee[] => {
    const seen = new Set<string>();
    const trainees: PlacedTrainee[] = [];
    for (const holding of data.holdings) {
      if (holding.role_key !== roleKey || holding.customer_id !== access.project.customerId) continue;
      if (seen.has(holding.person_id)) continue;
      seen.add(holding.person_id);
      const school = schoolOf(holding.person_id, roleKey);
      trainees.push({
        personId: holding.person_id,
        name: holding.name,
        email: holding.email,
        schoolName: school.name,
        schoolId: school.id,
      });
    }
    return trainees.sort(byName);
  };

  const catchUpTrainees = (): PlacedTrainee[] => {
    const seen = new Set<string>();
    const trainees: PlacedTrainee[] = [];
    for (const row of stillMissing) {
      if (seen.has(row.person_id)) continue;
      seen.add(row.person_id);
      trainees.push(traineeOf(row, roleKeyOf.get(row.training_key) ?? null));
    }
    return trainees.sort(byName);
  };

  return types.map((type): Training => {
    const kind = trainingKind(type.key);
    const range = rangeOf(type, data);
    const roleKey = type.participantRoleKey ?? null;
    const role = roleKey ? access.template.customerRoles.find((candidate) => candidate.key === roleKey) : undefined;
    const trainees = kind === 'role' && roleKey ? roleHolders(roleKey) : kind === 'catchUp' ? catchUpTrainees() : [];
    const bookings = data.participants.filter((row) => row.training_key === type.key);
    const sessionRows = data.sessions.filter((session) => session.training_key === type.key);
    const participantOf = (row: ParticipantRow): SessionParticipant => ({
      ...asTrainee(traineeOf(row, roleKey)),
      attendance: row.attendance,
      markedByName: row.marked_by_name,
      markedAt: row.marked_at,
    });
    const sessions = sessionRows.map((session) =>
      toSession(session, bookings.filter((row) => row.session_id === session.id).map(participantOf), range),
    );
    const booked = new Set(bookings.map((row) => row.person_id));
    const unbooked = trainees.filter((trainee) => !booked.has(trainee.personId));
    const upcoming = sessions.filter((session) => session.date >= today);
    const capacity = kind === 'staff' ? null : trainingCapacity(trainees.length, range, range.choice);
    const limits = capacity ? splitLimits(capacity, range) : null;
    const split = limits
      ? (splitIntoSessions(
          unbooked.map((trainee) => ({ ...trainee, id: trainee.personId, groupKey: trainee.schoolId })),
          upcoming.map((session) => ({ id: session.id, booked: session.participants.length })),
          limits,
        ) ?? [])
      : [];
    const missed: MissedTraining[] =
      kind === 'role'
        ? stillMissing
            .filter((row) => row.training_key === type.key)
            .map((row) => ({
              ...asTrainee(traineeOf(row, roleKey)),
              sessionId: row.session_id,
              sessionDate: sessionById.get(row.session_id)?.date ?? '',
              catchUpSessionId: catchUpSessionOf.get(row.person_id) ?? null,
            }))
            .sort(byName)
        : [];
    return {
      key: type.key,
      title: type.title,
      kind,
      minParticipants: range.min,
      maxParticipants: range.max,
      templateMinParticipants: type.minParticipants ?? null,
      templateMaxParticipants: type.maxParticipants ?? null,
      version: range.version,
      participantRole: role ? { key: role.key, title: role.title } : null,
      trainees: trainees.map(asTrainee),
      sessionsNeeded: kind === 'staff' ? null : sessionsNeeded(trainees.length, range, range.choice),
      capacity,
      proposals: data.proposals
        .filter((proposal) => proposal.training_key === type.key)
        .map((proposal) => toProposal(proposal, sessionRows))
        .sort(byDateAndPartOfDay),
      sessions,
      unbooked: unbooked.map(asTrainee),
      suggestedSplit: split.map((entry) => ({ sessionId: entry.sessionId, people: entry.people.map(asTrainee) })),
      missed,
    };
  });
}

const partOfDayOrder = { heldag: 0, formiddag: 1, eftermiddag: 2 } as const;

const byDateAndPartOfDay = (a: Proposal, b: Proposal) =>
  a.date.localeCompare(b.date) ||
  partOfDayOrder[a.partOfDay] - partOfDayOrder[b.partOfDay] ||
  a.createdAt.localeCompare(b.createdAt);

function toProposal(row: ProposalRow, sessions: SessionRow[]): Proposal {
  return {
    id: row.id,
    batchId: row.batch_id,
    date: row.proposed_date,
    partOfDay: row.part_of_day,
    note: row.note,
    proposedByName: row.proposed_by_name,
    createdAt: row.created_at,
    sessionId: sessions.find((session) => session.proposal_id === row.id)?.id ?? null,
  };
}

export function toSession(
  row: SessionRow,
  participants: SessionParticipant[],
  range: { min: number | null; max: number | null },
): TrainingSession {
  return {
    id: row.id,
    trainingKey: row.training_key,
    proposalId: row.proposal_id,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    mode: row.mode,
    place: row.place,
    link: row.link,
    trainer: row.trainer_person_id && row.trainer_name ? { id: row.trainer_person_id, name: row.trainer_name } : null,
    confirmedByName: row.confirmed_by_name,
    version: row.version,
    participants: [...participants].sort(byName),
    warnings: sessionWarnings(participants.length, range),
  };
}

const toWorkshop = (row: WorkshopRow): Workshop => ({
  id: row.id,
  heldOn: row.held_on,
  staffCount: row.staff_count,
  heldBy: row.held_by_person_id && row.held_by_name ? { id: row.held_by_person_id, name: row.held_by_name } : null,
  note: row.note,
  recordedByName: row.recorded_by_name,
});

function staffTraining(data: ProjectData): SchoolStaffTraining[] {
  return data.schools.map((school) => {
    const workshops = data.workshops.filter((workshop) => workshop.school_id === school.id);
    return {
      schoolId: school.id,
      schoolName: school.name,
      staffCount: school.staff_count,
      trainedCount: workshops.reduce((sum, workshop) => sum + workshop.staff_count, 0),
      workshops: workshops.map(toWorkshop),
    };
  });
}

/** The vendor's people, the project's Utbildningsledare first. */
function trainers(data: ProjectData) {
  const leaders = new Set(
    data.holdings
      .filter((holding) => holding.role_key === TRAINING_LEADER_ROLE && holding.customer_id === null)
      .map((holding) => holding.person_id),
  );
  return [...data.vendorPeople]
    .sort((a, b) => Number(leaders.has(b.id)) - Number(leaders.has(a.id)) || byName(a, b))
    .map((person) => ({ id: person.id, name: person.name }));
}

export async function getTrainings(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
): Promise<TrainingsOverview> {
  const data = await loadProjectData(context.db, access);
  const rights = rightsOf(user, access, data.holdings);
  return {
    trainings: buildTrainings(access, data, stockholmDay(context.clock.now())),
    staffTraining: staffTraining(data),
    may: whileOpen(access, {
      plan: rights.plan,
      confirm: rights.confirm,
      // True when there is a session the viewer may mark, or will be for any the project adds.
      markAttendance:
        rights.plan ||
        rights.confirm ||
        data.sessions.some((session) => rights.markAttendanceAt(session.trainer_person_id)),
      recordWorkshops: rights.recordsWorkshopsAnywhere,
    }),
    trainers: trainers(data),
  };
}

/** A training as the overview shows it now, after a change. */
export async function trainingNow(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  trainingKey: string,
): Promise<Training> {
  const overview = await getTrainings(context, user, access);
  const training = overview.trainings.find((candidate) => candidate.key === trainingKey);
  if (!training) throw trainingNotFound();
  return training;
}

/** A session as the overview shows it now, with its participants and warnings. */
export async function sessionNow(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  sessionId: string,
): Promise<TrainingSession> {
  const overview = await getTrainings(context, user, access);
  const session = overview.trainings.flatMap((training) => training.sessions).find((item) => item.id === sessionId);
  if (!session) throw sessionNotFound();
  return session;
}
