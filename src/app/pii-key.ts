import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config.ts';
import type { Database } from '../store/connection.ts';

/** One key per process for in-memory databases, so several test servers in one process agree. */
let processKey: Buffer | undefined;

/**
 * Where the PII key comes from:
 * - `PII_ENCRYPTION_KEY` when set (required with PostgreSQL: every node must use the same key,
 *   and a key generated on one node's disk would make other nodes' data unreadable);
 * - the embedded database on disk: `DATA_DIR/pii.key`, created (mode 0600) on first start and
 *   reused, so the quick start needs no set-up; back it up with the data directory;
 * - an in-memory database (tests): a fresh key, which dies with the data.
 */
export function resolvePiiKey(config: Config, database: Pick<Database, 'driver' | 'location'>): Buffer {
  if (config.piiEncryptionKey) return config.piiEncryptionKey;
  if (database.driver === 'postgres') {
    throw new ConfigError(
      'Invalid configuration: PII_ENCRYPTION_KEY is required with DATABASE_URL (base64 of 32 random bytes, e.g. `openssl rand -base64 32`), the same on every node',
    );
  }
  if (database.location === 'in-memory PGlite') return (processKey ??= randomBytes(32));
  const file = path.join(config.dataDir, 'pii.key');
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new ConfigError(`${file} does not hold a base64 32-byte key`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  fs.mkdirSync(config.dataDir, { recursive: true });
  // `wx`: if two starts race, the second fails instead of overwriting the first one's key.
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
