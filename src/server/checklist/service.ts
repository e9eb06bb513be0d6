import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  Activity,
  Checklist,
  ChecklistQuery,
  Comment,
  CommentList,
  CreateActivityBody,
  CreateCommentBody,
  DependencyRef,
  MoveActivityBody,
  MyTask,
  UpdateActivityBody,
} from '../../shared/checklist.js';
import type { TemplateContent } from '../../shared/templates.js';
import { mayTick, type ProjectPermissions, projectPermissions } from '../access/permissions.js';
import { accessRepository } from '../access/repository.js';
import { type ProjectAccess, requireEdit, whileOpen } from '../access/service.js';
import { acknowledgementProgress } from '../acknowledgements/service.js';
import { attachmentRepository } from '../attachments/repository.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { getVendorName } from '../settings/service.js';
import { loadTemplateContent } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { progressOf } from './progress.js';
import { type ActivityChange, type ActivityRow, type CommentRow, checklistRepository } from './repository.js';
import {
  bySoonestDeadline,
  dueBeforeDependency,
  isMine,
  isOverdue,
  matchesQuery,
  reorderActivities,
  type Viewer,
  waitsForItself,
} from './rules.js';
import { checklistCsv, checklistSheetRows, checklistWorkbook } from './spreadsheet.js';

type RoleTitles = Map<string, string>;
type DependencyLookup = (activityId: string) => DependencyRef | undefined;
/** How many files each activity has; activities without any are absent. */
type AttachmentCounts = ReadonlyMap<string, number>;
type RoleAcknowledgements = NonNullable<Activity['roleAcknowledgements']>;

/** The template's activity that is done when every role holder understands their role: it shows their confirmations. */
const ROLE_ACKNOWLEDGEMENT_ACTIVITY = 'roller-och-ansvar';

const roleTitles = (roles: { key: string; title: string }[]): RoleTitles =>
  new Map(roles.map((role) => [role.key, role.title]));

const dependencyRef = (row: { id: string; title: string; deadline: string | null; done_at: string | null }) => ({
  id: row.id,
  title: row.title,
  deadline: row.deadline,
  done: row.done_at !== null,
});

const swedish = new Intl.Collator('sv');

const byDeadlineThenTitle = (a: DependencyRef, b: DependencyRef) =>
  bySoonestDeadline(a, b) || swedish.compare(a.title, b.title);

const personRef = (id: string | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);

function activityMapper(
  content: TemplateContent,
  permissions: ProjectPermissions,
  dependencyOf: DependencyLookup,
  attachmentCounts: AttachmentCounts,
  roleAcknowledgements?: RoleAcknowledgements,
) {
  const customerRoles = roleTitles(content.customerRoles);
  const vendorRoles = roleTitles(content.vendorRoles);
  const refs = (keys: string[], titles: RoleTitles) => keys.map((key) => ({ key, title: titles.get(key) ?? key }));
  return (row: ActivityRow): Activity => {
    const customerRoleKeys = JSON.parse(row.customer_role_keys) as string[];
    const vendorRoleKeys = JSON.parse(row.vendor_role_keys) as string[];
    const dependsOn = row.depends_on_ids
      .map(dependencyOf)
      .filter((dependency) => dependency !== undefined)
      .sort(byDeadlineThenTitle);
    return {
      id: row.id,
      groupKey: row.group_key,
      position: row.position,
      title: row.title,
      fromTemplate: row.template_activity_key !== null,
      customerResponsible: refs(customerRoleKeys, customerRoles),
      vendorResponsible: refs(vendorRoleKeys, vendorRoles),
      deadline: row.deadline,
      done:
        row.done_at && row.done_by_id && row.done_by_name
          ? { at: row.done_at, by: { id: row.done_by_id, name: row.done_by_name } }
          : null,
      version: row.version,
      canTick: mayTick(permissions, { customerRoleKeys, vendorRoleKeys }),
      description: row.description,
      templateTitle: row.template_title !== null && row.template_title !== row.title ? row.template_title : null,
      customerPerson: personRef(row.customer_person_id, row.customer_person_name),
      vendorPerson: personRef(row.vendor_person_id, row.vendor_person_name),
      dependsOn,
      dueBeforeDependency: dueBeforeDependency(row.deadline, dependsOn),
      commentCount: row.comment_count,
      attachmentCount: attachmentCounts.get(row.id) ?? 0,
      ...(row.template_activity_key === ROLE_ACKNOWLEDGEMENT_ACTIVITY && roleAcknowledgements
        ? { roleAcknowledgements }
        : {}),
    };
  };
}

/**
 * Groups in the template's order, each with the activities `listed` and its progress. Progress
 * always counts every activity, so that a filtered list does not make a group look further along.
 */
export function groupChecklist(content: TemplateContent, activities: Activity[], listed = activities): Checklist {
  const groups = content.checklistGroups.map((group) => {
    const inGroup = activities.filter((activity) => activity.groupKey === group.key);
    return {
      key: group.key,
      title: group.title,
      progress: progressOf(inGroup.filter((activity) => activity.done).length, inGroup.length),
      activities: listed === activities ? inGroup : listed.filter((activity) => activity.groupKey === group.key),
    };
  });
  return {
    progress: progressOf(activities.filter((activity) => activity.done).length, activities.length),
    groups,
  };
}

async function projectActivities(db: Kysely<Database>, access: ProjectAccess): Promise<Activity[]> {
  const [rows, attachmentCounts, roleAcknowledgements] = await Promise.all([
    checklistRepository.listByProject(db, access.project.id),
    attachmentRepository.countsInProject(db, access.project.id),
    acknowledgementProgress(db, access),
  ]);
  const byId = new Map(rows.map((row) => [row.id, dependencyRef(row)]));
  return rows.map(
    activityMapper(access.template, access.permissions, (id) => byId.get(id), attachmentCounts, roleAcknowledgements),
  );
}

async function viewerIn(context: AppContext, user: CurrentUser, projectId: string): Promise<Viewer> {
  const held = user.personId ? await accessRepository.rolesHeldInProject(context.db, projectId, user.personId) : [];
  return { personId: user.personId, heldRoleKeys: new Set(held) };
}

/**
 * The checklist, optionally narrowed by `filters` as `user` sees it ("mine", "overdue" and "soon"
 * judged on today's date in Sweden).
 */
export async function getChecklist(
  context: AppContext,
  access: ProjectAccess,
  filters?: { query: ChecklistQuery; user: CurrentUser },
): Promise<Checklist> {
  const activities = await projectActivities(context.db, access);
  const query = filters?.query ?? {};
  if (!filters || Object.values(query).every((value) => value === undefined)) {
    return groupChecklist(access.template, activities);
  }
  const situation = {
    today: stockholmDay(context.clock.now()),
    viewer:
      query.filter === 'mine'
        ? await viewerIn(context, filters.user, access.project.id)
        : { personId: null, heldRoleKeys: new Set<string>() },
  };
  return groupChecklist(
    access.template,
    activities,
    activities.filter((activity) => matchesQuery(activity, query, situation)),
  );
}

// ---- Changing activities ----

const staleVersion = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat aktiviteten sedan du öppnade den. Ladda om och gör ändringen igen.',
  );

const invalid = (message: string, field: string, problem: string) =>
  new AppError('VALIDATION_FAILED', message, { [field]: problem });

/** One activity as the viewer sees it, with what it waits for. */
async function loadActivity(db: Kysely<Database>, access: ProjectAccess, activityId: string): Promise<Activity> {
  const row = await checklistRepository.findInProject(db, access.project.id, activityId);
  if (!row) throw notFound('Aktiviteten');
  const [dependencies, attachmentCounts, roleAcknowledgements] = await Promise.all([
    checklistRepository.dependencyRefs(db, row.depends_on_ids),
    attachmentRepository.countsOf(db, [activityId]),
    row.template_activity_key === ROLE_ACKNOWLEDGEMENT_ACTIVITY ? acknowledgementProgress(db, access) : undefined,
  ]);
  const byId = new Map(dependencies.map((dependency) => [dependency.id, dependencyRef(dependency)]));
  return activityMapper(
    access.template,
    access.permissions,
    (id) => byId.get(id),
    attachmentCounts,
    roleAcknowledgements,
  )(row);
}

/** The activity as the project history shows it: names and titles rather than ids. */
const auditView = (activity: Activity) => ({
  title: activity.title,
  description: activity.description,
  groupKey: activity.groupKey,
  customerResponsible: activity.customerResponsible.map((role) => role.title),
  vendorResponsible: activity.vendorResponsible.map((role) => role.title),
  customerPerson: activity.customerPerson?.name ?? null,
  vendorPerson: activity.vendorPerson?.name ?? null,
  deadline: activity.deadline,
  dependsOn: activity.dependsOn.map((dependency) => dependency.title),
  done: activity.done ? { at: activity.done.at, by: activity.done.by.name } : null,
});

const auditOf = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
  entityType: 'activity',
});

type ActivityFields = Pick<
  CreateActivityBody,
  'customerRoleKeys' | 'vendorRoleKeys' | 'customerPersonId' | 'vendorPersonId' | 'dependsOn'
>;

const unique = <T>(values: T[] | undefined) => (values === undefined ? undefined : [...new Set(values)]);

/**
 * Refuses, naming the field, roles the template does not have on that side, a person of another
 * customer (or a customer's person on the vendor's side), and dependencies outside the project,
 * on the activity itself or round a loop back to it.
 */
async function assertActivityFields(
  db: Kysely<Database>,
  access: ProjectAccess,
  activityId: string,
  fields: ActivityFields,
): Promise<void> {
  const sides = [
    { field: 'customerRoleKeys', keys: fields.customerRoleKeys, roles: access.template.customerRoles },
    { field: 'vendorRoleKeys', keys: fields.vendorRoleKeys, roles: access.template.vendorRoles },
  ];
  for (const { field, keys, roles } of sides) {
    const unknown = (keys ?? []).filter((key) => !roles.some((role) => role.key === key));
    if (unknown.length > 0) throw invalid(`Mallen har ingen sådan roll: ${unknown.join(', ')}`, field, 'Okänd roll');
  }
  if (fields.customerPersonId) {
    const customerId = await checklistRepository.personCustomerId(db, fields.customerPersonId);
    if (customerId !== access.project.customerId) {
      throw invalid('Välj en person hos kunden', 'customerPersonId', 'Personen hör inte till kunden');
    }
  }
  if (fields.vendorPersonId) {
    const customerId = await checklistRepository.personCustomerId(db, fields.vendorPersonId);
    if (customerId !== null) {
      throw invalid('Välj en av leverantörens personer', 'vendorPersonId', 'Personen hör inte till leverantören');
    }
  }
  const dependsOn = fields.dependsOn ?? [];
  if (dependsOn.length === 0) return;
  if (dependsOn.includes(activityId)) {
    throw invalid('Aktiviteten skulle vänta på sig själv', 'dependsOn', 'Kan inte vänta på sig själv');
  }
  const found = await checklistRepository.idsInProject(db, access.project.id, dependsOn);
  if (found.length !== dependsOn.length) {
    throw invalid('En aktivitet kan bara vänta på aktiviteter i samma projekt', 'dependsOn', 'Okänd aktivitet');
  }
  if (waitsForItself(activityId, dependsOn, await checklistRepository.dependencyEdges(db, access.project.id))) {
    throw invalid(
      'Det går inte: något den väntar på väntar redan på den, så aktiviteten skulle vänta på sig själv',
      'dependsOn',
      'Skulle vänta på sig själv',
    );
  }
}

async function savePeopleAndDependencies(db: Kysely<Database>, activityId: string, fields: ActivityFields) {
  if (fields.customerPersonId !== undefined) {
    await checklistRepository.setPerson(db, activityId, 'customer', fields.customerPersonId);
  }
  if (fields.vendorPersonId !== undefined) {
    await checklistRepository.setPerson(db, activityId, 'vendor', fields.vendorPersonId);
  }
  if (fields.dependsOn !== undefined) await checklistRepository.setDependencies(db, activityId, fields.dependsOn);
}

function requireGroup(access: ProjectAccess, groupKey: string) {
  const group = access.template.checklistGroups.find((candidate) => candidate.key === groupKey);
  if (!group) throw invalid('Checklistan har ingen sådan grupp', 'groupKey', 'Okänd grupp');
  return group;
}

/** Adds an activity of the project's own last in a group. */
export async function createActivity(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: CreateActivityBody,
): Promise<Activity> {
  requireEdit(access);
  requireGroup(access, body.groupKey);
  const fields = {
    ...body,
    customerRoleKeys: unique(body.customerRoleKeys),
    vendorRoleKeys: unique(body.vendorRoleKeys),
    dependsOn: unique(body.dependsOn),
  };
  const activityId = newId();
  const projectId = access.project.id;
  return context.db.transaction().execute(async (trx) => {
    await assertActivityFields(trx, access, activityId, fields);
    await checklistRepository.insert(trx, {
      id: activityId,
      project_id: projectId,
      group_key: body.groupKey,
      position: await checklistRepository.nextPosition(trx, projectId),
      template_activity_key: null,
      title: body.title,
      template_title: null,
      description: body.description ?? '',
      customer_role_keys: JSON.stringify(fields.customerRoleKeys ?? []),
      vendor_role_keys: JSON.stringify(fields.vendorRoleKeys ?? []),
      deadline: body.deadline ?? null,
      done_at: null,
      done_by_user_id: null,
      updated_at: context.clock.now().toISOString(),
    });
    await savePeopleAndDependencies(trx, activityId, fields);
    const activity = await loadActivity(trx, access, activityId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'activity.created',
      entityId: activityId,
      summary: `Lade till aktiviteten ”${activity.title}”`,
      after: auditView(activity),
    });
    return activity;
  });
}

/**
 * Changes an activity on the version it was read at. Ticking is for whoever may tick it (today's
 * rule: editors any, others those of their roles); everything else only for editors.
 */
export async function updateActivity(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  activityId: string,
  body: UpdateActivityBody,
): Promise<Activity> {
  const { version, done, ...content } = body;
  const projectId = access.project.id;
  const changesContent = Object.values(content).some((value) => value !== undefined);
  if (changesContent) requireEdit(access);
  const fields = {
    ...content,
    customerRoleKeys: unique(content.customerRoleKeys),
    vendorRoleKeys: unique(content.vendorRoleKeys),
    dependsOn: unique(content.dependsOn),
  };
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const before = await loadActivity(trx, access, activityId);
    if (done !== undefined && !before.canTick) {
      throw new AppError('FORBIDDEN', 'Du kan bara bocka av aktiviteter som din roll ansvarar för');
    }
    await assertActivityFields(trx, access, activityId, fields);
    const change: ActivityChange = {
      title: fields.title,
      description: fields.description,
      customerRoleKeys: fields.customerRoleKeys,
      vendorRoleKeys: fields.vendorRoleKeys,
      deadline: fields.deadline,
    };
    if (done !== undefined) change.done = done ? { at: now, byUserId: user.id } : null;
    const saved = await checklistRepository.updateIfVersion(
      trx,
      { projectId, activityId, version, updatedAt: now },
      change,
    );
    if (!saved) throw staleVersion();
    await savePeopleAndDependencies(trx, activityId, fields);
    const ticked = !changesContent && done !== undefined;
    // A tick changes nothing but who ticked it, when, and the version: no need to read it back.
    const after: Activity = ticked
      ? { ...before, done: done ? { at: now, by: { id: user.id, name: user.name } } : null, version: version + 1 }
      : await loadActivity(trx, access, activityId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: ticked ? (done ? 'activity.ticked' : 'activity.unticked') : 'activity.updated',
      entityId: activityId,
      summary: ticked
        ? `${done ? 'Bockade av' : 'Ångrade avbockningen av'} ”${after.title}”`
        : `Ändrade aktiviteten ”${after.title}”`,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Moves an activity to a place in a group and numbers the project's activities anew. */
export async function moveActivity(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  activityId: string,
  body: MoveActivityBody,
): Promise<Checklist> {
  requireEdit(access);
  const group = requireGroup(access, body.groupKey);
  const projectId = access.project.id;
  await context.db.transaction().execute(async (trx) => {
    const before = await loadActivity(trx, access, activityId);
    const places = await checklistRepository.placesInProject(trx, projectId);
    const order = reorderActivities(
      places,
      access.template.checklistGroups.map((candidate) => candidate.key),
      { id: activityId, groupKey: body.groupKey, index: body.index },
    );
    const saved = await checklistRepository.updateIfVersion(
      trx,
      { projectId, activityId, version: body.version, updatedAt: context.clock.now().toISOString() },
      { groupKey: body.groupKey },
    );
    if (!saved) throw staleVersion();
    const positionBefore = new Map(places.map((place) => [place.id, place.position]));
    for (const place of order) {
      if (positionBefore.get(place.id) !== place.position) {
        await checklistRepository.setPosition(trx, place.id, place.position);
      }
    }
    const placeIn = (groupKey: string, list: { id: string; groupKey: string }[]) =>
      list
        .filter((candidate) => candidate.groupKey === groupKey)
        .findIndex((candidate) => candidate.id === activityId) + 1;
    const groupTitle = (key: string) =>
      access.template.checklistGroups.find((candidate) => candidate.key === key)?.title ?? key;
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'activity.moved',
      entityId: activityId,
      summary: `Flyttade ”${before.title}” till ${group.title}, plats ${placeIn(group.key, order)}`,
      before: { group: groupTitle(before.groupKey), place: placeIn(before.groupKey, places) },
      after: { group: group.title, place: placeIn(group.key, order) },
    });
  });
  return getChecklist(context, access);
}

/** Removes an activity; what waited for it no longer does. */
export async function deleteActivity(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  activityId: string,
  version: number,
): Promise<void> {
  requireEdit(access);
  await context.db.transaction().execute(async (trx) => {
    const before = await loadActivity(trx, access, activityId);
    const deleted = await checklistRepository.deleteIfVersion(trx, {
      projectId: access.project.id,
      activityId,
      version,
    });
    if (!deleted) throw staleVersion();
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'activity.deleted',
      entityId: activityId,
      summary: `Tog bort aktiviteten ”${before.title}”`,
      before: auditView(before),
    });
  });
}

// ---- Comments ----

const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  author: { id: row.author_user_id, name: row.author_name },
  body: row.body,
  createdAt: row.created_at,
});

/** The activity's comments, oldest first. */
export async function listComments(
  context: AppContext,
  access: ProjectAccess,
  activityId: string,
): Promise<CommentList> {
  const [found] = await checklistRepository.idsInProject(context.db, access.project.id, [activityId]);
  if (!found) throw notFound('Aktiviteten');
  return {
    items: (await checklistRepository.comments(context.db, activityId)).map(toComment),
    mayComment: whileOpen(access, true),
  };
}

/** Anyone who can read the project may comment, under their own name. */
export async function addComment(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  activityId: string,
  body: CreateCommentBody,
): Promise<Comment> {
  const row = {
    id: newId(),
    activity_id: activityId,
    author_user_id: user.id,
    author_name: user.name,
    body: body.body,
    created_at: context.clock.now().toISOString(),
  };
  await context.db.transaction().execute(async (trx) => {
    const activity = await checklistRepository.findInProject(trx, access.project.id, activityId);
    if (!activity) throw notFound('Aktiviteten');
    await checklistRepository.insertComment(trx, row);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'activity.commented',
      entityId: activityId,
      summary: `Kommenterade ”${activity.title}”`,
      after: { comment: row.body },
    });
  });
  return toComment(row);
}

// ---- My tasks ----

/**
 * The viewer's open activities ("mine") in every project the viewer can read, soonest deadline
 * first. Two queries whatever the number of projects: the candidates and the viewer's roles.
 */
export async function myTasks(context: AppContext, user: CurrentUser): Promise<MyTask[]> {
  const personId = user.personId;
  if (!personId) return [];
  const [rows, roles] = await Promise.all([
    checklistRepository.openActivitiesConcerning(context.db, personId),
    checklistRepository.rolesOfPerson(context.db, personId),
  ]);
  const heldIn = new Map<string, Set<string>>();
  for (const role of roles) heldIn.set(role.projectId, (heldIn.get(role.projectId) ?? new Set()).add(role.roleKey));
  const today = stockholmDay(context.clock.now());

  const found: { task: MyTask; position: number }[] = [];
  const permissionsIn = new Map<string, ProjectPermissions>();
  for (const row of rows) {
    const held = heldIn.get(row.project_id) ?? new Set<string>();
    let permissions = permissionsIn.get(row.project_id);
    if (!permissions) {
      const template = await loadTemplateContent(context, row.template_id);
      permissions = projectPermissions(user, { customerId: row.customer_id }, [...held], template);
      permissionsIn.set(row.project_id, permissions);
    }
    if (!permissions.read) continue;
    const customerRoleKeys = JSON.parse(row.customer_role_keys) as string[];
    const vendorRoleKeys = JSON.parse(row.vendor_role_keys) as string[];
    const responsibility = {
      customerResponsible: customerRoleKeys.map((key) => ({ key })),
      vendorResponsible: vendorRoleKeys.map((key) => ({ key })),
      customerPerson: row.customer_person_id === null ? null : { id: row.customer_person_id },
      vendorPerson: row.vendor_person_id === null ? null : { id: row.vendor_person_id },
    };
    if (!isMine(responsibility, { personId, heldRoleKeys: held })) continue;
    found.push({
      task: {
        project: { id: row.project_id, name: row.project_name, customerName: row.customer_name },
        activity: {
          id: row.id,
          title: row.title,
          deadline: row.deadline,
          version: row.version,
          canTick: mayTick(permissions, { customerRoleKeys, vendorRoleKeys }),
        },
        overdue: isOverdue({ done: null, deadline: row.deadline }, today),
      },
      position: row.position,
    });
  }
  return found
    .sort(
      (a, b) =>
        bySoonestDeadline(a.task.activity, b.task.activity) ||
        swedish.compare(a.task.project.name, b.task.project.name) ||
        a.position - b.position,
    )
    .map(({ task }) => task);
}

// ---- Spreadsheet ----

export const checklistFileTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
export type ChecklistFileFormat = keyof typeof checklistFileTypes;

/** Characters no file name may hold on Windows or macOS, and control characters. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\p{Cc}]/gu;

/** The whole checklist as Excel or CSV, "Checklista Åkerby kommun 2027-03-01.xlsx". */
export async function exportChecklist(
  context: AppContext,
  access: ProjectAccess,
  format: ChecklistFileFormat,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const [checklist, customerName, vendorName] = await Promise.all([
    getChecklist(context, access),
    checklistRepository.customerNameOf(context.db, access.project.id),
    getVendorName(context),
  ]);
  const now = context.clock.now();
  // Group and role titles are kept as the template writes them, with the vendor's name to fill in.
  const rows = checklistSheetRows(withVendorName(checklist, vendorName));
  const name = `Checklista ${customerName ?? ''} ${stockholmDay(now)}`.replace(UNSAFE_IN_FILE_NAMES, ' ');
  return {
    fileName: `${name.replace(/\s+/g, ' ').trim()}.${format}`,
    contentType: checklistFileTypes[format],
    body: format === 'xlsx' ? await checklistWorkbook(rows, now) : checklistCsv(rows),
  };
}
