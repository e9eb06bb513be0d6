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
  expect(committed.json()).toEqual({ kind: 'schools', created: 3, skipped: 0, rolesAssigned: 0, rejected: [] });
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
    expect(committed.json()).toEqual({ kind: 'schools', created: 3, skipped: 0, rolesAssigned: 0, rejected: [] });
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
          roles: null,
        },
      ],
      [4, { name: 'Lars Ek', email: 'lars.ek@kommun.se', phone: null, title: 'Lärare', school: null, roles: null }],
      [
        5,
        { name: 'Mira Ström', email: null, phone: '701234567', title: null, school: 'Björkängsgymnasiet', roles: null },
      ],
    ]);

    const first = await commit(admin, { kind: 'people', rows: newRows(result) });
    expect(first.json()).toEqual({ kind: 'people', created: 3, skipped: 0, rolesAssigned: 0, rejected: [] });
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
    expect(second.json()).toEqual({ kind: 'people', created: 0, skipped: 3, rolesAssigned: 0, rejected: [] });
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
    expect(committed.json()).toEqual({ kind: 'people', created: 5000, skipped: 0, rolesAssigned: 0, rejected: [] });
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

describe('people with their roles', () => {
  const rolesCsv =
    'Namn;E-post;Titel;Skola;Roll\n' +
    'Rut Rektorsson;rut@kommun.se;Rektor;Älvskolan;Rektor\n' +
    'Adam Admin;adam@kommun.se;IT-tekniker;Älvskolan;Administratör, Användarstödjare\n' +
    'Pia Ledare;pia@kommun.se;Utvecklingschef;;projektledare\n' +
    'Sara Styr;sara@kommun.se;Förvaltningschef;;Styrgrupp\n' +
    'Lärare Utan Roll;larare@kommun.se;Lärare;Björkängsgymnasiet;\n';

  const previewFor = (projectId: string | undefined, csv: string) =>
    admin.request({
      method: 'POST',
      url: `${previewUrl('people')}${projectId ? `&projectId=${projectId}` : ''}`,
      ...multipart(csv),
    });

  it('shows how the Roll column maps to the template and imports people with their roles, each audited', async () => {
    await importSchools();
    const project = await createProject(admin, customerId);
    const response = await previewFor(project.id, rolesCsv);
    expect(response.statusCode).toBe(200);
    const result: PersonImportPreview = response.json();
    expect(result.columns.roles).toBe('Roll');
    expect(result.project).toEqual({ id: project.id, name: project.name });
    expect(result.roleSource).toBe('column');
    expect(result.summary).toEqual({ total: 5, ok: 5, errors: 0, duplicates: 0 });
    expect(result.roleMapping.map((entry) => [entry.text, entry.roleKey, entry.level])).toEqual([
      ['Administratör', 'administrator', 'school'],
      ['Användarstödjare', 'anvandarstodjare', 'school'],
      ['projektledare', 'projektledare', 'project'],
      ['Rektor', 'rektor', 'school'],
      ['Styrgrupp', 'styrgrupp', 'project'],
    ]);
    expect(result.rows.map((row) => row.values.roles)).toEqual([
      'Rektor',
      'Administratör, Användarstödjare',
      'Projektledare',
      'Styrgrupp',
      null,
    ]);

    const committed = await admin.post(`/api/customers/${customerId}/imports/commit`, {
      kind: 'people',
      projectId: project.id,
      rows: result.rows.map((row) => ({ rowNumber: row.rowNumber, ...row.values })),
    });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toEqual({ kind: 'people', created: 5, skipped: 0, rolesAssigned: 5, rejected: [] });

    const organisation = (await admin.get(`/api/projects/${project.id}/organisation`)).json();
    const holders = (roles: { key: string; holders: { person: { name: string } }[] }[], key: string) =>
      roles.find((role) => role.key === key)?.holders.map((holder) => holder.person.name);
    expect(holders(organisation.customerRoles, 'projektledare')).toEqual(['Pia Ledare']);
    expect(holders(organisation.customerRoles, 'styrgrupp')).toEqual(['Sara Styr']);
    const alv = organisation.schools.find((entry: { school: School }) => entry.school.name === 'Älvskolan');
    expect(holders(alv.roles, 'rektor')).toEqual(['Rut Rektorsson']);
    expect(holders(alv.roles, 'administrator')).toEqual(['Adam Admin']);
    expect(holders(alv.roles, 'anvandarstodjare')).toEqual(['Adam Admin']);
    // One administrator of the two the template asks for: the count agrees in number.
    expect(alv.readiness.gaps.map((gap: { message: string }) => gap.message)).toEqual([
      'Skolan saknar kontaktperson',
      'Skolan har 1 av 2 administratörer',
    ]);

    const history = await testApp.app.stegvis.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'project_id'])
      .where('customer_id', '=', customerId)
      .where('action', 'in', ['people.imported', 'role.assigned'])
      .orderBy('created_at')
      .execute();
    expect(history.map((event) => [event.action, event.summary, event.project_id])).toEqual([
      ['role.assigned', 'Rut Rektorsson fick rollen Rektor på Älvskolan', project.id],
      ['role.assigned', 'Adam Admin fick rollen Administratör på Älvskolan', project.id],
      ['role.assigned', 'Adam Admin fick rollen Användarstödjare på Älvskolan', project.id],
      ['role.assigned', 'Pia Ledare fick rollen Projektledare', project.id],
      ['role.assigned', 'Sara Styr fick rollen Styrgrupp', project.id],
      ['people.imported', 'Importerade 5 personer med 5 roller från fil', project.id],
    ]);
  });

  it('reads roles from the Titel column when there is no Roll column, and only titles that name a role', async () => {
    await importSchools();
    const project = await createProject(admin, customerId);
    const csv =
      'Namn;E-post;Titel;Skola\nRut R;rut@kommun.se;Rektor;Älvskolan\nLars L;lars@kommun.se;Lärare;Älvskolan\n';
    const result: PersonImportPreview = (await previewFor(project.id, csv)).json();
    expect(result.roleSource).toBe('title');
    expect(result.roleMapping.map((entry) => [entry.text, entry.roleKey])).toEqual([
      ['Lärare', null],
      ['Rektor', 'rektor'],
    ]);
    expect(result.rows.map((row) => [row.status, row.values.roles])).toEqual([
      ['new', 'Rektor'],
      ['new', null],
    ]);
  });

  it('names what is wrong with a role: unknown, a school role without a school, a single role twice or held', async () => {
    await importSchools();
    const project = await createProject(admin, customerId);
    const held = await admin.post(`/api/customers/${customerId}/people`, { name: 'Bo Beställare' });
    await admin.post(`/api/projects/${project.id}/roles`, {
      roleKey: 'bestallare',
      personId: held.json().id,
    });
    const csv =
      'Namn;Skola;Roll\n' +
      'Vera Vakt;Älvskolan;Vaktmästare\n' +
      'Ann Admin;;Administratör\n' +
      'Pia Ett;;Projektledare\n' +
      'Per Två;;Projektledare\n' +
      'Bea Ny;;Beställare\n';
    const result: PersonImportPreview = (await previewFor(project.id, csv)).json();
    expect(result.rows.map((row) => [row.rowNumber, row.status, row.errors.roles])).toEqual([
      [2, 'error', 'Okänd roll i projektets mall: Vaktmästare'],
      [3, 'error', 'Administratör är en roll per skola: ange personens skola'],
      [4, 'new', undefined],
      [5, 'error', 'Bara en person kan ha rollen Projektledare: den har redan personen på rad 4'],
      [6, 'error', 'Beställare innehas redan av Bo Beställare i projektet'],
    ]);

    const withoutProject: PersonImportPreview = (await previewFor(undefined, csv)).json();
    expect(withoutProject.roleSource).toBe('column');
    expect(withoutProject.rows.every((row) => row.errors.roles === 'Välj vilket projekt rollerna gäller')).toBe(true);
  });

  it('refuses roles in a project of another customer', async () => {
    const other = await createCustomer(admin);
    const elsewhere = await createProject(admin, other.id);
    const response = await previewFor(elsewhere.id, 'Namn;Roll\nAnna;Styrgrupp\n');
    expect(response.statusCode).toBe(404);
    const committed = await admin.post(`/api/customers/${customerId}/imports/commit`, {
      kind: 'people',
      projectId: elsewhere.id,
      rows: [{ name: 'Anna', roles: 'Styrgrupp' }],
    });
    expect(committed.statusCode).toBe(404);
    expect(await peopleOf()).toEqual([]);
  });
});

describe('importing the valid rows of a file with errors', () => {
  const csv =
    'Namn;E-post;Skola\n' +
    'Anna Ny;anna@kommun.se;Älvskolan\n' +
    'Per Fel;per(at)kommun.se;\n' +
    'Olle Okänd;olle@kommun.se;Månskolan\n' +
    'Eva Ny;eva@kommun.se;\n';

  it('stores the good rows in one go and reports the others by line and reason, in the history too', async () => {
    await importSchools();
    const result: PersonImportPreview = (await preview(admin, 'people', csv)).json();
    expect(result.summary).toEqual({ total: 4, ok: 2, errors: 2, duplicates: 0 });
    const valid = result.rows.filter((row) => row.status === 'new');
    const turnedAway = result.rows
      .filter((row) => row.status === 'error')
      .map((row) => ({ rowNumber: row.rowNumber, reason: Object.values(row.errors).join('; ') }));

    // All or nothing is still what a plain confirm means.
    const refused = await commit(admin, {
      kind: 'people',
      rows: result.rows.map((row) => ({ rowNumber: row.rowNumber, ...row.values })),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('2 rader har fel. Ingenting importerades.');
    expect(await peopleOf()).toEqual([]);

    const committed = await admin.post(`/api/customers/${customerId}/imports/commit`, {
      kind: 'people',
      mode: 'valid',
      rows: valid.map((row) => ({ rowNumber: row.rowNumber, ...row.values })),
      rejected: turnedAway,
    });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toEqual({
      kind: 'people',
      created: 2,
      skipped: 0,
      rolesAssigned: 0,
      rejected: [
        { rowNumber: 3, reason: 'Ange en giltig e-postadress' },
        { rowNumber: 4, reason: 'Skolan Månskolan finns inte hos kunden. Importera skolorna först.' },
      ],
    });
    expect((await peopleOf()).map((person) => person.name)).toEqual(['Anna Ny', 'Eva Ny']);

    const event = await testApp.app.stegvis.db
      .selectFrom('audit_events')
      .select(['summary', 'after'])
      .where('customer_id', '=', customerId)
      .where('action', '=', 'people.imported')
      .executeTakeFirstOrThrow();
    expect(event.summary).toBe('Importerade 2 personer från fil; 2 rader med fel importerades inte');
    expect(JSON.parse(event.after as string)).toMatchObject({
      created: 2,
      names: ['Anna Ny', 'Eva Ny'],
      rejectedCount: 2,
      rejected: [{ rowNumber: 3 }, { rowNumber: 4 }],
    });
  });

  it('turns away a row that fails the check again on confirm instead of refusing the import', async () => {
    await importSchools();
    const committed = await admin.post(`/api/customers/${customerId}/imports/commit`, {
      kind: 'people',
      mode: 'valid',
      rows: [
        { rowNumber: 2, name: 'Anna Ny', email: 'anna@kommun.se' },
        { rowNumber: 7, name: 'Bo Fel', email: 'inte-en-adress' },
      ],
    });
    expect(committed.json()).toMatchObject({
      created: 1,
      rejected: [{ rowNumber: 7, reason: 'E-post: Ange en giltig e-postadress' }],
    });
  });
});
