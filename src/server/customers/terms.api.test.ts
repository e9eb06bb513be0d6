import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customers.js';
import type { Computation, GoalTrackingList } from '../../shared/measurements.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createEffectGoal, createProject } from '../test-support/factories.js';

/** A multipart/form-data body with the parts in the order given, as a browser's FormData sends them. */
function multipart(parts: ({ name: string; value: string } | { name: string; fileName: string; content: string })[]) {
  const boundary = '----stegvis-terms-boundary';
  const body = parts
    .map((part) =>
      'value' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: text/csv\r\n\r\n${part.content}\r\n`,
    )
    .join('');
  return {
    payload: Buffer.from(`${body}--${boundary}--\r\n`, 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const ownTerms = { htStart: '08-18', htEnd: '12-22', vtStart: '01-09', vtEnd: '06-14' };

let testApp: TestApp;
let admin: Agent;
let customerId: string;
let projectId: string;
beforeEach(async () => {
  testApp = await createTestApp({ clock: { now: () => new Date('2027-06-20T08:00:00.000Z') } });
  admin = await loginAs(testApp.app);
  customerId = (await createCustomer(admin, { name: 'Östby kommun' })).id;
  projectId = (await createProject(admin, customerId)).id;
});
afterEach(() => testApp.close());

const termsUrl = () => `/api/customers/${customerId}/terms`;

describe("a customer's own term dates", () => {
  it('are the default terms until set, then the customer’s own, recorded in the history, and null goes back', async () => {
    expect((await admin.get(termsUrl())).json()).toEqual({ terms: null });

    const set = await admin.put(termsUrl(), { terms: ownTerms });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ terms: ownTerms });
    expect((await admin.get(termsUrl())).json()).toEqual({ terms: ownTerms });
    const listed: Customer[] = (await admin.get('/api/customers')).json().items;
    expect(listed.find((customer) => customer.id === customerId)?.terms).toEqual(ownTerms);

    // Setting the same dates again changes nothing and records nothing.
    expect((await admin.put(termsUrl(), { terms: ownTerms })).statusCode).toBe(200);
    const history = (await admin.get(`/api/projects/${projectId}/history`)).json();
    const events = (history.items ?? history).filter(
      (event: { action: string }) => event.action === 'customer.terms_set',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entityType: 'customer',
      entityId: customerId,
      summary: 'Satte kundens terminer till ht 08-18–12-22, vt 01-09–06-14',
      before: { terms: null },
      after: { terms: ownTerms },
    });

    const reset = await admin.put(termsUrl(), { terms: null });
    expect(reset.json()).toEqual({ terms: null });
    expect((await admin.get(termsUrl())).json()).toEqual({ terms: null });
  });

  it('refuses a day that does not exist, a term that ends before it starts and terms that overlap, on the field', async () => {
    const cases = [
      {
        terms: { ...ownTerms, htStart: '8-18' },
        fields: { 'terms.htStart': 'Ange datumet som MM-DD, till exempel 08-18' },
      },
      { terms: { ...ownTerms, vtStart: '02-30' }, fields: { 'terms.vtStart': 'Det datumet finns inte' } },
      { terms: { ...ownTerms, htEnd: '08-01' }, fields: { 'terms.htEnd': 'Höstterminen slutar före den börjar' } },
      {
        terms: { ...ownTerms, vtEnd: '08-20' },
        fields: { 'terms.htStart': 'Höstterminen börjar före vårterminen slutar' },
      },
    ];
    for (const { terms, fields } of cases) {
      const response = await admin.put(termsUrl(), { terms });
      expect(response.statusCode, JSON.stringify(terms)).toBe(400);
      expect(response.json().error.fields).toEqual(fields);
    }
    expect((await admin.get(termsUrl())).json()).toEqual({ terms: null });
  });

  it('answers 404 for a customer that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.put(`/api/customers/${missing}/terms`, { terms: ownTerms })).statusCode).toBe(404);
  });

  it('are what a goal followed per term is computed over, and the goal tracking carries them', async () => {
    const goal = await createEffectGoal(admin, projectId, {
      title: '100 % av eleverna ska ha fått bedömning minst en gång per termin',
      measure: 'Andel elever med bedömning per termin',
      baseline: 50,
      target: 100,
    });
    const tracking = async (): Promise<GoalTrackingList> =>
      (await admin.get(`/api/projects/${projectId}/goal-tracking`)).json();
    expect((await tracking()).termDates).toBeNull();
    await admin.put(termsUrl(), { terms: ownTerms });
    expect((await tracking()).termDates).toEqual(ownTerms);

    const roster = 'Elev\r\nÅsa\r\nErik\r\n';
    // Åsa on 2026-08-10 (before the customer's autumn term) and 2027-01-05 (before its spring term);
    // Erik on 2026-12-20 (autumn) and 2027-06-10 (spring).
    const events = 'Elev;Datum\r\nÅsa;2026-08-10\r\nErik;2026-12-20\r\nÅsa;2027-01-05\r\nErik;2027-06-10\r\n';
    const response = await admin.request({
      method: 'POST',
      url: `/api/projects/${projectId}/goals/${goal.id}/computations`,
      ...multipart([
        {
          name: 'settings',
          value: JSON.stringify({
            method: 'coverage',
            measure: 'anyEvent',
            perTerm: true,
            columns: {
              roster: { student: 'Elev', group: null },
              events: { student: 'Elev', group: null, date: 'Datum' },
            },
            period: { from: '2026-08-01', to: '2027-06-30' },
          }),
        },
        { name: 'roster', fileName: 'elever.csv', content: roster },
        { name: 'events', fileName: 'bedomningar.csv', content: events },
      ]),
    });
    expect(response.statusCode, response.body).toBe(201);
    const year: Computation = response.json();
    expect(year.terms.map(({ name, year: termYear, from, to, value }) => [name, termYear, from, to, value])).toEqual([
      ['ht', 2026, '2026-08-18', '2026-12-22', 50],
      ['vt', 2027, '2027-01-09', '2027-06-14', 50],
    ]);
  });
});

describe('share registered by a date, per student', () => {
  it('counts the students with any row registered by the date when the computation asks for students', async () => {
    const goal = await createEffectGoal(admin, projectId, {
      title: '100 % av eleverna ska ha frånvaro registrerad senast den 31 mars 2027',
      measure: 'Andel elever med registrerad frånvaro',
      baseline: 50,
      target: 100,
    });
    const records =
      'Elev;Registrerad\r\nÅsa;2027-04-02\r\nÅsa;2027-03-01\r\nErik;\r\nErik;2027-04-10\r\nBo;2027-03-30\r\n';
    const compute = async (countBy?: 'rows' | 'students') => {
      const settings = {
        method: 'share_by_date',
        measure: 'byDate',
        columns: { records: { label: 'Elev', date: 'Registrerad' } },
        byDate: '2027-03-31',
        ...(countBy ? { countBy } : {}),
      };
      const response = await admin.request({
        method: 'POST',
        url: `/api/projects/${projectId}/goals/${goal.id}/computations`,
        ...multipart([
          { name: 'settings', value: JSON.stringify(settings) },
          { name: 'records', fileName: 'franvaro.csv', content: records },
        ]),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Computation;
    };
    const perStudent = await compute('students');
    expect([perStudent.value, perStudent.numerator, perStudent.denominator]).toEqual([66.7, 2, 3]);
    expect(perStudent.rowsRead).toBe(5);
    expect(perStudent.explanation[0]).toBe(
      '2 av 3 elever hade minst en rad registrerad i systemet senast 2027-03-31 (66,7\u00a0%).',
    );
    const perRow = await compute();
    expect([perRow.numerator, perRow.denominator]).toEqual([2, 5]);
  });
});
