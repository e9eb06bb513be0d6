import { describe, expect, it } from 'vitest';
import {
  acceptedStep,
  formatRecoveryCode,
  mayRemoveFactor,
  normaliseRecoveryCode,
  relyingParty,
  secondFactorRequired,
} from './rules.js';

describe('secondFactorRequired', () => {
  const none = { vendorStaffRequired: false, customerRequired: false };
  it('holds the vendor admin and staff to the vendor setting, not a customer’s', () => {
    for (const role of ['vendor_admin', 'vendor_staff'] as const) {
      expect(secondFactorRequired({ role, customerId: null }, none)).toBe(false);
      expect(secondFactorRequired({ role, customerId: null }, { ...none, vendorStaffRequired: true })).toBe(true);
      expect(secondFactorRequired({ role, customerId: null }, { ...none, customerRequired: true })).toBe(false);
    }
  });
  it('holds a customer’s people to their customer’s setting, not the vendor’s', () => {
    const user = { role: 'customer' as const, customerId: 'k1' };
    expect(secondFactorRequired(user, { ...none, customerRequired: true })).toBe(true);
    expect(secondFactorRequired(user, { ...none, vendorStaffRequired: true })).toBe(false);
    expect(secondFactorRequired({ role: 'customer', customerId: null }, { ...none, customerRequired: true })).toBe(
      false,
    );
  });
});

describe('acceptedStep', () => {
  it('accepts the step the code matched, within the window the check allowed', () => {
    expect(acceptedStep(0, 1000, null)).toBe(1000);
    expect(acceptedStep(-1, 1000, null)).toBe(999);
    expect(acceptedStep(1, 1000, 998)).toBe(1001);
  });
  it('refuses a wrong code, the same code again, and an older code after a newer one', () => {
    expect(acceptedStep(null, 1000, null)).toBeNull();
    expect(acceptedStep(0, 1000, 1000)).toBeNull();
    expect(acceptedStep(-1, 1000, 1000)).toBeNull();
  });
});

describe('mayRemoveFactor', () => {
  it('keeps the last factor of someone who must have one', () => {
    expect(mayRemoveFactor(0, true)).toBe(false);
    expect(mayRemoveFactor(1, true)).toBe(true);
    expect(mayRemoveFactor(0, false)).toBe(true);
  });
});

describe('recovery codes', () => {
  it('are 16 base32 characters in groups of four, read back whatever the case or dashes', () => {
    const code = formatRecoveryCode(Uint8Array.from({ length: 16 }, (_, i) => i * 7));
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(normaliseRecoveryCode(` ${code.toLowerCase()} `)).toBe(code.replaceAll('-', ''));
  });
  it('need 16 random bytes', () => {
    expect(() => formatRecoveryCode(new Uint8Array(8))).toThrow();
  });
});

describe('relyingParty', () => {
  it('is the public address’s host and origin', () => {
    expect(relyingParty('https://stegvis.exempel.se/')).toEqual({
      rpID: 'stegvis.exempel.se',
      origin: 'https://stegvis.exempel.se',
    });
    expect(relyingParty('http://localhost:3000')).toEqual({ rpID: 'localhost', origin: 'http://localhost:3000' });
  });
  it('serves a loopback IP address as localhost, since browsers refuse IP addresses', () => {
    expect(relyingParty('http://127.0.0.1:3101')).toEqual({ rpID: 'localhost', origin: 'http://localhost:3101' });
  });
});
