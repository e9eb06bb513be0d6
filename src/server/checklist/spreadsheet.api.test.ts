import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createPerson, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  'Grupp',
  'Aktivitet',
  'Ansvarig hos kunden',
  'Ansvarig hos leverantören',
  'Deadline',
  'Klart',
  'Kommentarer',
];
const clock: Clock = { now: () => new Date('2027-03-01T09:30:00.000Z') };

let testApp: TestApp;
let admin: Agent & { userId: string };
beforeEach(async () => {
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

/** Åkerby's project with its first activity due, named, ticked and commented on. */
async function filledInProject() {
  const customer = await createCustomer(admin, { name: 'Åkerby kommun' });
  const project = await createProject(admin, customer.id);
  const person = await createPerson(testApp.app, { customerId: customer.id, name: 'Örjan Ågren' });
  const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
  const first = checklist.groups[0].activities[0];
  const url = `/api/projects/${project.id}/activities/${first.id}`;
  const saved = await admin.patch(url, {
    version: first.version,
    deadline: '2027-03-15',
    customerPersonId: person.id,
    done: true,
  });
  expect(saved.statusCode).toBe(200);
  expect((await admin.post(`${url}/comments`, { body: 'Skickad med post.' })).statusCode).toBe(201);
  const adminName: string = saved.json().done.by.name;
  const total = checklist.groups.reduce((sum, group) => sum + group.activities.length, 0);
  return { project, customerId: customer.id, adminName, total };
}

describe('the checklist as a spreadsheet', () => {
  it('exports an Excel workbook with a bold frozen header row, widths and deadlines as dates', async () => {
    const { project, adminName, total } = await filledInProject();
    const response = await admin.get(`/api/projects/${project.id}/activities/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Checklista Akerby kommun 2027-03-01.xlsx"; filename*=UTF-8''Checklista%20%C3%85kerby%20kommun%202027-03-01.xlsx`,
    );

    const workbook = new ExcelJS.Workbook();
    // exceljs's typing wants its own Buffer type; Node's is the same thing.
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Checklista');
    if (!sheet) throw new Error('no sheet Checklista');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.columns.every((column) => (column.width ?? 0) >= 10)).toBe(true);
    expect(sheet.rowCount).toBe(total + 1);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Uppstart');
    expect(first.getCell(2).value).toBe('Beställningsblankett skickad till Leverantören.');
    expect(first.getCell(3).value).toBe('Beställare: Örjan Ågren');
    expect(first.getCell(5).value).toEqual(new Date('2027-03-15T00:00:00.000Z'));
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(6).value).toBe(`2027-03-01 ${adminName}`);
    expect(first.getCell(7).value).toBe(1);
    const delivery = sheet
      .getRows(2, total)
      ?.find((row) => String(row.getCell(2).value).startsWith('Leverantören levererar'));
    expect(delivery?.getCell(4).value).toBe('Leveransansvarig');
    expect(delivery?.getCell(5).value).toBeNull();
  });

  it('exports CSV as Swedish Excel opens it: BOM, semicolons, CRLF, quoted where needed', async () => {
    const { project, adminName, total } = await filledInProject();
    const added = await admin.post(`/api/projects/${project.id}/activities`, {
      groupKey: 'nasta-steg',
      title: 'Möte; "Kick-off" med rektorerna',
    });
    expect(added.statusCode).toBe(201);
    const response = await admin.get(`/api/projects/${project.id}/activities/export.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="Checklista Akerby kommun 2027-03-01\.csv"; filename\*=UTF-8''Checklista%20%C3%85kerby/,
    );
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines).toHaveLength(total + 3);
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(HEADERS.join(';'));
    expect(lines[1]).toBe(
      `Uppstart;Beställningsblankett skickad till Leverantören.;Beställare: Örjan Ågren;;2027-03-15;2027-03-01 ${adminName};1`,
    );
    expect(lines.at(-2)).toBe('Nästa steg;"Möte; ""Kick-off"" med rektorerna";;;;;0');
  });

  it('sends the files byte for byte, past the fast response serializer used in production', async () => {
    const production = await createTestApp({ clock, env: { NODE_ENV: 'production' } });
    try {
      const agent = await loginAs(production.app);
      const customer = await createCustomer(agent, { name: 'Åkerby kommun' });
      const project = await createProject(agent, customer.id);
      const csv = await agent.get(`/api/projects/${project.id}/activities/export.csv`);
      expect(csv.statusCode).toBe(200);
      expect(Number(csv.headers['content-length'])).toBe(csv.rawPayload.length);
      expect(csv.rawPayload.subarray(3).toString('utf8').split('\r\n')[1]).toMatch(/^Uppstart;Beställningsblankett/);

      const xlsx = await agent.get(`/api/projects/${project.id}/activities/export.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(Number(xlsx.headers['content-length'])).toBe(xlsx.rawPayload.length);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
      expect(workbook.getWorksheet('Checklista')?.getRow(2).getCell(1).value).toBe('Uppstart');
    } finally {
      await production.close();
    }
  });

  it('may be exported by anyone who reads the project', async () => {
    const { project, customerId } = await filledInProject();
    const reader = await loginAsMember(testApp.app, { customerId, projectId: project.id, roleKeys: ['rektor'] });
    expect((await reader.get(`/api/projects/${project.id}/activities/export.csv`)).statusCode).toBe(200);
    expect((await reader.get(`/api/projects/${project.id}/activities/export.xlsx`)).statusCode).toBe(200);
  });
});
