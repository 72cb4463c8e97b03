import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, JobHandlerOf } from '@rl/queue';
import { ExpiredCredentials } from '../persistence/expired-credentials.repository';

// Expired refresh tokens are kept a day past expiry so that a late reuse still revokes its family.
const REFRESH_TOKEN_GRACE_MS = 86_400_000;
const SENT_EMAIL_KEEP_MS = 7 * 86_400_000;

@Injectable()
@HandlesJob('maintenance.purge-expired-credentials')
export class PurgeExpiredCredentialsHandler implements JobHandlerOf<'maintenance.purge-expired-credentials'> {
  private readonly logger = new Logger('PurgeExpiredCredentials');

  constructor(private readonly expired: ExpiredCredentials) {}

  async handle(): Promise<void> {
    const now = Date.now();
    const refreshTokens = await this.expired.deleteRefreshTokensExpiredBefore(
      new Date(now - REFRESH_TOKEN_GRACE_MS),
    );
    const passwordResets = await this.expired.deletePasswordResetsExpiredBefore(new Date(now));
    // Sent account e-mails hold no token any more; they are kept a while for support questions.
    const accountEmails = await this.expired.deleteAccountEmailsSentBefore(
      new Date(now - SENT_EMAIL_KEEP_MS),
    );
    let invitations = 0;
    // Those of members still pending stay: a re-issue must know the account was this city's invitation.
    for (const cityId of await this.expired.cityIds())
      invitations += await this.expired.deleteInvitationsExpiredBefore(cityId, new Date(now));
    this.logger.log(
      { refreshTokens, passwordResets, accountEmails, invitations },
      'Purged expired credentials',
    );
  }
}
