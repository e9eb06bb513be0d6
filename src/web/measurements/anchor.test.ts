import { describe, expect, it } from 'vitest';
import { goalAnchor, goalIdFromHash } from './anchor.js';

describe('goal anchors', () => {
  it('reads back the goal a link names', () => {
    expect(goalIdFromHash(`#${goalAnchor('01JB7Q')}`)).toBe('01JB7Q');
  });

  it('names no goal for another hash or an empty one', () => {
    expect(goalIdFromHash('')).toBeNull();
    expect(goalIdFromHash('#mal-')).toBeNull();
    expect(goalIdFromHash('#aktivitet-1')).toBeNull();
  });
});
