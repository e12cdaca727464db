import type { Tlp, Verdict } from '../domain/indicators/verdicts.ts';
import type { Db } from '../store/connection.ts';
import { findPartnerTrust } from '../store/partner-trust.ts';
import { isAgencyStaff, type Caller } from './caller.ts';
import { badRequest, unauthorized } from './errors.ts';
import type { Position } from '../store/feeds.ts';

/**
 * What a caller may receive in feeds, TAXII and the MISP feed (the same tiers as look-ups):
 * - the public: nothing (feeds need an API key with `feeds:read` / `taxii:read`, or a sign-in);
 * - a partner organization (bank, telco, platform, other): TLP clear, green and amber, lowered
 *   per organization by `partner_trust.max_tlp` (e.g. `green` for an organization not vetted
 *   for amber); suspected, confirmed and disputed listings;
 * - the agency's staff: every TLP, red included.
 * TLP red never leaves the agency. Cleared indicators are sent to everyone who may see their
 * TLP as removals in incremental exports (and as revoked STIX versions).
 */
export interface SharingLevel {
  tlps: Tlp[];
  listed: Verdict[];
  organizationId: string | null;
  agency: boolean;
}

const ORDER: Tlp[] = ['clear', 'green', 'amber', 'red'];
export const LISTED: Verdict[] = ['suspected', 'confirmed', 'disputed'];

export function tlpsUpTo(max: Tlp): Tlp[] {
  return ORDER.slice(0, ORDER.indexOf(max) + 1);
}

export async function sharingLevelOf(db: Db, caller: Caller): Promise<SharingLevel> {
  const a = caller.actor;
  if (isAgencyStaff(a)) return { tlps: tlpsUpTo('red'), listed: LISTED, organizationId: a.type === 'user' ? a.organizationId : null, agency: true };
  if (a.type === 'user' || a.type === 'api_key') {
    const trust = await findPartnerTrust(db, a.organizationId);
    return { tlps: tlpsUpTo(trust?.maxTlp ?? 'amber'), listed: LISTED, organizationId: a.organizationId, agency: false };
  }
  if (a.type === 'system') return { tlps: tlpsUpTo('red'), listed: LISTED, organizationId: null, agency: true };
  throw unauthorized();
}

/** An opaque position in the change order: base64url of `{ at, id }`. */
export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify({ a: p.at, i: p.id })).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function decodeCursor(cursor: string, field: string): Position {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { a?: unknown; i?: unknown };
    if (typeof p.a === 'string' && AT.test(p.a) && typeof p.i === 'string' && UUID.test(p.i)) return { at: p.a, id: p.i };
  } catch {
    // fall through
  }
  throw badRequest('The cursor is not valid.', [{ field, message: 'Use a cursor this server gave you.' }]);
}

/** Just after every row changed at or before `at`. */
export function positionAfter(at: string | null): Position {
  return { at: at ?? '1970-01-01T00:00:00.000000Z', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };
}

export const START: Position = { at: '1970-01-01T00:00:00.000000Z', id: '00000000-0000-0000-0000-000000000000' };

/**
 * Exports and TAXII pages stop a few seconds short of now. A change's `updated_at` is taken
 * before its transaction commits, so a reader could otherwise step past a change that becomes
 * visible only afterwards; every change that commits within this delay is seen by the next
 * read. Tests set it to 0.
 */
export const settle = { ms: 5000 };

/** The later bound of a read: `latest` (RFC 3339, microseconds), but not after now − settle. */
export function settledBound(latest: string | null): string | null {
  const cutoff = `${new Date(Date.now() - settle.ms).toISOString().slice(0, 23)}999Z`;
  if (latest === null) return null;
  return latest < cutoff ? latest : cutoff;
}
