import { describe, expect, it } from 'vitest';
import { type Checklist, checklistSchema, myTaskListSchema } from '../../shared/checklist.js';
import { errorBodySchema } from '../../shared/errors.js';
import { healthSchema } from '../../shared/health.js';
import { type Timeline, timelineSchema } from '../../shared/timeline.js';
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
          description: 'Rad ett\nRad två',
          templateTitle: 'Avtalspåskrift',
          customerPerson: { id: 'p1', name: 'Örjan Ågren' },
          vendorPerson: null,
          dependsOn: [{ id: 'a2', title: 'Orderbekräftelse', deadline: null, done: false }],
          dueBeforeDependency: false,
          commentCount: 2,
          attachmentCount: 0,
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
          description: '',
          templateTitle: null,
          customerPerson: null,
          vendorPerson: { id: 'p2', name: 'Björn Leveransansvarig' },
          dependsOn: [],
          dueBeforeDependency: false,
          commentCount: 0,
          attachmentCount: 0,
        },
      ],
    },
  ],
};

const timeline: Timeline = {
  items: [
    {
      id: 'k1',
      kind: 'key',
      title: 'Projektmöte med Leverantören',
      date: '2027-02-08',
      done: true,
      overdue: false,
      version: 1,
    },
    {
      id: 'a1',
      kind: 'activity',
      title: 'Avtalspåskrift',
      date: '2027-02-10',
      done: false,
      overdue: true,
      groupTitle: 'Uppstart',
      version: 2,
    },
    { id: 'k2', kind: 'key', title: 'Uppföljningsmöte', date: null, done: false, overdue: false, version: 1 },
  ],
};

describe('response serializers', () => {
  it('write the same JSON in production as the zod-checked one used in development and tests', () => {
    for (const [schema, data] of [
      [checklistSchema, checklist],
      [timelineSchema, timeline],
      [
        myTaskListSchema,
        {
          items: [
            {
              project: { id: 'p1', name: 'Införande', customerName: 'Åkerby kommun' },
              activity: { id: 'a2', title: 'Orderbekräftelse', deadline: null, version: 1, canTick: false },
              overdue: false,
            },
          ],
        },
      ],
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
