import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailDelivery } from '../../shared/invitations.js';
import type { AppConfig } from '../config/config.js';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { AppMetrics } from '../metrics/instrumentation.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the mail carries: named in the log when the mail goes to the outbox. */
  link?: string;
  /** An iCalendar invitation (text/calendar) that mail programs offer to add to the calendar. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** Files sent with the mail, such as a meeting's agenda as PDF. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface MailLog {
  info(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface Mailer {
  /** How mails leave: by SMTP, or as .eml files in the outbox folder when SMTP_URL is not set. */
  readonly delivery: MailDelivery;
  send(message: MailMessage): Promise<{ delivery: MailDelivery }>;
  /** Sends without making the caller wait; a failure is logged. `idle()` waits for such mails. */
  sendInBackground(message: MailMessage): void;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The SMTP address with its password left out, for messages and logs. */
export const redactSmtpUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Builds the mailer from SMTP_URL and MAIL_FROM, or one writing to OUTBOX_DIR without SMTP_URL. */
export function createMailer(
  config: AppConfig['mail'],
  options: { log: MailLog; clock: Clock; metrics: Pick<AppMetrics, 'mailSent' | 'mailFailed'> },
): Mailer {
  const { log, clock, metrics } = options;
  const smtpUrl = config.smtpUrl;
  const transport = smtpUrl
    ? nodemailer.createTransport(smtpUrl, { from: config.from })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: config.from });
  const delivery: MailDelivery = smtpUrl ? 'smtp' : 'outbox';

  async function writeToOutbox(message: MailMessage, raw: Buffer): Promise<string> {
    await fs.mkdir(config.outboxDir, { recursive: true });
    const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
    const recipient = message.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
    const file = path.join(config.outboxDir, `${stamp}-${recipient}-${randomBytes(3).toString('hex')}.eml`);
    await fs.writeFile(file, raw);
    return file;
  }

  async function send(message: MailMessage): Promise<{ delivery: MailDelivery }> {
    try {
      await deliver(message);
    } catch (error) {
      metrics.mailFailed();
      throw error;
    }
    metrics.mailSent();
    return { delivery };
  }

  async function deliver(message: MailMessage): Promise<void> {
    const envelope = {
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      icalEvent: message.calendar && { method: message.calendar.method, content: message.calendar.content },
      attachments: message.attachments,
    };
    if (!smtpUrl) {
      const info = await transport.sendMail(envelope);
      const file = await writeToOutbox(message, info.message as Buffer);
      log.info(
        { to: message.to, file, link: message.link },
        `E-post skickas inte (SMTP_URL saknas): "${message.subject}" till ${message.to} sparades i ${file}` +
          (message.link ? `. Länk: ${message.link}` : ''),
      );
      return;
    }
    try {
      await transport.sendMail(envelope);
    } catch (error) {
      log.error({ err: error, to: message.to, smtp: redactSmtpUrl(smtpUrl) }, 'e-post kunde inte skickas');
      throw new AppError(
        'INTERNAL',
        'E-postmeddelandet kunde inte skickas: e-postservern svarade inte som väntat. Försök igen senare.',
      );
    }
  }

  const pending = new Set<Promise<unknown>>();
  return {
    delivery,
    send,
    sendInBackground(message) {
      const sending = send(message)
        .catch((error: unknown) => {
          if (!(error instanceof AppError)) log.error({ err: error, to: message.to }, 'e-post kunde inte skickas');
        })
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async close() {
      await this.idle();
      transport.close();
    },
  };
}
