import type { LookupAddress } from 'node:dns';
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { CustomFetch } from 'openid-client';
import { addressesAllowed } from './addresses.js';

/**
 * Every request Stegvis makes to a single sign-on provider (discovery, keys, token, userinfo).
 * The host is resolved and each of its addresses checked before anything is sent, and the
 * connection is then made to those checked addresses and no others: a name that resolves to a
 * public address for the check and to 169.254.169.254 a moment later (DNS rebinding) gets no
 * second lookup. Redirects are not followed, and an answer larger than a provider's documents
 * ever are is cut off.
 */

/** A provider's host that resolves to an address Stegvis may not fetch from; told to nobody but the log. */
export class ForbiddenDestinationError extends Error {
  readonly code = 'SSO_FORBIDDEN_DESTINATION';
}

const MAX_ANSWER_BYTES = 1024 * 1024;

/** The addresses of a URL's host, each allowed, or ForbiddenDestinationError. Throws the lookup's error for a name that does not resolve. */
export async function allowedAddressesOf(url: URL, options: { allowLoopback: boolean }): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await dns.lookup(host, { all: true, verbatim: true });
  if (
    !addressesAllowed(
      addresses.map((entry) => entry.address),
      options,
    )
  ) {
    throw new ForbiddenDestinationError(`${host} leder till en adress som inte får hämtas från`);
  }
  return addresses;
}

/** Hands the connection the addresses already checked instead of asking DNS again. */
const pinnedLookup =
  (addresses: LookupAddress[]): LookupFunction =>
  (_hostname, options, callback) => {
    if (options.all) {
      callback(null, addresses);
    } else {
      const [first] = addresses;
      callback(null, first.address, first.family);
    }
  };

async function bodyBytes(body: Parameters<CustomFetch>[1]['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof URLSearchParams) return Buffer.from(body.toString(), 'utf8');
  if (body instanceof ArrayBuffer || body instanceof Uint8Array) return Buffer.from(body as ArrayBuffer);
  return Buffer.from(await new Response(body).arrayBuffer());
}

/** A fetch for openid-client that reaches only allowed addresses (see above). */
export function guardedFetch(options: { allowLoopback: boolean }): CustomFetch {
  return async (resource, init) => {
    const url = new URL(resource);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ForbiddenDestinationError(`${url.protocol} hämtas inte`);
    }
    const addresses = await allowedAddressesOf(url, options);
    const body = await bodyBytes(init.body);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: init.method,
          headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
          signal: init.signal,
          lookup: pinnedLookup(addresses),
          // No pooled connection: each request goes to the addresses checked for it.
          agent: false,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          let size = 0;
          answer.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) {
              answer.destroy(new Error(`svaret från ${url.host} är större än ${MAX_ANSWER_BYTES} byte`));
              return;
            }
            chunks.push(chunk);
          });
          answer.on('error', reject);
          answer.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(answer.headers)) {
              for (const item of [value ?? []].flat()) headers.append(name, item);
            }
            const status = answer.statusCode ?? 502;
            const withoutBody = status === 204 || status === 205 || status === 304;
            resolve(
              new Response(withoutBody ? null : Buffer.concat(chunks), {
                status,
                statusText: answer.statusMessage,
                headers,
              }),
            );
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}
