import type { UserRole } from '../../shared/auth.js';
import type { TemplateContent } from '../../shared/templates.js';

/** Who is asking, as far as permissions go. */
export interface Viewer {
  role: UserRole;
  /** The customer the viewer's person belongs to; null for the vendor's people. */
  customerId: string | null;
}

export interface ProjectPermissions {
  read: boolean;
  /** Edit the plan, the organisation and the checklist (deadlines, any tick). */
  edit: boolean;
  /** Approve what the template reserves for the orderer (closure). */
  approve: boolean;
  /** Role keys whose activities the viewer may tick ('all' for editors and the vendor admin). */
  tickRoles: 'all' | ReadonlySet<string>;
}

const NONE: ProjectPermissions = { read: false, edit: false, approve: false, tickRoles: new Set() };

/**
 * The one place that says what a user may do in a project. The vendor admin may do everything.
 * Vendor staff work in the projects where they hold a vendor role, ticking that role's activities.
 * A customer's people see only their own customer's projects, and only where they hold a role:
 * the roles the template marks as plan writers (Beställare, Projektledare, Projektgrupp) edit, the
 * others read and tick the activities of the roles they hold; approving is the Beställare's.
 */
export function projectPermissions(
  viewer: Viewer,
  project: { customerId: string },
  heldRoleKeys: readonly string[],
  template: Pick<TemplateContent, 'customerRoles' | 'vendorRoles'>,
): ProjectPermissions {
  if (viewer.role === 'vendor_admin') return { read: true, edit: true, approve: false, tickRoles: 'all' };
  if (heldRoleKeys.length === 0) return NONE;
  const held = new Set(heldRoleKeys);

  if (viewer.role === 'vendor_staff') {
    const vendorRoles = template.vendorRoles.filter((role) => held.has(role.key)).map((role) => role.key);
    return vendorRoles.length > 0 ? { read: true, edit: false, approve: false, tickRoles: new Set(vendorRoles) } : NONE;
  }

  if (viewer.customerId !== project.customerId) return NONE;
  const customerRoles = template.customerRoles.filter((role) => held.has(role.key));
  if (customerRoles.length === 0) return NONE;
  const edit = customerRoles.some((role) => role.editsPlan);
  return {
    read: true,
    edit,
    approve: customerRoles.some((role) => role.approvesClosure),
    tickRoles: edit ? 'all' : new Set(customerRoles.map((role) => role.key)),
  };
}

/** Whether the viewer may tick an activity with these responsible roles. */
export function mayTick(
  permissions: ProjectPermissions,
  activity: { customerRoleKeys: readonly string[]; vendorRoleKeys: readonly string[] },
): boolean {
  if (permissions.tickRoles === 'all') return true;
  const allowed = permissions.tickRoles;
  return [...activity.customerRoleKeys, ...activity.vendorRoleKeys].some((key) => allowed.has(key));
}
