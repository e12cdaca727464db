import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { LocalEvidenceStore } from '../app/evidence-store.ts';
import { usePiiKey } from '../app/pii-crypto.ts';
import { resolvePiiKey } from '../app/pii-key.ts';
import { ApiKeyUsageMeter } from '../app/api-key-usage.ts';
import { accessPlugin } from './plugins/access.ts';
import { idempotencyPlugin } from './plugins/idempotency.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { problemsPlugin } from './plugins/problems.ts';
import { responseCompressionPlugin } from './plugins/response-compression.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { caseRoutes } from './routes/cases.ts';
import { disputeRoutes } from './routes/disputes.ts';
import { escalationRoutes } from './routes/escalations.ts';
import { healthRoutes } from './routes/health.ts';
import { lookupRoutes } from './routes/lookup.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { legitimateRoutes } from './routes/legitimate.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { reportRoutes } from './routes/reports.ts';
import { networkRoutes } from './routes/networks.ts';
import { caseMergeCandidateRoutes } from './routes/case-merge-candidates.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { sightingRoutes } from './routes/sightings.ts';
import { userRoutes } from './routes/users.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { publicContentRoutes } from './routes/public-content.ts';
import { alertFeedRoutes } from './routes/feeds-alerts.ts';
import { feedRoutes } from './routes/feeds.ts';
import { taxiiRoutes } from './routes/taxii.ts';
import { partnerPushRoutes } from './routes/partner-pushes.ts';
import { mispRoutes } from './routes/misp.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { contentAdminRoutes } from './routes/content-admin.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { messageTemplateRoutes } from './routes/message-templates.ts';
import { taxonomyRoutes } from './routes/taxonomy.ts';
import { assigneeRoutes } from './routes/assignees.ts';
import { savedViewRoutes } from './routes/saved-views.ts';
import { Problem } from './schemas/common.ts';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface BuildOptions {
  /**
   * More routes, registered after the product's own and before the server is ready: benchmarks
   * add an empty route that passes through every plugin (access rules, rate limits) like a real one.
   */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
}

/** Builds the HTTP server for a context; `listen` is the caller's business (tests use inject). */
export async function buildServer(context: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config, database } = context;
  const db = database.db;
  // Fails at start, not at the first report, when PostgreSQL is used without PII_ENCRYPTION_KEY.
  usePiiKey(resolvePiiKey(config, database));
  const app = Fastify({
    loggerInstance: context.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(Problem);
  // The API speaks JSON; a text/plain body is a client mistake (415), not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(problemsPlugin);
  // Security headers (CSP, HSTS when cookies are secure, nosniff, frame-ancestors…) from Helmet,
  // built once: @fastify/helmet rebuilt the middleware and re-parsed the CSP on every request,
  // a quarter of an empty request's CPU (bench/README.md, fourth look-up round).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));
  await app.register(cookie);
  await app.register(responseCompressionPlugin);
  await app.register(rateLimit, {
    global: true,
    // Partners are limited per API key (so one bank's traffic does not starve another's);
    // everyone else per IP address.
    keyGenerator: (request) => {
      const auth = request.headers.authorization ?? (request.headers['x-api-key'] as string | undefined) ?? '';
      const prefix = /cg_([0-9a-f]{8})_/.exec(auth)?.[1];
      return prefix ? `key:${prefix}` : `ip:${request.ip}`;
    },
    max: (_request, key) => (key.startsWith('key:') ? config.rateLimit.perKeyPerMinute : config.rateLimit.perIpPerMinute),
    timeWindow: 60_000,
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
  });
  // Per-key daily quotas and usage counts, flushed to the database every few seconds.
  const usage = new ApiKeyUsageMeter(db, { defaultDailyQuota: config.apiKeyDailyQuota, logger: context.logger });
  usage.start();
  app.addHook('onClose', () => usage.stop());
  await app.register(accessPlugin, { db, usage });
  await app.register(idempotencyPlugin, { db });
  await app.register(metricsPlugin);
  await app.register(openapiPlugin, { publicUrl: config.publicUrl });

  await app.register(healthRoutes, { db });
  await app.register(authRoutes, {
    db,
    policy: { maxFailures: config.signIn.maxFailures, lockMs: config.signIn.lockMs, sessionTtlMs: config.sessionTtlMs },
    cookieSecure: config.cookieSecure,
  });
  await app.register(organizationRoutes, { db });
  await app.register(userRoutes, { db });
  await app.register(apiKeyRoutes, { db, defaultDailyQuota: config.apiKeyDailyQuota });
  await app.register(auditRoutes, { db });
  await app.register(lookupRoutes, { db });
  await app.register((await import('./routes/risk.ts')).riskRoutes, { db });
  await app.register(indicatorRoutes, { db, policy: config.indicators });
  await app.register(feedRoutes, { db });
  await app.register(taxiiRoutes, { db, policy: config.indicators, publicUrl: config.publicUrl });
  await app.register(partnerPushRoutes, { db, policy: config.indicators });
  await app.register(mispRoutes, { db });
  await app.register(legitimateRoutes, { db });
  await app.register(sightingRoutes, { db });
  await app.register(reviewRoutes, { db });
  await app.register(networkRoutes, { db });
  await app.register(caseMergeCandidateRoutes, { db });
  await app.register(caseRoutes, { db, policy: config.indicators, evidence: new LocalEvidenceStore(config.evidenceDir) });
  await app.register(disputeRoutes, { db, policy: config.indicators });
  await app.register(reportRoutes, { db, evidence: new LocalEvidenceStore(config.evidenceDir), policy: config.indicators, publicUrl: config.publicUrl, intakeConcurrency: database.driver === 'postgres' ? 2 : 1 });
  await app.register(escalationRoutes, { db, evidence: new LocalEvidenceStore(config.evidenceDir), policy: config.indicators });
  await app.register(webhookRoutes, { db, settings: config.webhooks });

  await app.register(publicContentRoutes, { db });
  await app.register(alertFeedRoutes, { db, publicUrl: config.publicUrl });
  await app.register(campaignRoutes, { db, publicUrl: config.publicUrl, webDist: config.webDist });
  await app.register(contentAdminRoutes, { db });
  await app.register(dashboardRoutes, { db, chromiumPath: config.chromiumPath });
  await app.register(messageTemplateRoutes, { db });
  await app.register(taxonomyRoutes, { db });
  await app.register(assigneeRoutes, { db });
  await app.register(savedViewRoutes, { db });

  if (options.extraRoutes) await app.register(options.extraRoutes);
  await app.register(webAppPlugin, { webDist: config.webDist });
  await app.ready();
  return app;
}
