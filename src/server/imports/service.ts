import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  ImportCommitBody,
  ImportKind,
  ImportPreview,
  ImportResult,
  PersonImportField,
  SchoolImportField,
} from '../../shared/imports.js';
import { requireCustomerEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { customerRepository } from '../customers/repository.js';
import type { Database } from '../db/schema.js';
import { importRepository } from './repository.js';
import {
  type CheckedRow,
  checkPersonRows,
  checkSchoolRows,
  extractRecords,
  type RawRecord,
  summarise,
} from './rows.js';
import { readTable } from './table.js';

async function requireImportRights(context: AppContext, user: CurrentUser, customerId: string): Promise<void> {
  await requireCustomerEdit(context, user, customerId);
  if (!(await customerRepository.findById(context.db, customerId))) throw notFound('Kunden');
}

const withoutInput = <Row extends CheckedRow<unknown, unknown>>({ input: _input, ...row }: Row) => row;

/**
 * Reads the uploaded file and checks every row against the customer's schools and people.
 * Nothing is stored. `readFile` is called only once the user may import at this customer.
 */
export async function previewImport(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
  kind: ImportKind,
  readFile: () => Promise<Buffer>,
): Promise<ImportPreview> {
  await requireImportRights(context, user, customerId);
  const table = await readTable(await readFile());
  const existing = await importRepository.existing(context.db, customerId);
  if (kind === 'schools') {
    const { columns, records } = extractRecords('schools', table);
    const rows = checkSchoolRows(records, existing);
    return { kind, columns, rows: rows.map(withoutInput), summary: summarise(rows) };
  }
  const { columns, records } = extractRecords('people', table);
  const rows = checkPersonRows(records, existing);
  return { kind, columns, rows: rows.map(withoutInput), summary: summarise(rows) };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function refuseRowErrors(rows: CheckedRow<unknown, unknown>[]): void {
  const fields: Record<string, string> = {};
  let failing = 0;
  for (const [index, row] of rows.entries()) {
    if (row.status !== 'error') continue;
    failing += 1;
    for (const [field, message] of Object.entries(row.errors)) fields[`rows.${index}.${field}`] = message;
  }
  if (failing > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${plural(failing, 'rad har', 'rader har')} fel. Ingenting importerades.`,
      fields,
    );
  }
}

/**
 * Stores the confirmed rows in one transaction after checking them all again: one invalid row and
 * nothing is stored. Rows that already exist at the customer are skipped.
 */
export async function commitImport(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
  body: ImportCommitBody,
): Promise<ImportResult> {
  await requireImportRights(context, user, customerId);
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    const existing = await importRepository.existing(trx, customerId);
    if (body.kind === 'schools') {
      const records: RawRecord<SchoolImportField>[] = body.rows.map((raw, index) => ({ rowNumber: index + 1, raw }));
      const rows = checkSchoolRows(records, existing);
      refuseRowErrors(rows);
      const stored = rows.flatMap((row) =>
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
      await auditImport(context, trx, user, customerId, {
        kind: 'schools',
        created,
        skipped: rows.length - created,
        summary: `Importerade ${plural(created, 'skola', 'skolor')} från fil`,
        names: stored.map((row) => row.name),
      });
      return { kind: 'schools', created, skipped: rows.length - created };
    }

    const records: RawRecord<PersonImportField>[] = body.rows.map((raw, index) => ({ rowNumber: index + 1, raw }));
    const rows = checkPersonRows(records, existing);
    refuseRowErrors(rows);
    const stored = rows.flatMap((row) =>
      row.input
        ? [
            {
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
          ]
        : [],
    );
    const created = await importRepository.insertPeople(trx, stored);
    await auditImport(context, trx, user, customerId, {
      kind: 'people',
      created,
      skipped: rows.length - created,
      summary: `Importerade ${plural(created, 'person', 'personer')} från fil`,
      names: stored.map((row) => row.name),
    });
    return { kind: 'people', created, skipped: rows.length - created };
  });
}

/** The audit trail gets one event per import, naming (the first hundred of) those added. */
async function auditImport(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  customerId: string,
  result: { kind: ImportKind; created: number; skipped: number; summary: string; names: string[] },
): Promise<void> {
  if (result.created === 0) return;
  await recordAudit(context, trx, {
    actor: user,
    customerId,
    action: `${result.kind === 'schools' ? 'schools' : 'people'}.imported`,
    entityType: 'customer',
    entityId: customerId,
    summary: result.summary,
    after: {
      created: result.created,
      skipped: result.skipped,
      names: result.names.slice(0, 100),
    },
  });
}
