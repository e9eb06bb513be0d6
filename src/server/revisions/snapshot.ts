import type { RoleWithHolders } from '../../shared/organisation.js';
import { type PlanSnapshot, planSnapshotSchema, type SnapshotRole } from '../../shared/revisions.js';
import type { ProjectAccess } from '../access/service.js';
import { getChecklist } from '../checklist/service.js';
import { communicationSnapshot } from '../communication/service.js';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { decisionSnapshot } from '../decisions/service.js';
import { measurementSnapshot } from '../measurements/service.js';
import { getOrganisation } from '../organisation/service.js';
import { getPlan } from '../plan/service.js';
import { projectRepository } from '../projects/repository.js';
import { getVendorName } from '../settings/service.js';
import { templateRepository } from '../templates/repository.js';
import { withVendorName } from '../templates/vendor-name.js';
import { revisionRepository } from './repository.js';

type Organisation = Awaited<ReturnType<typeof getOrganisation>>;

function snapshotRoles(
  side: SnapshotRole['side'],
  roles: RoleWithHolders[],
  school: SnapshotRole['school'],
): SnapshotRole[] {
  return roles.map((role) => ({
    side,
    roleKey: role.key,
    roleTitle: role.title,
    responsibility: role.responsibility,
    school,
    people: role.holders.map((holder) => ({ id: holder.person.id, name: holder.person.name })),
  }));
}

/** Every role, held or not (an export shows the gaps too): the customer's, then each school's, then the vendor's. */
function organisationOf(organisation: Organisation): SnapshotRole[] {
  return [
    ...snapshotRoles('customer', organisation.customerRoles, null),
    ...organisation.schools.flatMap(({ school, roles }) =>
      snapshotRoles('customer', roles, { id: school.id, name: school.name }),
    ),
    ...snapshotRoles('vendor', organisation.vendorRoles, null),
  ];
}

/** Role key → the names of everyone holding it, at the project or at any school. */
function holderNames(roles: SnapshotRole[]): Map<string, string[]> {
  const names = new Map<string, Set<string>>();
  for (const role of roles) {
    const held = names.get(role.roleKey) ?? new Set<string>();
    for (const person of role.people) held.add(person.name);
    names.set(role.roleKey, held);
  }
  return new Map([...names].map(([key, held]) => [key, [...held].sort((a, b) => a.localeCompare(b, 'sv'))]));
}

/** "Projektledare: Örjan Ärlig; IT-verksamhet": each role with who holds it, the title alone when nobody does. */
function responsibleText(roles: { key: string; title: string }[], holders: Map<string, string[]>): string {
  return roles
    .map((role) => {
      const names = holders.get(role.key) ?? [];
      return names.length > 0 ? `${role.title}: ${names.join(', ')}` : role.title;
    })
    .join('; ');
}

async function draftSnapshot(context: AppContext, access: ProjectAccess): Promise<PlanSnapshot> {
  const takenAt = context.clock.now().toISOString();
  const [project, templateRow, vendorName, plan, organisation, checklist, communication, measured, decisions] =
    await Promise.all([
      projectRepository.findById(context.db, access.project.id),
      templateRepository.findById(context.db, access.project.templateId),
      getVendorName(context),
      getPlan(context, access),
      getOrganisation(context, access),
      getChecklist(context, access),
      communicationSnapshot(context, access),
      measurementSnapshot(context, access),
      decisionSnapshot(context, access),
    ]);
  if (!project) throw notFound('Projektet');
  if (!templateRow) throw notFound('Mallen');
  const roles = organisationOf(organisation);
  const holders = holderNames(roles);
  return {
    formatVersion: 1,
    takenAt,
    project: {
      id: project.id,
      name: project.name,
      customerName: project.customer_name,
      startDate: project.start_date,
      phase: project.phase,
      templateName: templateRow.name,
      templateVersion: templateRow.version,
    },
    vendorName,
    introduction: withVendorName(access.template.introduction, vendorName),
    plan,
    organisation: roles,
    // The checklist's group and role titles come from the template as written, with the `{vendor}` token.
    checklist: withVendorName(
      checklist.groups.flatMap((group) =>
        group.activities.map((activity) => ({
          id: activity.id,
          groupKey: group.key,
          groupTitle: group.title,
          title: activity.title,
          customerResponsible: responsibleText(activity.customerResponsible, holders),
          vendorResponsible: responsibleText(activity.vendorResponsible, holders),
          deadline: activity.deadline,
          done: activity.done ? { at: activity.done.at, byName: activity.done.by.name } : null,
        })),
      ),
      vendorName,
    ),
    ...communication,
    ...measured,
    ...decisions,
  };
}

/**
 * The whole plan with what it rests on: as it stands now (`'draft'`), or exactly as it was sent in
 * revision `which` (404 when the project has no such revision).
 */
export async function planSnapshotFor(
  context: AppContext,
  access: ProjectAccess,
  which: number | 'draft',
): Promise<PlanSnapshot> {
  if (which === 'draft') return draftSnapshot(context, access);
  const stored = await revisionRepository.findSnapshot(context.db, access.project.id, which);
  if (stored === undefined) throw notFound(`Version ${which} av projektplanen`);
  return planSnapshotSchema.parse(JSON.parse(stored));
}
