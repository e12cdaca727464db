import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { signIn, signOut, signOutEverywhere, type SignInPolicy } from '../../app/auth.ts';
import { ROLES, ORGANIZATION_KINDS } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/connection.ts';
import { SESSION_COOKIE } from '../plugins/access.ts';
import { problemResponses } from '../schemas/common.ts';

const SessionBody = Type.Object({
  user: Type.Object({
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Type.Enum(ROLES),
    organization: Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.Enum(ORGANIZATION_KINDS),
      platform: Type.Union([Type.String(), Type.Null()]),
    }),
  }),
  csrfToken: Type.String({ description: 'Send it as X-CSRF-Token on every cookie-authenticated write.' }),
});

const EVERY_SIGNED_IN_ROLE = ROLES;

export const authRoutes: FastifyPluginAsyncTypebox<{ db: Db; policy: SignInPolicy; cookieSecure: boolean }> = async (
  app,
  { db, policy, cookieSecure },
) => {
  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: Type.Object(
          { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 200: SessionBody, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await signIn(
        db,
        {
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        },
        policy,
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieSecure,
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: { roles: EVERY_SIGNED_IN_ROLE } },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: SessionBody, ...problemResponses } },
    },
    async (request) => ({ user: request.session!.user, csrfToken: request.session!.csrfToken }),
  );

  // The web app asks this on start: "nobody" is an answer here, not an error, so an anonymous
  // visit logs no failed request. API clients keep /auth/me, which answers 401 without a session.
  app.get(
    '/api/v1/auth/session',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'The session of this browser, if any',
        description: 'Answers `{ "user": null }` when no valid session cookie is sent (never 401), else the same body as /api/v1/auth/me.',
        response: {
          200: Type.Union([SessionBody, Type.Object({ user: Type.Null() })]),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = request.session;
      return session ? { user: session.user, csrfToken: session.csrfToken } : { user: null };
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { access: { roles: EVERY_SIGNED_IN_ROLE } },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: Type.Null(), ...problemResponses } },
    },
    async (request, reply) => {
      await signOut(db, request.caller, request.session!.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      config: { access: { roles: EVERY_SIGNED_IN_ROLE } },
      schema: { tags: ['auth'], summary: 'End every session of this user', response: { 204: Type.Null(), ...problemResponses } },
    },
    async (request, reply) => {
      await signOutEverywhere(db, request.caller, request.session!.user.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};
