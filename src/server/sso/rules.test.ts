import { describe, expect, it } from 'vitest';
import {
  clientAuthenticationMethod,
  domainOfAddress,
  domainTakenByAnother,
  failurePath,
  providerForAddress,
  safeReturnTo,
  vouchedAddress,
} from './rules.js';

describe('the page to land on after signing in', () => {
  it('keeps a path inside the app with its query and fragment', () => {
    expect(safeReturnTo('/projekt/123?flik=plan#mal')).toBe('/projekt/123?flik=plan#mal');
    expect(safeReturnTo('/')).toBe('/');
  });

  it('sends anything that could lead to another site to the start page', () => {
    for (const outside of [
      '//evil.example',
      '//evil.example/projekt',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'projekt/123',
      ' /projekt',
      '',
      undefined,
    ]) {
      expect(safeReturnTo(outside), String(outside)).toBe('/');
    }
  });

  it('refuses what a Location header cannot carry, and very long addresses', () => {
    expect(safeReturnTo('/projekt/åäö')).toBe('/');
    expect(safeReturnTo(`/${'a'.repeat(2000)}`)).toBe('/');
  });
});

describe('the domain of an address', () => {
  it('is the part after the last @, in lower case', () => {
    expect(domainOfAddress('Anna.Andersson@Exempelby.SE')).toBe('exempelby.se');
    expect(domainOfAddress('"a@b"@skola.exempelby.se')).toBe('skola.exempelby.se');
  });

  it('does not exist for something that is no address', () => {
    expect(domainOfAddress('exempelby.se')).toBeUndefined();
    expect(domainOfAddress('@exempelby.se')).toBeUndefined();
    expect(domainOfAddress('anna@')).toBeUndefined();
  });
});

describe('the provider of an address', () => {
  const providers = [
    { id: 'a', name: 'Gamla Exempelby', enabled: false, emailDomains: ['exempelby.se'] },
    { id: 'b', name: 'Exempelby Entra ID', enabled: true, emailDomains: ['exempelby.se', 'skola.exempelby.se'] },
    { id: 'c', name: 'Åkerby ADFS', enabled: true, emailDomains: ['akerby.se'] },
  ];

  it('is the enabled provider that lists its domain exactly', () => {
    expect(providerForAddress(providers, 'anna@Exempelby.se')?.id).toBe('b');
    expect(providerForAddress(providers, 'bo@skola.exempelby.se')?.id).toBe('b');
    expect(providerForAddress(providers, 'cilla@akerby.se')?.id).toBe('c');
  });

  it('is nobody for another domain, a subdomain not listed, or no address', () => {
    expect(providerForAddress(providers, 'dan@annanstad.se')).toBeUndefined();
    expect(providerForAddress(providers, 'dan@elev.akerby.se')).toBeUndefined();
    expect(providerForAddress(providers, 'akerby.se')).toBeUndefined();
  });
});

describe('a domain taken by another provider', () => {
  const providers = [
    { id: 'a', name: 'Exempelby Entra ID', enabled: true, emailDomains: ['exempelby.se'] },
    { id: 'b', name: 'Åkerby ADFS', enabled: false, emailDomains: ['akerby.se'] },
  ];

  it('names the other enabled provider', () => {
    expect(domainTakenByAnother(['skola.se', 'exempelby.se'], undefined, providers)).toEqual({
      domain: 'exempelby.se',
      providerName: 'Exempelby Entra ID',
    });
  });

  it('ignores the provider itself and providers that are turned off', () => {
    expect(domainTakenByAnother(['exempelby.se'], 'a', providers)).toBeUndefined();
    expect(domainTakenByAnother(['akerby.se'], undefined, providers)).toBeUndefined();
  });
});

describe('the address a provider vouches for', () => {
  const domains = ['exempelby.se'];

  it('is its e-mail claim in lower case when it lies in the provider’s domains', () => {
    expect(vouchedAddress({ sub: '1', email: 'Anna@Exempelby.se', email_verified: true }, domains)).toEqual({
      email: 'anna@exempelby.se',
    });
    // Many providers (Entra ID among them) send no email_verified at all.
    expect(vouchedAddress({ sub: '1', email: 'anna@exempelby.se' }, domains)).toEqual({ email: 'anna@exempelby.se' });
  });

  it('is missing without an address, or with one the provider has not verified', () => {
    expect(vouchedAddress({ sub: '1' }, domains)).toEqual({ failure: 'no_email' });
    expect(vouchedAddress({ sub: '1', email: 42 }, domains)).toEqual({ failure: 'no_email' });
    expect(vouchedAddress({ sub: '1', email: 'anna@exempelby.se', email_verified: false }, domains)).toEqual({
      failure: 'no_email',
    });
    expect(vouchedAddress({ sub: '1', email: 'anna@exempelby.se', email_verified: 'false' }, domains)).toEqual({
      failure: 'no_email',
    });
  });

  it('is refused outside the provider’s domains', () => {
    expect(vouchedAddress({ sub: '1', email: 'anna@akerby.se' }, domains)).toEqual({ failure: 'wrong_domain' });
    expect(vouchedAddress({ sub: '1', email: 'anna@elev.exempelby.se' }, domains)).toEqual({
      failure: 'wrong_domain',
    });
  });
});

describe('how Stegvis authenticates at the token endpoint', () => {
  it('uses HTTP Basic unless the provider offers only the form post', () => {
    expect(clientAuthenticationMethod(undefined)).toBe('client_secret_basic');
    expect(clientAuthenticationMethod(['client_secret_post', 'client_secret_basic'])).toBe('client_secret_basic');
    expect(clientAuthenticationMethod(['private_key_jwt', 'client_secret_post'])).toBe('client_secret_post');
  });
});

describe('the login page after a failed sign-in', () => {
  it('carries the reason', () => {
    expect(failurePath('wrong_domain')).toBe('/logga-in?sso=wrong_domain');
  });
});
