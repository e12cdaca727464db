import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Db } from '../store/connection.ts';

export interface QuotaState {
  limit: number;
  remaining: number;
  /** Seconds until the quota resets (midnight UTC). */
  resetSeconds: number;
  exceeded: boolean;
}

interface KeyUsage {
  day: string;
  quota: number;
  /** The day's total in the database at the last read or flush (all nodes). */
  stored: number;
  /** Counted here since the last flush. */
  pending: number;
  quotaReadAt: number;
}

/** The UTC day of a time, `YYYY-MM-DD`: quotas and usage counts reset at midnight UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Counts API-key requests per UTC day and enforces each key's daily quota. Counting is in
 * memory; a flush every few seconds adds the counts to `api_key_usage` with one upsert per key
 * and reads back the day's total, which includes other nodes' counts. So the hot path does no
 * write, and a quota is enforced across nodes to within one flush interval of traffic.
 *
 * What a crash loses: the counts of at most the last flush interval on that node (the
 * requests themselves were served). Usage is then slightly under-counted and a key may get a
 * few seconds' worth of requests beyond its quota — acceptable for a fair-use limit, which
 * is what the quota is; nothing accepted from a caller is lost.
 */
export class ApiKeyUsageMeter {
  private readonly keys = new Map<string, KeyUsage>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: { defaultDailyQuota: number; flushEveryMs?: number; now?: () => Date; logger?: Pick<Logger, 'error'> },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush().catch((error) => this.options.logger?.error({ err: error }, 'API-key usage flush failed')), this.options.flushEveryMs ?? 5_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Counts one request of the key unless its quota for today is used up. */
  async consume(apiKeyId: string): Promise<QuotaState> {
    const now = this.now();
    const day = utcDay(now);
    let usage = this.keys.get(apiKeyId);
    if (!usage || usage.day !== day || now.getTime() - usage.quotaReadAt > 60_000) {
      usage = await this.load(apiKeyId, day, usage);
    }
    const used = usage.stored + usage.pending;
    const exceeded = used >= usage.quota;
    if (!exceeded) usage.pending++;
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return { limit: usage.quota, remaining: Math.max(0, usage.quota - usage.stored - usage.pending), resetSeconds: Math.ceil((midnight - now.getTime()) / 1000), exceeded };
  }

  private async load(apiKeyId: string, day: string, previous: KeyUsage | undefined): Promise<KeyUsage> {
    const [row] = await queryRows<{ quota: number | null; requests: number | string | null }>(
      this.db,
      sql`select k.daily_quota as quota, u.requests from api_keys k left join api_key_usage u on u.api_key_id = k.id and u.day = ${day} where k.id = ${apiKeyId}`,
    );
    // Counts not yet flushed stay with the day they were made in.
    const carried = previous && previous.day === day ? previous.pending : 0;
    if (previous && previous.day !== day && previous.pending > 0) await this.add(apiKeyId, previous.day, previous.pending);
    const usage: KeyUsage = { day, quota: row?.quota ?? this.options.defaultDailyQuota, stored: Number(row?.requests ?? 0), pending: carried, quotaReadAt: this.now().getTime() };
    this.keys.set(apiKeyId, usage);
    return usage;
  }

  private async add(apiKeyId: string, day: string, requests: number): Promise<number> {
    const [row] = await queryRows<{ requests: number | string }>(
      this.db,
      sql`insert into api_key_usage (api_key_id, day, requests) values (${apiKeyId}, ${day}, ${requests})
          on conflict (api_key_id, day) do update set requests = api_key_usage.requests + excluded.requests
          returning requests`,
    );
    return Number(row!.requests);
  }

  /** Writes the counts made since the last flush; one statement per key that was used. */
  flush(): Promise<void> {
    this.flushing ??= this.flushNow().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    for (const [apiKeyId, usage] of this.keys) {
      if (usage.pending === 0) continue;
      const { day } = usage;
      const count = usage.pending;
      usage.pending = 0;
      try {
        const total = await this.add(apiKeyId, day, count);
        if (usage.day === day) usage.stored = total;
      } catch (error) {
        usage.pending += count;
        throw error;
      }
    }
  }
}

/** A key's requests per day, newest first, for the API-key listing. */
export async function usageByDay(db: Db, apiKeyIds: readonly string[], days: number, now = new Date()): Promise<Map<string, { day: string; requests: number }[]>> {
  const result = new Map<string, { day: string; requests: number }[]>();
  if (apiKeyIds.length === 0) return result;
  const since = utcDay(new Date(now.getTime() - (days - 1) * 86_400_000));
  const rows = await queryRows<{ api_key_id: string; day: string; requests: number | string }>(
    db,
    sql`select api_key_id, day, requests from api_key_usage where api_key_id in (${sql.join(apiKeyIds.map((id) => sql`${id}`), sql`, `)}) and day >= ${since} order by day desc`,
  );
  for (const r of rows) {
    const list = result.get(r.api_key_id) ?? [];
    list.push({ day: r.day, requests: Number(r.requests) });
    result.set(r.api_key_id, list);
  }
  return result;
}

/** Every UTC day of the last `days` (today included), oldest first, with 0 where nothing was counted: what a chart needs. */
export async function dailyUsageSeries(db: Db, apiKeyId: string, days: number, now = new Date()): Promise<{ day: string; requests: number }[]> {
  const counted = new Map(((await usageByDay(db, [apiKeyId], days, now)).get(apiKeyId) ?? []).map((u) => [u.day, u.requests]));
  const series: { day: string; requests: number }[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    const day = utcDay(new Date(now.getTime() - back * 86_400_000));
    series.push({ day, requests: counted.get(day) ?? 0 });
  }
  return series;
}
