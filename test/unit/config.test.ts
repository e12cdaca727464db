import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_VARIABLES, loadConfig } from '../../src/config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has sensible defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: 'localhost',
      dataDir: path.resolve('data'),
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      sessionTtlMs: 12 * 3_600_000,
      signIn: { maxFailures: 5, lockMs: 15 * 60_000 },
      rateLimit: { perIpPerMinute: 600, perKeyPerMinute: 6000 },
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      cookieSecure: false,
      webDist: path.resolve('web/dist'),
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/canhgiac',
      DATABASE_URL: 'postgresql://cg:secret@db.internal:5432/canhgiac',
      PUBLIC_URL: 'https://canhgiac.example.vn/',
      LOG_LEVEL: 'debug',
      SESSION_TTL_HOURS: '8',
      SIGNIN_MAX_FAILURES: '3',
      SIGNIN_LOCK_MINUTES: '30',
      RATE_LIMIT_IP_PER_MINUTE: '100',
      RATE_LIMIT_KEY_PER_MINUTE: '1000',
      BODY_LIMIT_BYTES: '2048',
      TRUST_PROXY: 'true',
      WEB_DIST: 'build/web',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/canhgiac',
      databaseUrl: 'postgresql://cg:secret@db.internal:5432/canhgiac',
      // The trailing slash is dropped so links can be built by appending a path.
      publicUrl: 'https://canhgiac.example.vn',
      logLevel: 'debug',
      sessionTtlMs: 8 * 3_600_000,
      signIn: { maxFailures: 3, lockMs: 30 * 60_000 },
      rateLimit: { perIpPerMinute: 100, perKeyPerMinute: 1000 },
      bodyLimitBytes: 2048,
      trustProxy: true,
      // Behind https the session cookie must be Secure.
      cookieSecure: true,
      webDist: path.resolve('build/web'),
    });
    // Every variable above is a documented one (a misspelt name would be silently ignored).
    expect(CONFIG_VARIABLES).toEqual(
      expect.arrayContaining([
        'PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'PUBLIC_URL', 'LOG_LEVEL', 'SESSION_TTL_HOURS', 'SIGNIN_MAX_FAILURES',
        'SIGNIN_LOCK_MINUTES', 'RATE_LIMIT_IP_PER_MINUTE', 'RATE_LIMIT_KEY_PER_MINUTE', 'BODY_LIMIT_BYTES', 'TRUST_PROXY', 'WEB_DIST',
      ]),
    );
  });

  it('the public URL follows PORT when not given', () => {
    expect(loadConfig({ PORT: '4123' }).publicUrl).toBe('http://localhost:4123');
  });

  it('accepts both postgres:// and postgresql:// and the usual boolean spellings', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }).databaseUrl).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    );
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('treats empty strings as unset, as `FOO= cmd` means in a shell', () => {
    const env: Record<string, string> = {};
    for (const name of CONFIG_VARIABLES) env[name] = '';
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', NODE_ENV: 'production', PORTS: 'abc' })).toEqual(loadConfig({}));
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /whole number/],
    [{ PORT: '70000' }, 'PORT', /<= 65535/],
    [{ PORT: '0' }, 'PORT', />= 1/],
    [{ PORT: '-1' }, 'PORT', /whole number/],
    [{ PORT: '3.5' }, 'PORT', /whole number/],
    [{ PORT: '1e3' }, 'PORT', /whole number/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ DATABASE_URL: 'mysql://root@localhost/canhgiac' }, 'DATABASE_URL', /postgres/],
    [{ DATABASE_URL: '127.0.0.1:5432' }, 'DATABASE_URL', /postgres/],
    [{ PUBLIC_URL: 'canhgiac.example.vn' }, 'PUBLIC_URL', /https\?/],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY', /boolean/],
    [{ SESSION_TTL_HOURS: '0' }, 'SESSION_TTL_HOURS', />= 1/],
    [{ SESSION_TTL_HOURS: '721' }, 'SESSION_TTL_HOURS', /<= 720/],
    [{ SIGNIN_MAX_FAILURES: '101' }, 'SIGNIN_MAX_FAILURES', /<= 100/],
    [{ SIGNIN_LOCK_MINUTES: 'soon' }, 'SIGNIN_LOCK_MINUTES', /whole number/],
    [{ RATE_LIMIT_IP_PER_MINUTE: '0' }, 'RATE_LIMIT_IP_PER_MINUTE', />= 1/],
    [{ RATE_LIMIT_KEY_PER_MINUTE: '1.5' }, 'RATE_LIMIT_KEY_PER_MINUTE', /whole number/],
    [{ BODY_LIMIT_BYTES: '100' }, 'BODY_LIMIT_BYTES', />= 1024/],
  ])('%j is a ConfigError naming %s', (env, variable, rule) => {
    const error = configError(env);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(error.message).toMatch(rule);
    // The bad value is quoted back, so the operator sees what the process received.
    expect(error.message).toContain(`(got ${JSON.stringify(Object.values(env)[0])})`);
    expect(error.message).not.toContain('\n');
  });

  it('does not echo the password of a bad DATABASE_URL', () => {
    const message = configError({ DATABASE_URL: 'postgresq://canhgiac:s3cr@t-pw@db.internal:5432/canhgiac' }).message;
    expect(message).toMatch(/^Invalid configuration: DATABASE_URL /);
    expect(message).toContain('(got "postgresq://canhgiac:***@db.internal:5432/canhgiac")');
    expect(message).not.toContain('s3cr');
  });

  it('names the first bad variable when several are bad', () => {
    expect(configError({ PORT: '3000', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe' }).message).toMatch(/^Invalid configuration: LOG_LEVEL /);
  });
});
