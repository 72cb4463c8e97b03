import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { PasswordHasher } from '../../auth/credentials';
import { revokeAllSessions } from '../../auth/session-family';
import { SessionOpener } from '../../auth/session-opener';
import { SessionView } from '../../auth/session.view';
import { UserRecord } from '../../persistence/user.entity';
import { ChangePasswordCommand } from './change-password.command';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, SessionView> {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionOpener,
  ) {}

  async execute({ userId, input }: ChangePasswordCommand): Promise<SessionView> {
    const user = await this.db.platform((em) => em.findOneByOrFail(UserRecord, { id: userId }));
    if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      throw new DomainError('invalid', 'AUTH.WRONG_PASSWORD', 'The current password is wrong', [
        { field: 'currentPassword', message: 'is wrong' },
      ]);
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    await this.db.platform(async (em) => {
      // Only if unchanged since it was checked: two concurrent changes cannot both succeed.
      const changed = await em.update(
        UserRecord,
        { id: userId, passwordHash: user.passwordHash ?? '' },
        { passwordHash },
      );
      if (changed.affected !== 1) {
        throw new DomainError('conflict', 'AUTH.PASSWORD_CHANGED', 'The password was changed meanwhile', [
          { field: 'currentPassword', message: 'is no longer current' },
        ]);
      }
      await revokeAllSessions(em, userId);
    });
    return this.sessions.open(userId);
  }
}
