import type { Db } from '../store/connection.ts';
import type { IndicatorPolicy } from './indicators.ts';
import { storeReportBatch, type PreparedReport, type StoredReport } from './report-batch.ts';

interface Waiting {
  report: PreparedReport;
  resolve: (stored: StoredReport) => void;
  reject: (error: unknown) => void;
}

export interface IntakeQueueOptions {
  /** Most reports stored in one transaction. */
  maxBatch?: number;
  /** Batches in flight at once (PGlite has one connection: 1). */
  concurrency?: number;
}

/** Two writers naming the same new identifier, or locking in crossing orders: running again resolves it. */
const RETRYABLE = new Set(['23505', '40P01', '40001']);
const MAX_ATTEMPTS = 5;
/** Most event-loop turns spent collecting a batch while reports keep arriving. */
const MAX_COLLECT_TURNS = 16;

/**
 * Group commit for report intake. A report is answered only once its transaction has
 * committed, as before; but the reports that arrive while a batch is being written wait and
 * go together into the next transaction, which costs about the same as one report alone
 * (`storeReportBatch` uses a fixed number of statements). Under no load a batch is one report
 * and nothing waits; under load throughput grows with the batch instead of queueing on locks.
 *
 * A batch that fails for a reason other than a conflict is split: each report is stored alone,
 * so one bad report fails on its own and the others are still stored.
 */
export class IntakeQueue {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private collecting = false;
  private readonly maxBatch: number;
  private readonly concurrency: number;

  constructor(
    private readonly db: Db,
    private readonly policy: IndicatorPolicy,
    options: IntakeQueueOptions = {},
  ) {
    // 128: measured against 64 on PostgreSQL at 256 connections, +5 % in every pair (a batch pays
    // ~15 round trips whatever its size); under lighter load a batch is what is waiting anyway.
    this.maxBatch = options.maxBatch ?? 128;
    this.concurrency = options.concurrency ?? 1;
  }

  submit(report: PreparedReport): Promise<StoredReport> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ report, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.collecting || this.inFlight >= this.concurrency || this.waiting.length === 0) return;
    this.collecting = true;
    setImmediate(() => this.collect(this.waiting.length, 1));
  }

  /**
   * Waits a few turns of the event loop while reports keep arriving, then starts the batch.
   * Needed because embedded PGlite runs in this thread: while it writes a batch, other requests
   * cannot get as far as the queue, and a batch started at once would always hold one report.
   * With nothing else arriving this costs one turn of the loop.
   */
  private collect(seen: number, turns: number): void {
    if (this.waiting.length > seen && this.waiting.length < this.maxBatch && turns < MAX_COLLECT_TURNS) {
      setImmediate(() => this.collect(this.waiting.length, turns + 1));
      return;
    }
    this.collecting = false;
    while (this.inFlight < this.concurrency && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The oldest waiting reports, but never two with the same Idempotency-Key in one batch (the later one waits: it is a retry). */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    for (let n = 0; n < this.waiting.length && batch.length < this.maxBatch; ) {
      const w = this.waiting[n]!;
      const v = w.report.values;
      const key = v.idempotencyKey ? `${v.idempotencyPrincipal}\n${v.idempotencyKey}` : null;
      if (key && keys.has(key)) {
        n++;
        continue;
      }
      if (key) keys.add(key);
      batch.push(w);
      this.waiting.splice(n, 1);
    }
    return batch;
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const stored = await this.store(batch.map((w) => w.report));
      batch.forEach((w, n) => w.resolve(stored[n]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const w of batch) {
        try {
          const [stored] = await this.store([w.report]);
          w.resolve(stored!);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }

  private async store(reports: PreparedReport[]): Promise<StoredReport[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => storeReportBatch(tx, reports, this.policy));
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && RETRYABLE.has(postgresCode(error) ?? '')) continue;
        throw error;
      }
    }
  }
}

export function postgresCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
