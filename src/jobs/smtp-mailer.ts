import nodemailer from 'nodemailer';
import type { EmailMessage } from './outbox-handlers.ts';

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

/**
 * E-mail through the SMTP server of `SMTP_URL` (`smtp://user:pass@host:587`, STARTTLS when the
 * server offers it; `smtps://` for implicit TLS). nodemailer does the protocol: SMTP with
 * authentication, TLS and dot-stuffing is not worth hand-writing. A failure throws, so the
 * outbox retries the message with backoff.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
