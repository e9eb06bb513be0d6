import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { readDefaultTemplateFile } from '../templates/service.js';
import {
  checkPersonRows,
  checkSchoolRows,
  type ExistingOrganisation,
  extractRecords,
  headerKey,
  parseSchoolForms,
  roleMapping,
  roleParts,
  summarise,
  type TableRow,
} from './rows.js';

const table = (...rows: string[][]): TableRow[] => rows.map((cells, index) => ({ rowNumber: index + 1, cells }));

const SCHOOL_ID = '11111111-1111-4111-8111-111111111111';
const existing: ExistingOrganisation = {
  schools: [{ id: SCHOOL_ID, name: 'Ekskolan' }],
  people: [
    { name: 'Befintlig Person', email: 'befintlig@exempel.se' },
    { name: 'Utan Adress', email: null },
  ],
};

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('was not refused');
};

describe('column recognition', () => {
  it('compares headers without case, accents or punctuation', () => {
    expect(headerKey(' E-post ')).toBe('epost');
    expect(headerKey('FÖRNAMN')).toBe('fornamn');
    expect(headerKey('Skolenhets­kod')).toBe('skolenhetskod');
  });

  it('finds Swedish and English headers, under a title line', () => {
    const { columns, records } = extractRecords(
      'people',
      table(
        ['Personallista läsåret 2027/28'],
        ['NAMN', 'Mejl', 'Mobil', 'Befattning', 'Skola', 'Anställningsnummer'],
        ['Åsa Öberg', 'asa@exempel.se', '070-123 45 67', 'Rektor', 'Ekskolan', '123'],
      ),
    );
    expect(columns).toEqual({ name: 'NAMN', email: 'Mejl', phone: 'Mobil', title: 'Befattning', school: 'Skola' });
    expect(records).toEqual([
      {
        rowNumber: 3,
        raw: {
          name: 'Åsa Öberg',
          email: 'asa@exempel.se',
          phone: '070-123 45 67',
          title: 'Rektor',
          school: 'Ekskolan',
        },
      },
    ]);

    const english = extractRecords('schools', table(['School', 'School forms', 'School unit code'], ['Oak', 'x', '1']));
    expect(english.columns).toEqual({
      name: 'School',
      schoolForms: 'School forms',
      schoolUnitCode: 'School unit code',
    });
  });

  it('joins first and last name when there is no name column', () => {
    const { columns, records } = extractRecords(
      'people',
      table(['Förnamn', 'Efternamn', 'E-postadress'], ['Lars', 'Ek', 'lars@exempel.se'], ['', '', '']),
    );
    expect(columns.name).toBe('Förnamn + Efternamn');
    expect(records).toEqual([{ rowNumber: 2, raw: { name: 'Lars Ek', email: 'lars@exempel.se' } }]);
  });

  it('prefers Namn over Skola as the name of a school', () => {
    const { columns } = extractRecords('schools', table(['Skola', 'Namn', 'Skolform'], ['a', 'b', 'c']));
    expect(columns).toEqual({ name: 'Namn', schoolForms: 'Skolform' });
  });

  it('refuses a table without a name column, or with nothing under the header', () => {
    expect(refusal(() => extractRecords('people', table(['Id', 'Adress'], ['1', 'Storgatan 1'])))).toBe(
      'VALIDATION_FAILED: Filen är inte en tabell: hittade ingen rubrikrad med Namn (eller Förnamn och Efternamn)',
    );
    expect(refusal(() => extractRecords('schools', table(['Skola', 'Skolform'])))).toMatch(/inga rader/);
  });
});

describe('school forms', () => {
  it('maps the text of a register to the keys', () => {
    expect(parseSchoolForms('Grundskola, Fritidshem')).toEqual({ forms: ['grundskola', 'fritidshem'], unknown: [] });
    expect(parseSchoolForms('förskoleklass och grundsärskola; GYMNASIESKOLA')).toEqual({
      forms: ['forskoleklass', 'anpassad-grundskola', 'gymnasieskola'],
      unknown: [],
    });
    expect(parseSchoolForms(['grundskola', 'anpassad-grundskola'])).toEqual({
      forms: ['grundskola', 'anpassad-grundskola'],
      unknown: [],
    });
    expect(parseSchoolForms('Grundskola / Folkhögskola')).toEqual({ forms: ['grundskola'], unknown: ['Folkhögskola'] });
  });
});

describe('school rows', () => {
  it('marks new, existing and faulty rows', () => {
    const rows = checkSchoolRows(
      [
        {
          rowNumber: 2,
          raw: { name: 'Björkskolan', schoolForms: 'Grundskola, Fritidshem', schoolUnitCode: '1234 5678' },
        },
        { rowNumber: 3, raw: { name: 'EKSKOLAN', schoolForms: 'Grundskola' } },
        { rowNumber: 4, raw: { name: '', schoolForms: 'Grundskola' } },
        { rowNumber: 5, raw: { name: 'Lönnskolan', schoolForms: 'Universitet', schoolUnitCode: '12' } },
        { rowNumber: 6, raw: { name: 'björkskolan', schoolForms: 'Förskola' } },
        { rowNumber: 7, raw: { name: 'Tallskolan', schoolForms: '' } },
      ],
      existing,
    );
    expect(rows.map((row) => [row.rowNumber, row.status, row.errors])).toEqual([
      [2, 'new', {}],
      [3, 'duplicate', {}],
      [4, 'error', { name: 'Namn saknas' }],
      [5, 'error', { schoolForms: 'Okänd skolform: Universitet', schoolUnitCode: 'Skolenhetskoden har åtta siffror' }],
      [6, 'error', { name: 'Skolan finns redan på rad 2 i filen' }],
      [7, 'error', { schoolForms: 'Skolform saknas' }],
    ]);
    expect(rows[0].values).toEqual({
      name: 'Björkskolan',
      schoolForms: ['grundskola', 'fritidshem'],
      schoolUnitCode: '12345678',
    });
    expect(rows[0].input).toEqual(rows[0].values);
    expect(rows.slice(1).every((row) => row.input === null)).toBe(true);
    expect(summarise(rows)).toEqual({ total: 6, ok: 1, errors: 4, duplicates: 1 });
  });
});

describe('person rows', () => {
  it('checks names, addresses and schools, and finds duplicates in the file and at the customer', () => {
    const rows = checkPersonRows(
      [
        { rowNumber: 2, raw: { name: ' Åsa  Öberg ', email: 'Asa.Oberg@Exempel.se', school: 'ekskolan' } },
        { rowNumber: 3, raw: { name: '', email: 'namnlos@exempel.se' } },
        { rowNumber: 4, raw: { name: 'Per Fel', email: 'per@' } },
        { rowNumber: 5, raw: { name: 'Olle Okänd', school: 'Månskolan' } },
        { rowNumber: 6, raw: { name: 'Åsa Andra', email: 'asa.oberg@exempel.se' } },
        { rowNumber: 7, raw: { name: 'Ny Igen', email: 'BEFINTLIG@exempel.se' } },
        { rowNumber: 8, raw: { name: 'utan adress' } },
        { rowNumber: 9, raw: { name: 'Kim Ny', phone: '070-1', title: 'Lärare' } },
        { rowNumber: 10, raw: { name: 'Kim Ny' } },
      ],
      existing,
    );
    expect(rows.map((row) => [row.rowNumber, row.status, row.errors])).toEqual([
      [2, 'new', {}],
      [3, 'error', { name: 'Namn saknas' }],
      [4, 'error', { email: 'Ange en giltig e-postadress' }],
      [5, 'error', { school: 'Skolan Månskolan finns inte hos kunden. Importera skolorna först.' }],
      [6, 'error', { email: 'Samma e-postadress som på rad 2 i filen' }],
      [7, 'duplicate', {}],
      [8, 'duplicate', {}],
      [9, 'new', {}],
      [10, 'error', { name: 'Samma namn, utan e-postadress, som på rad 9 i filen' }],
    ]);
    expect(rows[0].values).toEqual({
      name: 'Åsa Öberg',
      email: 'asa.oberg@exempel.se',
      phone: null,
      title: null,
      school: 'Ekskolan',
      roles: null,
    });
    expect(rows[0].input).toEqual({
      name: 'Åsa Öberg',
      email: 'asa.oberg@exempel.se',
      phone: null,
      title: null,
      schoolId: SCHOOL_ID,
      roleKeys: [],
    });
    expect(rows[7].input).toMatchObject({ name: 'Kim Ny', phone: '070-1', title: 'Lärare', email: null });
  });
});

describe('roles in a person file', () => {
  const roles = readDefaultTemplateFile().content.customerRoles;
  const record = (rowNumber: number, raw: Record<string, string>) => ({ rowNumber, raw });

  it('splits a cell into its roles and knows a role by its title, plural or key, in any case', () => {
    expect(roleParts('Rektor, administratör; Användarstödjare och kontaktperson')).toEqual([
      'Rektor',
      'administratör',
      'Användarstödjare',
      'kontaktperson',
    ]);
    expect(
      roleMapping(['Administratörer', 'ADMINISTRATOR', 'Vaktmästare', null], roles).map((entry) => [
        entry.text,
        entry.roleKey,
        entry.rows,
      ]),
    ).toEqual([
      // Each value as written, so the preview shows what the file says.
      ['ADMINISTRATOR', 'administrator', 1],
      ['Administratörer', 'administrator', 1],
      ['Vaktmästare', null, 1],
    ]);
    expect(roleMapping(['Rektor', 'rektor, Kontaktperson'], roles).map((entry) => [entry.text, entry.rows])).toEqual([
      ['Rektor', 2],
      ['Kontaktperson', 1],
    ]);
  });

  it('gives the roles of a Roll column and refuses the ones the template lacks', () => {
    const rows = checkPersonRows(
      [
        record(2, { name: 'Rut R', school: 'Ekskolan', roles: 'rektor, Administratör' }),
        record(3, { name: 'Vera V', school: 'Ekskolan', roles: 'Vaktmästare' }),
      ],
      existing,
      { roles, source: 'column', holdings: [] },
    );
    expect(rows.map((row) => [row.values.roles, row.input?.roleKeys ?? row.errors.roles])).toEqual([
      ['Rektor, Administratör', ['rektor', 'administrator']],
      ['Vaktmästare', 'Okänd roll i projektets mall: Vaktmästare'],
    ]);
  });

  it('takes from the Titel column only the titles that name a role', () => {
    const rows = checkPersonRows(
      [
        record(2, { name: 'Rut R', school: 'Ekskolan', title: 'Rektor' }),
        record(3, { name: 'Lars L', title: 'Lärare' }),
      ],
      existing,
      { roles, source: 'title', holdings: [] },
    );
    expect(rows.map((row) => [row.status, row.values.roles, row.input?.roleKeys])).toEqual([
      ['new', 'Rektor', ['rektor']],
      ['new', null, []],
    ]);
  });
});
