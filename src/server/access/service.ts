import type { CurrentUser } from '../../shared/auth.js';
import type { TemplateContent } from '../../shared/templates.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { loadTemplateContent } from '../templates/service.js';
import { type ProjectPermissions, projectPermissions } from './permissions.js';
import { accessRepository } from './repository.js';

export interface ProjectAccess {
  project: { id: string; customerId: string; templateId: string };
  template: TemplateContent;
  /** What the viewer may do now: nothing but reading once the project is closed. */
  permissions: ProjectPermissions;
  /** What the viewer's roles give in an open project; after closure it still decides who follows up the goals. */
  rolePermissions: ProjectPermissions;
  /** Closure approved: the project is in the operations phase and its plan is read-only. */
  closed: boolean;
  /** The roles the user's person holds in the project (none for the vendor admin). */
  heldRoleKeys: readonly string[];
}

/**
 * The check every project request makes first. A project the user has no part in answers exactly
 * like one that does not exist, so project ids cannot be probed across customers.
 */
export async function loadProjectAccess(
  context: AppContext,
  user: CurrentUser,
  projectId: string,
): Promise<ProjectAccess> {
  const row = await accessRepository.findProjectWithHeldRoles(
    context.db,
    projectId,
    user.role !== 'vendor_admin' ? user.personId : null,
  );
  if (!row) throw notFound('Projektet');
  const project = { id: row.id, customerId: row.customer_id, templateId: row.template_id };
  const template = await loadTemplateContent(context, row.template_id);
  const held = row.heldRoleKeys;
  const rolePermissions = projectPermissions(user, project, held, template);
  if (!rolePermissions.read) throw notFound('Projektet');
  const closed = row.phase === 'operations';
  const permissions = permissionsInPhase(rolePermissions, closed);
  return { project, template, permissions, rolePermissions, closed, heldRoleKeys: held };
}

/** What the roles give, narrowed to reading once the project is closed: `ProjectAccess.permissions`. */
const permissionsInPhase = (rolePermissions: ProjectPermissions, closed: boolean): ProjectPermissions =>
  closed ? { ...rolePermissions, edit: false, approve: false, tickRoles: new Set() } : rolePermissions;

/**
 * What a read tells the viewer they may do, offered only while the project is open. An ability that
 * comes from the viewer's roles or person rather than from `permissions` (the Utbildningsledare's
 * sessions, a responsible person's tick, one's own upload) would survive the closure, and the guard
 * would refuse the button it shows with PROJECT_CLOSED. The follow-up, which stays open after the
 * closure, takes its abilities from `rolePermissions` instead. closed-project.api.test.ts finds a
 * read that forgets this.
 */
export function whileOpen<Abilities extends boolean | Readonly<Record<string, boolean>>>(
  access: Pick<ProjectAccess, 'closed'>,
  abilities: Abilities,
): Abilities {
  if (!access.closed) return abilities;
  if (typeof abilities === 'boolean') return false as Abilities;
  return Object.fromEntries(Object.keys(abilities).map((key) => [key, false])) as Abilities;
}

export function requireEdit(access: ProjectAccess): void {
  if (!access.permissions.edit) {
    throw new AppError(
      'FORBIDDEN',
      'Bara den som skriver planen (beställare, projektledare, projektgrupp) får ändra detta',
    );
  }
}

export interface CustomerAccess {
  read: boolean;
  edit: boolean;
  /** Switch the customer's people's logins off and on: the vendor admin, and a Beställare of one of its projects. */
  manageLogins: boolean;
}

/**
 * What a user may do with a customer's schools and people: the vendor admin everything; the people
 * who write the plan of one of the customer's projects edit; anyone else with a role in one of its
 * projects reads. Everyone else gets 404, as if the customer did not exist.
 */
export async function customerAccess(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
): Promise<CustomerAccess> {
  if (user.role === 'vendor_admin') return { read: true, edit: true, manageLogins: true };
  if (!user.personId) return { read: false, edit: false, manageLogins: false };
  const held = await accessRepository.rolesHeldAtCustomer(context.db, customerId, user.personId);
  let read = false;
  let edit = false;
  let manageLogins = false;
  for (const holding of held) {
    const template = await loadTemplateContent(context, holding.template_id);
    const permissions = projectPermissions(user, { customerId }, [holding.role_key], template);
    read ||= permissions.read;
    edit ||= permissions.edit;
    // The role that approves for the customer (Beställare) answers for who of its people may log in.
    manageLogins ||= permissions.approve;
  }
  return { read, edit, manageLogins };
}

export async function requireCustomerRead(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
): Promise<CustomerAccess> {
  const access = await customerAccess(context, user, customerId);
  if (!access.read) throw notFound('Kunden');
  return access;
}

export async function requireCustomerEdit(context: AppContext, user: CurrentUser, customerId: string): Promise<void> {
  const access = await requireCustomerRead(context, user, customerId);
  if (!access.edit) throw new AppError('FORBIDDEN', 'Du får inte ändra kundens skolor och personer');
}
