import { sql, type SQL } from 'drizzle-orm';
import type { SharedIndicator } from '../domain/stix/objects.ts';
import type { Tlp, Verdict } from '../domain/indicators/verdicts.ts';
import { queryRows, type Db } from './connection.ts';

/**
 * Reads indicators for feeds, TAXII and the MISP feed: pages in (updated_at, id) order with
 * an exclusive keyset, so a position is stable however many rows share one timestamp, and a
 * changed indicator moves to the end (its new version is read again). Timestamps come back as
 * text with microseconds, so a position never loses precision on its way through JavaScript.
 */
export interface SharedRow extends SharedIndicator {
  kind: string;
  networkId: string | null;
  /** `updated_at` as RFC 3339 with microseconds: the TAXII "date added" and the paging key. */
  addedAt: string;
}

/** A position in the change order: after this (timestamp, id). */
export interface Position {
  at: string;
  id: string;
}

export type Collection = 'confirmed' | 'suspected';

export interface SharedFilter {
  tlps: readonly Tlp[];
  /** Verdicts to include; cleared rows are the removals an incremental reader needs. */
  verdicts: readonly Verdict[];
  /** TAXII collections: confirmed holds what was ever confirmed, suspected the rest. */
  collection?: Collection;
  kinds?: readonly string[];
  after?: Position;
  /** Only rows changed at or before this (TAXII added_before, a stable end for a full export). */
  notAfter?: string;
  ids?: readonly string[];
  /** MISP events: rows first seen on this UTC day, with this first fraud type. */
  firstSeenDay?: string;
  primaryFraudType?: string;
  limit: number;
}

interface RawRow {
  id: string;
  indicator: string;
  kind: string;
  display: string;
  verdict: Verdict;
  confidence: number;
  tlp: Tlp;
  fraud_types: string[] | string;
  report_count: number;
  platform_confirmations: number;
  first_seen: string;
  added: string;
  expires: string | null;
  network_id: string | null;
}

const TS = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const DAY = sql`to_char(i.first_seen_at at time zone 'UTC', 'YYYY-MM-DD')`;
const PRIMARY_FRAUD = sql`coalesce(i.fraud_types[1], 'other')`;

/** The MISP feed's events: rows grouped by first-seen day, first fraud type and TLP. */
export async function mispEventGroups(db: Db, tlps: readonly Tlp[], verdicts: readonly Verdict[]): Promise<{ day: string; fraudType: string; tlp: Tlp; lastChange: Date; count: number }[]> {
  const rows = await queryRows<{ day: string; fraud_type: string; tlp: Tlp; last_change: string; n: string | number }>(
    db,
    sql`select ${DAY} as day, ${PRIMARY_FRAUD} as fraud_type, i.tlp, ${TS(sql`max(i.updated_at)`)} as last_change, count(*) as n
        from indicators i where i.tlp = any(${sqlTextArray(tlps)}) and i.verdict = any(${sqlTextArray(verdicts)})
        group by 1, 2, 3 order by 1, 2, 3`,
  );
  return rows.map((r) => ({ day: r.day, fraudType: r.fraud_type, tlp: r.tlp, lastChange: new Date(r.last_change), count: Number(r.n) }));
}

function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
}

function collectionCondition(collection: Collection): SQL {
  const everConfirmed = sql`exists (select 1 from verdict_changes v where v.indicator_id = i.id and v.to_verdict = 'confirmed')`;
  return collection === 'confirmed'
    ? sql`(i.verdict = 'confirmed' or (i.verdict in ('cleared', 'disputed') and ${everConfirmed}))`
    : sql`(i.verdict = 'suspected' or (i.verdict in ('cleared', 'disputed') and not ${everConfirmed}))`;
}

export async function readSharedPage(db: Db, f: SharedFilter): Promise<SharedRow[]> {
  const where: SQL[] = [sql`i.tlp = any(${sqlTextArray(f.tlps)})`, sql`i.verdict = any(${sqlTextArray(f.verdicts)})`];
  if (f.collection) where.push(collectionCondition(f.collection));
  if (f.kinds?.length) where.push(sql`i.kind = any(${sqlTextArray(f.kinds)})`);
  if (f.after) where.push(sql`(i.updated_at, i.id) > (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  if (f.notAfter) where.push(sql`i.updated_at <= ${f.notAfter}::timestamptz`);
  if (f.ids) where.push(sql`i.id = any(${sqlTextArray(f.ids)}::uuid[])`);
  if (f.firstSeenDay) where.push(sql`${DAY} = ${f.firstSeenDay}`);
  if (f.primaryFraudType) where.push(sql`${PRIMARY_FRAUD} = ${f.primaryFraudType}`);
  const rows = await queryRows<RawRow>(
    db,
    sql`select i.id, i.indicator, i.kind, i.display, i.verdict, i.confidence, i.tlp, i.fraud_types, i.report_count,
          i.platform_confirmations, i.network_id, ${TS(sql`i.first_seen_at`)} as first_seen, ${TS(sql`i.updated_at`)} as added,
          ${TS(sql`i.expires_at`)} as expires
        from indicators i
        where ${sql.join(where, sql` and `)}
        order by i.updated_at, i.id
        limit ${f.limit}`,
  );
  return rows.map(toShared);
}

function sqlTextArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}

function toShared(r: RawRow): SharedRow {
  return {
    id: r.id,
    indicator: r.indicator,
    kind: r.kind,
    display: r.display,
    verdict: r.verdict,
    confidence: Number(r.confidence),
    tlp: r.tlp,
    fraudTypes: textArray(r.fraud_types),
    reportCount: Number(r.report_count),
    platformConfirmations: Number(r.platform_confirmations),
    firstSeenAt: new Date(r.first_seen),
    updatedAt: new Date(r.added),
    expiresAt: r.expires ? new Date(r.expires) : null,
    networkId: r.network_id,
    addedAt: r.added,
  };
}

/** The latest change time of all rows, as RFC 3339 with microseconds (null when empty). */
export async function latestChange(db: Db): Promise<string | null> {
  const [row] = await queryRows<{ at: string | null }>(db, sql`select ${TS(sql`max(updated_at)`)} as at from indicators`);
  return row?.at ?? null;
}

/** Sightings per indicator and type, summed over partners (for STIX sightings). */
export async function sightingTotals(db: Db, indicatorIds: readonly string[]): Promise<{ indicatorId: string; type: 'seen' | 'false_positive' | 'gone'; count: number; firstSeen: Date; lastSeen: Date }[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await queryRows<{ indicator_id: string; type: 'seen' | 'false_positive' | 'gone'; n: string | number; first_seen: string; last_seen: string }>(
    db,
    sql`select indicator_id, type, sum(count) as n, ${TS(sql`min(observed_at)`)} as first_seen, ${TS(sql`max(observed_at)`)} as last_seen
        from sightings where indicator_id = any(${sqlTextArray(indicatorIds)}::uuid[]) group by indicator_id, type order by indicator_id, type`,
  );
  return rows.map((r) => ({ indicatorId: r.indicator_id, type: r.type, count: Number(r.n), firstSeen: new Date(r.first_seen), lastSeen: new Date(r.last_seen) }));
}

/** The first visible member (lowest id) of each of these scam networks: the hub linked indicators point to. */
export async function networkHubs(db: Db, networkIds: readonly string[], tlps: readonly Tlp[], verdicts: readonly Verdict[]): Promise<Map<string, string>> {
  if (networkIds.length === 0) return new Map();
  const rows = await queryRows<{ network_id: string; hub: string }>(
    db,
    sql`select network_id, min(id::text) as hub from indicators
        where network_id = any(${sqlTextArray(networkIds)}::uuid[]) and tlp = any(${sqlTextArray(tlps)}) and verdict = any(${sqlTextArray(verdicts)})
        group by network_id`,
  );
  return new Map(rows.map((r) => [r.network_id, r.hub]));
}
