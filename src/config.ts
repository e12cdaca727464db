import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Configuration comes only from environment variables, validated once at start. A bad value
 * stops the process with a message naming the variable, never a crash later on first use.
 */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000, description: 'HTTP port' }),
  HOST: Type.String({ minLength: 1, default: 'localhost', description: 'interface to listen on' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'embedded database and evidence files' }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL connection string; embedded PGlite when unset' }),
  ),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'external base URL, for links' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 12 }),
  SIGNIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  SIGNIN_LOCK_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 15 }),
  RATE_LIMIT_IP_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  RATE_LIMIT_KEY_PER_MINUTE: Type.Integer({ minimum: 1, default: 6000 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1024 * 1024 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  WEB_DIST: Type.String({ minLength: 1, default: 'web/dist' }),
  SUSPECTED_EXPIRY_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 90 }),
  CONFIRMED_REVIEW_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 180 }),
  PII_ENCRYPTION_KEY: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'base64 of 32 random bytes: the AES-256-GCM key for reporters\' contact details' }),
  ),
  EVIDENCE_DIR: Type.Optional(Type.String({ minLength: 1, description: 'evidence files; DATA_DIR/evidence when unset' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'smtp(s)://user:pass@host:port for e-mail; logged when unset' })),
  SMTP_FROM: Type.Optional(Type.String({ minLength: 3, maxLength: 200, description: 'sender of e-mails; no-reply@<PUBLIC_URL host> when unset' })),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: Type.Boolean({ default: false, description: 'let webhooks go to private, loopback and link-local addresses (tests, closed networks)' }),
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 10_000, description: 'time a webhook receiver has to answer' }),
  WEBHOOK_RETRY_BASE_MS: Type.Integer({ minimum: 1, default: 5_000, description: 'delay after the first failed webhook attempt, doubled each time' }),
  WEBHOOK_RETRY_MAX_MS: Type.Integer({ minimum: 1, default: 3_600_000, description: 'longest delay between webhook attempts' }),
  WEBHOOK_RETRY_WINDOW_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 7, default: 24, description: 'a delivery still failing after this is given up and its subscription disabled' }),
  WEBHOOK_SECRET_GRACE_HOURS: Type.Integer({ minimum: 0, maximum: 24 * 30, default: 24, description: 'how long the old secret still signs after a rotation' }),
  API_KEY_DAILY_QUOTA: Type.Integer({ minimum: 1, default: 100_000, description: 'requests per API key per UTC day, unless the key has its own quota' }),
  CHROMIUM_PATH: Type.String({ pattern: '^/', default: '/usr/bin/chromium', description: 'absolute path of the Chromium that prints reports to PDF' }),
  DEMO_HISTORY: Type.Boolean({ default: true, description: 'the demo data also holds ~90 days of invented history (for the dashboards); false: only a handful of reports' }),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  sessionTtlMs: number;
  signIn: { maxFailures: number; lockMs: number };
  rateLimit: { perIpPerMinute: number; perKeyPerMinute: number };
  bodyLimitBytes: number;
  trustProxy: boolean;
  cookieSecure: boolean;
  webDist: string;
  indicators: { suspectedExpiryDays: number; confirmedReviewDays: number };
  /** The AES-256-GCM key for reporters' personal data; see `resolvePiiKey` for when it may be absent. */
  piiEncryptionKey: Buffer | undefined;
  evidenceDir: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
  webhooks: WebhookConfig;
  apiKeyDailyQuota: number;
  /** The Chromium executable that prints the monthly platform report to PDF. */
  chromiumPath: string;
  /** Whether the demo data includes the invented 90-day history. */
  demoHistory: boolean;
}

export interface WebhookConfig {
  allowPrivateTargets: boolean;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  retryWindowMs: number;
  secretGraceMs: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(EnvSchema.properties);
  // Empty strings mean "unset", as in most shells' `FOO= cmd`.
  const raw: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    // Value.Convert would turn "3.5" into 3 and "1e3" into 1000: a typo must not pass silently.
    if ((EnvSchema.properties as Record<string, { type?: string }>)[key]?.type === 'integer' && !/^\s*\d+\s*$/.test(value)) {
      throw new ConfigError(`Invalid configuration: ${key} must be a whole number (got ${JSON.stringify(value)})`);
    }
    raw[key] = value;
  }
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  const errors = [...Value.Errors(EnvSchema, converted)];
  const first = errors[0];
  if (first) {
    const variable = first.instancePath.replace(/^\//, '').split('/')[0] || '(environment)';
    // A connection string may carry a password; the message goes to terminals and logs.
    const given = variable === 'PII_ENCRYPTION_KEY' ? '(hidden)' : variable === 'DATABASE_URL' || variable === 'SMTP_URL' ? env[variable]?.replace(/:\/\/([^:/@]*):.*@/, '://$1:***@') : env[variable];
    const property = (EnvSchema.properties as Record<string, { anyOf?: { const: string }[] }>)[variable];
    const rule = property?.anyOf ? `must be one of ${property.anyOf.map((s) => s.const).join(', ')}` : first.message;
    throw new ConfigError(
      `Invalid configuration: ${variable} ${rule}${given === undefined ? '' : ` (got ${JSON.stringify(given)})`}`,
    );
  }
  const e = converted as Env;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    signIn: { maxFailures: e.SIGNIN_MAX_FAILURES, lockMs: e.SIGNIN_LOCK_MINUTES * 60_000 },
    rateLimit: { perIpPerMinute: e.RATE_LIMIT_IP_PER_MINUTE, perKeyPerMinute: e.RATE_LIMIT_KEY_PER_MINUTE },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: publicUrl.startsWith('https://'),
    webDist: path.resolve(e.WEB_DIST),
    indicators: { suspectedExpiryDays: e.SUSPECTED_EXPIRY_DAYS, confirmedReviewDays: e.CONFIRMED_REVIEW_DAYS },
    piiEncryptionKey: e.PII_ENCRYPTION_KEY ? Buffer.from(e.PII_ENCRYPTION_KEY, 'base64') : undefined,
    evidenceDir: path.resolve(e.EVIDENCE_DIR ?? path.join(e.DATA_DIR, 'evidence')),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM ?? `Canh Giác <no-reply@${new URL(publicUrl).hostname}>`,
    webhooks: {
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: e.WEBHOOK_RETRY_MAX_MS,
      retryWindowMs: e.WEBHOOK_RETRY_WINDOW_HOURS * 3_600_000,
      secretGraceMs: e.WEBHOOK_SECRET_GRACE_HOURS * 3_600_000,
    },
    apiKeyDailyQuota: e.API_KEY_DAILY_QUOTA,
    chromiumPath: e.CHROMIUM_PATH,
    demoHistory: e.DEMO_HISTORY,
  };
}

/** Names and descriptions of every variable, for the README and `--help`. */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.properties);
