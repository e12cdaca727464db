import type { Logger } from 'pino';
import type { OutboxHandler } from './outbox-worker.ts';
import type { Mailer } from './smtp-mailer.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * What each outbox topic does. E-mail goes through SMTP when a mailer is given (`SMTP_URL`),
 * to the log otherwise (development); later issues add webhooks and index updates here.
 */
export function outboxHandlers(logger: Pick<Logger, 'info'>, options: { mailer?: Mailer } = {}): Record<string, OutboxHandler> {
  return {
    'email.send': async ({ id, payload }) => {
      const mail = payload as EmailMessage;
      if (options.mailer) {
        await options.mailer.send(mail);
        logger.info({ outboxId: id, subject: mail.subject }, 'e-mail sent');
        return;
      }
      logger.info({ outboxId: id, to: mail.to, subject: mail.subject }, `e-mail (development: logged, not sent)\n${mail.text}`);
    },
  };
}
