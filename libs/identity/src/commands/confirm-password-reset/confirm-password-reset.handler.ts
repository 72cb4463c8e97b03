import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher, sha256Hex } from '../../auth/credentials';
import { PasswordResetErrors } from '../../domain/identity.errors';
import { IdentityStore } from '../../persistence/identity.repository';
import { ConfirmPasswordResetCommand } from './confirm-password-reset.command';

@CommandHandler(ConfirmPasswordResetCommand)
export class ConfirmPasswordResetHandler implements ICommandHandler<ConfirmPasswordResetCommand, void> {
  constructor(
    private readonly store: IdentityStore,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ token, password }: ConfirmPasswordResetCommand): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.store.platform(async (tx) => {
      const reset = await tx.resets.lockRedeemable(sha256Hex(token), new Date());
      if (!reset) {
        throw PasswordResetErrors.INVALID({
          errors: [{ field: 'token', message: 'is unknown, expired or already used' }],
        });
      }
      await tx.resets.markUsed(reset.id);
      await tx.users.setPassword(reset.userId, passwordHash);
      await tx.sessions.revokeAllOf(reset.userId);
    });
  }
}
