import { describe, expect, it } from 'vitest';
import { separateDomains } from './domains.js';

describe('separateDomains', () => {
  it('splits a tag holding several domains at commas, semicolons and spaces', () => {
    expect(separateDomains(['exempelby.se', 'skola.exempelby.se, @förskola.exempelby.se;ekby.se  '])).toEqual([
      'exempelby.se',
      'skola.exempelby.se',
      '@förskola.exempelby.se',
      'ekby.se',
    ]);
  });

  it('keeps each domain once', () => {
    expect(separateDomains(['exempelby.se', 'exempelby.se,'])).toEqual(['exempelby.se']);
  });
});
