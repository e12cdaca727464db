import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './connection.ts';
import type { NetworkMemberRow } from './networks.ts';

/**
 * The members linked directly to one member of a network, most shared reports first: what a
 * drawing of a large network adds when the analyst expands from a node it already shows.
 */
export async function neighboursOf(db: Db, networkId: string, indicatorId: string, limit: number): Promise<NetworkMemberRow[]> {
  const rows = await queryRows<{ id: string; indicator: string; kind: string; display: string; verdict: string; report_count: number }>(
    db,
    sql`select i.id, i.indicator, i.kind, i.display, i.verdict, i.report_count
        from (select case when l.a_id = ${indicatorId}::uuid then l.b_id else l.a_id end as other, l.reports
              from indicator_links l where l.a_id = ${indicatorId}::uuid or l.b_id = ${indicatorId}::uuid) n
        join indicators i on i.id = n.other and i.network_id = ${networkId}::uuid
        order by n.reports desc, i.report_count desc, i.indicator
        limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, indicator: r.indicator, kind: r.kind, display: r.display, verdict: r.verdict, reportCount: r.report_count }));
}

/** One member of a network, or undefined when the indicator is not in it. */
export async function networkMember(db: Db, networkId: string, indicatorId: string): Promise<NetworkMemberRow | undefined> {
  const [r] = await queryRows<{ id: string; indicator: string; kind: string; display: string; verdict: string; report_count: number }>(
    db,
    sql`select id, indicator, kind, display, verdict, report_count from indicators where id = ${indicatorId}::uuid and network_id = ${networkId}::uuid`,
  );
  return r ? { id: r.id, indicator: r.indicator, kind: r.kind, display: r.display, verdict: r.verdict, reportCount: r.report_count } : undefined;
}
