import type { Logger } from 'pino';
import { fanOutEvent, fanOutEvents, WEBHOOK_SOURCE_TOPICS } from '../app/webhook-fanout.ts';
import { piiCipher } from '../app/pii-crypto.ts';
import type { Db } from '../store/connection.ts';
import type { OutboxBatchHandler, OutboxHandler } from './outbox-worker.ts';
import type { Mailer } from './smtp-mailer.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What `email.send` carries: a plain address, or (reporters, disputers) an encrypted one. */
export type EmailPayload = Omit<EmailMessage, 'to'> & ({ to: string } | { toEncrypted: string });

function recipientOf(payload: EmailPayload): string {
  return 'to' in payload ? payload.to : piiCipher().decrypt(payload.toEncrypted);
}

/** `tran.b@example.vn` → `t***@example.vn`: enough to tell messages apart in logs. */
function masked(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '***';
}

/**
 * What each outbox topic does. E-mail goes through SMTP when a mailer is given (`SMTP_URL`),
 * to the log otherwise (development); indicator and escalation events fan out to webhook
 * subscriptions.
 */
export function outboxHandlers(logger: Pick<Logger, 'info'>, options: { mailer?: Mailer; db?: Db } = {}): Record<string, OutboxHandler> {
  // Indicator and escalation events become webhook deliveries, queued per subscription
  // (src/app/webhook-fanout.ts) and sent by the webhook dispatcher. Without a database (unit
  // uses) they are logged and done.
  const webhookEvents = Object.fromEntries(
    WEBHOOK_SOURCE_TOPICS.map((topic): [string, OutboxHandler] => [
      topic,
      async (message) => {
        if (!options.db) return logger.info({ outboxId: message.id, topic }, 'event recorded (no database for webhooks)');
        const queued = await fanOutEvent(options.db, message);
        logger.info({ outboxId: message.id, topic, queued }, 'webhook deliveries queued');
      },
    ]),
  );
  return {
    ...webhookEvents,
    'email.send': async ({ id, payload }) => {
      const mail = payload as EmailPayload;
      const to = recipientOf(mail);
      if (options.mailer) {
        await options.mailer.send({ to, subject: mail.subject, text: mail.text });
        logger.info({ outboxId: id, to: masked(to), subject: mail.subject }, 'e-mail sent');
        return;
      }
      logger.info({ outboxId: id, to: 'to' in mail ? mail.to : masked(to), subject: mail.subject }, `e-mail (development: logged, not sent)\n${mail.text}`);
    },
  };
}

/**
 * The topics worth handling in batches: indicator and escalation events fan out to webhook
 * subscriptions together (one subscriber query and one insert for a whole claimed batch; intake
 * makes several events per report, so one at a time cost more than the intake itself).
 */
export function outboxBatchHandlers(logger: Pick<Logger, 'info'>, options: { db: Db }): Record<string, OutboxBatchHandler> {
  const fanOut: OutboxBatchHandler = async (messages) => {
    const queued = await fanOutEvents(options.db, messages);
    logger.info({ messages: messages.length, firstOutboxId: messages[0]?.id, queued }, 'webhook deliveries queued');
  };
  return Object.fromEntries(WEBHOOK_SOURCE_TOPICS.map((topic) => [topic, fanOut]));
}
