// Sends email over SMTP (nodemailer, `SMTP_URL`), or, without an SMTP server (as under `npm start`),
// writes each message as an .eml file under <data dir>/outbox-mail so nothing is lost.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Derived from the event id: the same event sent again carries the same Message-ID. */
  messageId: string;
  headers: Record<string, string>;
  attachments?: EmailAttachment[];
  /** Name of the .eml file (without extension) when writing to disk; a resend overwrites it. */
  fileStem: string;
}

export interface Mailer {
  send(mail: OutgoingEmail): Promise<{ response: string }>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  /** Where .eml files go when there is no SMTP URL. */
  mailDir: string;
  /** Simultaneous SMTP connections. */
  maxConnections?: number;
}

const toNodemailer = (from: string, mail: OutgoingEmail) => ({
  from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  messageId: mail.messageId,
  headers: mail.headers,
  attachments: mail.attachments ?? [],
});

export const mailDirFor = (dataDir: string): string => join(dataDir, 'outbox-mail');

export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: options.maxConnections ?? 4,
      // Bounded well inside the dispatcher's lease, so a hung server cannot cause a double send.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      async send(mail) {
        const info = await transport.sendMail(toNodemailer(options.from, mail));
        return { response: info.response };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  let ready: Promise<unknown> | undefined;
  return {
    async send(mail) {
      ready ??= mkdir(options.mailDir, { recursive: true });
      await ready;
      const info = await transport.sendMail(toNodemailer(options.from, mail));
      const file = join(options.mailDir, `${mail.fileStem.replace(/[^\w.-]+/g, '_')}.eml`);
      // Written whole, then renamed: a reader never opens half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return { response: `written to ${file}` };
    },
    close: () => transport.close(),
  };
}
