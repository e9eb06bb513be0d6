import { describe, expect, it } from 'vitest';
import { emailDomain, providerSignInUrl, ssoFailureOf } from './signIn.js';

describe('providerSignInUrl', () => {
  it('adds the page to come back to after the start address’s own query', () => {
    expect(providerSignInUrl('/api/auth/sso/start?provider=abc', '/projekt/1?vy=mina&x=1')).toBe(
      '/api/auth/sso/start?provider=abc&returnTo=%2Fprojekt%2F1%3Fvy%3Dmina%26x%3D1',
    );
  });

  it('starts the query when the start address has none', () => {
    expect(providerSignInUrl('https://stegvis.exempel.se/sso/abc', '/projekt')).toBe(
      'https://stegvis.exempel.se/sso/abc?returnTo=%2Fprojekt',
    );
  });
});

describe('emailDomain', () => {
  it('is the part after the last @, in lower case', () => {
    expect(emailDomain('Anna.Andersson@Skola.Exempelby.SE ')).toBe('skola.exempelby.se');
  });
});

describe('ssoFailureOf', () => {
  it('is null on an ordinary visit to the login page', () => {
    expect(ssoFailureOf(new URLSearchParams(''))).toBeNull();
  });

  it('names a known reason', () => {
    expect(ssoFailureOf(new URLSearchParams('sso=no_account'))).toBe('no_account');
  });

  it('is unknown for a reason the page does not know', () => {
    expect(ssoFailureOf(new URLSearchParams('sso=something_new'))).toBe('unknown');
  });
});
