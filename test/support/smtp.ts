import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  fromName: string;
  fromAddress: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  messageId?: string;
  raw: ParsedMail;
}

export interface TestSmtp {
  /** smtp://user:pass@127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves when `count` messages have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  /** Listen again on the same port (after stop), as a server coming back. */
  restart(): Promise<void>;
}

/** A real SMTP server in the test process (the `smtp-server` package), on a random port, requiring sign-in. */
export async function startSmtpServer(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 'mail-secret') callback(null, { user: 'mailer' });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(','),
              fromName: mail.from?.value[0]?.name ?? '',
              fromAddress: mail.from?.value[0]?.address ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers,
              messageId: mail.messageId,
              raw: mail,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  let server = make();
  const listen = (p: number) => new Promise<number>((resolve) => server.listen(p, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)));
  const boundPort = await listen(port);
  return {
    url: `smtp://mailer:mail-secret@127.0.0.1:${boundPort}`,
    port: boundPort,
    received,
    async waitFor(count, ms = 10000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = make();
      await listen(boundPort);
    },
  };
}

/** A port nothing listens on (SMTP "down"): bind, note the port, close. */
export async function freePort(): Promise<number> {
  const smtp = await startSmtpServer();
  await smtp.stop();
  return smtp.port;
}
