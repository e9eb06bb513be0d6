import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newOrderedId } from './ids.js';

describe('newOrderedId', () => {
  it('is a version 7 UUID', () => {
    const id = newOrderedId();
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
  });

  it('sorts in the order the ids were made, also within one millisecond', () => {
    const at = Date.parse('2027-03-01T08:00:00.000Z');
    const ids = [newOrderedId(at), newOrderedId(at), newOrderedId(at), newOrderedId(at + 1)];
    expect([...ids].sort()).toEqual(ids);
  });
});
