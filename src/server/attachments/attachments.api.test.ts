import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment, AttachmentList } from '../../shared/attachments.js';
import type { AuditEvent } from '../../shared/audit.js';
import type { Activity, Checklist } from '../../shared/checklist.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let queries: string[] = [];
let testApp: TestApp;
let admin: Agent & { userId: string };
beforeEach(async () => {
  queries = [];
  testApp = await createTestApp({ onQuery: (sql) => queries.push(sql) });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

/** A multipart/form-data body with the given files, as a browser's FormData sends it. */
function multipart(files: { content: Buffer | string; name: string; type?: string }[]) {
  const boundary = '----stegvis-bilaga';
  const parts = files.map((file) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const attachmentsUrl = (projectId: string, activityId: string) =>
  `/api/projects/${projectId}/activities/${activityId}/attachments`;

const upload = (agent: Agent, projectId: string, activityId: string, content: Buffer | string, name: string) =>
  agent.request({ method: 'POST', url: attachmentsUrl(projectId, activityId), ...multipart([{ content, name }]) });

const listOf = async (agent: Agent, projectId: string, activityId: string): Promise<AttachmentList> =>
  (await agent.get(attachmentsUrl(projectId, activityId))).json();

const download = (agent: Agent, projectId: string, attachmentId: string) =>
  agent.get(`/api/projects/${projectId}/attachments/${attachmentId}/download`);

/** The checklist activity "Export/import av elev- och personalregister …", which the customer's IT answers for. */
async function importActivity(agent: Agent, projectId: string): Promise<Activity> {
  const checklist: Checklist = (await agent.get(`/api/projects/${projectId}/activities`)).json();
  const all = checklist.groups.flatMap((group) => group.activities);
  return all.find((activity) => activity.title.startsWith('Export/import av elev')) as Activity;
}

const BOM = '\uFEFF';
const registerCsv = `${BOM}Förnamn;Efternamn;Skola\r\nÅsa;Öberg;Älvskolan\r\nÖrjan;Ärlig;Ängsskolan\r\n`;

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Elever');
  sheet.addRow(['Förnamn', 'Efternamn', 'Klass']);
  sheet.addRow(['Åsa', 'Öberg', '7B']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(64)]);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

describe('attaching files to a checklist activity', () => {
  it('stores a CSV with åäö and gives it back byte for byte under its own name', async () => {
    const project = await createProject(admin);
    const activity = await importActivity(admin, project.id);
    const uploaded = await upload(admin, project.id, activity.id, registerCsv, 'Elevregister Åkerby.csv');
    expect(uploaded.statusCode).toBe(201);
    const attachment: Attachment = uploaded.json();
    expect(attachment).toEqual({
      id: expect.any(String),
      activityId: activity.id,
      fileName: 'Elevregister Åkerby.csv',
      contentType: 'text/csv; charset=utf-8',
      sizeBytes: Buffer.byteLength(registerCsv),
      uploadedBy: { id: admin.userId, name: expect.any(String) },
      createdAt: expect.any(String),
      mayDelete: true,
    });

    const list = await listOf(admin, project.id, activity.id);
    expect(list).toEqual({
      items: [attachment],
      mayUpload: true,
      maxMegabytes: 20,
      extensions: ['csv', 'txt', 'skv', 'xml', 'json', 'xlsx', 'xls', 'zip', 'pdf'],
    });

    const file = await download(admin, project.id, attachment.id);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(Buffer.from(registerCsv, 'utf8'))).toBe(true);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Elevregister Akerby.csv"; filename*=UTF-8''Elevregister%20%C3%85kerby.csv`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    const history: AuditEvent[] = (await admin.get(`/api/projects/${project.id}/history`)).json().items;
    expect(history.find((event) => event.action === 'attachment.uploaded')?.summary).toBe(
      `Bifogade ”Elevregister Åkerby.csv” till ”${activity.title}”`,
    );
  });

  it('stores a real Excel workbook and a file larger than a JSON body may be', async () => {
    const project = await createProject(admin);
    const activity = await importActivity(admin, project.id);
    const xlsx = await workbook();
    const uploaded = await upload(admin, project.id, activity.id, xlsx, 'personal.xlsx');
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json().contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const file = await download(admin, project.id, uploaded.json().id);
    expect(file.rawPayload.equals(xlsx)).toBe(true);

    const large = Buffer.alloc(3 * 1024 * 1024, 'Åsa;Öberg;7B\r\n');
    const stored = await upload(admin, project.id, activity.id, large, 'stort register.csv');
    expect(stored.statusCode).toBe(201);
    expect(stored.json().sizeBytes).toBe(large.length);
    expect((await download(admin, project.id, stored.json().id)).rawPayload.equals(large)).toBe(true);
  });

  it('counts the files on the checklist with one grouped query, however many activities there are', async () => {
    const project = await createProject(admin);
    const activity = await importActivity(admin, project.id);
    await upload(admin, project.id, activity.id, registerCsv, 'a.csv');
    await upload(admin, project.id, activity.id, await workbook(), 'b.xlsx');

    queries = [];
    const checklist: Checklist = (await admin.get(`/api/projects/${project.id}/activities`)).json();
    const all = checklist.groups.flatMap((group) => group.activities);
    expect(all.find((candidate) => candidate.id === activity.id)?.attachmentCount).toBe(2);
    expect(all.filter((candidate) => candidate.attachmentCount > 0)).toHaveLength(1);
    expect(queries.filter((sql) => sql.includes('activity_attachments'))).toHaveLength(1);

    const saved = await admin.patch(`/api/projects/${project.id}/activities/${activity.id}`, {
      version: activity.version,
      deadline: '2027-05-01',
    });
    expect(saved.json().attachmentCount).toBe(2);
  });
});

describe('refusing files', () => {
  it('refuses a file over the configured limit with a field error naming the limit', async () => {
    const limited = await createTestApp({ env: { ATTACHMENT_MAX_MB: '1' } });
    try {
      const agent = await loginAs(limited.app);
      const project = await createProject(agent);
      const activity = await importActivity(agent, project.id);
      const response = await upload(agent, project.id, activity.id, Buffer.alloc(1024 * 1024 + 1, 'a'), 'stor.csv');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Filen är större än 1 MB',
          fields: { file: 'Filen är större än 1 MB' },
        },
      });
      expect((await listOf(agent, project.id, activity.id)).maxMegabytes).toBe(1);
      expect(
        (await upload(agent, project.id, activity.id, Buffer.alloc(1024 * 1024, 'a'), 'lagom.csv')).statusCode,
      ).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('refuses a program renamed .csv, a PNG named .xlsx, other types and empty files, and stores none of them', async () => {
    const project = await createProject(admin);
    const activity = await importActivity(admin, project.id);
    const refusals: [Buffer | string, string, string][] = [
      [EXE, 'elever.csv', 'Filen heter .csv men innehåller inte text'],
      [PNG, 'elever.xlsx', 'Filen heter .xlsx men är inte en Excel-fil'],
      [
        EXE,
        'program.exe',
        'Den filtypen går inte att bifoga. Tillåtna filtyper: CSV, TXT, SKV, XML, JSON, XLSX, XLS, ZIP, PDF',
      ],
      ['', 'tom.csv', 'Filen är tom'],
    ];
    for (const [content, name, message] of refusals) {
      const response = await upload(admin, project.id, activity.id, content, name);
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error).toEqual({ code: 'VALIDATION_FAILED', message, fields: { file: message } });
    }
    expect((await listOf(admin, project.id, activity.id)).items).toEqual([]);
  });

  it('asks for exactly one file', async () => {
    const project = await createProject(admin);
    const activity = await importActivity(admin, project.id);
    const url = attachmentsUrl(project.id, activity.id);
    const json = await admin.post(url, { file: 'elever.csv' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields).toEqual({ file: 'Välj en fil att bifoga' });
    const two = await admin.request({
      method: 'POST',
      url,
      ...multipart([
        { content: 'a', name: 'a.csv' },
        { content: 'b', name: 'b.csv' },
      ]),
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.fields).toEqual({ file: 'Bifoga en fil i taget' });
  });

  it('makes the shown name safe', async () => {
    const project = await createProject(admin);
    const activity = await importActivity(admin, project.id);
    const uploaded = await upload(admin, project.id, activity.id, registerCsv, 'C:\\fakepath\\regi<s>ter\u202E.csv');
    expect(uploaded.json().fileName).toBe('regi s ter .csv');
  });
});

describe('who may do what with the files', () => {
  it('lets whoever may tick the activity upload and delete their own file; readers download only', async () => {
    const customer = await createCustomer(admin);
    const project = await createProject(admin, customer.id);
    const activity = await importActivity(admin, project.id);
    const itPerson = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['it'],
    });
    const principal = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['rektor'],
    });
    const support = await loginAsMember(testApp.app, {
      customerId: null,
      projectId: project.id,
      roleKeys: ['projektstodjare'],
    });

    const uploaded = await upload(itPerson, project.id, activity.id, registerCsv, 'elever.csv');
    expect(uploaded.statusCode).toBe(201);
    const attachmentId = uploaded.json().id;

    const refused = await upload(principal, project.id, activity.id, registerCsv, 'mina.csv');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Du kan bara bifoga filer till aktiviteter som din roll ansvarar för');
    const seenByPrincipal = await listOf(principal, project.id, activity.id);
    expect(seenByPrincipal.mayUpload).toBe(false);
    expect(seenByPrincipal.items[0].mayDelete).toBe(false);

    for (const reader of [principal, support]) {
      const file = await download(reader, project.id, attachmentId);
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe(registerCsv);
    }
    const notTheirs = await principal.delete(`/api/projects/${project.id}/attachments/${attachmentId}`);
    expect(notTheirs.statusCode).toBe(403);
    expect((await support.delete(`/api/projects/${project.id}/attachments/${attachmentId}`)).statusCode).toBe(403);

    expect((await itPerson.delete(`/api/projects/${project.id}/attachments/${attachmentId}`)).statusCode).toBe(204);
    expect((await download(admin, project.id, attachmentId)).statusCode).toBe(404);

    const another = (await upload(itPerson, project.id, activity.id, registerCsv, 'igen.csv')).json();
    const orderer = await loginAsMember(testApp.app, {
      customerId: customer.id,
      projectId: project.id,
      roleKeys: ['bestallare'],
    });
    expect((await orderer.delete(`/api/projects/${project.id}/attachments/${another.id}`)).statusCode).toBe(204);
    const history: AuditEvent[] = (await admin.get(`/api/projects/${project.id}/history`)).json().items;
    expect(history.filter((event) => event.action === 'attachment.deleted').map((event) => event.summary)).toEqual(
      expect.arrayContaining([`Tog bort ”igen.csv” från ”${activity.title}”`]),
    );
  });

  it("answers 404 for another customer's project and for a file asked for through another project", async () => {
    const project = await createProject(admin);
    const activity = await importActivity(admin, project.id);
    const attachmentId = (await upload(admin, project.id, activity.id, registerCsv, 'elever.csv')).json().id;

    const stranger = await loginAsMember(testApp.app, { customerId: (await createCustomer(admin)).id });
    expect((await stranger.get(attachmentsUrl(project.id, activity.id))).statusCode).toBe(404);
    expect((await upload(stranger, project.id, activity.id, registerCsv, 'x.csv')).statusCode).toBe(404);
    expect((await download(stranger, project.id, attachmentId)).statusCode).toBe(404);
    expect((await stranger.delete(`/api/projects/${project.id}/attachments/${attachmentId}`)).statusCode).toBe(404);

    const otherProject = await createProject(admin);
    expect((await download(admin, otherProject.id, attachmentId)).statusCode).toBe(404);
    expect((await admin.delete(`/api/projects/${otherProject.id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    expect((await admin.get(attachmentsUrl(otherProject.id, activity.id))).statusCode).toBe(404);
    expect((await download(admin, project.id, attachmentId)).statusCode).toBe(200);
  });
});
