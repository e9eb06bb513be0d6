import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  agendaSentSchema,
  SteeringMeeting,
  steeringMeetingInputSchema,
  steeringMeetingListSchema,
  steeringMeetingUpdateBodySchema,
} from '../../shared/steering.js';
import type { ProjectAccess } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { swedishDate } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { renderDocument } from '../exports/render.js';
import { type PlanFile, type PlanFileFormat, planFileTypes } from '../exports/service.js';
import { getVendorName } from '../settings/service.js';
import { type Agenda, type AgendaChangeRequest, agendaDocument, agendaFileName } from './agenda-document.js';
import { agendaMail } from './mails.js';
import {
  AGENDA_ROLE_KEYS,
  type ChangeRequestRow,
  type MeetingDecisionRow,
  type MeetingRow,
  meetingRepository,
  type RoleHolderRow,
} from './repository.js';

type MeetingInput = z.output<typeof steeringMeetingInputSchema>;
type MeetingUpdate = z.output<typeof steeringMeetingUpdateBodySchema>;
type MeetingList = z.output<typeof steeringMeetingListSchema>;
type AgendaSent = z.output<typeof agendaSentSchema>;

/** The Styrgrupp runs its own meetings; the plan's writers prepare them. */
const mayEditMeetings = (access: ProjectAccess) =>
  !access.closed && (access.permissions.edit || access.heldRoleKeys.includes('styrgrupp'));

function requireMeetingEdit(access: ProjectAccess): void {
  if (!mayEditMeetings(access)) {
    throw new AppError(
      'FORBIDDEN',
      'Bara styrgruppen och de som skriver planen (beställare, projektledare, projektgrupp) får ändra styrgruppens möten',
    );
  }
}

const staleVersion = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat mötet sedan du öppnade det. Ladda om och gör ändringen igen.',
  );

const auditOf = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
  entityType: 'steering_meeting',
});

function toMeeting(
  row: MeetingRow,
  changeRequests: ChangeRequestRow[],
  decisions: MeetingDecisionRow[],
): SteeringMeeting {
  return {
    id: row.id,
    date: row.date,
    time: row.time,
    place: row.place,
    agendaItems: JSON.parse(row.agenda_items) as SteeringMeeting['agendaItems'],
    changeRequests: changeRequests
      .filter((request) => request.meeting_id === row.id)
      .map((request) => ({ id: request.id, number: request.number, title: request.title, status: request.status })),
    minutes: row.minutes,
    decisions: decisions
      .filter((decision) => decision.meeting_id === row.id)
      .map((decision) => ({ id: decision.id, number: decision.number, title: decision.title })),
    agendaSentAt: row.agenda_sent_at,
    version: row.version,
  };
}

/** The meeting as the project history shows it. */
const auditView = (meeting: SteeringMeeting) => ({
  date: meeting.date,
  time: meeting.time,
  place: meeting.place,
  agendaItems: meeting.agendaItems.map((item) => item.title),
  minutes: meeting.minutes,
});

async function loadMeeting(db: Kysely<Database>, projectId: string, meetingId: string): Promise<SteeringMeeting> {
  const row = await meetingRepository.findMeeting(db, { projectId, meetingId });
  if (!row) throw notFound('Mötet');
  const [changeRequests, decisions] = await Promise.all([
    meetingRepository.changeRequestsOnAgendas(db, projectId, meetingId),
    meetingRepository.decisionsAtMeetings(db, projectId, meetingId),
  ]);
  return toMeeting(row, changeRequests, decisions);
}

export async function listMeetings(context: AppContext, access: ProjectAccess): Promise<MeetingList> {
  const projectId = access.project.id;
  const [rows, changeRequests, decisions] = await Promise.all([
    meetingRepository.meetings(context.db, projectId),
    meetingRepository.changeRequestsOnAgendas(context.db, projectId),
    meetingRepository.decisionsAtMeetings(context.db, projectId),
  ]);
  return {
    items: rows.map((row) => toMeeting(row, changeRequests, decisions)),
    may: { edit: mayEditMeetings(access) },
  };
}

const meetingColumns = (input: MeetingInput) => ({
  date: input.date,
  time: input.time,
  place: input.place,
  agenda_items: JSON.stringify(input.agendaItems),
  minutes: input.minutes,
});

export async function createMeeting(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  input: MeetingInput,
): Promise<SteeringMeeting> {
  requireMeetingEdit(access);
  const projectId = access.project.id;
  const now = context.clock.now().toISOString();
  const id = newId();
  return context.db.transaction().execute(async (trx) => {
    await meetingRepository.insertMeeting(trx, {
      id,
      project_id: projectId,
      ...meetingColumns(input),
      agenda_sent_at: null,
      created_at: now,
      version: 1,
      updated_at: now,
    });
    const meeting = await loadMeeting(trx, projectId, id);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'steering_meeting.created',
      entityId: id,
      summary: `Lade till styrgruppsmötet ${swedishDate(meeting.date)}`,
      after: auditView(meeting),
    });
    return meeting;
  });
}

/** Changes the date, place, agenda items or minutes on the version they were read at. */
export async function updateMeeting(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  meetingId: string,
  body: MeetingUpdate,
): Promise<SteeringMeeting> {
  requireMeetingEdit(access);
  const projectId = access.project.id;
  return context.db.transaction().execute(async (trx) => {
    const before = await loadMeeting(trx, projectId, meetingId);
    const saved = await meetingRepository.updateMeetingIfVersion(
      trx,
      { projectId, meetingId, version: body.version },
      { ...meetingColumns(body), updated_at: context.clock.now().toISOString() },
    );
    if (!saved) throw staleVersion();
    const after = await loadMeeting(trx, projectId, meetingId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'steering_meeting.updated',
      entityId: meetingId,
      summary: `Ändrade styrgruppsmötet ${swedishDate(after.date)}`,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/**
 * Removes a meeting; the change requests on its agenda wait for another one. A meeting whose
 * decisions are in the decision log stays, so the log keeps saying where they were taken.
 */
export async function deleteMeeting(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  meetingId: string,
  version: number,
): Promise<void> {
  requireMeetingEdit(access);
  const projectId = access.project.id;
  await context.db.transaction().execute(async (trx) => {
    const before = await loadMeeting(trx, projectId, meetingId);
    if (before.decisions.length > 0) {
      throw new AppError(
        'CONFLICT',
        'Mötet har beslut i beslutsloggen och kan inte tas bort. Ändra mötet i stället om något blev fel.',
      );
    }
    if (!(await meetingRepository.deleteMeetingIfVersion(trx, { projectId, meetingId, version }))) {
      throw staleVersion();
    }
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'steering_meeting.deleted',
      entityId: meetingId,
      summary: `Tog bort styrgruppsmötet ${swedishDate(before.date)}`,
      before: auditView(before),
    });
  });
}

// ---- The agenda ----

interface Member {
  name: string;
  email: string | null;
  roles: string[];
}

/** One entry per person, with the titles of the agenda's roles they hold, the Styrgrupp's first. */
function membersOf(access: ProjectAccess, holders: RoleHolderRow[]): Member[] {
  const titles = new Map(access.template.customerRoles.map((role) => [role.key, role.title]));
  const order = (roleKey: string) => AGENDA_ROLE_KEYS.indexOf(roleKey as (typeof AGENDA_ROLE_KEYS)[number]);
  const byPerson = new Map<string, Member & { roleKeys: string[] }>();
  for (const holder of holders) {
    const member = byPerson.get(holder.person_id) ?? {
      name: holder.name,
      email: holder.email,
      roles: [],
      roleKeys: [],
    };
    if (!member.roleKeys.includes(holder.role_key)) member.roleKeys.push(holder.role_key);
    byPerson.set(holder.person_id, member);
  }
  return [...byPerson.values()].map(({ roleKeys, ...member }) => ({
    ...member,
    roles: roleKeys.sort((a, b) => order(a) - order(b)).map((key) => titles.get(key) ?? key),
  }));
}

const goalColumns = {
  target: 'target',
  targetDate: 'target_date',
  dueDate: 'due_date',
  budgetSek: 'budget_sek',
} as const;

/** The requests as the agenda reads them: which key activities and goals move, and from what today. */
async function agendaChangeRequests(
  db: Kysely<Database>,
  projectId: string,
  rows: ChangeRequestRow[],
): Promise<AgendaChangeRequest[]> {
  const parsed = rows.map((row) => ({
    row,
    dateChanges: JSON.parse(row.date_changes) as { keyActivityId: string; to: string }[],
    goalChanges: JSON.parse(row.goal_changes) as {
      goalId: string;
      field: AgendaChangeRequest['goalChanges'][number]['field'];
      to: number | string;
    }[],
  }));
  const [keyActivities, goals] = await Promise.all([
    meetingRepository.keyActivities(
      db,
      projectId,
      parsed.flatMap((request) => request.dateChanges.map((change) => change.keyActivityId)),
    ),
    meetingRepository.goals(
      db,
      projectId,
      parsed.flatMap((request) => request.goalChanges.map((change) => change.goalId)),
    ),
  ]);
  const keyActivityById = new Map(keyActivities.map((activity) => [activity.id, activity]));
  const goalById = new Map(goals.map((goal) => [goal.id, goal]));
  return parsed.map(({ row, dateChanges, goalChanges }) => ({
    number: row.number,
    title: row.title,
    areas: JSON.parse(row.areas) as AgendaChangeRequest['areas'],
    change: row.change,
    reason: row.reason,
    consequence: row.consequence,
    proposal: row.proposal,
    status: row.status,
    decisionComment: row.decision_comment ?? '',
    dateChanges: dateChanges.flatMap((change) => {
      const activity = keyActivityById.get(change.keyActivityId);
      return activity ? [{ title: activity.title, from: activity.date, to: change.to }] : [];
    }),
    goalChanges: goalChanges.flatMap((change) => {
      const goal = goalById.get(change.goalId);
      if (!goal) return [];
      return [
        {
          title: goal.title,
          field: change.field,
          unit: goal.unit,
          unitLabel: goal.unit_label,
          from: goal[goalColumns[change.field]],
          to: change.to,
        },
      ];
    }),
  }));
}

async function loadAgenda(
  context: AppContext,
  access: ProjectAccess,
  meetingId: string,
): Promise<{ agenda: Agenda; members: Member[] }> {
  const db = context.db;
  const projectId = access.project.id;
  const row = await meetingRepository.findMeeting(db, { projectId, meetingId });
  if (!row) throw notFound('Mötet');
  const [names, vendorName, holders, requestRows, decisions] = await Promise.all([
    meetingRepository.projectNames(db, projectId),
    getVendorName(context),
    meetingRepository.agendaRoleHolders(db, projectId),
    meetingRepository.changeRequestsOnAgendas(db, projectId, meetingId),
    meetingRepository.decisionsAtMeetings(db, projectId, meetingId),
  ]);
  const meeting = toMeeting(row, requestRows, decisions);
  const members = membersOf(access, holders);
  return {
    members,
    agenda: {
      vendorName,
      customerName: names.customer_name,
      projectName: names.name,
      meeting,
      members: members.map((member) => ({ name: member.name, roles: member.roles })),
      changeRequests: await agendaChangeRequests(db, projectId, requestRows),
      decisions: decisions.map((decision) => ({
        number: decision.number,
        title: decision.title,
        decision: decision.decision,
        decidedBy: decision.decided_by,
      })),
    },
  };
}

const renderAgenda = (agenda: Agenda, format: PlanFileFormat) => renderDocument(format, agendaDocument(agenda));

/** The agenda as Word or PDF, for anyone who may read the project. */
export async function exportAgenda(
  context: AppContext,
  access: ProjectAccess,
  meetingId: string,
  format: PlanFileFormat,
): Promise<PlanFile> {
  const { agenda } = await loadAgenda(context, access, meetingId);
  return {
    fileName: agendaFileName(agenda.meeting.date, format),
    contentType: planFileTypes[format],
    body: await renderAgenda(agenda, format),
  };
}

/**
 * Mails the agenda as PDF to every member of the Styrgrupp and the Beställare who has an e-mail
 * address, and names those who have none. Mails leave in the background: the sending is recorded
 * whether or not each one gets through.
 */
export async function sendAgenda(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  meetingId: string,
): Promise<AgendaSent> {
  requireMeetingEdit(access);
  const projectId = access.project.id;
  const { agenda, members } = await loadAgenda(context, access, meetingId);
  const seen = new Set<string>();
  const recipients = members.flatMap((member) => {
    const key = member.email?.toLowerCase();
    if (!member.email || !key || seen.has(key)) return [];
    seen.add(key);
    return [{ name: member.name, email: member.email }];
  });
  const unreachable = members.filter((member) => !member.email).map((member) => ({ name: member.name }));
  if (recipients.length === 0) {
    throw new AppError(
      'CONFLICT',
      members.length === 0
        ? 'Projektet har ingen styrgrupp eller beställare att skicka dagordningen till. Utse dem under Organisation.'
        : 'Ingen i styrgruppen eller beställaren har en e-postadress. Lägg till e-postadresser under Organisation.',
    );
  }
  const pdf = await renderAgenda(agenda, 'pdf');
  const sentAt = context.clock.now().toISOString();
  const meeting = await context.db.transaction().execute(async (trx) => {
    await meetingRepository.setAgendaSentAt(trx, { projectId, meetingId }, sentAt);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'steering_meeting.agenda_sent',
      entityId: meetingId,
      summary: `Skickade dagordningen till styrgruppsmötet ${swedishDate(agenda.meeting.date)} till ${recipients
        .map((recipient) => recipient.name)
        .join(', ')}`,
      after: { recipients: recipients.map((recipient) => recipient.name), unreachable },
    });
    return loadMeeting(trx, projectId, meetingId);
  });
  const link = `${context.config.publicUrl.replace(/\/$/, '')}/projekt/${projectId}/styrning`;
  const project = { name: agenda.projectName, customerName: agenda.customerName };
  for (const recipient of recipients) {
    context.mailer.sendInBackground(
      agendaMail({
        to: recipient.email,
        name: recipient.name,
        senderName: user.name,
        project,
        meeting: agenda.meeting,
        agenda: { fileName: agendaFileName(agenda.meeting.date, 'pdf'), pdf },
        link,
      }),
    );
  }
  return { recipients, unreachable, meeting };
}
