import type { CurrentUser } from '../../shared/auth.js';
import type { Activity, Checklist, UpdateActivityBody } from '../../shared/checklist.js';
import type { TemplateContent } from '../../shared/templates.js';
import { mayTick, type ProjectPermissions } from '../access/permissions.js';
import type { ProjectAccess } from '../access/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { progressOf } from './progress.js';
import { type ActivityChange, type ActivityRow, checklistRepository } from './repository.js';

type RoleTitles = Map<string, string>;

const roleTitles = (roles: { key: string; title: string }[]): RoleTitles =>
  new Map(roles.map((role) => [role.key, role.title]));

function activityMapper(content: TemplateContent, permissions: ProjectPermissions) {
  const customerRoles = roleTitles(content.customerRoles);
  const vendorRoles = roleTitles(content.vendorRoles);
  return (row: ActivityRow): Activity => {
    const customerRoleKeys = JSON.parse(row.customer_role_keys) as string[];
    const vendorRoleKeys = JSON.parse(row.vendor_role_keys) as string[];
    const refs = (keys: string[], titles: RoleTitles) => keys.map((key) => ({ key, title: titles.get(key) ?? key }));
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
    };
  };
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

export async function getChecklist(context: AppContext, access: ProjectAccess): Promise<Checklist> {
  const { template, permissions } = access;
  const rows = await checklistRepository.listByProject(context.db, access.project.id);
  return groupChecklist(template, rows.map(activityMapper(template, permissions)));
}

export async function updateActivity(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  activityId: string,
  body: UpdateActivityBody,
): Promise<Activity> {
  const { template, permissions } = access;
  const target = { projectId: access.project.id, activityId };
  const toActivity = activityMapper(template, permissions);
  const before = await checklistRepository.findInProject(context.db, target.projectId, target.activityId);
  if (!before) throw notFound('Aktiviteten');
  if (body.deadline !== undefined && !permissions.edit) {
    throw new AppError('FORBIDDEN', 'Bara den som skriver planen får ändra deadlines');
  }
  if (body.done !== undefined && !toActivity(before).canTick) {
    throw new AppError('FORBIDDEN', 'Du kan bara bocka av aktiviteter som din roll ansvarar för');
  }
  const now = context.clock.now().toISOString();
  const change: ActivityChange = { deadline: body.deadline };
  if (body.done !== undefined) change.done = body.done ? { at: now, byUserId: user.id } : null;
  const saved = await checklistRepository.updateIfVersion(
    context.db,
    { ...target, version: body.version, updatedAt: now },
    change,
  );
  if (!saved) {
    throw new AppError(
      'VERSION_CONFLICT',
      'Någon annan har ändrat aktiviteten sedan du öppnade den. Ladda om och gör ändringen igen.',
    );
  }
  const after = await checklistRepository.findInProject(context.db, target.projectId, target.activityId);
  if (!after) throw notFound('Aktiviteten');
  return toActivity(after);
}
