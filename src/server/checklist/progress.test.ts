import { describe, expect, it } from 'vitest';
import { progressOf } from './progress.js';

describe('progressOf', () => {
  it('gives whole percent of the activities done', () => {
    expect(progressOf(0, 40)).toEqual({ done: 0, total: 40, percent: 0 });
    expect(progressOf(10, 40)).toEqual({ done: 10, total: 40, percent: 25 });
    expect(progressOf(40, 40)).toEqual({ done: 40, total: 40, percent: 100 });
  });

  it('rounds down, so that 100 % is shown only when every activity is done', () => {
    expect(progressOf(2, 3).percent).toBe(66);
    expect(progressOf(199, 200).percent).toBe(99);
    expect(progressOf(999, 1000).percent).toBe(99);
    expect(progressOf(1, 1000).percent).toBe(0);
    for (let total = 1; total <= 300; total++) {
      expect(progressOf(total - 1, total).percent, `${total - 1} of ${total}`).toBeLessThan(100);
      expect(progressOf(total, total).percent).toBe(100);
    }
  });

  it('counts 0 of 0 as 0 %', () => {
    expect(progressOf(0, 0)).toEqual({ done: 0, total: 0, percent: 0 });
  });

  it.each([
    [-1, 3],
    [4, 3],
    [0, -1],
    [1, 0],
  ])('refuses %i of %i', (done, total) => {
    expect(() => progressOf(done, total)).toThrow(RangeError);
  });
});
