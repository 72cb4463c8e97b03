import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher } from '../../auth/credentials';
import { SessionOpener } from '../../auth/session-opener';
import { SessionView } from '../../auth/session.view';
import { AuthErrors } from '../../domain/identity.errors';
import { IdentityStore } from '../../persistence/identity.repository';
import { ChangePasswordCommand } from './change-password.command';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, SessionView> {
  constructor(
    private readonly store: IdentityStore,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionOpener,
  ) {}

  async execute({ userId, input }: ChangePasswordCommand): Promise<SessionView> {
    const user = await this.store.platform((tx) => tx.users.byId(userId));
    if (!user) throw new Error(`No account ${userId}`);
    if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      throw AuthErrors.WRONG_PASSWORD({ errors: [{ field: 'currentPassword', message: 'is wrong' }] });
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    await this.store.platform(async (tx) => {
      // Only if unchanged since it was checked: two concurrent changes cannot both succeed.
      if (!(await tx.users.replacePassword(userId, user.passwordHash, passwordHash))) {
        throw AuthErrors.PASSWORD_CHANGED({
          errors: [{ field: 'currentPassword', message: 'is no longer current' }],
        });
      }
      await tx.sessions.revokeAllOf(userId);
    });
    return this.sessions.open(userId);
  }
}
