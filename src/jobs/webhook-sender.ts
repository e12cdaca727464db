import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, TargetRefused } from '../app/webhook-targets.ts';
import { hostOf, isForbiddenAddress } from '../domain/webhooks/target-address.ts';

export interface SendResult {
  /** Null when no answer came (refused target, network error, timeout). */
  statusCode: number | null;
  /** The first 1,000 characters of the answer. */
  responseBody: string | null;
  error: string | null;
  durationMs: number;
}

const MAX_BODY_READ = 64 * 1024;

/**
 * POSTs one signed webhook. The connection goes only to an address that passed the SSRF
 * check (literal addresses here, names in `guardedLookup`); redirects are not followed (a 3xx
 * is a failed attempt); the whole exchange is cut at `timeoutMs`. Never throws.
 */
export async function sendWebhook(options: { url: string; headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean }): Promise<SendResult> {
  const started = performance.now();
  const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return done({ statusCode: null, responseBody: null, error: 'invalid URL' });
  }
  const host = hostOf(url);
  if (!options.allowPrivate && isIP(host) && isForbiddenAddress(host)) {
    return done({ statusCode: null, responseBody: null, error: `refused: ${host} is a private, loopback, link-local or reserved address` });
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'CanhGiac-Webhooks/1', ...options.headers, 'content-length': Buffer.byteLength(options.body) },
        lookup: guardedLookup(options.allowPrivate),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY_READ) chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_BODY_READ) response.destroy();
        });
        const end = () => {
          const status = response.statusCode ?? null;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, 1000);
          const ok = status !== null && status >= 200 && status < 300;
          const redirect = status !== null && status >= 300 && status < 400;
          finish({ statusCode: status, responseBody: text, error: ok ? null : redirect ? `redirect to ${response.headers.location ?? '?'} not followed` : `HTTP ${status}` });
        };
        response.on('end', end);
        response.on('close', end);
        response.on('error', end);
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    request.on('error', (error) => {
      const refused = error instanceof TargetRefused;
      finish({ statusCode: null, responseBody: null, error: refused ? `refused: ${error.message}` : error.message });
    });
    request.end(options.body);
  });
}
