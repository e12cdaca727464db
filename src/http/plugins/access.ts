import fp from 'fastify-plugin';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { authenticateApiKey } from '../../app/api-keys.ts';
import { csrfMatches, sessionFromToken, type ActiveSession } from '../../app/auth.ts';
import type { Caller } from '../../app/caller.ts';
import { forbidden, tooManyRequests, unauthorized } from '../../app/errors.ts';
import type { ApiKeyUsageMeter } from '../../app/api-key-usage.ts';
import type { AccessRule } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';

export const SESSION_COOKIE = 'cg_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every API route; checked before the body is read. */
    access?: AccessRule;
  }
  interface FastifyInstance {
    /** Every route with its declared access rule, for the OpenAPI text and the access tests. */
    accessRules: { method: string; url: string; access: AccessRule }[];
    /** Per-key daily quotas and usage counts, when the server counts them. */
    apiKeyUsage: ApiKeyUsageMeter | null;
  }
  interface FastifyRequest {
    caller: Caller;
    session: ActiveSession | null;
  }
}

/** Routes outside these prefixes (the web app's files, the API reference) are public by nature. */
const GUARDED_PREFIXES = ['/api/', '/taxii2', '/metrics', '/healthz', '/readyz'];
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function presentedApiKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  // TAXII clients (OpenCTI, MISP) send API keys as HTTP Basic passwords; the user name is free.
  if (header?.startsWith('Basic ') && request.url.startsWith('/taxii2')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1).trim() : decoded.trim();
  }
  const x = request.headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : null;
}

export function describeAccess(rule: AccessRule): string {
  if ('public' in rule) return 'Access: public.';
  const parts = [];
  if (rule.roles?.length) parts.push(`users with role ${rule.roles.join(', ')}`);
  if (rule.scopes?.length) parts.push(`API keys with scope ${rule.scopes.join(', ')}`);
  return `Access: ${parts.join('; or ') || 'nobody'}.`;
}

/**
 * Identifies the caller (API key, else session cookie, else the public), then enforces the
 * route's declared access rule and, for cookie-authenticated writes, the CSRF token.
 * Registration fails for an API route that declares no rule, so none can be forgotten.
 */
export const accessPlugin = fp(async (app: FastifyInstance, options: { db: Db; usage?: ApiKeyUsageMeter }) => {
  const { db } = options;
  const rules: FastifyInstance['accessRules'] = [];
  app.decorate('accessRules', rules);
  app.decorate('apiKeyUsage', options.usage ?? null);
  app.decorateRequest('caller', null as unknown as Caller);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const guarded = GUARDED_PREFIXES.some((p) => route.url.startsWith(p));
    const access = route.config?.access;
    if (guarded && !access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    if (!access) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') rules.push({ method, url: route.url, access });
    // The OpenAPI document says who may call each operation.
    route.schema ??= {};
    const schema = route.schema as Record<string, unknown>;
    schema.description = [schema.description, describeAccess(access)].filter(Boolean).join('\n\n');
    if ('public' in access) schema.security = [];
    else {
      const security = [];
      if (access.roles?.length) security.push({ session: [] });
      if (access.scopes?.length) security.push({ apiKey: [] });
      schema.security = security;
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.session = null;
    request.caller = { actor: { type: 'public' }, requestId: request.id };
    const key = presentedApiKey(request);
    if (key) {
      const actor = await authenticateApiKey(db, key);
      // A wrong key is an error, never a silent downgrade to the public tier.
      if (!actor) throw unauthorized('The API key is not valid, expired or revoked.');
      request.caller = { actor, requestId: request.id };
      // The key's daily quota: counted in memory, shown in headers, 429 once used up.
      if (options.usage && actor.type === 'api_key') {
        const quota = await options.usage.consume(actor.apiKeyId);
        reply.headers({ 'x-quota-limit': quota.limit, 'x-quota-remaining': quota.remaining, 'x-quota-reset': quota.resetSeconds });
        if (quota.exceeded) throw tooManyRequests(`This API key has used its daily quota of ${quota.limit} requests; it resets at midnight UTC.`, quota.resetSeconds);
      }
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const session = await sessionFromToken(db, token);
        if (session) {
          request.session = session;
          request.caller = { actor: session.actor, requestId: request.id };
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }

    const rule = request.routeOptions.config?.access;
    if (!rule || 'public' in rule) return;
    const actor = request.caller.actor;
    if (actor.type === 'public') throw unauthorized();
    if (actor.type === 'user') {
      if (!rule.roles?.includes(actor.role)) throw forbidden();
      if (UNSAFE_METHODS.has(request.method) && !csrfMatches(request.session!.csrfToken, request.headers['x-csrf-token'] as string | undefined)) {
        throw forbidden('The CSRF token is missing or wrong: send the X-CSRF-Token header given at sign-in.');
      }
    } else if (actor.type === 'api_key') {
      if (!rule.scopes?.some((s) => actor.scopes.includes(s))) throw forbidden('This API key does not have the scope for this call.');
    } else {
      throw forbidden();
    }
  });
});
