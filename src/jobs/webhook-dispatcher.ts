import type { Logger } from 'pino';
import { systemCaller, auditActor } from '../app/caller.ts';
import { openSecret } from '../app/webhook-secrets.ts';
import type { WebhookConfig } from '../config.ts';
import { retryDelayMs } from '../domain/webhooks/backoff.ts';
import { signedHeaders } from '../domain/webhooks/signature.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { activeUserEmails } from '../store/escalations.ts';
import { enqueue } from '../store/outbox.ts';
import { claimDueDeliveries, findSubscription, insertAttempt, purgeFinishedDeliveries, updateDelivery, updateSubscription, type ClaimedDelivery } from '../store/webhooks.ts';
import { PollingLoop } from './polling-loop.ts';
import { sendWebhook, type SendResult } from './webhook-sender.ts';

/** How long delivered and failed deliveries stay in the log. */
export const LOG_RETENTION_DAYS = 30;

export interface WebhookDispatcherOptions {
  settings: Pick<WebhookConfig, 'allowPrivateTargets' | 'timeoutMs' | 'retryBaseMs' | 'retryMaxMs' | 'retryWindowMs'>;
  idleMs?: number;
  batchSize?: number;
  /** The clock (tests move it forward to cross the retry window). */
  now?: () => Date;
  /** Jitter source in [0, 1). */
  random?: () => number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * Sends queued webhook deliveries: at most one in flight per subscription, oldest first (see
 * claimDueDeliveries), different subscriptions in parallel. A failed attempt is retried with
 * exponential backoff and jitter; a delivery still failing after the retry window (24 h) is
 * given up, and its subscription disabled with an audit record and an e-mail to the
 * organization's users. Every attempt is logged.
 *
 * Running (`start`), attempts are not awaited as a batch: a slow receiver (up to the timeout)
 * keeps only its own subscription waiting, and a finished attempt lets its subscription's next
 * delivery go at once.
 */
export class WebhookDispatcher {
  private readonly loop: PollingLoop;
  private readonly now: () => Date;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly options: WebhookDispatcherOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.loop = new PollingLoop(() => this.step(), options.idleMs ?? 500, (error) => options.logger?.error({ err: error }, 'webhook dispatcher batch failed'));
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.all(this.inFlight);
  }

  /**
   * One turn of the running loop: starts attempts for what is due, up to `batchSize` in flight,
   * without waiting for them. Returns non-zero (loop again at once) while there is work: new
   * attempts, or attempts in flight — then it waits until one finishes or `idleMs` passes, so
   * new events and freed subscriptions are picked up promptly.
   */
  private async step(): Promise<number> {
    const free = (this.options.batchSize ?? 20) - this.inFlight.size;
    if (free > 0) {
      await this.purgeHourly();
      const claimed = await this.claim(free);
      for (const delivery of claimed) {
        const attempt: Promise<void> = this.attempt(delivery)
          .catch((error: unknown) => this.options.logger?.error({ err: error, deliveryId: delivery.id }, 'webhook attempt failed to record'))
          .finally(() => this.inFlight.delete(attempt));
        this.inFlight.add(attempt);
      }
      if (claimed.length > 0) return claimed.length;
    }
    if (this.inFlight.size === 0) return 0;
    await Promise.race([...this.inFlight, new Promise((resolve) => setTimeout(resolve, this.options.idleMs ?? 500))]);
    return 1;
  }

  private claim(limit: number): Promise<ClaimedDelivery[]> {
    // The lease outlasts the request, so no other node takes a delivery that is still in flight.
    return claimDueDeliveries(this.db, limit, this.now(), this.options.settings.timeoutMs + 30_000);
  }

  /** Sends one round of due deliveries and waits for them; returns how many it attempted. For tests and the CLI. */
  async drainOnce(): Promise<number> {
    await this.purgeHourly();
    const claimed = await this.claim(this.options.batchSize ?? 20);
    await Promise.all(claimed.map((d) => this.attempt(d)));
    return claimed.length;
  }

  private lastPurge = 0;

  /** The delivery log is kept for LOG_RETENTION_DAYS; pending deliveries are never purged. */
  private async purgeHourly(): Promise<void> {
    const now = this.now().getTime();
    if (now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    const purged = await purgeFinishedDeliveries(this.db, new Date(now - LOG_RETENTION_DAYS * 86_400_000));
    if (purged) this.options.logger?.info({ purged }, 'old webhook deliveries purged');
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const { settings } = this.options;
    const subscription = await findSubscription(this.db, delivery.subscriptionId);
    if (!subscription) return;
    const startedAt = this.now();
    const secrets = [openSecret(subscription.secret)];
    if (subscription.previousSecret && subscription.previousSecretUntil && subscription.previousSecretUntil > startedAt) secrets.push(openSecret(subscription.previousSecret));
    const body = JSON.stringify(delivery.payload);
    const headers = signedHeaders(secrets, delivery.messageId, Math.floor(startedAt.getTime() / 1000), body);
    const result = await sendWebhook({ url: subscription.url, headers, body, timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivateTargets });
    await this.record(delivery, subscription.organizationId, startedAt, result);
  }

  private async record(delivery: ClaimedDelivery, organizationId: string, startedAt: Date, result: SendResult): Promise<void> {
    const { settings } = this.options;
    const attempts = delivery.attempts + 1;
    await this.db.transaction(async (tx) => {
      await insertAttempt(tx, { deliveryId: delivery.id, attemptedAt: startedAt, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error, responseBody: result.responseBody });
      const common = { attempts, lastStatusCode: result.statusCode, lastError: result.error, leaseUntil: null };
      if (result.error === null) {
        await updateDelivery(tx, delivery.id, { ...common, status: 'delivered', deliveredAt: this.now() });
        return;
      }
      const firstAttemptAt = delivery.firstAttemptAt ?? startedAt;
      const now = this.now();
      if (now.getTime() - firstAttemptAt.getTime() >= settings.retryWindowMs) {
        await updateDelivery(tx, delivery.id, { ...common, firstAttemptAt, status: 'failed' });
        await this.disable(tx, delivery, organizationId, result, firstAttemptAt);
        return;
      }
      const delay = retryDelayMs({ baseMs: settings.retryBaseMs, maxMs: settings.retryMaxMs }, attempts, this.options.random?.() ?? Math.random());
      await updateDelivery(tx, delivery.id, { ...common, firstAttemptAt, nextAttemptAt: new Date(now.getTime() + delay) });
    });
    if (result.error !== null) this.options.logger?.warn({ deliveryId: delivery.id, subscriptionId: delivery.subscriptionId, err: result.error }, 'webhook delivery failed');
  }

  private async disable(tx: Db, delivery: ClaimedDelivery, organizationId: string, result: SendResult, since: Date): Promise<void> {
    const reason = `Every attempt since ${since.toISOString()} failed (last: ${result.error}); delivery ${delivery.id} was given up.`;
    const row = await updateSubscription(tx, delivery.subscriptionId, { status: 'disabled', disabledReason: reason });
    if (!row) return;
    const caller = systemCaller('webhook-dispatcher');
    await appendAudit(tx, { ...auditActor(caller), organizationId, action: 'webhook.disabled', subjectType: 'webhook_subscription', subjectId: row.id, after: { status: 'disabled', reason } });
    const subject = `Canh Giác: your webhook to ${row.url} was disabled`;
    const text = [
      `${subject} after failing for ${Math.round((this.now().getTime() - since.getTime()) / 3_600_000)} hours.`,
      reason,
      `Fix the receiver, then resume the subscription (PATCH /api/v1/webhooks/${row.id} with {"status":"active"}) and replay the failed delivery (POST /api/v1/webhooks/${row.id}/deliveries/${delivery.id}/replay). Events queued before it was disabled wait in order; events raised while it is disabled are not queued for it.`,
    ].join('\n\n');
    for (const to of await activeUserEmails(tx, organizationId)) await enqueue(tx, 'email.send', { to, subject, text });
    this.options.logger?.warn({ subscriptionId: row.id }, 'webhook subscription disabled after persistent failure');
  }
}
