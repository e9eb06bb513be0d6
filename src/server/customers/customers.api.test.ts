import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customers.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createProject, organisationNumber } from '../test-support/factories.js';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(() => testApp.close());

describe('customers', () => {
  it('creates a customer with the organisation number in the form NNNNNN-NNNN', async () => {
    const admin = await loginAs(testApp.app);
    const response = await admin.post('/api/customers', { name: ' Uppsala kommun ', organisationNumber: '2120003005' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      name: 'Uppsala kommun',
      organisationNumber: '212000-3005',
      createdAt: expect.any(String),
      projectCount: 0,
      terms: null,
    });
    const listed: Customer[] = (await admin.get('/api/customers')).json().items;
    expect(listed).toEqual([response.json()]);
  });

  it('refuses a wrong check digit, a too short number and a missing name, each on its field', async () => {
    const admin = await loginAs(testApp.app);
    const cases = [
      {
        body: { name: 'Uppsala kommun', organisationNumber: '212000-3006' },
        fields: { organisationNumber: 'Organisationsnumret har fel kontrollsiffra' },
      },
      {
        body: { name: 'Uppsala kommun', organisationNumber: '212000-30' },
        fields: { organisationNumber: 'Organisationsnumret ska ha tio siffror (NNNNNN-NNNN)' },
      },
      { body: { organisationNumber: '212000-3005' }, fields: { name: expect.any(String) } },
      { body: { name: ' ', organisationNumber: '212000-3005' }, fields: { name: 'Ange kundens namn' } },
    ];
    for (const { body, fields } of cases) {
      const response = await admin.post('/api/customers', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.fields).toEqual(fields);
    }
    expect((await admin.get('/api/customers')).json().items).toEqual([]);
  });

  it('refuses an organisation number that is already a customer with 409, however it is written', async () => {
    const admin = await loginAs(testApp.app);
    await createCustomer(admin, { name: 'Uppsala kommun', organisationNumber: '212000-3005' });
    const duplicate = await admin.post('/api/customers', { name: 'Uppsala igen', organisationNumber: '16 2120003005' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('CONFLICT');
    expect(Object.keys(duplicate.json().error.fields)).toEqual(['organisationNumber']);
    expect((await admin.get('/api/customers')).json().items.map((c: Customer) => c.name)).toEqual(['Uppsala kommun']);
  });

  it('answers a double-submitted form with one customer and a 409, not an internal error', async () => {
    const admin = await loginAs(testApp.app);
    const body = { name: 'Borås stad', organisationNumber: organisationNumber() };
    const responses = await Promise.all([admin.post('/api/customers', body), admin.post('/api/customers', body)]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect((await admin.get('/api/customers')).json().items).toHaveLength(1);
  });

  it('lists customers in Swedish alphabetical order with their number of projects', async () => {
    const admin = await loginAs(testApp.app);
    const names = ['Örebro kommun', 'Älmhult kommun', 'Åre kommun', 'Borås stad', 'Ale kommun', 'Östersund kommun'];
    const created = new Map<string, string>();
    for (const name of names) created.set(name, (await createCustomer(admin, { name })).id);
    await createProject(admin, created.get('Åre kommun'));
    await createProject(admin, created.get('Åre kommun'));
    await createProject(admin, created.get('Ale kommun'));

    const response = await admin.get('/api/customers');
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((c: Customer) => [c.name, c.projectCount])).toEqual([
      ['Ale kommun', 1],
      ['Borås stad', 0],
      ['Åre kommun', 2],
      ['Älmhult kommun', 0],
      ['Örebro kommun', 0],
      ['Östersund kommun', 0],
    ]);
  });

  it('lets vendor staff list customers but not add them', async () => {
    const admin = await loginAs(testApp.app);
    await createCustomer(admin, { name: 'Uppsala kommun' });
    const staff = await loginAs(testApp.app, 'vendor_staff');

    const listed = await staff.get('/api/customers');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((c: Customer) => c.name)).toEqual(['Uppsala kommun']);

    const created = await staff.post('/api/customers', {
      name: 'Borås stad',
      organisationNumber: organisationNumber(),
    });
    expect(created.statusCode).toBe(403);
    expect(created.json().error.code).toBe('FORBIDDEN');
    expect((await admin.get('/api/customers')).json().items).toHaveLength(1);
  });

  it('does not show the customer list to a customer user', async () => {
    const admin = await loginAs(testApp.app);
    await createCustomer(admin);
    const customerUser = await loginAs(testApp.app, 'customer');
    const response = await customerUser.get('/api/customers');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(response.json()).not.toHaveProperty('items');

    const created = await customerUser.post('/api/customers', {
      name: 'Egen kund',
      organisationNumber: organisationNumber(),
    });
    expect(created.statusCode).toBe(403);
  });

  it('answers 401 without a session', async () => {
    const list = await testApp.app.inject({ method: 'GET', url: '/api/customers' });
    expect(list.statusCode).toBe(401);
    expect(list.json().error.code).toBe('UNAUTHENTICATED');
    const create = await testApp.app.inject({
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Uppsala kommun', organisationNumber: '212000-3005' },
    });
    expect(create.statusCode).toBe(401);
  });
});
