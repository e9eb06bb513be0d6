import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, PersonImportPreview, SchoolImportPreview } from '../../shared/imports.js';
import type { Person, School } from '../../shared/organisation.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let testApp: TestApp;
let admin: Agent;
let customerId: string;
beforeEach(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app);
  customerId = (await createCustomer(admin)).id;
});
afterEach(() => testApp.close());

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
function multipart(content: Buffer | string, filename = 'personal.csv', contentType = 'text/csv') {
  const boundary = '----stegvis-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const previewUrl = (kind: 'schools' | 'people', customer = customerId) =>
  `/api/customers/${customer}/imports/preview?kind=${kind}`;

const preview = (agent: Agent, kind: 'schools' | 'people', content: Buffer | string, filename?: string) =>
  agent.request({ method: 'POST', url: previewUrl(kind), ...multipart(content, filename) });

const commit = (agent: Agent, body: { kind: 'schools' | 'people'; rows: object[] }, customer = customerId) =>
  agent.post(`/api/customers/${customer}/imports/commit`, body);

const newRows = (result: ImportPreview) =>
  result.rows.filter((row) => row.status === 'new').map((row) => row.values as object);

const BOM = '\uFEFF';
const schoolsCsv =
  `${BOM}Skola;Skolformer;Skolenhetskod\r\n` +
  'Älvskolan;Grundskola, Fritidshem;12345678\r\n' +
  'Björkängsgymnasiet;Gymnasieskola;\r\n' +
  '"Öster; förskola";Förskola;87654321\r\n';

async function importSchools() {
  const result = (await preview(admin, 'schools', schoolsCsv)).json() as SchoolImportPreview;
  const committed = await commit(admin, { kind: 'schools', rows: newRows(result) });
  expect(committed.json()).toEqual({ kind: 'schools', created: 3, skipped: 0 });
}

const schoolsOf = async (customer = customerId): Promise<School[]> =>
  (await admin.get(`/api/customers/${customer}/schools`)).json().items;
const peopleOf = async (customer = customerId): Promise<Person[]> =>
  (await admin.get(`/api/customers/${customer}/people`)).json().items;

describe('importing schools', () => {
  it('previews a Swedish Excel CSV (semicolons, BOM, åäö, quotes) and imports it on confirm', async () => {
    const response = await preview(admin, 'schools', schoolsCsv);
    expect(response.statusCode).toBe(200);
    const result: SchoolImportPreview = response.json();
    expect(result.kind).toBe('schools');
    expect(result.columns).toEqual({ name: 'Skola', schoolForms: 'Skolformer', schoolUnitCode: 'Skolenhetskod' });
    expect(result.summary).toEqual({ total: 3, ok: 3, errors: 0, duplicates: 0 });
    expect(result.rows[0]).toEqual({
      rowNumber: 2,
      values: { name: 'Älvskolan', schoolForms: ['grundskola', 'fritidshem'], schoolUnitCode: '12345678' },
      errors: {},
      status: 'new',
    });
    expect(result.rows[2].values.name).toBe('Öster; förskola');
    expect(await schoolsOf()).toEqual([]);

    const committed = await commit(admin, { kind: 'schools', rows: newRows(result) });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toEqual({ kind: 'schools', created: 3, skipped: 0 });
    expect((await schoolsOf()).map((school) => [school.name, school.schoolForms, school.schoolUnitCode])).toEqual([
      ['Björkängsgymnasiet', ['gymnasieskola'], null],
      ['Älvskolan', ['grundskola', 'fritidshem'], '12345678'],
      ['Öster; förskola', ['forskola'], '87654321'],
    ]);

    const again = (await preview(admin, 'schools', schoolsCsv)).json() as SchoolImportPreview;
    expect(again.summary).toEqual({ total: 3, ok: 0, errors: 0, duplicates: 3 });
    expect(again.rows.map((row) => row.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('reports bad school rows', async () => {
    await importSchools();
    const csv =
      'Namn,Skolform,Skolenhet\nÄLVSKOLAN,Grundskola,\n,Grundskola,\nNyskolan,Folkhögskola,123\nNyskolan,Förskola,\n';
    const result: SchoolImportPreview = (await preview(admin, 'schools', csv)).json();
    expect(result.rows.map((row) => [row.rowNumber, row.status, row.errors])).toEqual([
      [2, 'duplicate', {}],
      [3, 'error', { name: 'Namn saknas' }],
      [4, 'error', { schoolForms: 'Okänd skolform: Folkhögskola', schoolUnitCode: 'Skolenhetskoden har åtta siffror' }],
      [5, 'error', { name: 'Skolan finns redan på rad 4 i filen' }],
    ]);
    expect(result.summary).toEqual({ total: 4, ok: 0, errors: 3, duplicates: 1 });
  });
});

describe('importing people', () => {
  it('previews an Excel workbook and imports the new people in one go, then nothing the second time', async () => {
    await importSchools();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personal');
    sheet.addRow(['Personalförteckning']);
    sheet.addRow(['Förnamn', 'Efternamn', 'E-postadress', 'Mobil', 'Befattning', 'Skola']);
    sheet.addRow(['Åsa', 'Öberg', 'Asa.Oberg@Kommun.se', '070-123 45 67', 'Rektor', 'älvskolan']);
    sheet.addRow(['Lars', 'Ek', { text: 'lars.ek@kommun.se', hyperlink: 'mailto:lars.ek@kommun.se' }, null, 'Lärare']);
    sheet.addRow(['Mira', 'Ström', null, 701234567, null, 'Björkängsgymnasiet']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const response = await admin.request({
      method: 'POST',
      url: previewUrl('people'),
      ...multipart(file, 'personal.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    });
    expect(response.statusCode).toBe(200);
    const result: PersonImportPreview = response.json();
    expect(result.columns).toEqual({
      name: 'Förnamn + Efternamn',
      email: 'E-postadress',
      phone: 'Mobil',
      title: 'Befattning',
      school: 'Skola',
    });
    expect(result.summary).toEqual({ total: 3, ok: 3, errors: 0, duplicates: 0 });
    expect(result.rows.map((row) => [row.rowNumber, row.values])).toEqual([
      [
        3,
        {
          name: 'Åsa Öberg',
          email: 'asa.oberg@kommun.se',
          phone: '070-123 45 67',
          title: 'Rektor',
          school: 'Älvskolan',
        },
      ],
      [4, { name: 'Lars Ek', email: 'lars.ek@kommun.se', phone: null, title: 'Lärare', school: null }],
      [5, { name: 'Mira Ström', email: null, phone: '701234567', title: null, school: 'Björkängsgymnasiet' }],
    ]);

    const first = await commit(admin, { kind: 'people', rows: newRows(result) });
    expect(first.json()).toEqual({ kind: 'people', created: 3, skipped: 0 });
    const people = await peopleOf();
    const schools = await schoolsOf();
    expect(people.map((person) => person.name)).toEqual(['Åsa Öberg', 'Lars Ek', 'Mira Ström'].sort());
    const asa = people.find((person) => person.name === 'Åsa Öberg');
    expect(asa).toMatchObject({
      email: 'asa.oberg@kommun.se',
      title: 'Rektor',
      schoolId: schools.find((school) => school.name === 'Älvskolan')?.id,
      hasLogin: false,
    });

    const second = await commit(admin, { kind: 'people', rows: newRows(result) });
    expect(second.json()).toEqual({ kind: 'people', created: 0, skipped: 3 });
    expect(await peopleOf()).toHaveLength(3);

    const history = await testApp.app.stegvis.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'entity_id'])
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .execute();
    expect(history).toEqual([
      { action: 'schools.imported', summary: 'Importerade 3 skolor från fil', entity_id: customerId },
      { action: 'people.imported', summary: 'Importerade 3 personer från fil', entity_id: customerId },
    ]);
  });

  it('shows each bad row with its error and marks existing people as duplicates', async () => {
    await importSchools();
    await admin.post(`/api/customers/${customerId}/people`, { name: 'Befintlig Bengtsson', email: 'bengt@kommun.se' });
    const csv =
      'Namn;E-post;Telefon;Titel;Skola\n' +
      'Anna Ny;anna@kommun.se;;Lärare;Älvskolan\n' +
      ';namnlos@kommun.se;;;\n' +
      'Per Fel;per(at)kommun.se;;;\n' +
      'Olle Okänd;olle@kommun.se;;;Månskolan\n' +
      'Anna Igen;ANNA@kommun.se;;;\n' +
      'Bengt B;bengt@kommun.se;;;\n';
    const response = await preview(admin, 'people', csv);
    expect(response.statusCode).toBe(200);
    const result: PersonImportPreview = response.json();
    expect(result.rows.map((row) => [row.rowNumber, row.status, row.errors])).toEqual([
      [2, 'new', {}],
      [3, 'error', { name: 'Namn saknas' }],
      [4, 'error', { email: 'Ange en giltig e-postadress' }],
      [5, 'error', { school: 'Skolan Månskolan finns inte hos kunden. Importera skolorna först.' }],
      [6, 'error', { email: 'Samma e-postadress som på rad 2 i filen' }],
      [7, 'duplicate', {}],
    ]);
    expect(result.summary).toEqual({ total: 6, ok: 1, errors: 4, duplicates: 1 });
    expect(await peopleOf()).toHaveLength(1);
  });

  it('stores nothing when one confirmed row is invalid', async () => {
    await importSchools();
    const response = await commit(admin, {
      kind: 'people',
      rows: [
        { name: 'Anna Ny', email: 'anna@kommun.se', phone: null, title: null, school: 'Älvskolan' },
        { name: 'Bo Bra', email: 'bo@kommun.se', phone: null, title: null, school: null },
        { name: 'Per Fel', email: 'per(at)kommun.se', phone: null, title: null, school: 'Månskolan' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: '1 rad har fel. Ingenting importerades.',
      fields: {
        'rows.2.email': 'Ange en giltig e-postadress',
        'rows.2.school': 'Skolan Månskolan finns inte hos kunden. Importera skolorna först.',
      },
    });
    expect(await peopleOf()).toEqual([]);

    const badSchools = await commit(admin, {
      kind: 'schools',
      rows: [
        { name: 'Ny skola', schoolForms: ['grundskola'] },
        { name: 'Ny skola', schoolForms: ['grundskola'] },
      ],
    });
    expect(badSchools.statusCode).toBe(400);
    expect(badSchools.json().error.fields).toEqual({ 'rows.1.name': 'Skolan finns redan på rad 1 i filen' });
    expect(await schoolsOf()).toHaveLength(3);
  });

  it('reads a Windows-1252 CSV with commas', async () => {
    const csv = Buffer.concat([
      Buffer.from('Name,Email,Title\r\n"Öberg, Åsa",asa@kommun.se,Förskollärare ', 'latin1'),
      Buffer.from([0x96]), // the en dash of Windows-1252
      Buffer.from(' heltid\r\n', 'latin1'),
    ]);
    const result: PersonImportPreview = (await preview(admin, 'people', csv)).json();
    expect(result.rows[0].values).toMatchObject({ name: 'Öberg, Åsa', title: 'Förskollärare – heltid' });
  });

  it('previews and imports a register of 5,000 people', async () => {
    const lines = ['Förnamn;Efternamn;E-post;Titel'];
    for (let index = 1; index <= 5000; index++) {
      lines.push(`Förnamn${index};Efternamnsson;person${index}@kommun.se;${index % 7 === 0 ? 'Rektor' : 'Lärare'}`);
    }
    lines.push('Förnamn1;Efternamnsson;person1@kommun.se;Lärare');
    const result: PersonImportPreview = (await preview(admin, 'people', lines.join('\n'))).json();
    expect(result.summary).toEqual({ total: 5001, ok: 5000, errors: 1, duplicates: 0 });
    expect(result.rows[5000]).toMatchObject({ rowNumber: 5002, status: 'error' });

    const committed = await commit(admin, { kind: 'people', rows: newRows(result) });
    expect(committed.json()).toEqual({ kind: 'people', created: 5000, skipped: 0 });
    expect(await peopleOf()).toHaveLength(5000);
  });
});

describe('files that are not tables', () => {
  it('answers 400 with a clear message', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b00000000049454e44ae426082',
      'hex',
    );
    const cases: [Buffer | string, string, string][] = [
      [png, 'bild.png', 'Filen är inte en tabell: den är varken CSV eller Excel (.xlsx)'],
      [Buffer.alloc(0), 'tom.csv', 'Filen är tom'],
      ['Id;Adress\n1;Storgatan 1\n', 'adresser.csv', 'Filen är inte en tabell: hittade ingen rubrikrad med Namn'],
      ['Namn;E-post\n', 'bara-rubrik.csv', 'Filen har en rubrikrad men inga rader under den att importera'],
    ];
    for (const [content, filename, message] of cases) {
      const response = await preview(admin, 'people', content, filename);
      expect(response.statusCode, filename).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.message, filename).toContain(message);
      expect(response.json().error.fields.file).toBe(response.json().error.message);
    }
  });

  it('answers 400 without a file, with a file over 5 MB, or without a kind', async () => {
    const json = await admin.request({ method: 'POST', url: previewUrl('people'), payload: {} });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toBe('Välj en fil att ladda upp (CSV eller Excel)');

    const big = await preview(admin, 'people', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toBe('Filen är för stor: högst 5 MB');

    const noKind = await admin.request({
      method: 'POST',
      url: `/api/customers/${customerId}/imports/preview`,
      ...multipart('Namn\nAnna\n'),
    });
    expect(noKind.statusCode).toBe(400);
    expect(Object.keys(noKind.json().error.fields)).toEqual(['kind']);
  });
});

describe('who may import', () => {
  it('answers 404 to a user of another customer and 403 to one who only reads', async () => {
    const other = await createCustomer(admin);
    const otherProject = await createProject(admin, other.id);
    const outsider = await loginAsMember(testApp.app, {
      customerId: other.id,
      projectId: otherProject.id,
      roleKeys: ['bestallare'],
    });
    const refused = await outsider.request({ method: 'POST', url: previewUrl('schools'), ...multipart(schoolsCsv) });
    expect(refused.statusCode).toBe(404);
    const rows = [{ name: 'Smygskolan', schoolForms: ['grundskola'] }];
    expect((await commit(outsider, { kind: 'schools', rows })).statusCode).toBe(404);
    expect(await schoolsOf()).toEqual([]);

    // Their own customer they may import to.
    const own = await outsider.request({
      method: 'POST',
      url: previewUrl('schools', other.id),
      ...multipart(schoolsCsv),
    });
    expect(own.statusCode).toBe(200);
    expect((await commit(outsider, { kind: 'schools', rows }, other.id)).json()).toMatchObject({ created: 1 });

    const project = await createProject(admin, customerId);
    const reader = await loginAsMember(testApp.app, { customerId, projectId: project.id, roleKeys: ['rektor'] });
    const readOnly = await reader.request({ method: 'POST', url: previewUrl('schools'), ...multipart(schoolsCsv) });
    expect(readOnly.statusCode).toBe(403);
    expect((await commit(reader, { kind: 'schools', rows })).statusCode).toBe(403);
  });
});
