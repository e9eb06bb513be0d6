import { describe, expect, it } from 'vitest';
import { type Checklist, checklistSchema } from '../../shared/checklist.js';
import { errorBodySchema } from '../../shared/errors.js';
import { healthSchema } from '../../shared/health.js';
import { responseSerializer } from './serializer.js';

const compile = (checkWithZod: boolean, schema: unknown) =>
  responseSerializer(checkWithZod)({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (
    data: unknown,
  ) => string;

const checklist: Checklist = {
  progress: { done: 1, total: 2, percent: 50 },
  groups: [
    {
      key: 'uppstart',
      title: 'Uppstart',
      progress: { done: 1, total: 2, percent: 50 },
      activities: [
        {
          id: 'a1',
          groupKey: 'uppstart',
          position: 0,
          title: 'Avtalspåskrift "med citat" och \\ tecken',
          fromTemplate: true,
          customerResponsible: [{ key: 'bestallare', title: 'Beställare' }],
          vendorResponsible: [],
          deadline: '2027-02-15',
          done: { at: '2027-02-01T09:00:00.000Z', by: { id: 'u1', name: 'Åsa Öberg' } },
          version: 3,
          canTick: true,
        },
        {
          id: 'a2',
          groupKey: 'uppstart',
          position: 1,
          title: 'Orderbekräftelse',
          fromTemplate: false,
          customerResponsible: [],
          vendorResponsible: [{ key: 'projektstodjare', title: 'Projektstödjare' }],
          deadline: null,
          done: null,
          version: 1,
          canTick: false,
        },
      ],
    },
  ],
};

describe('response serializers', () => {
  it('write the same JSON in production as the zod-checked one used in development and tests', () => {
    for (const [schema, data] of [
      [checklistSchema, checklist],
      [healthSchema, { status: 'ok', database: 'sqlite', version: '1.0.0' }],
      [errorBodySchema, { error: { code: 'NOT_FOUND', message: 'Projektet finns inte' } }],
      [errorBodySchema, { error: { code: 'VALIDATION_FAILED', message: 'Fel', fields: { 'a.b': 'saknas' } } }],
    ] as const) {
      const fast = compile(false, schema)(data);
      expect(JSON.parse(fast)).toEqual(JSON.parse(compile(true, schema)(data)));
      expect(JSON.parse(fast)).toEqual(data);
    }
  });

  it('leave out fields that the schema does not declare, such as a password hash', () => {
    const leaky = { status: 'ok', database: 'postgres', version: '1', password_hash: 'hemligt' };
    expect(compile(false, healthSchema)(leaky)).not.toContain('hemligt');
    expect(compile(true, healthSchema)(leaky)).not.toContain('hemligt');
  });

  it('refuse a response that lacks a required field', () => {
    expect(() => compile(false, healthSchema)({ status: 'ok', database: 'sqlite' })).toThrow();
    expect(() => compile(true, healthSchema)({ status: 'ok', database: 'sqlite' })).toThrow();
  });
});
