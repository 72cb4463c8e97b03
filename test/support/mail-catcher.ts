import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: string;
  receivedAt: number;
}

// A real SMTP server for tests: it accepts every message (or refuses some, to force retries, or takes its
// time) and keeps what it accepted. It can go away (close) and come back on the same port (resume).
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  // Called for each message before it is accepted; return an error to refuse it (the sender retries).
  refuse: (messageId: string) => Error | null = () => null;
  // How long each message waits before the server accepts it (a slow mail server).
  delayMs = 0;
  private server!: SMTPServer;
  private port = 0;

  static async start(): Promise<MailCatcher> {
    const catcher = new MailCatcher();
    await catcher.listen();
    return catcher;
  }

  private async listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // close() drops open connections at once instead of letting them finish.
      closeTimeout: 10,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            const messageId = parsed.messageId ?? '';
            const refusal = this.refuse(messageId);
            if (refusal) return callback(Object.assign(refusal, { responseCode: 451 }));
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            this.mails.push({
              messageId,
              to: to?.value[0]?.address ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              kind: parsed.headers.get('x-rights-ledger-kind') as string,
              receivedAt: Date.now(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  // Comes back on the same port after close().
  resume(): Promise<void> {
    return this.listen();
  }

  to(email: string): CaughtMail[] {
    return this.mails.filter((m) => m.to === email.toLowerCase());
  }

  // Waits until `count` mails for `email` arrived (or fails after `timeoutMs`).
  async waitFor(email: string, count: number, timeoutMs = 20_000): Promise<CaughtMail[]> {
    const until = Date.now() + timeoutMs;
    while (this.to(email).length < count) {
      if (Date.now() > until)
        throw new Error(`Expected ${count} mails to ${email}, got ${this.to(email).length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.to(email);
  }

  // The mail server goes away: open connections are dropped, new ones refused.
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// The one-time token of an account e-mail (the fragment of its link).
export function tokenIn(mail: CaughtMail): string {
  const match = /#token=([A-Za-z0-9._-]+)/.exec(mail.text);
  if (!match) throw new Error(`No token in the mail "${mail.subject}"`);
  return match[1];
}
