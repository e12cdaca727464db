import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../store/connection.ts';
import { PollingLoop } from './polling-loop.ts';
import { claimDue, markFailed, markProcessed, markProcessedMany } from '../store/outbox.ts';

export interface OutboxMessage {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
}

/** Handles one message; throwing makes the message retried later with backoff. */
export type OutboxHandler = (message: OutboxMessage) => Promise<void>;

/**
 * Handles several messages at once (in id order), for topics whose work is cheaper together
 * (one query and one insert for a batch of webhook events instead of one transaction each).
 * Throwing makes the worker retry the batch's messages one by one, so one bad message never
 * holds up the others.
 */
export type OutboxBatchHandler = (messages: OutboxMessage[]) => Promise<void>;

export interface OutboxWorkerOptions {
  handlers: Record<string, OutboxHandler>;
  /** Topics handled in batches; topics mapped to the same function are batched together. */
  batchHandlers?: Record<string, OutboxBatchHandler>;
  /** How long to sleep when there was nothing to do. */
  idleMs?: number;
  batchSize?: number;
  /** How long a claimed message stays with this worker before another may take it (the handler's time budget). */
  leaseMs?: number;
  logger?: Pick<Logger, 'warn' | 'error' | 'debug'>;
  name?: string;
}

/**
 * Drains the outbox. A batch is claimed with a lease (FOR UPDATE SKIP LOCKED in a short
 * transaction), then each handler runs outside any transaction and its message is marked done
 * or released for a retry with exponential backoff (capped at an hour, last error kept). Any
 * number of workers on any number of nodes can share one database; a worker that dies loses
 * its lease and the message is taken again, so delivery is at least once: handlers must be
 * idempotent (webhooks carry the message id for that).
 */
export class OutboxWorker {
  readonly name: string;
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: Db,
    private readonly options: OutboxWorkerOptions,
  ) {
    this.name = options.name ?? `outbox-${randomUUID().slice(0, 8)}`;
    this.loop = new PollingLoop(() => this.drainOnce(), options.idleMs ?? 500, (error) =>
      options.logger?.error({ err: error }, 'outbox worker batch failed'),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Processes one claimed batch; returns how many messages it took. Exposed for tests and the CLI.
   * Messages of batch-handled topics go to their batch handler together (marked done in one
   * statement), the others one by one; each group keeps id order.
   */
  async drainOnce(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    const leaseMs = this.options.leaseMs ?? 60_000;
    const messages = await claimDue(this.db, batchSize, this.name, leaseMs);
    const batches = new Map<OutboxBatchHandler, OutboxMessage[]>();
    const singles: OutboxMessage[] = [];
    for (const message of messages) {
      const batchHandler = this.options.batchHandlers?.[message.topic];
      if (batchHandler) batches.set(batchHandler, [...(batches.get(batchHandler) ?? []), message]);
      else singles.push(message);
    }
    for (const [batchHandler, group] of batches) {
      let handled = false;
      try {
        await batchHandler(group);
        handled = true;
      } catch (error) {
        this.options.logger?.warn({ messages: group.length, err: error instanceof Error ? error.message : String(error) }, 'outbox batch failed; retrying its messages one by one');
      }
      if (handled) await markProcessedMany(this.db, group.map((m) => m.id), this.name);
      else for (const message of group) await this.runOne(message, () => batchHandler([message]));
    }
    for (const message of singles) {
      const handler = this.options.handlers[message.topic];
      await this.runOne(message, () => {
        if (!handler) throw new Error(`no handler for topic "${message.topic}"`);
        return handler(message);
      });
    }
    return messages.length;
  }

  /** Runs one message's handler and marks it done, or released for a retry with backoff. */
  private async runOne(message: OutboxMessage, handle: () => Promise<void>): Promise<void> {
    try {
      await handle();
      await markProcessed(this.db, message.id, this.name);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const delayMs = Math.min(3_600_000, 1000 * 2 ** Math.min(message.attempts, 12));
      this.options.logger?.warn({ outboxId: message.id, topic: message.topic, err: text }, 'outbox message failed; will retry');
      await markFailed(this.db, message.id, text, new Date(Date.now() + delayMs));
    }
  }
}
