import { Injectable, Logger } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf } from '@rl/queue';
import { CityRecord } from '@rl/tenancy';
import { InvitationRecord } from '../persistence/invitation.entity';
import { RefreshTokenRecord } from '../persistence/refresh-token.entity';

// Expired refresh tokens are kept a day past expiry so that a late reuse still revokes its family.
const REFRESH_TOKEN_GRACE_MS = 86_400_000;

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
    const cities = await this.db.platform((em) => em.find(CityRecord, { select: { id: true } }));
    let invitations = 0;
    for (const city of cities) {
      // Invitations are tenant rows: each city's are purged under its own setting.
      const result = await this.db.inCity(asCityId(city.id), (em) =>
        em.delete(InvitationRecord, { expiresAt: LessThan(new Date(now)) }),
      );
      invitations += result.affected ?? 0;
    }
    this.logger.log({ refreshTokens: tokens.affected ?? 0, invitations }, 'Purged expired credentials');
  }
}
