import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { settle } from '../../src/app/feeds-sharing.ts';
import { putIndicator } from '../helpers/indicators.ts';
import { seedUsers, startTestServer, type TestServer } from '../helpers/server.ts';

// A built web app as `npm run build:web` leaves it: hashed assets with their Brotli and gzip
// copies next to them (vite-plugin-compression2), an index.html with its copies too.
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-web-compressed-'));
const ASSET = `${'export const greeting = "Xin chào, đây là Cảnh Giác";\n'.repeat(200)}`;
const INDEX = `<!doctype html><html lang="vi"><title>Cảnh Giác</title><div id="root"></div>${'<!-- padding -->'.repeat(100)}</html>`;

function writeWithCopies(relative: string, text: string): void {
  const file = path.join(webDist, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
}

let server: TestServer;
let origin: string;
let feedKey: string;

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, not decoded. */
  body: Buffer;
}

/** A real HTTP request on the socket, without the automatic decoding `fetch` would do. */
function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function decode(answer: RawAnswer): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(answer.body).toString('utf8');
  expect(encoding).toBeUndefined();
  return answer.body.toString('utf8');
}

beforeAll(async () => {
  writeWithCopies('index.html', INDEX);
  writeWithCopies('assets/index-Ab12Cd34.js', ASSET);
  // Below the build's 1 KB threshold: no copies, so the server compresses it or not by itself.
  fs.writeFileSync(path.join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  settle.ms = 0;
  server = await startTestServer({ WEB_DIST: webDist });
  const users = await seedUsers(server.database);
  feedKey = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'feeds', scopes: ['feeds:read'] })).key;
  for (let i = 0; i < 40; i++) {
    await putIndicator(server.database.db, { indicator: `domain:lua-dao-${i}.example`, verdict: 'confirmed', tlp: 'green', fraudTypes: ['phishing_link'] });
  }
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('the built web app is sent pre-compressed', () => {
  it('sends a hashed asset as Brotli to a browser that accepts it, cached for a year', async () => {
    const res = await getRaw('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    // The file written at build time, byte for byte: nothing is compressed per request.
    expect(res.body.equals(fs.readFileSync(path.join(webDist, 'assets/index-Ab12Cd34.js.br')))).toBe(true);
    expect(decode(res)).toBe(ASSET);
  });

  it('sends gzip to a client without Brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await getRaw('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toContain('immutable');
    expect(gzip.headers['vary']).toMatch(/accept-encoding/i);
    expect(decode(gzip)).toBe(ASSET);

    const plain = await getRaw('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toContain('immutable');
    expect(plain.body.toString('utf8')).toBe(ASSET);
  });

  it('sends the page itself compressed but never cached without revalidation, at / and at app paths', async () => {
    for (const url of ['/', '/index.html', '/check?q=0900000202', '/library/dau-tu-tien-ao']) {
      const res = await getRaw(url, { 'accept-encoding': 'br, gzip' });
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['vary'], url).toMatch(/accept-encoding/i);
      expect(decode(res), url).toBe(INDEX);
    }
  });

  it('still answers an unknown API path with a problem, not the page', async () => {
    const res = await getRaw('/api/v1/nothing-here', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(decode(res)).status).toBe(404);
  });
});

describe('API answers are compressed above 1 KB', () => {
  it('compresses a large JSON answer for a client that asks, and not for one that does not', async () => {
    const br = await getRaw('/api/v1/openapi.json', { 'accept-encoding': 'br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    const plain = await getRaw('/api/v1/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(decode(br))).toEqual(JSON.parse(plain.body.toString('utf8')));
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
  });

  it('leaves a small answer as it is', async () => {
    const res = await getRaw('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a streamed feed as it streams, with the same content as uncompressed', async () => {
    const auth = { authorization: `Bearer ${feedKey}` };
    for (const format of ['jsonl', 'csv', 'stix', 'hosts']) {
      const url = `/api/v1/feeds/indicators.${format}`;
      const plain = await getRaw(url, auth);
      expect(plain.status, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.body.toString('utf8'), url).toContain('lua-dao-39.example');
      const gzip = await getRaw(url, { ...auth, 'accept-encoding': 'gzip' });
      expect(gzip.status, url).toBe(200);
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(gzip.headers['x-next-cursor'], url).toBeTruthy();
      // The body differs only by what changes between two exports (STIX ids and timestamps).
      const text = decode(gzip);
      expect(text, url).toContain('lua-dao-39.example');
      expect(text.split('\n').length, url).toBe(plain.body.toString('utf8').split('\n').length);
    }
  });

  it('compresses the streamed MISP hash list without changing it', async () => {
    const auth = { authorization: `Bearer ${feedKey}` };
    const hashes = await getRaw('/api/v1/feeds/misp/hashes.csv', { ...auth, 'accept-encoding': 'br' });
    expect(hashes.status).toBe(200);
    expect(hashes.headers['content-encoding']).toBe('br');
    const plainHashes = await getRaw('/api/v1/feeds/misp/hashes.csv', auth);
    expect(decode(hashes)).toBe(plainHashes.body.toString('utf8'));
  });
});
