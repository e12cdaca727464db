import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, unprocessable } from '../../app/errors.ts';
import type { Db } from '../../store/connection.ts';
import { findStoredReply, storeReply } from '../../store/idempotency.ts';
import { piiCipher } from '../../app/pii-crypto.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route creates something: an `Idempotency-Key` header makes retries return the first answer. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { principal: string; key: string; requestHash: string } | null;
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;

function principalOf(request: FastifyRequest): string {
  const a = request.caller.actor;
  if (a.type === 'user') return `user:${a.userId}`;
  if (a.type === 'api_key') return `key:${a.apiKeyId}`;
  return `ip:${request.ip}`;
}

/**
 * Replays the stored answer when a create is retried with the same `Idempotency-Key` by the
 * same caller, and refuses the key when it comes back with a different request. Use cases
 * whose retries must survive a crash between their commit and this reply's storage (report
 * intake) keep their own key in their transaction instead.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, { db }: { db: Db }) => {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw badRequest('The Idempotency-Key header must be 1–255 visible ASCII characters.', [
        { field: 'header:/idempotency-key', message: 'invalid' },
      ]);
    }
    const principal = principalOf(request);
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.routeOptions.url}\n${JSON.stringify(request.params)}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const stored = await findStoredReply(db, principal, header);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw unprocessable('This Idempotency-Key was already used for a different request.');
      }
      return reply.code(stored.statusCode).header('idempotent-replayed', 'true').send(unsealed(stored.body));
    }
    request.idempotency = { principal, key: header, requestHash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    // Sealed (AES-256-GCM with the PII key): some first answers carry a secret shown once (a new
    // API key, a webhook's signing secret) that must not sit in the database in clear.
    await storeReply(db, { ...pending, statusCode: reply.statusCode, body: { sealed: piiCipher().encrypt(payload) } });
    return payload;
  });
});

/** The stored answer: sealed by this version; replies stored in clear by earlier versions are replayed as they are. */
function unsealed(body: unknown): unknown {
  const sealed = (body as { sealed?: unknown } | null)?.sealed;
  return typeof sealed === 'string' ? (JSON.parse(piiCipher().decrypt(sealed)) as unknown) : body;
}
