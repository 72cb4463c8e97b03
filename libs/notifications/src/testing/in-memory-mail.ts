import { loadConfig } from '@rl/config';
import { Mailer, OutgoingMail } from '../channels/mailer';
import { CityId } from '@rl/kernel';
import { AccountMailClaim, AccountMails, PendingAccountMail } from '../persistence/account-mails.repository';
import { NoticeClaim, NoticeMails } from '../persistence/notice-mails.repository';

// The mailer of the quick start (no SMTP server), keeping what it was asked to send; `failing` makes the
// server refuse.
export class RecordingMailer extends Mailer {
  readonly sent: OutgoingMail[] = [];
  failing = false;

  constructor() {
    super(loadConfig({}));
  }

  override send(mail: OutgoingMail): Promise<void> {
    if (this.failing) return Promise.reject(new Error('421 try later'));
    this.sent.push(mail);
    return Promise.resolve();
  }
}

// Account e-mails in memory: pending until claimed, sent (token erased) when the send succeeds.
export class InMemoryAccountMails implements AccountMails {
  readonly rows = new Map<string, PendingAccountMail & { status: 'pending' | 'claimed' | 'sent' }>();

  given(mail: PendingAccountMail): this {
    this.rows.set(mail.id, { ...mail, status: 'pending' });
    return this;
  }

  claim(emailId: string): Promise<AccountMailClaim> {
    const row = this.rows.get(emailId);
    if (!row) return Promise.resolve({ outcome: 'not_visible' });
    if (row.status !== 'pending') return Promise.resolve({ outcome: 'nothing' });
    row.status = 'claimed';
    return Promise.resolve({ outcome: 'claimed', mail: { ...row } });
  }

  async deliver(id: string, _claim: string, send: () => Promise<void>): Promise<boolean> {
    const row = this.rows.get(id);
    try {
      await send();
    } catch {
      if (row) row.status = 'pending';
      return false;
    }
    if (row) Object.assign(row, { status: 'sent', token: null });
    return true;
  }
}

// A city's e-mail notices in memory: a claim answers what the test set; what was sent is kept.
export class InMemoryNoticeMails implements NoticeMails {
  readonly sent: string[][] = [];

  constructor(private readonly claimed: NoticeClaim) {}

  claim(): Promise<NoticeClaim> {
    return Promise.resolve(this.claimed);
  }

  async deliver(_: CityId, ids: string[], _claim: string, send: () => Promise<void>): Promise<boolean> {
    await send();
    this.sent.push(ids);
    return true;
  }
}
