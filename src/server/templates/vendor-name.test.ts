import { describe, expect, it } from 'vitest';
import { withVendorName } from './vendor-name.js';

describe('withVendorName', () => {
  it('replaces every {vendor} in every string, however deep', () => {
    const content = {
      title: 'Projektmöte med {vendor}',
      groups: [{ activities: [{ title: '{vendor} levererar, {vendor}s support svarar' }] }],
      nested: { list: ['{vendor}', 'utan token'] },
    };
    expect(withVendorName(content, 'Skolplattformen AB')).toEqual({
      title: 'Projektmöte med Skolplattformen AB',
      groups: [{ activities: [{ title: 'Skolplattformen AB levererar, Skolplattformen ABs support svarar' }] }],
      nested: { list: ['Skolplattformen AB', 'utan token'] },
    });
  });

  it('leaves numbers, booleans, null and object keys alone', () => {
    const value = { count: 3, group: true, missing: null, '{vendor}': 'nyckel' };
    expect(withVendorName(value, 'X')).toEqual({ count: 3, group: true, missing: null, '{vendor}': 'nyckel' });
    expect(withVendorName(7, 'X')).toBe(7);
    expect(withVendorName(undefined, 'X')).toBeUndefined();
  });

  it('does not change the value it was given', () => {
    const content = { titles: ['Hej {vendor}'] };
    withVendorName(content, 'X');
    expect(content).toEqual({ titles: ['Hej {vendor}'] });
  });

  it('puts the name in exactly as written, $ signs included', () => {
    expect(withVendorName('Ring {vendor}', 'Cash $& Carry $$ AB')).toBe('Ring Cash $& Carry $$ AB');
    expect(withVendorName('{vendor}s mall', "Skol$'AB")).toBe("Skol$'ABs mall");
  });
});
