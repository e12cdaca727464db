import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3.1 generated from the routes' own schemas; the reference UI at /docs. */
export const openapiPlugin = fp(async (app: FastifyInstance, { publicUrl }: { publicUrl: string }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Canh Giác API',
        version: '1.0.0',
        description:
          'The national online anti-fraud exchange. Errors are RFC 9457 problem details (application/problem+json). ' +
          'Users authenticate with the session cookie from /api/v1/auth/sign-in and send X-CSRF-Token on writes; ' +
          'partner systems send an API key as `Authorization: Bearer cg_…`. Creates accept an Idempotency-Key header.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cg_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organization API key: cg_<prefix>_<secret>' },
        },
      },
      tags: [
        { name: 'auth', description: 'Sign-in and sessions' },
        { name: 'accounts', description: 'Organizations, users and API keys' },
        { name: 'indicators', description: 'The national database: indicators, verdicts with statements of reasons, the verified-legitimate registry, sightings, reviews' },
        { name: 'cases', description: 'The analysts’ cases: queue, detail, triage, assignment, verification and rejection with statements of reasons, merge, close' },
        { name: 'disputes', description: 'Disputes of listed identifiers by their owners, and the supervisors’ decisions' },
        { name: 'audit', description: 'The hash-chained audit trail' },
        { name: 'operations', description: 'Health and metrics' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true,
    // Swagger UI sets a few inline styles (e.g. on its syntax highlighter).
    transformStaticCSP: (header: string) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"), uiConfig: { docExpansion: 'list', deepLinking: true } });

  app.get(
    '/api/v1/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );
});
