import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { Mailer } from '../channels/mailer';
import { AccountMail, renderAccountMail } from '../domain/account-mail';
import { MailLease } from './mail-lease';

interface PendingAccountMail extends AccountMail {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

// Sends one account e-mail (identity's outbox, account_emails) at once, under a lease exactly like a
// notice (MailLease). Its one-time token is erased when the mail server has it: from that moment only
// the addressee's mailbox holds it.
@Injectable()
@HandlesJob('notifications.account-email')
export class DeliverAccountEmailHandler implements JobHandlerOf<'notifications.account-email'> {
  private readonly logger = new Logger('AccountEmail');
  private readonly lease: MailLease;

  constructor(
    private readonly db: TenantDb,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {
    this.lease = new MailLease('account_emails', config);
  }

  async handle({ emailId }: JobPayloads['notifications.account-email']): Promise<void> {
    const claim = randomUUID();
    const mail = await this.db.platform(async (em) => {
      const [[claimed]] = await em.query<[PendingAccountMail[], number]>(
        `UPDATE account_emails e SET ${this.lease.claim('$2')}
           FROM users u
          WHERE u.id = e.user_id AND e.id IN (
                SELECT id FROM account_emails c WHERE c.id = $1 AND c.status = 'pending'
                   AND ${this.lease.claimable('c')} FOR UPDATE SKIP LOCKED)
          RETURNING e.id, e.kind, e.data, e.token, u.email, u.name, u.locale`,
        [emailId, claim],
      );
      if (claimed) return claimed;
      const [exists] = await em.query<unknown[]>(`SELECT 1 FROM account_emails WHERE id = $1`, [emailId]);
      // Not committed yet by whoever recorded it: retry shortly. Otherwise sent, being sent, waiting
      // for its next attempt, or given up.
      if (!exists) throw new Error(`Account e-mail ${emailId} is not visible yet`);
      return null;
    });
    if (!mail) return;
    const recipient = { name: mail.name, locale: mail.locale ?? 'en', timezone: 'UTC' };
    const message = renderAccountMail(mail, recipient, this.config.notifications.appUrl);
    const sent = await this.lease.deliver(
      (work) => this.db.platform(work),
      [mail.id],
      claim,
      () =>
        this.mailer.send({
          ...message,
          to: mail.email,
          messageId: `<${mail.id}@rights-ledger>`,
          kind: mail.kind,
        }),
    );
    if (sent && this.config.auth.logAccountTokens && mail.token) {
      this.logger.warn(
        { to: mail.email, kind: mail.kind, token: mail.token },
        'Account token (LOG_ACCOUNT_TOKENS)',
      );
    }
  }
}
