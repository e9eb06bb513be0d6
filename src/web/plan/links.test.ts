import { describe, expect, it } from 'vitest';
import { completeAddress, SAFE_LINK } from './links.js';

describe('completeAddress', () => {
  it('adds https:// to a web address and mailto: to an e-mail address', () => {
    expect(completeAddress(' www.exempelby.se/skola ')).toBe('https://www.exempelby.se/skola');
    expect(completeAddress('åsa.öberg@exempelby.se')).toBe('mailto:åsa.öberg@exempelby.se');
  });

  it('leaves an address with a scheme as it is, so that an unsafe one is still refused', () => {
    expect(completeAddress('http://intra.exempelby.se')).toBe('http://intra.exempelby.se');
    expect(SAFE_LINK.test(completeAddress('javascript:alert(1)'))).toBe(false);
    expect(SAFE_LINK.test(completeAddress('data:text/html,x'))).toBe(false);
  });
});
