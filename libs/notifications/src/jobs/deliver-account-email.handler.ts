import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { Mailer } from '../channels/mailer';
import { renderAccountMail } from '../domain/account-mail';
import { AccountMails } from '../persistence/account-mails.repository';

// Sends one account e-mail (identity's outbox, account_emails) at once, under a lease exactly like a
// notice (MailLease). Its one-time token is erased when the mail server has it: from that moment only
// the addressee's mailbox holds it.
@Injectable()
@HandlesJob('notifications.account-email')
export class DeliverAccountEmailHandler implements JobHandlerOf<'notifications.account-email'> {
  private readonly logger = new Logger('AccountEmail');

  constructor(
    private readonly mails: AccountMails,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async handle({ emailId }: JobPayloads['notifications.account-email']): Promise<void> {
    const claim = randomUUID();
    const claimed = await this.mails.claim(emailId, claim);
    if (claimed.outcome === 'not_visible') throw new Error(`Account e-mail ${emailId} is not visible yet`);
    if (claimed.outcome === 'nothing') return;
    const { mail } = claimed;
    const recipient = { name: mail.name, locale: mail.locale ?? 'en', timezone: 'UTC' };
    const message = renderAccountMail(mail, recipient, this.config.notifications.appUrl);
    const sent = await this.mails.deliver(mail.id, claim, () =>
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
