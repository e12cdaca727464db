import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from '../../../src/app/pii-crypto.ts';
import { resolvePiiKey } from '../../../src/app/pii-key.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';

describe('PiiCipher (AES-256-GCM)', () => {
  const cipher = new PiiCipher(randomBytes(32));

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('tran.b@example.vn');
    const b = cipher.encrypt('tran.b@example.vn');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain('tran.b');
    expect(cipher.decrypt(a)).toBe('tran.b@example.vn');
    expect(cipher.decryptJson(cipher.encryptJson({ phone: '0901 234 567' }))).toEqual({ phone: '0901 234 567' });
  });

  it('refuses an altered value and another key', () => {
    const stored = cipher.encrypt('secret');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`v1.${raw.toString('base64')}`)).toThrow();
    expect(() => new PiiCipher(randomBytes(32)).decrypt(stored)).toThrow();
  });
});

describe('resolvePiiKey', () => {
  it('uses PII_ENCRYPTION_KEY when set', () => {
    const key = randomBytes(32);
    const config = loadConfig({ PII_ENCRYPTION_KEY: key.toString('base64') });
    expect(resolvePiiKey(config, { driver: 'postgres', location: 'x' }).equals(key)).toBe(true);
  });

  it('is required with PostgreSQL', () => {
    expect(() => resolvePiiKey(loadConfig({}), { driver: 'postgres', location: 'x' })).toThrow(ConfigError);
  });

  it('refuses a key that is not base64 of 32 bytes, without echoing it', () => {
    expect(() => loadConfig({ PII_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/PII_ENCRYPTION_KEY.*\(hidden\)/);
  });

  it('creates DATA_DIR/pii.key (0600) for the embedded database and reuses it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-pii-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir });
      const first = resolvePiiKey(config, { driver: 'pglite', location: path.join(dataDir, 'pgdata') });
      const file = path.join(dataDir, 'pii.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(resolvePiiKey(config, { driver: 'pglite', location: path.join(dataDir, 'pgdata') }).equals(first)).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
