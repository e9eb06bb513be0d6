import type { Kysely } from 'kysely';
import type {
  AcknowledgementOverview,
  MyRolesToConfirm,
  RoleAcknowledgement,
  RoleText,
  RoleToConfirm,
} from '../../shared/acknowledgements.js';
import type { CurrentUser } from '../../shared/auth.js';
import type { TemplateContent } from '../../shared/templates.js';
import { projectPermissions } from '../access/permissions.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { projectRepository } from '../projects/repository.js';
import { getVendorName } from '../settings/service.js';
import { loadTemplateContent } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { roleTextChangedMail } from './mails.js';
import { acknowledgementRepository, type HoldingRow, type ProjectHoldingRow } from './repository.js';
import {
  acknowledgementState,
  confirmedCount,
  distinctHoldings,
  responsibilityHash,
  sameResponsibility,
} from './state.js';

interface TemplateRole {
  key: string;
  title: string;
  /** As the template writes it, with the `{vendor}` token. */
  responsibility: string;
  side: 'customer' | 'vendor';
  /** Place in the template: the customer's roles first, then the vendor's. */
  order: number;
}

function templateRoles(template: TemplateContent): Map<string, TemplateRole> {
  const roles = [
    ...template.customerRoles.map((role) => ({ ...role, side: 'customer' as const })),
    ...template.vendorRoles.map((role) => ({ ...role, side: 'vendor' as const })),
  ];
  return new Map(
    roles.map((role, order) => [
      role.key,
      { key: role.key, title: role.title, responsibility: role.responsibility, side: role.side, order },
    ]),
  );
}

/** The text in force: the project's own wording, or else the template's. Hashes are taken of this. */
const currentText = (role: TemplateRole, projectText: string | null | undefined) => projectText ?? role.responsibility;

/**
 * The holdings of roles the template knows, each person once per role and school, with the
 * confirmation state against the text in force.
 */
function holdingStates(rows: HoldingRow[], roles: Map<string, TemplateRole>) {
  return distinctHoldings(rows).flatMap((row) => {
    const role = roles.get(row.roleKey);
    if (!role) return [];
    const text = currentText(role, row.projectText);
    const confirmation =
      row.confirmedHash !== null && row.acknowledgedAt !== null
        ? { textHash: row.confirmedHash, acknowledgedAt: row.acknowledgedAt }
        : null;
    return [{ ...row, role, text, ...acknowledgementState(confirmation, text) }];
  });
}

const swedish = new Intl.Collator('sv');

/** In the template's order of roles, the project's own holders before each school's, then by school and name. */
const byRoleSchoolAndName = (
  a: { role: TemplateRole; schoolName: string | null; personName: string },
  b: { role: TemplateRole; schoolName: string | null; personName: string },
) =>
  a.role.order - b.role.order ||
  Number(a.schoolName !== null) - Number(b.schoolName !== null) ||
  swedish.compare(a.schoolName ?? '', b.schoolName ?? '') ||
  swedish.compare(a.personName, b.personName);

export async function getAcknowledgements(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
): Promise<AcknowledgementOverview> {
  const [rows, vendorName] = await Promise.all([
    acknowledgementRepository.holdings(context.db, access.project.id),
    getVendorName(context),
  ]);
  const holdings = holdingStates(rows, templateRoles(access.template)).sort(byRoleSchoolAndName);
  const shown: RoleAcknowledgement[] = holdings.map((holding) => ({
    roleKey: holding.roleKey,
    roleTitle: withVendorName(holding.role.title, vendorName),
    school: holding.schoolId !== null ? { id: holding.schoolId, name: holding.schoolName ?? '' } : null,
    person: { id: holding.personId, name: holding.personName },
    state: holding.state,
    acknowledgedAt: holding.acknowledgedAt,
  }));
  return { holdings: shown, ...confirmedCount(holdings), mine: rolesToConfirm(holdings, user.personId, vendorName) };
}

/** The person's holdings not confirmed in their current text; one confirmation answers for a role held at several schools. */
function rolesToConfirm(
  holdings: ReturnType<typeof holdingStates>,
  personId: string | null,
  vendorName: string,
): RoleToConfirm[] {
  const mine = new Map<string, RoleToConfirm>();
  for (const holding of holdings) {
    if (holding.personId !== personId || holding.state === 'confirmed' || mine.has(holding.roleKey)) continue;
    mine.set(holding.roleKey, {
      roleKey: holding.roleKey,
      roleTitle: withVendorName(holding.role.title, vendorName),
      responsibility: withVendorName(holding.text, vendorName),
      state: holding.state,
    });
  }
  return [...mine.values()];
}

/**
 * For Mina uppgifter: in every project still under way that the viewer sees, their roles still to
 * confirm, projects by name. Two queries, and each template version's content once.
 */
export async function myRolesToConfirm(context: AppContext, user: CurrentUser): Promise<MyRolesToConfirm> {
  const personId = user.personId;
  if (!personId) return { projects: [] };
  const [rows, vendorName] = await Promise.all([
    acknowledgementRepository.holdingsOfPersonInOpenProjects(context.db, personId),
    getVendorName(context),
  ]);
  const byProject = new Map<string, ProjectHoldingRow[]>();
  for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
  const projects: MyRolesToConfirm['projects'] = [];
  for (const projectRows of byProject.values()) {
    const { projectId, projectName, customerId, customerName, templateId } = projectRows[0];
    const template = await loadTemplateContent(context, templateId);
    const held = projectRows.map((row) => row.roleKey);
    if (!projectPermissions(user, { customerId }, held, template).read) continue;
    const holdings = holdingStates(projectRows, templateRoles(template)).sort(byRoleSchoolAndName);
    const roles = rolesToConfirm(holdings, personId, vendorName);
    if (roles.length > 0) projects.push({ project: { id: projectId, name: projectName, customerName }, roles });
  }
  return { projects: projects.sort((a, b) => swedish.compare(a.project.name, b.project.name)) };
}

/** How many role holdings are confirmed, for the checklist: one query. */
export async function acknowledgementProgress(
  db: Kysely<Database>,
  access: ProjectAccess,
): Promise<{ confirmed: number; total: number }> {
  const rows = await acknowledgementRepository.holdings(db, access.project.id);
  return confirmedCount(holdingStates(rows, templateRoles(access.template)));
}

/** The viewer confirms having read the responsibility text of one of their roles. */
export async function acknowledgeRole(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: { roleKey: string; responsibility: string },
): Promise<AcknowledgementOverview> {
  const projectId = access.project.id;
  const roles = templateRoles(access.template);
  const [rows, vendorName] = await Promise.all([
    acknowledgementRepository.holdings(context.db, projectId),
    getVendorName(context),
  ]);
  const held = holdingStates(rows, roles).find(
    (holding) => holding.personId === user.personId && holding.roleKey === body.roleKey,
  );
  if (!held) {
    const title = roles.get(body.roleKey)?.title;
    throw new AppError(
      'FORBIDDEN',
      title
        ? `Du har inte rollen ${withVendorName(title, vendorName)} i projektet`
        : 'Du har ingen sådan roll i projektet',
    );
  }
  if (!sameResponsibility(body.responsibility, withVendorName(held.text, vendorName))) {
    throw new AppError('CONFLICT', 'Ansvarstexten har ändrats – läs den igen', {
      responsibility: 'Texten har ändrats',
    });
  }
  if (held.state !== 'confirmed') {
    const roleTitle = withVendorName(held.role.title, vendorName);
    const acknowledgedAt = context.clock.now().toISOString();
    await context.db.transaction().execute(async (trx) => {
      await acknowledgementRepository.saveAcknowledgement(trx, {
        project_id: projectId,
        person_id: held.personId,
        role_key: held.roleKey,
        text_hash: responsibilityHash(held.text),
        acknowledged_at: acknowledgedAt,
        user_id: user.id,
      });
      await recordAudit(context, trx, {
        actor: user,
        customerId: access.project.customerId,
        projectId,
        action: 'role.acknowledged',
        entityType: 'role_acknowledgement',
        entityId: held.personId,
        summary: `${held.personName} har tagit del av sitt ansvar som ${roleTitle}`,
        after: { roleKey: held.roleKey, roleTitle, personName: held.personName, acknowledgedAt },
      });
    });
  }
  return getAcknowledgements(context, user, access);
}

/**
 * The project's own responsibility text of every role, and each holder's confirmation, for the
 * organisation page: two queries.
 */
export async function roleTextsAndConfirmations(db: Kysely<Database>, projectId: string) {
  const [texts, confirmations] = await Promise.all([
    acknowledgementRepository.roleTexts(db, projectId),
    acknowledgementRepository.acknowledgements(db, projectId),
  ]);
  const textOf = new Map(texts.map((row) => [row.role_key, row]));
  const confirmationOf = new Map(confirmations.map((row) => [`${row.person_id}\u0000${row.role_key}`, row]));
  return {
    /** The text in force as written (`{vendor}` still in it), and its version: 0 for the template's. */
    text(role: { key: string; responsibility: string }) {
      const own = textOf.get(role.key);
      return { responsibility: own?.responsibility ?? role.responsibility, version: own?.version ?? 0 };
    },
    confirmation(personId: string, roleKey: string, text: string) {
      const row = confirmationOf.get(`${personId}\u0000${roleKey}`);
      return acknowledgementState(row ? { textHash: row.text_hash, acknowledgedAt: row.acknowledged_at } : null, text);
    },
  };
}

const staleText = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat ansvarstexten sedan du öppnade den. Ladda om och gör ändringen igen.',
  );

/**
 * Plan writers word a role's responsibility for the project (the vendor's roles only the vendor's
 * administrator). A changed text outdates every confirmation of the role, and each holder with an
 * e-mail address is asked to read it again.
 */
export async function saveRoleText(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  roleKey: string,
  body: { responsibility: string; version: number },
): Promise<RoleText> {
  requireEdit(access);
  const role = templateRoles(access.template).get(roleKey);
  if (!role) throw notFound('Rollen');
  if (role.side === 'vendor' && user.role !== 'vendor_admin') {
    throw new AppError('FORBIDDEN', 'Leverantörens roller ändras av leverantören');
  }
  const projectId = access.project.id;
  const [before, vendorName] = await Promise.all([
    acknowledgementRepository.findRoleText(context.db, projectId, roleKey),
    getVendorName(context),
  ]);
  const roleTitle = withVendorName(role.title, vendorName);
  const previousText = currentText(role, before?.responsibility);
  const updatedAt = context.clock.now().toISOString();
  const version = await context.db.transaction().execute(async (trx) => {
    const saved =
      body.version === 0
        ? await acknowledgementRepository.insertRoleText(trx, {
            project_id: projectId,
            role_key: roleKey,
            responsibility: body.responsibility,
            updated_at: updatedAt,
          })
        : await acknowledgementRepository.updateRoleTextIfVersion(
            trx,
            { projectId, roleKey, version: body.version },
            { responsibility: body.responsibility, updated_at: updatedAt },
          );
    if (!saved) throw staleText();
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      action: 'role_text.changed',
      entityType: 'role_text',
      entityId: roleKey,
      summary: `Ändrade ansvarstexten för ${roleTitle}`,
      before: { responsibility: withVendorName(previousText, vendorName) },
      after: { responsibility: body.responsibility },
    });
    return body.version + 1;
  });
  if (responsibilityHash(previousText) !== responsibilityHash(body.responsibility)) {
    await askHoldersToReadAgain(context, user, projectId, { key: roleKey, title: roleTitle });
  }
  return { roleKey, responsibility: withVendorName(body.responsibility, vendorName), version };
}

/** One mail to each holder of the role with an e-mail address, sent in the background. */
async function askHoldersToReadAgain(
  context: AppContext,
  user: CurrentUser,
  projectId: string,
  role: { key: string; title: string },
): Promise<void> {
  const [rows, project] = await Promise.all([
    acknowledgementRepository.holdings(context.db, projectId),
    projectRepository.findById(context.db, projectId),
  ]);
  if (!project) return;
  const link = `${context.config.publicUrl.replace(/\/$/, '')}/projekt/${projectId}`;
  const seen = new Set<string>();
  for (const row of rows) {
    const email = row.personEmail?.trim().toLowerCase();
    if (row.roleKey !== role.key || !email || seen.has(email)) continue;
    seen.add(email);
    context.mailer.sendInBackground(
      roleTextChangedMail({
        to: email,
        name: row.personName,
        roleTitle: role.title,
        changedBy: user.name,
        projectName: project.name,
        customerName: project.customer_name,
        link,
      }),
    );
  }
}
