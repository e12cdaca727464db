import type { Logger } from 'pino';
import { applyExpiryPolicy } from '../app/indicator-expiry.ts';
import type { IndicatorPolicy } from '../app/indicators.ts';
import type { Db } from '../store/connection.ts';

/**
 * Applies the indicator expiry policy every few minutes. Safe on several nodes at once: each
 * change locks its row and re-checks it, and reviews are opened at most once.
 */
export class ExpiryTicker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly policy: IndicatorPolicy,
    private readonly logger: Pick<Logger, 'info' | 'error'>,
    private readonly everyMs = 5 * 60_000,
  ) {}

  start(): void {
    const tick = () => {
      this.running = applyExpiryPolicy(this.db, this.policy)
        .then((r) => {
          if (r.cleared || r.reviewsOpened) this.logger.info(r, 'indicator expiry policy applied');
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'indicator expiry failed'));
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
