import type { Logger } from 'pino';
import type { OutboxHandler } from './outbox-worker.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * What each outbox topic does. E-mail goes to the log until SMTP is configured (the reports
 * issue adds the SMTP transport); later issues add webhooks and index updates here.
 */
export function outboxHandlers(logger: Pick<Logger, 'info'>): Record<string, OutboxHandler> {
  return {
    'email.send': async ({ id, payload }) => {
      const mail = payload as EmailMessage;
      logger.info({ outboxId: id, to: mail.to, subject: mail.subject }, `e-mail (development: logged, not sent)\n${mail.text}`);
    },
  };
}
