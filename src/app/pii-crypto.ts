import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Reporters' (and disputers') personal data is encrypted at rest with AES-256-GCM: a random
 * 96-bit IV per value, the 128-bit tag authenticates it, and the stored form is
 * `v1.` + base64(iv | tag | ciphertext). The version prefix leaves room for key rotation.
 * node:crypto is used directly: GCM with a random IV is the whole scheme, a library would add
 * only a dependency.
 */
const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PiiCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The PII encryption key must be 32 bytes');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** Throws when the value was not encrypted with this key or was altered. */
  decrypt(stored: string): string {
    if (!stored.startsWith(VERSION)) throw new Error('Unknown PII encryption version');
    const raw = Buffer.from(stored.slice(VERSION.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /**
   * A key for another purpose derived from this one (HKDF-SHA256), so every node that shares the
   * configured key agrees on it without a second secret to distribute.
   */
  derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), purpose, 32));
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(stored: string): T {
    return JSON.parse(this.decrypt(stored)) as T;
  }
}

let current: PiiCipher | null = null;

/**
 * The process's cipher, set once at start from the resolved key (`resolvePiiKey`). Use cases
 * that store or read personal data (reports, disputes, notifications) take it from here rather
 * than through every signature, as they take the clock.
 */
export function usePiiKey(key: Buffer): PiiCipher {
  current = new PiiCipher(key);
  return current;
}

export function piiCipher(): PiiCipher {
  if (!current) throw new Error('The PII key is not configured: call usePiiKey at start');
  return current;
}
