import type { CurrentUser } from '../../shared/auth.js';
import type { CreateProjectBody, ProjectDetail, ProjectSummary } from '../../shared/projects.js';
import type { ProjectPermissions } from '../access/permissions.js';
import { accessRepository } from '../access/repository.js';
import { loadProjectAccess, type ProjectAccess } from '../access/service.js';
import { progressOf } from '../checklist/progress.js';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { customerRepository } from '../customers/repository.js';
import { planSeed } from '../plan/seed.js';
import { getVendorName } from '../settings/service.js';
import { templateRepository } from '../templates/repository.js';
import { findTemplateForNewProject, loadTemplateContent } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { type ProjectRow, projectRepository } from './repository.js';

const toSummary = (row: ProjectRow): ProjectSummary => ({
  id: row.id,
  name: row.name,
  customer: { id: row.customer_id, name: row.customer_name },
  phase: row.phase,
  startDate: row.start_date,
  createdAt: row.created_at,
  progress: progressOf(row.activities_done, row.activities_total),
});

export async function listProjects(context: AppContext, user: CurrentUser, filter: { customerId?: string }) {
  if (user.role === 'vendor_admin') return (await projectRepository.list(context.db, filter)).map(toSummary);
  if (!user.personId) return [];
  const candidates = await accessRepository.projectIdsOfPerson(context.db, user.personId);
  const visible: string[] = [];
  for (const projectId of candidates) {
    const access = await loadProjectAccess(context, user, projectId).catch(() => undefined);
    if (access) visible.push(projectId);
  }
  return (await projectRepository.list(context.db, { ...filter, projectIds: visible })).map(toSummary);
}

export const getProject = (context: AppContext, access: ProjectAccess): Promise<ProjectDetail> =>
  projectDetail(context, access.project.id, access.permissions);

async function projectDetail(
  context: AppContext,
  projectId: string,
  permissions: Pick<ProjectPermissions, 'edit' | 'approve'>,
): Promise<ProjectDetail> {
  const row = await projectRepository.findById(context.db, projectId);
  if (!row) throw notFound('Projektet');
  const template = await templateRepository.findById(context.db, row.template_id);
  if (!template) throw notFound('Mallen');
  return {
    ...toSummary(row),
    template: { id: template.id, key: template.key, version: template.version, name: template.name },
    vendorName: await getVendorName(context),
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
    planSeed(content, projectId, startDate, now),
  );
  return projectDetail(context, projectId, { edit: true, approve: false });
}
