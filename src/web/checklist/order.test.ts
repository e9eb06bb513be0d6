import { describe, expect, it } from 'vitest';
import { moveTarget } from './order.js';

const group = ['a', 'b', 'c', 'd', 'e'];

describe('moveTarget', () => {
  it('moves one place up or down in the whole group', () => {
    expect(moveTarget(group, group, 'c', 'up')).toBe(1);
    expect(moveTarget(group, group, 'c', 'down')).toBe(3);
  });

  it('does not move the first up or the last down', () => {
    expect(moveTarget(group, group, 'a', 'up')).toBeNull();
    expect(moveTarget(group, group, 'e', 'down')).toBeNull();
  });

  it('passes the neighbour the viewer sees in a filtered list, not a hidden one', () => {
    const shown = ['a', 'c', 'e'];
    // Up: before "a", the one shown above it.
    expect(moveTarget(group, shown, 'c', 'up')).toBe(0);
    // Down: just after "e", the one shown below it.
    expect(moveTarget(group, shown, 'c', 'down')).toBe(4);
  });

  it('ends where the viewer expects after the move', () => {
    const shown = ['a', 'c', 'e'];
    const moved = (direction: 'up' | 'down') => {
      const index = moveTarget(group, shown, 'c', direction) as number;
      const without = group.filter((id) => id !== 'c');
      return [...without.slice(0, index), 'c', ...without.slice(index)].filter((id) => shown.includes(id));
    };
    expect(moved('up')).toEqual(['c', 'a', 'e']);
    expect(moved('down')).toEqual(['a', 'e', 'c']);
  });

  it('does nothing for an activity that is not shown or not in the group', () => {
    expect(moveTarget(group, ['a', 'b'], 'c', 'up')).toBeNull();
    expect(moveTarget(['a', 'b'], ['a', 'x'], 'x', 'up')).toBeNull();
  });
});
