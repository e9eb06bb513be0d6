import { describe, expect, it } from 'vitest';
import { activityAnchor, activityIdFromHash, activityLink } from './anchor.js';

describe('activity anchors', () => {
  it('names a row as reminder e-mails link to it', () => {
    expect(activityAnchor('7f3a')).toBe('aktivitet-7f3a');
    expect(activityLink('p1', '7f3a')).toBe('/projekt/p1#aktivitet-7f3a');
  });

  it('reads the activity back from the page address', () => {
    expect(activityIdFromHash('#aktivitet-7f3a')).toBe('7f3a');
    expect(activityIdFromHash('aktivitet-7f3a')).toBe('7f3a');
  });

  it('ignores any other hash, an empty id and a malformed one', () => {
    expect(activityIdFromHash('')).toBeNull();
    expect(activityIdFromHash('#innehall')).toBeNull();
    expect(activityIdFromHash('#aktivitet-')).toBeNull();
    expect(activityIdFromHash('#aktivitet-%E0%A4%A')).toBeNull();
  });
});
