import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@rl/config';
import { RenderedMessage } from '../domain/notice';

export const MAIL_CONNECTIONS = 8;
// Connect, greeting and idle-socket limit of one send. No transaction is open while a message is sent,
// so this need not stay below the database's idle-in-transaction limit; the send lease outlasts it.
export const MAIL_TIMEOUT_MS = 60_000;

// smtp://user:password@host:port (smtps:// for TLS from the first byte).
function smtpOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: Number(parsed.port || (secure ? 465 : 587)),
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
  };
}

export interface OutgoingMail extends RenderedMessage {
  to: string;
  // Deterministic per notice: should a send ever be repeated, mail systems can tell it is the same one.
  messageId: string;
  // What the notice is about ('reminder.upcoming', … or 'digest'), for mail filters.
  kind: string;
}

// Sends over SMTP, or — with no SMTP_URL (the quick start) — writes each e-mail to the log instead.
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    const smtpUrl = config.notifications.smtpUrl;
    this.transport = smtpUrl
      ? createTransport({
          ...smtpOptions(smtpUrl),
          // Reused connections: a handshake per message caps a burst of reminders at a few dozen per second.
          pool: true,
          maxConnections: MAIL_CONNECTIONS,
          connectionTimeout: MAIL_TIMEOUT_MS,
          greetingTimeout: MAIL_TIMEOUT_MS,
          socketTimeout: MAIL_TIMEOUT_MS,
        })
      : createTransport({ jsonTransport: true });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.notifications.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'X-Rights-Ledger-Kind': mail.kind },
    });
    if (!this.config.notifications.smtpUrl) {
      this.logger.log({ to: mail.to, subject: mail.subject, text: mail.text }, 'E-mail (log transport)');
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
