import { asc, sql } from 'drizzle-orm';
import { anyOf } from './any-of.ts';
import type { StoredNetwork } from '../domain/networks/network-plan.ts';
import { writeJsonRows } from './bulk-insert.ts';
import { queryRows, type Db } from './connection.ts';
import { indicatorLinks, networks } from './schema.ts';

/** Reads and locks networks in id order (two batches joining the same networks queue, never deadlock). */
export async function lockNetworks(db: Db, ids: readonly string[]): Promise<Map<string, StoredNetwork>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(networks).where(anyOf(networks.id, ids)).orderBy(asc(networks.id)).for('update');
  return new Map(rows.map((r) => [r.id, { id: r.id, size: r.size, createdAt: r.createdAt.getTime() }]));
}

/** The networks among `ids` holding a confirmed indicator. */
export async function networksWithConfirmed(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ network_id: string }>(
    db,
    sql`select distinct network_id from indicators where verdict = 'confirmed' and network_id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Set(rows.map((r) => r.network_id));
}

/** Writes new networks and the new sizes of grown ones. */
export async function saveNetworks(db: Db, rows: readonly { id: string; size: number }[]): Promise<void> {
  await writeJsonRows(
    db,
    networks,
    rows.map((r) => ({ id: r.id, size: r.size, updatedAt: new Date() })),
    `on conflict (id) do update set size = excluded.size, updated_at = excluded.updated_at`,
  );
}

/**
 * Moves every indicator of the absorbed networks to `into`, and leaves a forwarding pointer on
 * them (and on networks that pointed to them) so their ids still lead to the network.
 */
export async function absorbNetworks(db: Db, absorbed: readonly string[], into: string): Promise<void> {
  if (absorbed.length === 0) return;
  const list = `{${absorbed.join(',')}}`;
  await db.execute(sql`update indicators set network_id = ${into}::uuid where network_id = any(${list}::uuid[])`);
  await db.execute(
    sql`update networks set merged_into_id = ${into}::uuid, size = 0, updated_at = now() where id = any(${list}::uuid[]) or merged_into_id = any(${list}::uuid[])`,
  );
}

/** Counts one more report naming both indicators of each pair (`a` < `b`). */
export async function addIndicatorLinks(db: Db, pairs: readonly (readonly [string, string])[]): Promise<void> {
  const counted = new Map<string, { aId: string; bId: string; reports: number }>();
  for (const [aId, bId] of pairs) {
    const key = `${aId}|${bId}`;
    const seen = counted.get(key);
    if (seen) seen.reports++;
    else counted.set(key, { aId, bId, reports: 1 });
  }
  if (counted.size === 0) return;
  const now = new Date();
  await writeJsonRows(
    db,
    indicatorLinks,
    [...counted.values()].map((l) => ({ ...l, firstAt: now, lastAt: now })),
    `on conflict (a_id, b_id) do update set reports = indicator_links.reports + excluded.reports, last_at = excluded.last_at`,
  );
}

/** The live network an id leads to (following merges), or undefined. */
export async function resolveNetworkId(db: Db, id: string): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string; merged_into_id: string | null }>(db, sql`select id, merged_into_id from networks where id = ${id}::uuid`);
  if (!row) return undefined;
  return row.merged_into_id ?? row.id;
}

export interface NetworkFigures {
  id: string;
  size: number;
  confirmed: number;
  reports: number;
  moneyLostVnd: number;
  kinds: { kind: string; count: number }[];
  fraudTypes: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** Size, confirmed members, the reports naming its members and their money lost, kinds and fraud types. */
export async function networkFigures(db: Db, id: string): Promise<NetworkFigures | undefined> {
  const [row] = await queryRows<{
    id: string;
    size: number;
    confirmed: number;
    reports: number;
    money: string | number | null;
    kinds: { kind: string; count: number }[] | null;
    fraud_types: string[] | null;
    created_at: string | Date;
    updated_at: string | Date;
  }>(
    db,
    sql`select n.id, n.size, n.created_at, n.updated_at,
          (select count(*)::int from indicators i where i.network_id = n.id and i.verdict = 'confirmed') as confirmed,
          (select count(distinct ri.report_id)::int from report_indicators ri join indicators i on i.id = ri.indicator_id where i.network_id = n.id) as reports,
          (select sum(r.amount_lost_vnd) from reports r where r.id in
             (select ri.report_id from report_indicators ri join indicators i on i.id = ri.indicator_id where i.network_id = n.id)) as money,
          (select json_agg(k) from (select i.kind, count(*)::int as count from indicators i where i.network_id = n.id group by i.kind order by count(*) desc, i.kind) k) as kinds,
          (select array_agg(distinct f order by f) from indicators i, unnest(i.fraud_types) f where i.network_id = n.id) as fraud_types
        from networks n where n.id = ${id}::uuid`,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    size: row.size,
    confirmed: row.confirmed,
    reports: row.reports,
    moneyLostVnd: Number(row.money ?? 0),
    kinds: row.kinds ?? [],
    fraudTypes: row.fraud_types ?? [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export interface NetworkMemberRow {
  id: string;
  indicator: string;
  kind: string;
  display: string;
  verdict: string;
  reportCount: number;
}

/** Members, most reported first. */
export async function networkMembers(db: Db, id: string, limit: number): Promise<NetworkMemberRow[]> {
  const rows = await queryRows<{ id: string; indicator: string; kind: string; display: string; verdict: string; report_count: number }>(
    db,
    sql`select id, indicator, kind, display, verdict, report_count from indicators where network_id = ${id}::uuid order by report_count desc, indicator limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, indicator: r.indicator, kind: r.kind, display: r.display, verdict: r.verdict, reportCount: r.report_count }));
}

/** The links among the given members (for drawing the network). */
export async function linksAmong(db: Db, ids: readonly string[]): Promise<{ aId: string; bId: string; reports: number }[]> {
  if (ids.length === 0) return [];
  const list = `{${ids.join(',')}}`;
  const rows = await queryRows<{ a_id: string; b_id: string; reports: number }>(
    db,
    sql`select a_id, b_id, reports from indicator_links where a_id = any(${list}::uuid[]) and b_id = any(${list}::uuid[]) order by reports desc limit 2000`,
  );
  return rows.map((r) => ({ aId: r.a_id, bId: r.b_id, reports: r.reports }));
}

/** Every indicator in the networks of a case's indicators (for escalating a case for its whole network). */
export async function networkMemberIdsOfCase(db: Db, caseId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select i.id from indicators i where i.network_id in (
          select m.network_id from case_indicators ci join indicators m on m.id = ci.indicator_id where ci.case_id = ${caseId}::uuid and m.network_id is not null)`,
  );
  return rows.map((r) => r.id);
}

/** For each of these canonical indicators in a network holding a confirmed indicator: the network's size and confirmed share. */
export async function confirmedNetworkMemberships(
  db: Db,
  indicators: readonly string[],
): Promise<{ networkId: string; indicator: string; size: number; confirmedShare: number }[]> {
  if (indicators.length === 0) return [];
  const rows = await queryRows<{ network_id: string; indicator: string; size: number; confirmed: number }>(
    db,
    sql`select i.network_id, i.indicator, n.size,
          (select count(*)::int from indicators m where m.network_id = n.id and m.verdict = 'confirmed') as confirmed
        from indicators i join networks n on n.id = i.network_id
        where i.indicator = any(${`{${indicators.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])`,
  );
  return rows.filter((r) => r.confirmed > 0).map((r) => ({ networkId: r.network_id, indicator: r.indicator, size: r.size, confirmedShare: r.size > 0 ? r.confirmed / r.size : 0 }));
}

/** Moves indicators into networks (for links made outside the intake batch, which writes its rows itself). */
export async function setIndicatorNetworks(db: Db, moves: readonly { id: string; networkId: string }[]): Promise<void> {
  if (moves.length === 0) return;
  const values = sql.join(
    moves.map((m) => sql`(${m.id}::uuid, ${m.networkId}::uuid)`),
    sql`, `,
  );
  await db.execute(sql`update indicators set network_id = v.network_id, updated_at = now() from (values ${values}) as v(id, network_id) where indicators.id = v.id`);
}
