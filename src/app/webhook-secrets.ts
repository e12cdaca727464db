import { PiiCipher, piiCipher } from './pii-crypto.ts';

/**
 * Webhook signing secrets are kept encrypted (AES-256-GCM with a key derived from the PII key):
 * a copy of the database alone does not let anyone forge the exchange's webhooks.
 */
let cipher: { base: PiiCipher; derived: PiiCipher } | null = null;

function secretsCipher(): PiiCipher {
  const base = piiCipher();
  if (cipher?.base !== base) cipher = { base, derived: new PiiCipher(base.derive('canhgiac webhook secrets v1')) };
  return cipher.derived;
}

export function sealSecret(secret: string): string {
  return secretsCipher().encrypt(secret);
}

export function openSecret(stored: string): string {
  return secretsCipher().decrypt(stored);
}
