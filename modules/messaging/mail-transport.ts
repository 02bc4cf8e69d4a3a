import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Stable across retries, so a receiving server can spot a repeat. */
  messageId: string;
}

export interface MailTransport {
  readonly name: 'smtp' | 'capture';
  send(mail: OutgoingMail): Promise<{ messageId?: string }>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Real delivery: one SMTP connection per message (no pool), so a server that went away is simply retried. */
export function smtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  // Timeouts well under the worker's lease, so a hung server fails the try instead of holding the message.
  for (const [key, value] of Object.entries({ connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' })) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  const transporter: Transporter = createTransport(url.toString());
  return {
    name: 'smtp',
    async send(mail) {
      const info = (await transporter.sendMail({ ...mail, messageId: mail.messageId })) as { messageId?: string };
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** Development without SMTP_URL: nothing leaves the machine; the outbox row is the mailbox. */
export function captureTransport(): MailTransport {
  return { name: 'capture', send: (mail) => Promise.resolve({ messageId: mail.messageId }), close: () => undefined };
}
