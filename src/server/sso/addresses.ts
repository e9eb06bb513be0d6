import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Which addresses Stegvis may fetch a single sign-on provider's documents from: public unicast
 * addresses only. A provider's address is typed by an administrator and fetched by the server, so
 * without this rule it reaches what only the server can (cloud metadata at 169.254.169.254, the
 * database, the office network). Loopback is allowed only with SSO_ALLOW_LOOPBACK, for a provider
 * run on the developer's machine or in the tests.
 */

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Special-purpose ranges (IANA registries) that are no public destination. */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified and IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4, which embeds any IPv4 address
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** The 16 bytes of an IPv6 address, `::` and a dotted IPv4 tail included. */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase().split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return groups.flatMap((group) => {
    const value = Number.parseInt(group || '0', 16);
    return [value >> 8, value & 0xff];
  });
}

/**
 * The IPv4 address an IPv6 address stands for: IPv4-mapped (`::ffff:a.b.c.d`) and the well-known
 * NAT64 prefix (`64:ff9b::/96`), which reach that IPv4 address and are judged as it is.
 */
function embeddedIPv4(address: string): string | undefined {
  const bytes = ipv6Bytes(address);
  const prefix = bytes.slice(0, 12).join(',');
  const mapped = '0,0,0,0,0,0,0,0,0,0,255,255';
  const nat64 = '0,100,255,155,0,0,0,0,0,0,0,0';
  return prefix === mapped || prefix === nat64 ? bytes.slice(12).join('.') : undefined;
}

export type AddressVerdict = 'public' | 'loopback' | 'not_public';

/** What kind of destination an IP address is; anything that is no IP address is not public. */
export function classifyAddress(address: string): AddressVerdict {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) {
    if (loopback.check(bare, 'ipv4')) return 'loopback';
    return notPublic.check(bare, 'ipv4') ? 'not_public' : 'public';
  }
  if (!isIPv6(bare)) return 'not_public';
  const ipv4 = embeddedIPv4(bare);
  if (ipv4) return classifyAddress(ipv4);
  if (loopback.check(bare, 'ipv6')) return 'loopback';
  return notPublic.check(bare, 'ipv6') ? 'not_public' : 'public';
}

/** Whether every one of a host's addresses may be fetched: one forbidden address forbids the host. */
export function addressesAllowed(addresses: readonly string[], options: { allowLoopback: boolean }): boolean {
  return (
    addresses.length > 0 &&
    addresses.every((address) => {
      const verdict = classifyAddress(address);
      return verdict === 'public' || (verdict === 'loopback' && options.allowLoopback);
    })
  );
}
