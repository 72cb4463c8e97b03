import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { TenantDb } from '@rl/persistence';
import { sha256Hex } from '../../auth/credentials';
import { RefreshTokenRecord } from '../../persistence/refresh-token.entity';
import { LogoutCommand } from './logout.command';

// Ends the login session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent.
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(private readonly db: TenantDb) {}

  async execute({ refreshToken }: LogoutCommand): Promise<void> {
    await this.db.platform(async (em) => {
      const token = await em.findOneBy(RefreshTokenRecord, { tokenHash: sha256Hex(refreshToken) });
      if (token) {
        await em.update(
          RefreshTokenRecord,
          { familyId: token.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
      }
    });
  }
}
