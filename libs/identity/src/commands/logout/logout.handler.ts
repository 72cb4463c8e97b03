import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { sha256Hex } from '../../auth/credentials';
import { lockFamily, revokeFamily } from '../../auth/session-family';
import { RefreshTokenRecord } from '../../persistence/refresh-token.entity';
import { LogoutCommand } from './logout.command';

// Ends the login session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent.
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(private readonly db: TenantDb) {}

  async execute({ refreshToken }: LogoutCommand): Promise<void> {
    await this.db.platform(async (em) => {
      const token = await em.findOneBy(RefreshTokenRecord, { tokenHash: sha256Hex(refreshToken) });
      if (!token) return;
      await lockFamily(em, token.familyId);
      // A separate statement after the lock: it also sees a successor a concurrent refresh committed.
      await revokeFamily(em, token.familyId);
    });
  }
}
