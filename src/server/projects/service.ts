import type { CurrentUser } from '../../shared/auth.js';
import type { CreateProjectBody, ProjectDetail, ProjectSummary } from '../../shared/projects.js';
import type { ProjectPermissions } from '../access/permissions.js';
import { accessRepository } from '../access/repository.js';
import { loadProjectAccess, type ProjectAccess } from '../access/service.js';
import { progressOf } from '../checklist/progress.js';
import { communicationSeed } from '../communication/seed.js';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { customerRepository } from '../customers/repository.js';
import { planSeed } from '../plan/seed.js';
import { unreadRevisionCounts } from '../revisions/service.js';
import { getVendorName } from '../settings/service.js';
import { findTemplateForNewProject, loadTemplateContent, templateRef } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { type ProjectRow, projectRepository } from './repository.js';

const toSummary = (row: ProjectRow, unreadRevisions: number): ProjectSummary => ({
  id: row.id,
  name: row.name,
  customer: { id: row.customer_id, name: row.customer_name },
  phase: row.phase,
  startDate: row.start_date,
  createdAt: row.created_at,
  progress: progressOf(row.activities_done, row.activities_total),
  unreadRevisions,
});

/** The projects with what the user has not read of each, counted for all of them at once. */
async function summariesFor(context: AppContext, user: CurrentUser, rows: ProjectRow[]): Promise<ProjectSummary[]> {
  const unread = await unreadRevisionCounts(
    context,
    user,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toSummary(row, unread.get(row.id) ?? 0));
}

export async function listProjects(context: AppContext, user: CurrentUser, filter: { customerId?: string }) {
  if (user.role === 'vendor_admin')
    return summariesFor(context, user, await projectRepository.list(context.db, filter));
  if (!user.personId) return [];
  const candidates = await accessRepository.projectIdsOfPerson(context.db, user.personId);
  const visible: string[] = [];
  for (const projectId of candidates) {
    const access = await loadProjectAccess(context, user, projectId).catch(() => undefined);
    if (access) visible.push(projectId);
  }
  return summariesFor(context, user, await projectRepository.list(context.db, { ...filter, projectIds: visible }));
}

export const getProject = (context: AppContext, user: CurrentUser, access: ProjectAccess): Promise<ProjectDetail> =>
  projectDetail(context, access.project.id, access.permissions, user);

async function projectDetail(
  context: AppContext,
  projectId: string,
  permissions: Pick<ProjectPermissions, 'edit' | 'approve'>,
  // A project just created has no revisions to count.
  viewer: CurrentUser | null,
): Promise<ProjectDetail> {
  const row = await projectRepository.findById(context.db, projectId);
  if (!row) throw notFound('Projektet');
  const [template, [summary], vendorName] = await Promise.all([
    templateRef(context, row.template_id),
    viewer ? summariesFor(context, viewer, [row]) : [toSummary(row, 0)],
    getVendorName(context),
  ]);
  return {
    ...summary,
    template,
    vendorName,
    permissions: { edit: permissions.edit, approve: permissions.approve },
  };
}

/** A project is the template made concrete: every checklist activity of it, ready to tick. */
export async function createProject(context: AppContext, body: CreateProjectBody): Promise<ProjectDetail> {
  const customer = await customerRepository.findById(context.db, body.customerId);
  if (!customer) throw notFound('Kunden');
  const template = await findTemplateForNewProject(context, body.templateId);
  const content = withVendorName(await loadTemplateContent(context, template.id), await getVendorName(context));
  const now = context.clock.now().toISOString();
  const projectId = newId();
  let position = 0;
  const activities = content.checklistGroups.flatMap((group) =>
    group.activities.map((activity) => ({
      id: newId(),
      project_id: projectId,
      group_key: group.key,
      position: position++,
      template_activity_key: activity.key,
      title: activity.title,
      template_title: activity.title,
      customer_role_keys: JSON.stringify(activity.customerRoleKeys),
      vendor_role_keys: JSON.stringify(activity.vendorRoleKeys),
      deadline: null,
      done_at: null,
      done_by_user_id: null,
      updated_at: now,
    })),
  );
  const startDate = body.startDate ?? now.slice(0, 10);
  const plan = planSeed(content, projectId, startDate, now);
  await projectRepository.insertWithContent(
    context.db,
    {
      id: projectId,
      customer_id: customer.id,
      template_id: template.id,
      name: body.name ?? `Implementering ${customer.name}`,
      phase: 'implementation',
      start_date: startDate,
      created_at: now,
    },
    activities,
    plan,
    communicationSeed(content, plan.keyActivities, now),
  );
  return projectDetail(context, projectId, { edit: true, approve: false }, null);
}
