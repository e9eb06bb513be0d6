import { validate } from '@readme/openapi-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, organisationNumber } from '../test-support/factories.js';

let testApp: TestApp;
let admin: Agent;
beforeEach(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app);
});
afterEach(() => testApp.close());

describe('JSON bodies', () => {
  it('refuses a field the schema does not name, naming it, and stores nothing', async () => {
    const response = await admin.post('/api/customers', {
      name: 'Ekby kommun',
      organisationNumber: organisationNumber(),
      isVendor: true,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { isVendor: 'Okänt fält' } },
    });
    expect((await admin.get('/api/customers')).json().items).toEqual([]);
  });

  it('names an unknown field inside a nested object by its path', async () => {
    const customer = await createCustomer(admin);
    const terms = { htStart: '08-18', htEnd: '12-20', vtStart: '01-08', vtEnd: '06-12' };
    const refused = await admin.put(`/api/customers/${customer.id}/terms`, { terms: { ...terms, sommar: '07-01' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ 'terms.sommar': 'Okänt fält' });
    const accepted = await admin.put(`/api/customers/${customer.id}/terms`, { terms });
    expect(accepted.statusCode).toBe(200);
  });

  it('answers 400 with a stable code to JSON that does not parse, is cut off or is empty', async () => {
    for (const payload of ['{"name": "Ekby', '{"name": "Ekby kommun",}', 'null x', '']) {
      const response = await admin.request({
        method: 'POST',
        url: '/api/customers',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error.code, payload).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 400 (or 415 for a type it does not read) to a body of another content type, never 500', async () => {
    for (const contentType of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const response = await admin.request({
        method: 'POST',
        url: '/api/customers',
        headers: { 'content-type': contentType },
        payload: 'name=Ekby',
      });
      expect([400, 415], contentType).toContain(response.statusCode);
      expect(response.json().error.code, contentType).toBe('VALIDATION_FAILED');
    }
  });
});

interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown> };
}

/** Every `$ref` in a document, wherever it is. */
function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.add(item);
      else refsIn(item, found);
    }
  }
  return found;
}

describe('OpenAPI document', () => {
  it('validates, and every schema it refers to exists', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document: OpenApiDocument = response.json();
    const refs = [...refsIn(document)];
    expect(refs).toContain('#/components/schemas/RichTextInput');
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\//);
      const name = decodeURIComponent(ref.slice('#/components/schemas/'.length));
      expect(document.components?.schemas?.[name], ref).toBeDefined();
    }
    // The validator resolves every reference it follows, so it is given a copy.
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });
});
