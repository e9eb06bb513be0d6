import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import type { Clock } from '../core/clock.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import {
  createCustomer,
  createEffectGoal,
  createPerson,
  createProject,
  savePlanSection,
} from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';
import { pdfTextOnOneLine } from '../test-support/pdf-text.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const clock: Clock = { now: () => new Date('2027-01-20T09:00:00.000Z') };

let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  testApp = await createTestApp({ clock });
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

async function customerProject(agent = admin) {
  const customer = await createCustomer(agent, { name: 'Åkerby kommun' });
  const project = await createProject(agent, customer.id);
  return { customerId: customer.id, projectId: project.id };
}

const exportOf = (agent: Agent, projectId: string, format: 'docx' | 'pdf', query = '') =>
  agent.get(`/api/projects/${projectId}/plan/export.${format}${query}`);

async function wordText(file: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(' ');
}

describe('exporting the plan', () => {
  it('exports the draft as Word and as PDF, named after the customer, with what the plan says', async () => {
    const { projectId } = await customerProject();
    await createEffectGoal(admin, projectId, { title: 'Alla elever bedöms i varje ämne varje termin' });
    await savePlanSection(admin, projectId, 'bakgrund', { behov: 'Vårdnadshavare ska få veta i tid.' });

    const word = await exportOf(admin, projectId, 'docx');
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toBe(DOCX);
    expect(word.headers['content-disposition']).toBe(
      `attachment; filename="Projektplan Akerby kommun utkast 2027-01-20.docx"; filename*=UTF-8''Projektplan%20%C3%85kerby%20kommun%20utkast%202027-01-20.docx`,
    );
    expect(word.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const wordContent = await wordText(word.rawPayload);
    expect(wordContent).toContain('Utkast 2027-01-20');
    expect(wordContent).toContain('Alla elever bedöms i varje ämne varje termin');
    expect(wordContent).toContain('Vårdnadshavare ska få veta i tid.');

    const pdf = await exportOf(admin, projectId, 'pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="Projektplan Akerby kommun utkast 2027-01-20\.pdf"; filename\*=UTF-8''/,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfContent = await pdfTextOnOneLine(pdf.rawPayload);
    expect(pdfContent).toContain('Åkerby kommun');
    expect(pdfContent).toContain('Vårdnadshavare ska få veta i tid.');
  });

  it('exports a sent revision as it was sent, naming its number, sender and date', async () => {
    const { customerId, projectId } = await customerProject();
    const writer = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });
    await savePlanSection(writer, projectId, 'bakgrund', { behov: 'Texten som skickades.' });
    expect(
      (await writer.post(`/api/projects/${projectId}/revisions`, { message: 'Första versionen.' })).statusCode,
    ).toBe(201);
    await savePlanSection(writer, projectId, 'bakgrund', { behov: 'Texten efteråt.' });

    const response = await exportOf(admin, projectId, 'docx', '?revision=1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''Projektplan%20%C3%85kerby%20kommun%20version%201.docx`,
    );
    const content = await wordText(response.rawPayload);
    expect(content).toMatch(/Version 1, skickad 2027-01-20 av Användare \d+/);
    expect(content).toContain('Texten som skickades.');
    expect(content).not.toContain('Texten efteråt.');
  });

  it('includes the communication plan and the process guide, in the draft and in a revision', async () => {
    const { customerId, projectId } = await customerProject();
    const person = await createPerson(testApp.app, { customerId, name: 'Åsa Öberg' });
    const goal = await createEffectGoal(admin, projectId, { title: 'All frånvaro registreras i plattformen' });
    const item = await admin.post(`/api/projects/${projectId}/communication-items`, {
      title: 'Brev om inloggning till vårdnadshavare',
      channel: 'Brev',
      audienceKeys: ['vardnadshavare'],
      plannedOn: '2027-03-01',
      responsiblePersonId: person.id,
    });
    expect(item.statusCode).toBe(201);
    await admin.put(`/api/projects/${projectId}/process-guide`, {
      version: 0,
      introduction: richTextFromPlainText('Lathunden för Åkerby kommun.'),
    });
    await admin.put(`/api/projects/${projectId}/process-guide/goals/${goal.id}`, {
      version: 0,
      usage: richTextFromPlainText('Läraren registrerar frånvaron på lektionen.'),
      statistics: richTextFromPlainText('Frånvaro per skola och månad.'),
    });
    expect(
      (await admin.post(`/api/projects/${projectId}/revisions`, { message: 'Första versionen.' })).statusCode,
    ).toBe(201);

    for (const query of ['', '?revision=1']) {
      const word = await wordText((await exportOf(admin, projectId, 'docx', query)).rawPayload);
      const pdf = await pdfTextOnOneLine((await exportOf(admin, projectId, 'pdf', query)).rawPayload);
      for (const content of [word, pdf]) {
        expect(content).toMatch(/\d+ Kommunikationsplan/);
        expect(content).toContain('Målgrupp');
        expect(content).toContain('Brev om inloggning till vårdnadshavare');
        expect(content).toContain('Åsa Öberg');
        // The start meeting every project's plan begins with follows the timeline.
        expect(content).toContain('Enligt tidplanen: Uppstartsmöte');
        expect(content).toMatch(/\d+ Lathund/);
        expect(content).toContain('Lathunden för Åkerby kommun.');
        expect(content).toContain('Så används systemet');
        expect(content).toContain('Läraren registrerar frånvaron på lektionen.');
        expect(content).toContain('Statistik vi vill kunna ta ut');
        expect(content).toContain('Frånvaro per skola och månad.');
      }
    }
  });

  it('answers 404 for a revision that was never sent, and 400 for one that is not a number', async () => {
    const { projectId } = await customerProject();
    const missing = await exportOf(admin, projectId, 'pdf', '?revision=3');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Version 3 av projektplanen finns inte' } });
    expect((await exportOf(admin, projectId, 'pdf', '?revision=senaste')).statusCode).toBe(400);
  });

  it('lets anyone who may read the project export it, without edit permission', async () => {
    const { customerId, projectId } = await customerProject();
    const principal = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });
    expect((await principal.get(`/api/projects/${projectId}`)).json().permissions.edit).toBe(false);
    for (const format of ['docx', 'pdf'] as const) {
      expect((await exportOf(principal, projectId, format)).statusCode).toBe(200);
    }
  });

  it("answers 404 to another customer's person, as if the project did not exist", async () => {
    const { projectId } = await customerProject();
    const other = await createCustomer(admin, { name: 'Grannby kommun' });
    const otherProject = await createProject(admin, other.id);
    const outsider = await loginAsMember(testApp.app, {
      customerId: other.id,
      projectId: otherProject.id,
      roleKeys: ['projektledare'],
    });
    for (const format of ['docx', 'pdf'] as const) {
      const response = await exportOf(outsider, projectId, format);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });
});

describe('the API document', () => {
  it('describes each export as a binary file of its own type', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [format, type] of [
      ['docx', DOCX],
      ['pdf', 'application/pdf'],
    ]) {
      const operation = document.paths[`/api/projects/{id}/plan/export.${format}`].get;
      expect(operation.responses['200'].content).toEqual({ [type]: { schema: { type: 'string', format: 'binary' } } });
      expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
        'id',
        'revision',
      ]);
    }
  });
});

describe('exporting in production', () => {
  it('sends the files byte for byte, past the fast response serializer used there', async () => {
    const production = await createTestApp({ clock, env: { NODE_ENV: 'production' } });
    try {
      const agent = await loginAs(production.app);
      const { projectId } = await customerProject(agent);
      const word = await exportOf(agent, projectId, 'docx');
      expect(word.statusCode).toBe(200);
      expect(Number(word.headers['content-length'])).toBe(word.rawPayload.length);
      expect(await wordText(word.rawPayload)).toContain('Åkerby kommun');

      const pdf = await exportOf(agent, projectId, 'pdf');
      expect(pdf.statusCode).toBe(200);
      expect(Number(pdf.headers['content-length'])).toBe(pdf.rawPayload.length);
      expect(pdf.rawPayload.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      expect(await pdfTextOnOneLine(pdf.rawPayload)).toContain('Åkerby kommun');
    } finally {
      await production.close();
    }
  });
});
