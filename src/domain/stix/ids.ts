import { hash } from 'node:crypto';

/**
 * Deterministic STIX identifiers. Cyber-observables (SCOs) use UUIDv5 in the namespace the
 * STIX 2.1 specification fixes (section 2.9), over the canonical JSON of their id-contributing
 * properties, so two producers naming the same phone number give it the same id. Our own
 * domain objects use UUIDv5 in the exchange's own namespace over a stable name.
 */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** The exchange's namespace for its identities, relationships and sightings (fixed forever). */
export const CANHGIAC_NAMESPACE = 'b6f1c3a2-5d2e-4f0e-9a57-3c1d2b7e9f10';

const namespaceBytes = new Map<string, Buffer>();

function uuidBytes(uuid: string): Buffer {
  let bytes = namespaceBytes.get(uuid);
  if (!bytes) {
    bytes = Buffer.from(uuid.replace(/-/g, ''), 'hex');
    if (namespaceBytes.size < 16) namespaceBytes.set(uuid, bytes);
  }
  return bytes;
}

function formatUuid(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** RFC 4122 section 4.3: SHA-1 over namespace bytes + name, version 5, variant 10. */
export function uuidV5(namespace: string, name: string): string {
  // One-shot hashing (Node ≥ 20.12) costs a third of createHash().update().digest() on these short names.
  const bytes = (hash('sha1', Buffer.concat([uuidBytes(namespace), Buffer.from(name, 'utf8')]), 'buffer') as Buffer).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
}

/**
 * JSON with object keys sorted at every level (the JSON Canonicalization Scheme for the
 * strings and plain values SCO id-contributing properties hold).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function scoId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${uuidV5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`;
}

export function sdoId(type: string, name: string): string {
  return `${type}--${uuidV5(CANHGIAC_NAMESPACE, name)}`;
}
