import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { TenantDb } from '@rl/persistence';
import { AccountMail } from '../domain/account-mail';
import { MailLease } from './mail-lease';

export interface PendingAccountMail extends AccountMail {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

// What a claim found: not committed yet by whoever recorded it (retry shortly), nothing to send now
// (sent, being sent, waiting for its next attempt, or given up), or the claimed e-mail.
export type AccountMailClaim =
  { outcome: 'not_visible' } | { outcome: 'nothing' } | { outcome: 'claimed'; mail: PendingAccountMail };

// Identity's outbox of account e-mails (a platform table), sent under a lease like notices (MailLease).
export abstract class AccountMails {
  abstract claim(emailId: string, claim: string): Promise<AccountMailClaim>;
  // Sends outside any transaction and records the outcome; a sent mail's token is erased.
  abstract deliver(id: string, claim: string, send: () => Promise<void>): Promise<boolean>;
}

@Injectable()
export class PgAccountMails implements AccountMails {
  private readonly lease: MailLease;

  constructor(
    private readonly db: TenantDb,
    config: AppConfig,
  ) {
    this.lease = new MailLease('account_emails', config);
  }

  claim(emailId: string, claim: string): Promise<AccountMailClaim> {
    return this.db.platform(async (em) => {
      const [[mail]] = await em.query<[PendingAccountMail[], number]>(
        `UPDATE account_emails e SET ${this.lease.claim('$2')}
           FROM users u
          WHERE u.id = e.user_id AND e.id IN (
                SELECT id FROM account_emails c WHERE c.id = $1 AND c.status = 'pending'
                   AND ${this.lease.claimable('c')} FOR UPDATE SKIP LOCKED)
          RETURNING e.id, e.kind, e.data, e.token, u.email, u.name, u.locale`,
        [emailId, claim],
      );
      if (mail) return { outcome: 'claimed', mail };
      const [exists] = await em.query<unknown[]>(`SELECT 1 FROM account_emails WHERE id = $1`, [emailId]);
      return { outcome: exists ? 'nothing' : 'not_visible' };
    });
  }

  deliver(id: string, claim: string, send: () => Promise<void>): Promise<boolean> {
    return this.lease.deliver((work) => this.db.platform(work), [id], claim, send);
  }
}
