import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { Mailer } from '../channels/mailer';
import { AccountMail, renderAccountMail } from '../domain/account-mail';

interface PendingAccountMail extends AccountMail {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

// Sends one account e-mail (identity's outbox, account_emails) at once, exactly like a notice: the row
// stays locked while the mail server takes it and is marked sent in the same transaction. Its one-time
// token is erased then: from that moment only the addressee's mailbox holds it.
@Injectable()
@HandlesJob('notifications.account-email')
export class DeliverAccountEmailHandler implements JobHandlerOf<'notifications.account-email'> {
  private readonly logger = new Logger('AccountEmail');

  constructor(
    private readonly db: TenantDb,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async handle({ emailId }: JobPayloads['notifications.account-email']): Promise<void> {
    await this.db.platform(async (em) => {
      const [mail] = await em.query<PendingAccountMail[]>(
        `SELECT e.id, e.kind, e.data, e.token, u.email, u.name, u.locale
           FROM account_emails e JOIN users u ON u.id = e.user_id
          WHERE e.id = $1 AND e.status = 'pending'
          FOR UPDATE OF e SKIP LOCKED`,
        [emailId],
      );
      if (!mail) {
        const [exists] = await em.query<unknown[]>(`SELECT 1 FROM account_emails WHERE id = $1`, [emailId]);
        // Not committed yet by whoever recorded it: retry shortly. Otherwise sent, or being sent.
        if (!exists) throw new Error(`Account e-mail ${emailId} is not visible yet`);
        return;
      }
      const recipient = { name: mail.name, locale: mail.locale ?? 'en', timezone: 'UTC' };
      const message = renderAccountMail(mail, recipient, this.config.notifications.appUrl);
      await this.mailer.send({
        ...message,
        to: mail.email,
        messageId: `<${mail.id}@rights-ledger>`,
        kind: mail.kind,
      });
      if (this.config.auth.logAccountTokens && mail.token) {
        this.logger.warn(
          { to: mail.email, kind: mail.kind, token: mail.token },
          'Account token (LOG_ACCOUNT_TOKENS)',
        );
      }
      await em.query(
        `UPDATE account_emails SET status = 'sent', sent_at = now(), token = NULL WHERE id = $1`,
        [mail.id],
      );
    });
  }
}
