import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/service.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';

/** A build's web files as `npm run build` lays them out: the page, and fingerprinted assets with compressed copies. */
function builtWebFiles() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-web-'));
  const root = path.join(folder, 'build-test', 'web');
  const assets = path.join(folder, 'assets');
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(assets, { recursive: true });
  const page =
    '<!doctype html><html lang="sv"><title>Stegvis</title><script src="/assets/index-abc123.js"></script></html>';
  fs.writeFileSync(path.join(root, 'index.html'), page);
  const script = `console.log(${JSON.stringify('Stegvis '.repeat(2000))});`;
  fs.writeFileSync(path.join(assets, 'index-abc123.js'), script);
  fs.writeFileSync(path.join(assets, 'index-abc123.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(assets, 'index-abc123.js.gz'), zlib.gzipSync(script));
  return { folder, web: { root, assets }, page, script };
}

describe('the built web app and the API answers as sent', () => {
  const files = builtWebFiles();
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ web: files.web });
  });
  afterAll(async () => {
    await test.close();
    fs.rmSync(files.folder, { recursive: true, force: true });
  });

  it('sends a fingerprinted file as its brotli copy, cached for a year', async () => {
    const response = await test.app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(files.script);
  });

  it('sends the gzip copy to a browser without brotli, and the file itself to one that takes neither', async () => {
    const gzip = await test.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(files.script);
    const plain = await test.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(files.script);
  });

  it('has the browser ask again for the page itself, at its own address and at any page of the app', async () => {
    for (const url of ['/', '/projekt/123/checklista']) {
      const response = await test.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body).toBe(files.page);
    }
  });

  it('answers 404 for an asset that is not there, and for metrics without a token, not the page in their place', async () => {
    for (const url of ['/assets/index-gone.js', '/metrics', '/api/nothing-here']) {
      const response = await test.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('NOT_FOUND');
    }
  });

  it('lets no cache keep an API answer, and compresses it when it is large enough to gain', async () => {
    const agent = await loginAs(test.app);
    const response = await agent.request({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    // gzip, not brotli: as small for JSON at half the CPU (bench/compression.bench.ts).
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(response.rawPayload).toString()).openapi).toMatch(/^3\./);

    const small = await agent.request({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(small.headers['cache-control']).toBe('no-store');
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('takes no compressed request body, which could unpack past the size limits', async () => {
    const credentials = { email: 'komprimerad@exempel.se', password: 'ett-langt-losenord' };
    await createUser(test.app.stegvis, { ...credentials, name: 'Komprimerad', role: 'vendor_admin' });
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: zlib.gzipSync(JSON.stringify(credentials)),
    });
    expect(response.statusCode).toBe(400);
  });
});
