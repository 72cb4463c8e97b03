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

// A real SMTP server for tests: it accepts every message (or refuses some, to force retries) and keeps
// what it accepted.
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  // Called for each message before it is accepted; return an error to refuse it (the sender retries).
  refuse: (messageId: string) => Error | null = () => null;
  private server!: SMTPServer;

  static async start(): Promise<MailCatcher> {
    const catcher = new MailCatcher();
    catcher.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const messageId = parsed.messageId ?? '';
            const refusal = catcher.refuse(messageId);
            if (refusal) return callback(Object.assign(refusal, { responseCode: 451 }));
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            catcher.mails.push({
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
    await new Promise<void>((resolve) => catcher.server.listen(0, '127.0.0.1', resolve));
    return catcher;
  }

  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
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
