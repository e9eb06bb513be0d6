import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  ImportCommitBody,
  ImportKind,
  ImportMode,
  ImportPreview,
  ImportResult,
  PersonImportField,
  RejectedRow,
  SchoolImportField,
} from '../../shared/imports.js';
import { importCommitBodySchema } from '../../shared/imports.js';
import { countText } from '../../shared/plural.js';
import { loadProjectAccess, type ProjectAccess, requireCustomerEdit, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { customerRepository } from '../customers/repository.js';
import type { Database } from '../db/schema.js';
import { assignRolesInTransaction, roleHoldings } from '../organisation/service.js';
import { getProject } from '../projects/service.js';
import { importRepository } from './repository.js';
import {
  type CheckedRow,
  checkPersonRows,
  checkSchoolRows,
  extractRecords,
  type RawRecord,
  type RoleContext,
  roleMapping,
  summarise,
} from './rows.js';
import { readTable } from './table.js';

async function requireImportRights(context: AppContext, user: CurrentUser, customerId: string): Promise<void> {
  await requireCustomerEdit(context, user, customerId);
  if (!(await customerRepository.findById(context.db, customerId))) throw notFound('Kunden');
}

/** The project whose roles a person file gives: the customer's own, and one the user may change. */
async function requireRoleProject(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
  projectId: string,
): Promise<ProjectAccess> {
  const access = await loadProjectAccess(context, user, projectId);
  if (access.project.customerId !== customerId) throw notFound('Projektet');
  requireEdit(access);
  return access;
}

const withoutInput = <Row extends CheckedRow<unknown, unknown>>({ input: _input, ...row }: Row) => row;

const rows = { one: 'rad', other: 'rader' };
const people = { one: 'person', other: 'personer' };
const schools = { one: 'skola', other: 'skolor' };
const roles = { one: 'roll', other: 'roller' };

/**
 * Reads the uploaded file and checks every row against the customer's schools and people, and a
 * person file's roles against the chosen project's template and holders. Nothing is stored.
 * `readFile` is called only once the user may import at this customer.
 */
export async function previewImport(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
  query: { kind: ImportKind; projectId?: string },
  readFile: () => Promise<Buffer>,
): Promise<ImportPreview> {
  await requireImportRights(context, user, customerId);
  const access = query.projectId ? await requireRoleProject(context, user, customerId, query.projectId) : null;
  const table = await readTable(await readFile());
  const existing = await importRepository.existing(context.db, customerId);
  if (query.kind === 'schools') {
    const { columns, records } = extractRecords('schools', table);
    const checked = checkSchoolRows(records, existing);
    return { kind: 'schools', columns, rows: checked.map(withoutInput), summary: summarise(checked) };
  }
  const { columns, records } = extractRecords('people', table);
  const source = columns.roles ? 'column' : columns.title ? 'title' : null;
  const roleContext: RoleContext | undefined =
    access && source
      ? {
          roles: access.template.customerRoles,
          source,
          holdings: await roleHoldings(context.db, access.project.id),
        }
      : undefined;
  const checked = checkPersonRows(records, existing, roleContext);
  const project = access ? await getProject(context, user, access) : null;
  return {
    kind: 'people',
    columns,
    rows: checked.map(withoutInput),
    summary: summarise(checked),
    project: project ? { id: project.id, name: project.name } : null,
    roleSource: roleContext ? source : columns.roles ? 'column' : null,
    roleMapping: roleContext
      ? roleMapping(
          records.map(({ raw }) => (source === 'title' ? (raw.title as string | null) : (raw.roles as string | null))),
          roleContext.roles,
        )
      : [],
  };
}

const fieldNames: Record<string, string> = {
  name: 'Namn',
  schoolForms: 'Skolformer',
  schoolUnitCode: 'Skolenhetskod',
  email: 'E-post',
  phone: 'Telefon',
  title: 'Titel',
  school: 'Skola',
  roles: 'Roll',
};

/** "E-post: Ogiltig e-postadress; Skola: …" — what is wrong with a row, in one line. */
export const rowReason = (errors: Record<string, string>): string =>
  Object.entries(errors)
    .map(([field, message]) => `${fieldNames[field] ?? field}: ${message}`)
    .join('; ');

/**
 * In mode `all` one row with errors refuses the whole import. In mode `valid` the rows with errors
 * are turned away with their reasons and the rest go ahead.
 */
function sortOutRowErrors(rowsChecked: CheckedRow<unknown, unknown>[], mode: ImportMode): RejectedRow[] {
  const failing = rowsChecked.filter((row) => row.status === 'error');
  if (failing.length === 0) return [];
  if (mode === 'valid') return failing.map((row) => ({ rowNumber: row.rowNumber, reason: rowReason(row.errors) }));
  const fields: Record<string, string> = {};
  for (const [index, row] of rowsChecked.entries()) {
    for (const [field, message] of Object.entries(row.errors)) fields[`rows.${index}.${field}`] = message;
  }
  throw new AppError(
    'VALIDATION_FAILED',
    `${countText(failing.length, rows)} har fel. Ingenting importerades.`,
    fields,
  );
}

/** The rows turned away, each line once (the server's reason wins), in file order. */
function mergeRejected(fromPreview: RejectedRow[], fromCheck: RejectedRow[]): RejectedRow[] {
  const byRow = new Map(fromPreview.map((row) => [row.rowNumber, row]));
  for (const row of fromCheck) byRow.set(row.rowNumber, row);
  return [...byRow.values()].sort((a, b) => a.rowNumber - b.rowNumber);
}

/**
 * Stores the confirmed rows in one transaction after checking them all again. Mode `all`: one
 * invalid row and nothing is stored. Mode `valid`: the rows that pass are stored and the others are
 * reported back. Rows that already exist at the customer are skipped. A person file's roles are
 * given in the chosen project, each assignment audited as on the organisation page.
 */
export async function commitImport(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
  bodyInput: ImportCommitBody,
): Promise<ImportResult> {
  const body = importCommitBodySchema.parse(bodyInput);
  await requireImportRights(context, user, customerId);
  const access =
    body.kind === 'people' && body.projectId
      ? await requireRoleProject(context, user, customerId, body.projectId)
      : null;
  const now = context.clock.now().toISOString();
  const recordsOf = <Field extends string>(rowsSent: ({ rowNumber?: number } & Record<string, unknown>)[]) =>
    rowsSent.map(({ rowNumber, ...raw }, index) => ({ rowNumber: rowNumber ?? index + 1, raw }) as RawRecord<Field>);

  return context.db.transaction().execute(async (trx) => {
    const existing = await importRepository.existing(trx, customerId);
    if (body.kind === 'schools') {
      const checked = checkSchoolRows(recordsOf<SchoolImportField>(body.rows), existing);
      const rejected = mergeRejected(body.mode === 'valid' ? body.rejected : [], sortOutRowErrors(checked, body.mode));
      const stored = checked.flatMap((row) =>
        row.input
          ? [
              {
                id: newId(),
                customer_id: customerId,
                name: row.input.name,
                school_forms: JSON.stringify(row.input.schoolForms),
                school_unit_code: row.input.schoolUnitCode,
                staff_count: null,
                created_at: now,
                updated_at: now,
              },
            ]
          : [],
      );
      const created = await importRepository.insertSchools(trx, stored);
      const skipped = checked.filter((row) => row.status === 'duplicate').length + (stored.length - created);
      await auditImport(context, trx, user, customerId, null, {
        kind: 'schools',
        created,
        skipped,
        rolesAssigned: 0,
        rejected,
        summary: importSummary(countText(created, schools), 0, rejected),
        names: stored.map((row) => row.name),
      });
      return { kind: 'schools', created, skipped, rolesAssigned: 0, rejected };
    }

    const roleContext: RoleContext | undefined = access
      ? {
          roles: access.template.customerRoles,
          // The preview has put the roles as the template names them, whichever column they came from.
          source: 'column',
          holdings: await roleHoldings(trx, access.project.id),
        }
      : undefined;
    const checked = checkPersonRows(recordsOf<PersonImportField>(body.rows), existing, roleContext);
    const rejected = mergeRejected(body.mode === 'valid' ? body.rejected : [], sortOutRowErrors(checked, body.mode));
    const schoolsById = new Map(existing.schools.map((school) => [school.id, school]));
    const stored = checked.flatMap((row) =>
      row.input
        ? [
            {
              row: {
                id: newId(),
                customer_id: customerId,
                name: row.input.name,
                email: row.input.email,
                phone: row.input.phone,
                title: row.input.title,
                school_id: row.input.schoolId,
                user_id: null,
                created_at: now,
                updated_at: now,
              },
              roleKeys: row.input.roleKeys,
            },
          ]
        : [],
    );
    const created = await importRepository.insertPeople(
      trx,
      stored.map((person) => person.row),
    );
    const holdings = stored.flatMap(({ row, roleKeys }) =>
      roleKeys.map((roleKey) => {
        const level = access?.template.customerRoles.find((role) => role.key === roleKey)?.level;
        const school = level === 'school' && row.school_id ? (schoolsById.get(row.school_id) ?? null) : null;
        return { roleKey, person: { id: row.id, name: row.name }, school };
      }),
    );
    const rolesAssigned =
      access && holdings.length > 0 ? await assignRolesInTransaction(context, trx, user, access, holdings) : 0;
    const skipped = checked.filter((row) => row.status === 'duplicate').length;
    await auditImport(context, trx, user, customerId, access?.project.id ?? null, {
      kind: 'people',
      created,
      skipped,
      rolesAssigned,
      rejected,
      summary: importSummary(countText(created, people), rolesAssigned, rejected),
      names: stored.map((person) => person.row.name),
    });
    return { kind: 'people', created, skipped, rolesAssigned, rejected };
  });
}

/** "Importerade 3 personer med 4 roller från fil; 2 rader med fel importerades inte". */
function importSummary(what: string, rolesAssigned: number, rejected: RejectedRow[]): string {
  const withRoles = rolesAssigned > 0 ? ` med ${countText(rolesAssigned, roles)}` : '';
  const turnedAway = rejected.length > 0 ? `; ${countText(rejected.length, rows)} med fel importerades inte` : '';
  return `Importerade ${what}${withRoles} från fil${turnedAway}`;
}

/**
 * The audit trail gets one event per import, naming (the first hundred of) those added and of the
 * rows turned away with their reasons; in the project's history too when roles were given there.
 */
async function auditImport(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  customerId: string,
  projectId: string | null,
  result: {
    kind: ImportKind;
    created: number;
    skipped: number;
    rolesAssigned: number;
    rejected: RejectedRow[];
    summary: string;
    names: string[];
  },
): Promise<void> {
  if (result.created === 0 && result.rejected.length === 0) return;
  await recordAudit(context, trx, {
    actor: user,
    customerId,
    ...(projectId ? { projectId } : {}),
    action: `${result.kind === 'schools' ? 'schools' : 'people'}.imported`,
    entityType: 'customer',
    entityId: customerId,
    summary: result.summary,
    after: {
      created: result.created,
      skipped: result.skipped,
      rolesAssigned: result.rolesAssigned,
      names: result.names.slice(0, 100),
      rejectedCount: result.rejected.length,
      rejected: result.rejected.slice(0, 100),
    },
  });
}
