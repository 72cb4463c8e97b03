import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull, MoreThan } from 'typeorm';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { PasswordHasher, sha256Hex } from '../../auth/credentials';
import { revokeAllSessions } from '../../auth/session-family';
import { PasswordResetRecord } from '../../persistence/password-reset.entity';
import { UserRecord } from '../../persistence/user.entity';
import { ConfirmPasswordResetCommand } from './confirm-password-reset.command';

@CommandHandler(ConfirmPasswordResetCommand)
export class ConfirmPasswordResetHandler implements ICommandHandler<ConfirmPasswordResetCommand, void> {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ token, password }: ConfirmPasswordResetCommand): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.db.platform(async (em) => {
      const reset = await em.findOne(PasswordResetRecord, {
        where: { tokenHash: sha256Hex(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reset) {
        throw new DomainError(
          'invalid',
          'PASSWORD_RESET.INVALID',
          'The password-reset token is unknown, expired or already used',
          [{ field: 'token', message: 'is unknown, expired or already used' }],
        );
      }
      await em.update(PasswordResetRecord, { id: reset.id }, { usedAt: new Date() });
      await em.update(UserRecord, { id: reset.userId }, { passwordHash });
      await revokeAllSessions(em, reset.userId);
    });
  }
}
