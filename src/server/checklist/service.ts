import type { CurrentUser } from '../../shared/auth.js';
import type { Activity, Checklist, UpdateActivityBody } from '../../shared/checklist.js';
import type { TemplateContent } from '../../shared/templates.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { assertCanEditProject, loadAccessibleProject } from '../projects/access.js';
import { loadTemplateContent } from '../templates/service.js';
import { progressOf } from './progress.js';
import { type ActivityChange, type ActivityRow, checklistRepository } from './repository.js';

type RoleTitles = Map<string, string>;

const roleTitles = (roles: { key: string; title: string }[]): RoleTitles =>
  new Map(roles.map((role) => [role.key, role.title]));

function toActivity(row: ActivityRow, customerRoles: RoleTitles, vendorRoles: RoleTitles): Activity {
  const refs = (json: string, titles: RoleTitles) =>
    (JSON.parse(json) as string[]).map((key) => ({ key, title: titles.get(key) ?? key }));
  return {
    id: row.id,
    groupKey: row.group_key,
    position: row.position,
    title: row.title,
    fromTemplate: row.template_activity_key !== null,
    customerResponsible: refs(row.customer_role_keys, customerRoles),
    vendorResponsible: refs(row.vendor_role_keys, vendorRoles),
    deadline: row.deadline,
    done:
      row.done_at && row.done_by_id && row.done_by_name
        ? { at: row.done_at, by: { id: row.done_by_id, name: row.done_by_name } }
        : null,
    version: row.version,
  };
}

function activityMapper(content: TemplateContent) {
  const customerRoles = roleTitles(content.customerRoles);
  const vendorRoles = roleTitles(content.vendorRoles);
  return (row: ActivityRow) => toActivity(row, customerRoles, vendorRoles);
}

/** Groups in the template's order, each with its activities and progress. */
export function groupChecklist(content: TemplateContent, activities: Activity[]): Checklist {
  const groups = content.checklistGroups.map((group) => {
    const inGroup = activities.filter((activity) => activity.groupKey === group.key);
    return {
      key: group.key,
      title: group.title,
      progress: progressOf(inGroup.filter((activity) => activity.done).length, inGroup.length),
      activities: inGroup,
    };
  });
  return {
    progress: progressOf(activities.filter((activity) => activity.done).length, activities.length),
    groups,
  };
}

export async function getChecklist(context: AppContext, user: CurrentUser, projectId: string): Promise<Checklist> {
  const project = await loadAccessibleProject(context, user, projectId);
  const [content, rows] = await Promise.all([
    loadTemplateContent(context, project.template_id),
    checklistRepository.listByProject(context.db, projectId),
  ]);
  return groupChecklist(content, rows.map(activityMapper(content)));
}

export async function updateActivity(
  context: AppContext,
  user: CurrentUser,
  target: { projectId: string; activityId: string },
  body: UpdateActivityBody,
): Promise<Activity> {
  const project = await loadAccessibleProject(context, user, target.projectId);
  assertCanEditProject(user);
  const now = context.clock.now().toISOString();
  const change: ActivityChange = { deadline: body.deadline };
  if (body.done !== undefined) change.done = body.done ? { at: now, byUserId: user.id } : null;
  const saved = await checklistRepository.updateIfVersion(
    context.db,
    { ...target, version: body.version, updatedAt: now },
    change,
  );
  const row = await checklistRepository.findInProject(context.db, target.projectId, target.activityId);
  if (!row) throw notFound('Aktiviteten');
  if (!saved) {
    throw new AppError(
      'VERSION_CONFLICT',
      'Någon annan har ändrat aktiviteten sedan du öppnade den. Ladda om och gör ändringen igen.',
    );
  }
  return activityMapper(await loadTemplateContent(context, project.template_id))(row);
}
