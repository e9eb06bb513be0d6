/**
 * The rules of an import, with no I/O: which columns of a table hold which field, and what is
 * wrong with each row. The same rules check the preview and, again, the rows sent on confirm.
 */

import type { z } from 'zod';
import {
  IMPORT_MAX_ROWS,
  type ImportKind,
  type ImportRow,
  type ImportSummary,
  type PersonImportField,
  type PersonImportValues,
  type RoleMapping,
  type SchoolImportField,
  type SchoolImportValues,
} from '../../shared/imports.js';
import {
  personInputSchema,
  type SchoolForm,
  schoolFormLabels,
  schoolForms,
  schoolInputSchema,
} from '../../shared/organisation.js';
import type { TemplateContent } from '../../shared/templates.js';
import { AppError } from '../core/errors.js';

/** One non-empty row of an uploaded table, with its row number in the file (1 = first line). */
export interface TableRow {
  rowNumber: number;
  cells: string[];
}

/** A file that cannot be read as a table: 400 with the reason, on the `file` field. */
export const notATable = (message: string) => new AppError('VALIDATION_FAILED', message, { file: message });

/** Lower case, no accents, letters and digits only: "E-post" → "epost", "Förnamn" → "fornamn". */
export const headerKey = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** How names are compared: case-insensitively, with runs of spaces as one. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

type FieldAliases<Field extends string> = Record<Field, string[]>;

/** Recognised headers per field, best first, written as `headerKey` makes them. */
const schoolAliases: FieldAliases<SchoolImportField> = {
  name: ['namn', 'skola', 'skolnamn', 'skolansnamn', 'skolenhetsnamn', 'name', 'school', 'schoolname'],
  schoolForms: ['skolformer', 'skolform', 'schoolforms', 'schoolform', 'schooltypes', 'schooltype'],
  schoolUnitCode: ['skolenhetskod', 'skolenhet', 'skolenhetskoder', 'schoolunitcode', 'schoolunit', 'unitcode'],
};

const personAliases: FieldAliases<PersonImportField | 'firstName' | 'lastName'> = {
  name: ['namn', 'fulltnamn', 'fullstandigtnamn', 'name', 'fullname'],
  firstName: ['fornamn', 'tilltalsnamn', 'firstname', 'givenname'],
  lastName: ['efternamn', 'lastname', 'surname', 'familyname'],
  email: ['epost', 'epostadress', 'mejl', 'mejladress', 'mail', 'mailadress', 'email', 'emailadress', 'emailaddress'],
  phone: [
    'telefon',
    'telefonnummer',
    'mobil',
    'mobilnummer',
    'mobiltelefon',
    'tel',
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
  ],
  title: ['titel', 'befattning', 'yrkestitel', 'tjanst', 'title', 'jobtitle', 'position'],
  school: ['skola', 'skolnamn', 'skolenhet', 'arbetsplats', 'school', 'schoolname', 'workplace'],
  roles: ['roll', 'roller', 'projektroll', 'projektroller', 'role', 'roles', 'projectrole', 'projectroles'],
};

/** A data row as text per field, before it is checked. */
export type RawRecord<Field extends string> = {
  rowNumber: number;
  raw: Partial<Record<Field, string | string[] | null>>;
};

export interface Columns<Field extends string> {
  /** Field → column index in the table. */
  indexes: Partial<Record<Field, number>>;
  /** Field → the header as written in the file. */
  headers: Record<string, string>;
}

function matchColumns<Field extends string>(
  header: string[],
  aliases: FieldAliases<Field>,
): Partial<Record<Field, number>> {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const indexes: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(aliases) as Field[]) {
    for (const alias of aliases[field]) {
      const index = keys.findIndex((key, position) => key === alias && !taken.has(position));
      if (index >= 0) {
        indexes[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return indexes;
}

/** How far down the file the header row is looked for: some exports start with a title line. */
const HEADER_SEARCH_ROWS = 10;

const cellAt = (row: TableRow, index: number | undefined): string =>
  index === undefined ? '' : (row.cells[index] ?? '').trim();

/**
 * Finds the header row (the first of the top rows that names the name column) and turns the rows
 * under it into records. Rows with nothing in the recognised columns are left out.
 */
export function extractRecords(
  kind: 'schools',
  table: TableRow[],
): { columns: Record<string, string>; records: RawRecord<SchoolImportField>[] };
export function extractRecords(
  kind: 'people',
  table: TableRow[],
): { columns: Record<string, string>; records: RawRecord<PersonImportField>[] };
export function extractRecords(
  kind: ImportKind,
  table: TableRow[],
): { columns: Record<string, string>; records: RawRecord<string>[] } {
  const aliases: FieldAliases<string> = kind === 'schools' ? schoolAliases : personAliases;
  for (const [position, headerRow] of table.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const indexes = matchColumns(headerRow.cells, aliases) as Record<string, number | undefined>;
    const splitName = kind === 'people' && indexes.firstName !== undefined && indexes.lastName !== undefined;
    if (indexes.name === undefined && !splitName) continue;

    const headers: Record<string, string> = {};
    for (const [field, index] of Object.entries(indexes)) {
      if (index !== undefined && field !== 'firstName' && field !== 'lastName') headers[field] = headerRow.cells[index];
    }
    if (indexes.name === undefined) {
      headers.name = `${headerRow.cells[indexes.firstName as number]} + ${headerRow.cells[indexes.lastName as number]}`;
    }
    const fields = Object.keys(headers);
    const records: RawRecord<string>[] = [];
    for (const row of table.slice(position + 1)) {
      const raw: Record<string, string> = {};
      for (const field of fields) raw[field] = cellAt(row, indexes[field]);
      if (indexes.name === undefined) {
        raw.name = `${cellAt(row, indexes.firstName)} ${cellAt(row, indexes.lastName)}`.trim();
      }
      if (Object.values(raw).some((value) => value !== '')) records.push({ rowNumber: row.rowNumber, raw });
    }
    if (records.length === 0) throw notATable('Filen har en rubrikrad men inga rader under den att importera');
    if (records.length > IMPORT_MAX_ROWS) {
      throw notATable(
        `Filen har fler än ${IMPORT_MAX_ROWS.toLocaleString('sv-SE')} rader. Dela upp den i flera filer.`,
      );
    }
    return { columns: headers, records };
  }
  throw notATable(
    kind === 'schools'
      ? 'Filen är inte en tabell: hittade ingen rubrikrad med Namn (eller Skola)'
      : 'Filen är inte en tabell: hittade ingen rubrikrad med Namn (eller Förnamn och Efternamn)',
  );
}

// ---- School forms ----

const schoolFormByKey = new Map<string, SchoolForm>([
  ...schoolForms.map((form) => [headerKey(form), form] as const),
  ...schoolForms.map((form) => [headerKey(schoolFormLabels[form]), form] as const),
  ['grundsarskola', 'anpassad-grundskola'],
  ['gymnasiesarskola', 'anpassad-gymnasieskola'],
  ['fklass', 'forskoleklass'],
  ['fritids', 'fritidshem'],
  ['gymnasium', 'gymnasieskola'],
  ['komvux', 'vuxenutbildning'],
  ['vux', 'vuxenutbildning'],
]);

/** "Grundskola, Fritidshem" (or keys, or a list) → the school form keys, and what was not recognised. */
export function parseSchoolForms(value: string | string[] | null | undefined): {
  forms: SchoolForm[];
  unknown: string[];
} {
  const parts = Array.isArray(value) ? value : (value ?? '').split(/[,;/|+&\n]|\s+och\s+/i);
  const forms: SchoolForm[] = [];
  const unknown: string[] = [];
  for (const part of parts.map((text) => text.trim()).filter(Boolean)) {
    const form = schoolFormByKey.get(headerKey(part));
    if (!form) unknown.push(part);
    else if (!forms.includes(form)) forms.push(form);
  }
  return { forms, unknown };
}

// ---- Checking rows ----

/** What the customer already has, as far as an import needs to know. */
export interface ExistingOrganisation {
  schools: { id: string; name: string }[];
  people: { name: string; email: string | null }[];
}

/** A checked row, and for a row without errors what to store. */
export type CheckedRow<Values, Input> = ImportRow<Values> & { input: Input | null };

const text = (value: string | string[] | null | undefined): string =>
  (Array.isArray(value) ? value.join(', ') : (value ?? '')).trim().replace(/\s+/g, ' ');
const orNull = (value: string): string | null => (value === '' ? null : value);

function addIssues(errors: Record<string, string>, issues: { path: PropertyKey[]; message: string }[], rename = {}) {
  for (const issue of issues) {
    const path = String(issue.path[0] ?? 'row');
    const field = (rename as Record<string, string>)[path] ?? path;
    errors[field] ??= issue.message;
  }
}

const statusOf = (errors: Record<string, string>, exists: boolean) =>
  Object.keys(errors).length > 0 ? 'error' : exists ? 'duplicate' : 'new';

export type SchoolToStore = z.output<typeof schoolInputSchema>;

export function checkSchoolRows(
  records: RawRecord<SchoolImportField>[],
  existing: ExistingOrganisation,
): CheckedRow<SchoolImportValues, SchoolToStore>[] {
  const existingNames = new Set(existing.schools.map((school) => nameKey(school.name)));
  const firstRowByName = new Map<string, number>();
  return records.map(({ rowNumber, raw }) => {
    const errors: Record<string, string> = {};
    const name = text(raw.name);
    const { forms, unknown } = parseSchoolForms(raw.schoolForms);
    const schoolUnitCode = orNull(text(raw.schoolUnitCode).replace(/\s/g, ''));
    const values: SchoolImportValues = { name, schoolForms: forms, schoolUnitCode };

    if (name === '') errors.name = 'Namn saknas';
    if (unknown.length > 0) errors.schoolForms = `Okänd skolform: ${unknown.join(', ')}`;
    else if (forms.length === 0) errors.schoolForms = 'Skolform saknas';
    const parsed = schoolInputSchema.safeParse(values);
    if (!parsed.success) addIssues(errors, parsed.error.issues);

    const key = nameKey(name);
    if (name !== '') {
      const first = firstRowByName.get(key);
      if (first !== undefined) errors.name ??= `Skolan finns redan på rad ${first} i filen`;
      else firstRowByName.set(key, rowNumber);
    }
    const status = statusOf(errors, existingNames.has(key));
    return { rowNumber, values, errors, status, input: status === 'new' && parsed.success ? parsed.data : null };
  });
}

export type PersonToStore = z.output<typeof personInputSchema> & { roleKeys: string[] };

/**
 * A person is the same as another when the e-mail addresses are the same; without an address,
 * when the names are the same (so that importing one file twice adds nobody twice).
 */
const personKey = (name: string, email: string | null) => (email ? `e:${email.toLowerCase()}` : `n:${nameKey(name)}`);

type CustomerRole = TemplateContent['customerRoles'][number];

/**
 * What a person file's roles are checked against: the project's template roles and who already
 * holds them. `column`: every value must name a role. `title`: the Titel column is read for roles,
 * and a title that names none gives no role. Without it (no project chosen) roles are not read.
 */
export interface RoleContext {
  roles: CustomerRole[];
  source: 'column' | 'title';
  holdings: { roleKey: string; schoolId: string | null; personName: string }[];
}

/** "Rektor", "rektorer", "rektor" all name the role rektor. */
function roleLookup(roles: CustomerRole[]): Map<string, CustomerRole> {
  const lookup = new Map<string, CustomerRole>();
  for (const role of roles) {
    for (const name of [role.key, role.title, role.titlePlural ?? '']) {
      if (name !== '' && !lookup.has(headerKey(name))) lookup.set(headerKey(name), role);
    }
  }
  return lookup;
}

/** "Rektor, Administratör" or "Rektor och administratör": the parts of a role cell. */
export const roleParts = (value: string): string[] =>
  value
    .split(/[,;/|+&\n]|\s+och\s+/i)
    .map((part) => part.trim())
    .filter(Boolean);

/** How each distinct value of the role column is understood, for the preview. */
export function roleMapping(rawRoles: (string | null)[], roles: CustomerRole[]): RoleMapping[] {
  const lookup = roleLookup(roles);
  const byKey = new Map<string, RoleMapping>();
  for (const raw of rawRoles) {
    for (const part of roleParts(raw ?? '')) {
      const key = headerKey(part);
      const existing = byKey.get(key);
      if (existing) {
        existing.rows += 1;
        continue;
      }
      const role = lookup.get(key);
      byKey.set(key, {
        text: part,
        roleKey: role?.key ?? null,
        roleTitle: role?.title ?? null,
        level: role?.level ?? null,
        rows: 1,
      });
    }
  }
  return [...byKey.values()].sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text, 'sv'));
}

export function checkPersonRows(
  records: RawRecord<PersonImportField>[],
  existing: ExistingOrganisation,
  roleContext?: RoleContext,
): CheckedRow<PersonImportValues, PersonToStore>[] {
  const schoolsByName = new Map(existing.schools.map((school) => [nameKey(school.name), school]));
  const existingKeys = new Set(existing.people.map((person) => personKey(person.name, person.email)));
  const firstRowByKey = new Map<string, number>();
  const lookup = roleLookup(roleContext?.roles ?? []);
  // A role only one person may hold in the project: who holds it, in the project or earlier in the file.
  const singleHolder = new Map<string, (title: string) => string>();
  for (const holding of roleContext?.holdings ?? []) {
    if (holding.schoolId !== null) continue;
    singleHolder.set(holding.roleKey, (title) => `${title} innehas redan av ${holding.personName} i projektet`);
  }
  return records.map(({ rowNumber, raw }) => {
    const errors: Record<string, string> = {};
    const name = text(raw.name);
    const schoolText = text(raw.school);
    const school = schoolText === '' ? undefined : schoolsByName.get(nameKey(schoolText));
    const title = orNull(text(raw.title));
    const roleText = roleContext?.source === 'title' ? (title ?? '') : text(raw.roles);
    const values: PersonImportValues = {
      name,
      email: orNull(text(raw.email)),
      phone: orNull(text(raw.phone)),
      title,
      school: school ? school.name : orNull(schoolText),
      roles: null,
    };

    if (name === '') errors.name = 'Namn saknas';
    if (schoolText !== '' && !school) {
      errors.school = `Skolan ${schoolText} finns inte hos kunden. Importera skolorna först.`;
    }

    const rowRoles: CustomerRole[] = [];
    const unknownRoles: string[] = [];
    for (const part of roleParts(roleText)) {
      const role = lookup.get(headerKey(part));
      if (!role) unknownRoles.push(part);
      else if (!rowRoles.includes(role)) rowRoles.push(role);
    }
    if (roleContext?.source === 'title')
      values.roles = rowRoles.length > 0 ? rowRoles.map((role) => role.title).join(', ') : null;
    else if (roleText !== '') {
      values.roles = unknownRoles.length > 0 ? roleText : rowRoles.map((role) => role.title).join(', ');
      if (!roleContext) errors.roles = 'Välj vilket projekt rollerna gäller';
      else if (unknownRoles.length > 0) {
        errors.roles = `Okänd roll i projektets mall: ${unknownRoles.join(', ')}`;
      }
    }
    for (const role of rowRoles) {
      if (errors.roles) break;
      // A school named but unknown is already said under Skola.
      if (role.level === 'school' && schoolText === '') {
        errors.roles = `${role.title} är en roll per skola: ange personens skola`;
      } else if (role.level === 'project' && !role.group) {
        const holder = singleHolder.get(role.key);
        if (holder) errors.roles = holder(role.title);
      }
    }

    const parsed = personInputSchema.safeParse({ ...values, schoolId: school?.id ?? null });
    if (parsed.success) values.email = parsed.data.email;
    else addIssues(errors, parsed.error.issues, { schoolId: 'school' });

    const key = personKey(name, values.email);
    if (name !== '' && !errors.email) {
      const first = firstRowByKey.get(key);
      if (first === undefined) firstRowByKey.set(key, rowNumber);
      else if (values.email) errors.email = `Samma e-postadress som på rad ${first} i filen`;
      else errors.name ??= `Samma namn, utan e-postadress, som på rad ${first} i filen`;
    }
    const status = statusOf(errors, existingKeys.has(key));
    if (status === 'new') {
      for (const role of rowRoles) {
        if (role.level !== 'project' || role.group) continue;
        singleHolder.set(
          role.key,
          (title) => `Bara en person kan ha rollen ${title}: den har redan personen på rad ${rowNumber}`,
        );
      }
    }
    return {
      rowNumber,
      values,
      errors,
      status,
      input: status === 'new' && parsed.success ? { ...parsed.data, roleKeys: rowRoles.map((role) => role.key) } : null,
    };
  });
}

export function summarise(rows: { status: ImportRow<unknown>['status'] }[]): ImportSummary {
  const count = (status: string) => rows.filter((row) => row.status === status).length;
  return { total: rows.length, ok: count('new'), errors: count('error'), duplicates: count('duplicate') };
}
