import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, request } from '../../web/src/api/client.ts';

// A real HTTP server: one route answers in full, one sends its headers and half a body and then
// waits (until the test lets it go), so a request can be cancelled while its body is arriving.
let server: Server;
let base: string;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/full') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[1,2]}');
    if (req.url === '/missing') return res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"Not Found","status":404,"detail":"No such case."}');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":[');
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.end(']}');
  await new Promise((resolve) => server.close(resolve));
});

describe('the web app\'s API client', () => {
  it('returns the parsed body of a full answer, and an ApiError for a problem', async () => {
    expect(await request('GET', `${base}/full`)).toEqual({ items: [1, 2] });
    const error = await request('GET', `${base}/missing`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });

  it('rejects with the abort when cancelled while the body arrives, never resolving to nothing', async () => {
    const controller = new AbortController();
    const pending = request('GET', `${base}/slow`, { signal: controller.signal });
    // The headers are in once the server holds the response.
    await expect.poll(() => held.length).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const outcome = await pending.then((value) => ({ resolved: value }), (error: unknown) => ({ rejected: error }));
    expect(outcome).toEqual({ rejected: expect.objectContaining({ name: 'AbortError' }) });
  });
});
