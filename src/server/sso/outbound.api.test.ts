import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ForbiddenDestinationError, guardedFetch } from './outbound.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A server on 127.0.0.1 that answers every request with `body` and counts them. */
async function site(body: string | Buffer) {
  const seen: { method?: string; body: string }[] = [];
  const server = http.createServer((request, response) => {
    let received = '';
    request.on('data', (chunk) => (received += chunk));
    request.on('end', () => {
      seen.push({ method: request.method, body: received });
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

const init = { method: 'GET', headers: {}, body: undefined, redirect: 'manual' as const };

describe('the fetch every request to a provider goes through', () => {
  it('reaches an allowed host by name, at the address it checked, with the body and headers sent', async () => {
    const { port, seen } = await site('{"issuer":"x"}');
    const fetch = guardedFetch({ allowLoopback: true });
    const answer = await fetch(`http://localhost:${port}/token`, {
      ...init,
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({ issuer: 'x' });
    expect(seen).toEqual([{ method: 'POST', body: 'grant_type=authorization_code' }]);
  });

  it('sends nothing to a host that leads to a forbidden address', async () => {
    const { port, seen } = await site('{}');
    const fetch = guardedFetch({ allowLoopback: false });
    for (const url of [
      `http://localhost:${port}/`,
      `http://127.0.0.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
    ]) {
      await expect(fetch(url, init), url).rejects.toBeInstanceOf(ForbiddenDestinationError);
    }
    await expect(fetch('file:///etc/passwd', init)).rejects.toBeInstanceOf(ForbiddenDestinationError);
    expect(seen).toEqual([]);
  });

  it('cuts off an answer larger than a provider’s documents ever are', async () => {
    const { port } = await site(Buffer.alloc(2 * 1024 * 1024, 'a'));
    await expect(guardedFetch({ allowLoopback: true })(`http://127.0.0.1:${port}/jwks`, init)).rejects.toThrow(
      /större än/,
    );
  });
});
