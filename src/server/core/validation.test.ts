import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unknownFields } from './validation.js';

describe('unknown fields of a body', () => {
  it('names them at any depth: in objects, arrays, records, unions and intersections', () => {
    const schema = z.object({
      name: z.string(),
      rows: z.array(z.object({ email: z.string() })).optional(),
      byKey: z.record(z.string(), z.object({ value: z.number() })),
      change: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('date'), date: z.string() }),
        z.object({ kind: z.literal('goal'), target: z.number() }),
      ]),
      both: z.intersection(z.object({ a: z.number() }), z.object({ b: z.number() })).nullable(),
      text: z.string().transform((value) => value.trim()),
    });
    const body = {
      name: 'Ekby',
      extra: 1,
      rows: [{ email: 'a@exempel.se' }, { email: 'b@exempel.se', role: 'admin' }],
      byKey: { x: { value: 1, note: 'n' } },
      change: { kind: 'goal', target: 3, date: '2027-01-01' },
      both: { a: 1, b: 2, c: 3 },
      text: ' t ',
    };
    expect(schema.safeParse(body).success).toBe(true);
    expect(unknownFields(schema, body).map((path) => path.join('.'))).toEqual([
      'extra',
      'rows.1.role',
      'byKey.x.note',
      'change.date',
      'both.c',
    ]);
  });

  it('leaves alone what a schema lets through on purpose', () => {
    const open = z.object({ name: z.string() }).catchall(z.unknown());
    expect(unknownFields(open, { name: 'a', other: 1 })).toEqual([]);
    expect(unknownFields(z.object({ data: z.unknown() }), { data: { any: 'thing' } })).toEqual([]);
  });
});
