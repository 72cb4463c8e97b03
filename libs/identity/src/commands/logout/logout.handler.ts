import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { sha256Hex } from '../../auth/credentials';
import { IdentityStore } from '../../persistence/identity.repository';
import { LogoutCommand } from './logout.command';

// Ends the login session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent.
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(private readonly store: IdentityStore) {}

  async execute({ refreshToken }: LogoutCommand): Promise<void> {
    await this.store.platform(async (tx) => {
      const token = await tx.sessions.byHash(sha256Hex(refreshToken));
      if (!token) return;
      await tx.sessions.lockFamily(token.familyId);
      // A separate statement after the lock: it also sees a successor a concurrent refresh committed.
      await tx.sessions.revokeFamily(token.familyId);
    });
  }
}
