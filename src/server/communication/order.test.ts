import { describe, expect, it } from 'vitest';
import { bySoonest } from './order.js';

describe('the order of the communication plan', () => {
  it('puts the soonest first, the undated last, and keeps the order they were added on the same day', () => {
    const items = [
      { name: 'utan datum', date: null, position: 0 },
      { name: 'april', date: '2027-04-12', position: 1 },
      { name: 'mars, senare tillagd', date: '2027-03-01', position: 4 },
      { name: 'mars', date: '2027-03-01', position: 2 },
      { name: 'också utan datum', date: null, position: 3 },
    ];
    expect([...items].sort(bySoonest).map((item) => item.name)).toEqual([
      'mars',
      'mars, senare tillagd',
      'april',
      'utan datum',
      'också utan datum',
    ]);
  });
});
