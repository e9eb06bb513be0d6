import { describe, expect, it } from 'vitest';
import { addressesAllowed, classifyAddress } from './addresses.js';

describe('the addresses a provider may be fetched from', () => {
  it('are public unicast addresses', () => {
    for (const address of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2a00:1450:4010:c05::64']) {
      expect(classifyAddress(address), address).toBe('public');
    }
  });

  it('never private, link-local, shared, reserved, multicast or unspecified ones', () => {
    for (const address of [
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.255',
      '0.0.0.0',
      '0.1.2.3',
      '192.0.0.8',
      '192.0.2.1',
      '198.18.0.1',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.1',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fe80::1%eth0',
      'fec0::1',
      'ff02::1',
      '2001:db8::1',
      '2001::1',
      '2002:a9fe:a9fe::1',
      '64:ff9b:1::1',
      '100::1',
      '::a9fe:a9fe',
      'no address',
      '',
    ]) {
      expect(classifyAddress(address), address).toBe('not_public');
    }
  });

  it('judge an IPv6 address that stands for an IPv4 one as that IPv4 address', () => {
    expect(classifyAddress('::ffff:169.254.169.254')).toBe('not_public');
    expect(classifyAddress('::ffff:a9fe:a9fe')).toBe('not_public');
    expect(classifyAddress('0:0:0:0:0:ffff:0a00:0001')).toBe('not_public');
    expect(classifyAddress('[::ffff:10.0.0.1]')).toBe('not_public');
    expect(classifyAddress('64:ff9b::192.168.0.1')).toBe('not_public');
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::ffff:8.8.8.8')).toBe('public');
    expect(classifyAddress('64:ff9b::808:808')).toBe('public');
  });

  it('allow loopback only when told to', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '[::1]']) {
      expect(classifyAddress(address), address).toBe('loopback');
    }
    expect(addressesAllowed(['127.0.0.1'], { allowLoopback: false })).toBe(false);
    expect(addressesAllowed(['127.0.0.1', '::1'], { allowLoopback: true })).toBe(true);
    expect(addressesAllowed(['10.0.0.1'], { allowLoopback: true })).toBe(false);
  });

  it('refuse a host when any one of its addresses is forbidden, or when it has none', () => {
    expect(addressesAllowed(['8.8.8.8', '2a00:1450:4010:c05::64'], { allowLoopback: false })).toBe(true);
    expect(addressesAllowed(['8.8.8.8', '10.0.0.1'], { allowLoopback: false })).toBe(false);
    expect(addressesAllowed(['8.8.8.8', '127.0.0.1'], { allowLoopback: false })).toBe(false);
    expect(addressesAllowed([], { allowLoopback: true })).toBe(false);
  });
});
