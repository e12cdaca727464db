import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

// The package is CommonJS (`module.exports = serialize`) with ESM-style typings; under
// NodeNext the default import is the function itself at run time.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** The genesis hash that the first audit record points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit record that its hash covers: all of them but the hash itself. */
export type ActorType = 'user' | 'api_key' | 'system' | 'public';

export interface AuditFields {
  seq: number;
  at: Date;
  actorType: ActorType;
  actorId: string | null;
  organizationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/**
 * sha256 over the RFC 8785 canonical JSON of the record, so the hash does not depend on
 * key order (PostgreSQL's jsonb reorders keys) or on how a driver formats numbers.
 */
export function auditHash(record: AuditFields): string {
  const text = canonicalize({
    seq: record.seq,
    at: record.at.toISOString(),
    actorType: record.actorType,
    actorId: record.actorId,
    organizationId: record.organizationId,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    before: record.before ?? null,
    after: record.after ?? null,
    requestId: record.requestId,
    prevHash: record.prevHash,
  });
  return createHash('sha256').update(text ?? '').digest('hex');
}

/**
 * Makes a value exactly what a jsonb column will give back (Dates as ISO strings, no
 * undefined), so the hash computed on write matches the one recomputed on verify.
 */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
