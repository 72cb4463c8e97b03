import { Injectable, Logger } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf } from '@rl/queue';
import { CityRecord } from '@rl/tenancy';
import { AccountEmailRecord } from '../persistence/account-email.entity';
import { PasswordResetRecord } from '../persistence/password-reset.entity';
import { RefreshTokenRecord } from '../persistence/refresh-token.entity';

// Expired refresh tokens are kept a day past expiry so that a late reuse still revokes its family.
const REFRESH_TOKEN_GRACE_MS = 86_400_000;
const SENT_EMAIL_KEEP_MS = 7 * 86_400_000;

@Injectable()
@HandlesJob('maintenance.purge-expired-credentials')
export class PurgeExpiredCredentialsHandler implements JobHandlerOf<'maintenance.purge-expired-credentials'> {
  private readonly logger = new Logger('PurgeExpiredCredentials');

  constructor(private readonly db: TenantDb) {}

  async handle(): Promise<void> {
    const now = Date.now();
    const tokens = await this.db.platform((em) =>
      em.delete(RefreshTokenRecord, { expiresAt: LessThan(new Date(now - REFRESH_TOKEN_GRACE_MS)) }),
    );
    const resets = await this.db.platform((em) =>
      em.delete(PasswordResetRecord, { expiresAt: LessThan(new Date(now)) }),
    );
    // Sent account e-mails hold no token any more; they are kept a while for support questions.
    const emails = await this.db.platform((em) =>
      em.delete(AccountEmailRecord, { status: 'sent', sentAt: LessThan(new Date(now - SENT_EMAIL_KEEP_MS)) }),
    );
    const cities = await this.db.platform((em) => em.find(CityRecord, { select: { id: true } }));
    let invitations = 0;
    for (const city of cities) {
      // Invitations are tenant rows: each city's are purged under its own setting. Those of members still
      // pending stay: a re-issue must know the account was this city's invitation.
      const [, affected] = await this.db.inCity(asCityId(city.id), (em) =>
        em.query<[unknown, number]>(
          `DELETE FROM invitations i WHERE i.expires_at < $1 AND NOT EXISTS (SELECT 1 FROM memberships m
             WHERE m.tenant_id = i.tenant_id AND m.user_id = i.user_id AND m.pending)`,
          [new Date(now)],
        ),
      );
      invitations += affected;
    }
    this.logger.log(
      {
        refreshTokens: tokens.affected ?? 0,
        passwordResets: resets.affected ?? 0,
        accountEmails: emails.affected ?? 0,
        invitations,
      },
      'Purged expired credentials',
    );
  }
}
