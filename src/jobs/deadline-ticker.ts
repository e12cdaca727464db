import type { Logger } from 'pino';
import { tickDeadlines } from '../app/deadlines.ts';
import type { Db } from '../store/connection.ts';

/**
 * Watches escalation deadlines every minute (deadlines are in hours; a minute late is fine).
 * Safe on several nodes at once: rows are claimed with SKIP LOCKED and marked in the same
 * statement, so each reminder and breach is recorded once.
 */
export class DeadlineTicker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Pick<Logger, 'info' | 'error'>,
    private readonly everyMs = 60_000,
  ) {}

  start(): void {
    const tick = () => {
      // A slow pass is not overlapped by the next one on the same node.
      if (this.running) return;
      this.running = tickDeadlines(this.db)
        .then((r) => {
          if (r.dueSoon || r.breached) this.logger.info(r, 'escalation deadlines ticked');
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'escalation deadline tick failed'))
        .finally(() => {
          this.running = undefined;
        });
    };
    tick();
    this.timer = setInterval(tick, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
