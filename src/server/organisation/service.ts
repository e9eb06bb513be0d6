import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  AssignRoleBody,
  Organisation,
  Person,
  PersonInput,
  RoleWithHolders,
  School,
  SchoolInput,
} from '../../shared/organisation.js';
import { personInputSchema, schoolInputSchema } from '../../shared/organisation.js';
import type { TemplateContent } from '../../shared/templates.js';
import { type ProjectAccess, requireCustomerEdit, requireCustomerRead, requireEdit } from '../access/service.js';
import { roleTextsAndConfirmations } from '../acknowledgements/service.js';
import { recordAudit } from '../audit/service.js';
import { hasUsablePassword } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { customerRepository } from '../customers/repository.js';
import type { Database } from '../db/schema.js';
import { getVendorName } from '../settings/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { minHolders, organisationReadiness } from './readiness.js';
import { organisationRepository, type PersonRow, type SchoolRow } from './repository.js';

const toSchool = (row: SchoolRow): School => ({
  id: row.id,
  name: row.name,
  schoolForms: JSON.parse(row.school_forms),
  schoolUnitCode: row.school_unit_code,
  staffCount: row.staff_count,
  version: row.version,
});

export const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  title: row.title,
  schoolId: row.school_id,
  ...loginState(row.user_id, row.password_hash),
  loginDisabled: Boolean(row.disabled_at),
  version: row.version,
});

/** Invited people have a user but no password yet: they can be invited again. */
function loginState(userId: string | null, passwordHash: string | null) {
  const hasLogin = userId !== null && passwordHash !== null && hasUsablePassword(passwordHash);
  return { hasLogin, invited: userId !== null && !hasLogin };
}

const staleVersion = (what: string) =>
  new AppError(
    'VERSION_CONFLICT',
    `Någon annan har ändrat ${what} sedan du öppnade den. Ladda om och gör ändringen igen.`,
  );

async function requireCustomer(context: AppContext, customerId: string) {
  const customer = await customerRepository.findById(context.db, customerId);
  if (!customer) throw notFound('Kunden');
  return customer;
}

// ---- Schools ----

export async function listSchools(context: AppContext, user: CurrentUser, customerId: string): Promise<School[]> {
  await requireCustomerRead(context, user, customerId);
  return (await organisationRepository.listSchools(context.db, customerId)).map(toSchool);
}

const schoolNameTaken = () =>
  new AppError('CONFLICT', 'Kunden har redan en skola med det namnet', { name: 'Finns redan' });

export async function createSchool(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
  input: SchoolInput,
): Promise<School> {
  await requireCustomerEdit(context, user, customerId);
  await requireCustomer(context, customerId);
  const values = schoolInputSchema.parse(input);
  const now = context.clock.now().toISOString();
  const row = {
    id: newId(),
    customer_id: customerId,
    name: values.name,
    school_forms: JSON.stringify(values.schoolForms),
    school_unit_code: values.schoolUnitCode,
    staff_count: values.staffCount ?? null,
    created_at: now,
    updated_at: now,
  };
  const school = toSchool({ ...row, version: 1 });
  await context.db.transaction().execute(async (trx) => {
    if (!(await organisationRepository.insertSchool(trx, row))) throw schoolNameTaken();
    await recordAudit(context, trx, {
      actor: user,
      customerId,
      action: 'school.created',
      entityType: 'school',
      entityId: row.id,
      summary: `Lade till skolan ${school.name}`,
      after: school,
    });
  });
  return school;
}

export async function updateSchool(
  context: AppContext,
  user: CurrentUser,
  target: { customerId: string; schoolId: string },
  input: SchoolInput & { version: number },
): Promise<School> {
  await requireCustomerEdit(context, user, target.customerId);
  const values = schoolInputSchema.parse(input);
  const before = await organisationRepository.findSchool(context.db, target.customerId, target.schoolId);
  if (!before) throw notFound('Skolan');
  return context.db.transaction().execute(async (trx) => {
    const saved = await organisationRepository
      .updateSchoolIfVersion(
        trx,
        { ...target, version: input.version },
        {
          name: values.name,
          school_forms: JSON.stringify(values.schoolForms),
          school_unit_code: values.schoolUnitCode,
          ...(values.staffCount !== undefined ? { staff_count: values.staffCount } : {}),
          updated_at: context.clock.now().toISOString(),
        },
      )
      .catch((error: unknown) => {
        if (/unique|UNIQUE/.test(String(error))) throw schoolNameTaken();
        throw error;
      });
    if (!saved) throw staleVersion('skolan');
    const after = await organisationRepository.findSchool(trx, target.customerId, target.schoolId);
    if (!after) throw notFound('Skolan');
    await recordAudit(context, trx, {
      actor: user,
      customerId: target.customerId,
      action: 'school.updated',
      entityType: 'school',
      entityId: target.schoolId,
      summary: `Ändrade skolan ${after.name}`,
      before: toSchool(before),
      after: toSchool(after),
    });
    return toSchool(after);
  });
}

// ---- People ----

export async function listPeople(context: AppContext, user: CurrentUser, customerId: string): Promise<Person[]> {
  await requireCustomerRead(context, user, customerId);
  return (await organisationRepository.listPeople(context.db, customerId)).map(toPerson);
}

export async function listVendorPeople(context: AppContext): Promise<Person[]> {
  return (await organisationRepository.listPeople(context.db, null)).map(toPerson);
}

async function assertPersonFields(
  context: AppContext,
  customerId: string | null,
  values: { email: string | null; schoolId: string | null },
  exceptPersonId?: string,
) {
  if (values.email) {
    const other = await organisationRepository.findPersonByEmail(context.db, customerId, values.email);
    if (other && other.id !== exceptPersonId) {
      throw new AppError('CONFLICT', `${other.name} har redan den e-postadressen`, { email: 'Finns redan' });
    }
  }
  if (values.schoolId) {
    if (customerId === null || !(await organisationRepository.findSchool(context.db, customerId, values.schoolId))) {
      throw new AppError('VALIDATION_FAILED', 'Skolan finns inte hos kunden', { schoolId: 'Okänd skola' });
    }
  }
}

/** Adds a person to a customer, or to the vendor's own people when `customerId` is null. */
export async function createPerson(
  context: AppContext,
  user: CurrentUser,
  customerId: string | null,
  input: PersonInput,
): Promise<Person> {
  if (customerId === null) {
    if (user.role !== 'vendor_admin')
      throw new AppError('FORBIDDEN', 'Bara leverantörens administratör lägger till leverantörens personer');
  } else {
    await requireCustomerEdit(context, user, customerId);
    await requireCustomer(context, customerId);
  }
  const values = personInputSchema.parse(input);
  await assertPersonFields(context, customerId, values);
  const now = context.clock.now().toISOString();
  const row = {
    id: newId(),
    customer_id: customerId,
    name: values.name,
    email: values.email,
    phone: values.phone,
    title: values.title,
    school_id: values.schoolId,
    user_id: null,
    created_at: now,
    updated_at: now,
  };
  const person = toPerson({ ...row, version: 1, password_hash: null });
  await context.db.transaction().execute(async (trx) => {
    await organisationRepository.insertPerson(trx, row);
    await recordAudit(context, trx, {
      actor: user,
      customerId,
      action: 'person.created',
      entityType: 'person',
      entityId: row.id,
      summary: `Lade till ${person.name}`,
      after: person,
    });
  });
  return person;
}

export async function updatePerson(
  context: AppContext,
  user: CurrentUser,
  target: { customerId: string; personId: string },
  input: PersonInput & { version: number },
): Promise<Person> {
  await requireCustomerEdit(context, user, target.customerId);
  const before = await organisationRepository.findPerson(context.db, target.personId);
  if (!before || before.customer_id !== target.customerId) throw notFound('Personen');
  const values = personInputSchema.parse(input);
  await assertPersonFields(context, target.customerId, values, target.personId);
  return context.db.transaction().execute(async (trx) => {
    const saved = await organisationRepository.updatePersonIfVersion(
      trx,
      { personId: target.personId, version: input.version },
      {
        name: values.name,
        email: values.email,
        phone: values.phone,
        title: values.title,
        school_id: values.schoolId,
        updated_at: context.clock.now().toISOString(),
      },
    );
    if (!saved) throw staleVersion('personen');
    const after = await organisationRepository.findPerson(trx, target.personId);
    if (!after) throw notFound('Personen');
    await recordAudit(context, trx, {
      actor: user,
      customerId: target.customerId,
      action: 'person.updated',
      entityType: 'person',
      entityId: target.personId,
      summary: `Ändrade uppgifterna för ${after.name}`,
      before: toPerson(before),
      after: toPerson(after),
    });
    return toPerson(after);
  });
}

// ---- Roles in a project ----

type AssignmentRow = Awaited<ReturnType<typeof organisationRepository.listAssignments>>[number];
type RoleTexts = Awaited<ReturnType<typeof roleTextsAndConfirmations>>;

function rolesWithHolders(
  roles: { key: string; title: string; responsibility: string; group?: boolean; minPerSchool?: number }[],
  assignments: AssignmentRow[],
  schoolId: string | null,
  texts: RoleTexts,
  vendorName: string,
): RoleWithHolders[] {
  return roles.map((role) => {
    const text = texts.text(role);
    return {
      key: role.key,
      title: withVendorName(role.title, vendorName),
      responsibility: withVendorName(text.responsibility, vendorName),
      responsibilityVersion: text.version,
      group: role.group ?? false,
      minHolders: minHolders(role),
      holders: assignments
        .filter((assignment) => assignment.role_key === role.key && assignment.school_id === schoolId)
        .map((assignment) => ({
          assignmentId: assignment.id,
          person: {
            id: assignment.person_id,
            name: assignment.person_name,
            email: assignment.person_email,
            ...loginState(assignment.person_user_id, assignment.person_password_hash),
          },
          acknowledgement: texts.confirmation(assignment.person_id, role.key, text.responsibility),
        })),
    };
  });
}

export async function getOrganisation(context: AppContext, access: ProjectAccess): Promise<Organisation> {
  const { project } = access;
  const projectId = project.id;
  const [schoolRows, assignments, vendorName, texts] = await Promise.all([
    organisationRepository.listSchools(context.db, project.customerId),
    organisationRepository.listAssignments(context.db, projectId),
    getVendorName(context),
    roleTextsAndConfirmations(context.db, projectId),
  ]);
  const template = withVendorName(
    { customerRoles: access.template.customerRoles, vendorRoles: access.template.vendorRoles },
    vendorName,
  );
  const readiness = organisationReadiness(
    template,
    schoolRows.map((school) => school.id),
    assignments.map((assignment) => ({ roleKey: assignment.role_key, schoolId: assignment.school_id })),
  );
  // Confirmations are of the text as written, so the roles keep the `{vendor}` token until shown.
  const { customerRoles, vendorRoles } = access.template;
  const projectRoles = customerRoles.filter((role) => role.level === 'project');
  const schoolRoles = customerRoles.filter((role) => role.level === 'school');
  return {
    customerRoles: rolesWithHolders(projectRoles, assignments, null, texts, vendorName),
    vendorRoles: rolesWithHolders(vendorRoles, assignments, null, texts, vendorName),
    schools: schoolRows.map((row) => ({
      school: toSchool(row),
      roles: rolesWithHolders(schoolRoles, assignments, row.id, texts, vendorName),
      readiness: readiness.schools.get(row.id) ?? { ready: false, gaps: [] },
    })),
    readiness: {
      ready: readiness.ready,
      gaps: readiness.gaps,
      schoolsReady: readiness.schoolsReady,
      schoolsTotal: readiness.schoolsTotal,
    },
  };
}

function findRole(template: TemplateContent, roleKey: string) {
  const customerRole = template.customerRoles.find((role) => role.key === roleKey);
  if (customerRole)
    return { side: 'customer' as const, role: customerRole, level: customerRole.level, group: customerRole.group };
  const vendorRole = template.vendorRoles.find((role) => role.key === roleKey);
  if (vendorRole) return { side: 'vendor' as const, role: vendorRole, level: 'project' as const, group: false };
  throw new AppError('VALIDATION_FAILED', 'Rollen finns inte i projektets mall', { roleKey: 'Okänd roll' });
}

export async function assignRole(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: AssignRoleBody,
): Promise<{ assignmentId: string }> {
  requireEdit(access);
  const projectId = access.project.id;
  const { project, template } = access;
  const found = findRole(template, body.roleKey);
  if (found.side === 'vendor' && user.role !== 'vendor_admin') {
    throw new AppError('FORBIDDEN', 'Leverantörens roller tilldelas av leverantören');
  }
  const schoolId = body.schoolId ?? null;
  if (found.level === 'school' && !schoolId) {
    throw new AppError('VALIDATION_FAILED', `${found.role.title} är en roll per skola: välj skola`, {
      schoolId: 'Välj skola',
    });
  }
  if (found.level === 'project' && schoolId) {
    throw new AppError('VALIDATION_FAILED', `${found.role.title} gäller hela projektet, inte en skola`, {
      schoolId: 'Ingen skola för den här rollen',
    });
  }
  const school = schoolId
    ? await organisationRepository.findSchool(context.db, project.customerId, schoolId)
    : undefined;
  if (schoolId && !school)
    throw new AppError('VALIDATION_FAILED', 'Skolan finns inte hos kunden', { schoolId: 'Okänd skola' });

  const person = await organisationRepository.findPerson(context.db, body.personId);
  const expectedCustomer = found.side === 'vendor' ? null : project.customerId;
  if (!person || person.customer_id !== expectedCustomer) {
    throw new AppError(
      'VALIDATION_FAILED',
      found.side === 'vendor' ? 'Välj en person hos leverantören' : 'Välj en person hos kunden',
      { personId: 'Okänd person' },
    );
  }

  const holders = (await organisationRepository.listAssignments(context.db, projectId)).filter(
    (assignment) => assignment.role_key === body.roleKey && assignment.school_id === schoolId,
  );
  if (holders.some((holder) => holder.person_id === person.id)) {
    throw new AppError('CONFLICT', `${person.name} har redan rollen`, { personId: 'Har redan rollen' });
  }
  if (!found.group && found.level === 'project' && holders.length > 0) {
    throw new AppError(
      'CONFLICT',
      `${found.role.title} innehas redan av ${holders[0].person_name}. Ta bort hen först.`,
      {
        personId: 'Rollen är redan tillsatt',
      },
    );
  }

  const assignmentId = newId();
  const where = school ? ` på ${school.name}` : '';
  await context.db.transaction().execute(async (trx) => {
    await organisationRepository.insertAssignment(trx, {
      id: assignmentId,
      project_id: projectId,
      role_key: body.roleKey,
      school_id: schoolId,
      person_id: person.id,
      created_at: context.clock.now().toISOString(),
    });
    await recordAudit(context, trx, {
      actor: user,
      customerId: project.customerId,
      projectId,
      action: 'role.assigned',
      entityType: 'role_assignment',
      entityId: assignmentId,
      summary: `${person.name} fick rollen ${found.role.title}${where}`,
      after: { roleKey: body.roleKey, schoolId, personId: person.id, personName: person.name },
    });
  });
  return { assignmentId };
}

/** Who holds which role in the project, for a caller outside this domain that plans new holdings. */
export async function roleHoldings(
  db: AppContext['db'],
  projectId: string,
): Promise<{ roleKey: string; schoolId: string | null; personId: string; personName: string }[]> {
  return (await organisationRepository.listAssignments(db, projectId)).map((assignment) => ({
    roleKey: assignment.role_key,
    schoolId: assignment.school_id,
    personId: assignment.person_id,
    personName: assignment.person_name,
  }));
}

/**
 * Gives customer people their roles inside the caller's transaction (an import stores people and
 * roles all or nothing), audited as one assignment each exactly as `assignRole` does. The caller has
 * checked the holdings against the template and the project's holders; the level is checked again
 * here so that no import can put a school role on the project or the reverse.
 */
export async function assignRolesInTransaction(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  holdings: { roleKey: string; person: { id: string; name: string }; school: { id: string; name: string } | null }[],
): Promise<number> {
  requireEdit(access);
  const { project, template } = access;
  const now = context.clock.now().toISOString();
  for (const holding of holdings) {
    const role = template.customerRoles.find((candidate) => candidate.key === holding.roleKey);
    if (!role || (role.level === 'school') !== (holding.school !== null)) {
      throw new AppError('VALIDATION_FAILED', 'Rollen finns inte i projektets mall', { roleKey: 'Okänd roll' });
    }
    const assignmentId = newId();
    await organisationRepository.insertAssignment(trx, {
      id: assignmentId,
      project_id: project.id,
      role_key: role.key,
      school_id: holding.school?.id ?? null,
      person_id: holding.person.id,
      created_at: now,
    });
    const where = holding.school ? ` på ${holding.school.name}` : '';
    await recordAudit(context, trx, {
      actor: user,
      customerId: project.customerId,
      projectId: project.id,
      action: 'role.assigned',
      entityType: 'role_assignment',
      entityId: assignmentId,
      summary: `${holding.person.name} fick rollen ${role.title}${where}`,
      after: {
        roleKey: role.key,
        schoolId: holding.school?.id ?? null,
        personId: holding.person.id,
        personName: holding.person.name,
      },
    });
  }
  return holdings.length;
}

export async function unassignRole(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  assignmentId: string,
): Promise<void> {
  requireEdit(access);
  const projectId = access.project.id;
  const assignment = await organisationRepository.findAssignment(context.db, projectId, assignmentId);
  if (!assignment) throw notFound('Rolltilldelningen');
  const found = findRole(access.template, assignment.role_key);
  if (found.side === 'vendor' && user.role !== 'vendor_admin') {
    throw new AppError('FORBIDDEN', 'Leverantörens roller ändras av leverantören');
  }
  await context.db.transaction().execute(async (trx) => {
    await organisationRepository.deleteAssignment(trx, assignmentId);
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      action: 'role.unassigned',
      entityType: 'role_assignment',
      entityId: assignmentId,
      summary: `${assignment.person_name} har inte längre rollen ${found.role.title}`,
      before: { roleKey: assignment.role_key, schoolId: assignment.school_id, personId: assignment.person_id },
    });
  });
}

/** The vendor's role that follows a customer's project: told of new plan versions, sees its projects first. */
export const PROJECT_SUPPORTER_ROLE = 'projektstodjare';

/**
 * Who on the vendor's side hears of something in a project: the holders of `roleKey` there with an
 * e-mail address or, when none has one, the vendor's administrators. Each address once.
 */
export async function vendorRecipients(
  db: AppContext['db'],
  projectId: string,
  roleKey: string,
): Promise<{ name: string; email: string }[]> {
  const holders = await organisationRepository.vendorRoleHoldersWithEmail(db, projectId, roleKey);
  const recipients = holders.length > 0 ? holders : await organisationRepository.vendorAdmins(db);
  const seen = new Set<string>();
  return recipients.flatMap((recipient) => {
    const email = recipient.email.trim().toLowerCase();
    if (seen.has(email)) return [];
    seen.add(email);
    return [{ name: recipient.name, email }];
  });
}
