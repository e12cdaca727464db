import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePiiKey } from '../../src/app/pii-crypto.ts';
import { outboxHandlers } from '../../src/jobs/outbox-handlers.ts';
import { smtpMailer } from '../../src/jobs/smtp-mailer.ts';

/** The smallest SMTP server that accepts mail: enough to see what the mailer sends, no TLS. */
let server: net.Server;
let port: number;
const received: { from: string; to: string[]; data: string }[] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') (current.from = line), socket.write('250 ok\r\n');
        else if (verb === 'RCPT') current.to.push(line), socket.write('250 ok\r\n');
        else if (verb === 'DATA') (inData = true), socket.write('354 go on\r\n');
        else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('e-mail through SMTP_URL', () => {
  it('the email.send handler hands the message to the SMTP server', async () => {
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'Canh Giác <no-reply@canhgiac.example>');
    const logged: unknown[] = [];
    const handlers = outboxHandlers({ info: (...args: unknown[]) => logged.push(args) } as never, { mailer });
    await handlers['email.send']!({ id: 1, topic: 'email.send', payload: { to: 'tran.b@example.vn', subject: 'Báo cáo CG-7K4MQ-9TXA2', text: 'Đã tiếp nhận.' }, attempts: 0 } as never);
    mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toContain('no-reply@canhgiac.example');
    expect(received[0]!.to[0]).toContain('tran.b@example.vn');
    expect(received[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    expect(JSON.stringify(logged)).not.toContain('tran.b@example.vn');
  });

  it('decrypts an encrypted recipient (reporters, disputers) only to send', async () => {
    const cipher = usePiiKey(randomBytes(32));
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@canhgiac.example');
    const logged: unknown[] = [];
    const handlers = outboxHandlers({ info: (...args: unknown[]) => logged.push(args) } as never, { mailer });
    await handlers['email.send']!({ id: 2, topic: 'email.send', payload: { toEncrypted: cipher.encrypt('le.c@example.vn'), subject: 's', text: 't' }, attempts: 0 });
    mailer.close();
    expect(received.at(-1)!.to[0]).toContain('le.c@example.vn');
    expect(JSON.stringify(logged)).toContain('l***@example.vn');
    expect(JSON.stringify(logged)).not.toContain('le.c@example.vn');
  });

  it('a refused message throws, so the outbox retries it', async () => {
    const mailer = smtpMailer('smtp://127.0.0.1:1', 'x@y.z');
    await expect(mailer.send({ to: 'a@b.vn', subject: 's', text: 't' })).rejects.toThrow();
    mailer.close();
  });
});
