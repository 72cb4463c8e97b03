import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { asCityId, CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { AccountEmailRecord } from './account-email.entity';
import { PasswordResetRecord } from './password-reset.entity';
import { RefreshTokenRecord } from './refresh-token.entity';

// Credentials past their use, for the nightly purge; each method deletes and says how many rows went.
export abstract class ExpiredCredentials {
  abstract deleteRefreshTokensExpiredBefore(instant: Date): Promise<number>;
  abstract deletePasswordResetsExpiredBefore(instant: Date): Promise<number>;
  abstract deleteAccountEmailsSentBefore(instant: Date): Promise<number>;
  abstract cityIds(): Promise<CityId[]>;
  // The city's invitations expired before `instant`, except those of members still pending.
  abstract deleteInvitationsExpiredBefore(cityId: CityId, instant: Date): Promise<number>;
}

@Injectable()
export class PgExpiredCredentials implements ExpiredCredentials {
  constructor(private readonly db: TenantDb) {}

  async deleteRefreshTokensExpiredBefore(instant: Date): Promise<number> {
    const { affected } = await this.db.platform((em) =>
      em.delete(RefreshTokenRecord, { expiresAt: LessThan(instant) }),
    );
    return affected ?? 0;
  }

  async deletePasswordResetsExpiredBefore(instant: Date): Promise<number> {
    const { affected } = await this.db.platform((em) =>
      em.delete(PasswordResetRecord, { expiresAt: LessThan(instant) }),
    );
    return affected ?? 0;
  }

  async deleteAccountEmailsSentBefore(instant: Date): Promise<number> {
    const { affected } = await this.db.platform((em) =>
      em.delete(AccountEmailRecord, { status: 'sent', sentAt: LessThan(instant) }),
    );
    return affected ?? 0;
  }

  async cityIds(): Promise<CityId[]> {
    const rows = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    return rows.map((row) => asCityId(row.id));
  }

  // Invitations are tenant rows: each city's are deleted under its own setting.
  async deleteInvitationsExpiredBefore(cityId: CityId, instant: Date): Promise<number> {
    const [, affected] = await this.db.inCity(cityId, (em) =>
      em.query<[unknown, number]>(
        `DELETE FROM invitations i WHERE i.expires_at < $1 AND NOT EXISTS (SELECT 1 FROM memberships m
           WHERE m.tenant_id = i.tenant_id AND m.user_id = i.user_id AND m.pending)`,
        [instant],
      ),
    );
    return affected;
  }
}
