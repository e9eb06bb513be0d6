import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal, createProject } from '../test-support/factories.js';
import { zipBombWorkbook } from './test-zips.js';

/**
 * Every route that takes an upload, against what an attacker sends instead of a file: a zip bomb
 * (a small .xlsx that inflates to hundreds of megabytes) and multipart bodies that are cut off or
 * malformed. Each is refused with 400 and a stable code, and the service keeps answering meanwhile.
 */

const BOUNDARY = '----stegvis-upload-boundary';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Part {
  name: string;
  value?: string;
  fileName?: string;
  content?: Buffer;
}

function multipartBody(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.content === undefined) {
      chunks.push(
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${XLSX}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const multipartHeaders = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

let testApp: TestApp;
let admin: Agent;
let routes: { name: string; url: string; parts: (file: Buffer) => Part[] }[];

beforeEach(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app);
  const customerId = (await createCustomer(admin)).id;
  const projectId = (await createProject(admin, customerId)).id;
  const goalId = (await createEffectGoal(admin, projectId)).id;
  const checklist: Checklist = (await admin.get(`/api/projects/${projectId}/activities`)).json();
  const activityId = checklist.groups[0].activities[0].id;
  const settings = {
    method: 'share_by_date',
    measure: 'byDate',
    columns: { records: { label: 'Elev', date: 'Registrerad' } },
    byDate: '2027-03-31',
  };
  routes = [
    {
      name: 'import preview',
      url: `/api/customers/${customerId}/imports/preview?kind=people`,
      parts: (file) => [{ name: 'file', fileName: 'personal.xlsx', content: file }],
    },
    {
      name: 'measurement file inspection',
      url: `/api/projects/${projectId}/goals/${goalId}/measurement-files/inspect`,
      parts: (file) => [{ name: 'file', fileName: 'export.xlsx', content: file }],
    },
    {
      name: 'computation',
      url: `/api/projects/${projectId}/goals/${goalId}/computations`,
      parts: (file) => [
        { name: 'settings', value: JSON.stringify(settings) },
        { name: 'records', fileName: 'export.xlsx', content: file },
      ],
    },
    {
      name: 'attachment',
      url: `/api/projects/${projectId}/activities/${activityId}/attachments`,
      parts: (file) => [{ name: 'file', fileName: 'register.xlsx', content: file }],
    },
  ];
});
afterEach(() => testApp.close());

const route = (name: string) => {
  const found = routes.find((candidate) => candidate.name === name);
  if (!found) throw new Error(name);
  return found;
};

/** The highest resident memory seen while `work` runs, above what it was before. */
async function peakGrowth<Result>(work: () => Promise<Result>): Promise<{ result: Result; growth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('a zip bomb', () => {
  it.each(['import preview', 'measurement file inspection', 'computation'])(
    'is refused by the %s with 400 before it is expanded, while the service keeps answering',
    async (name) => {
      const bomb = await zipBombWorkbook(400);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const { url, parts } = route(name);
      const { result, growth } = await peakGrowth(async () => {
        const upload = admin.request({
          method: 'POST',
          url,
          headers: multipartHeaders,
          payload: multipartBody(parts(bomb)),
        });
        // Asked while the upload is in flight: it answers, and the upload is still refused.
        const health = await testApp.app.inject({ method: 'GET', url: '/api/health' });
        return { upload: await upload, health };
      });
      expect(result.health.statusCode).toBe(200);
      expect(result.upload.statusCode).toBe(400);
      expect(result.upload.json().error.code).toBe('UNPACKED_TOO_LARGE');
      expect(Object.values(result.upload.json().error.fields ?? {})[0]).toMatch(
        /packas upp till mer än \d+ MB|växer mer än \d+ gånger/,
      );
      expect(growth).toBeLessThan(100 * 1024 * 1024);
    },
  );
});

describe('a malformed multipart body', () => {
  it.each(['import preview', 'measurement file inspection', 'computation', 'attachment'])(
    'cut off in the middle of its file answers 400 at the %s',
    async (name) => {
      const { url, parts } = route(name);
      const whole = multipartBody(parts(Buffer.from('PK\x03\x04 and then the rest of a workbook that never comes')));
      const response = await admin.request({
        method: 'POST',
        url,
        headers: multipartHeaders,
        payload: whole.subarray(0, whole.length - 40),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    },
  );

  it.each(['import preview', 'measurement file inspection', 'computation', 'attachment'])(
    'without its boundary, or with headers that do not parse, answers 400 at the %s',
    async (name) => {
      const { url } = route(name);
      for (const [contentType, payload] of [
        ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n'],
        [multipartHeaders['content-type'], `--${BOUNDARY}\r\nnot a header line\r\n\r\nabc\r\n--${BOUNDARY}--\r\n`],
        [multipartHeaders['content-type'], 'no boundary anywhere in this body'],
      ]) {
        const response = await admin.request({
          method: 'POST',
          url,
          headers: { 'content-type': contentType },
          payload,
        });
        expect(response.statusCode, `${contentType}: ${payload}`).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
      }
    },
  );
});
