import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { asUserId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { PasswordHasher } from '../../auth/credentials';
import { SessionView } from '../../auth/session.view';
import { SessionOpener } from '../../auth/session-opener';
import { UserRecord } from '../../persistence/user.entity';
import { LoginCommand } from './login.command';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, SessionView> {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionOpener,
  ) {}

  async execute({ email, password }: LoginCommand): Promise<SessionView> {
    const user = await this.db.platform((em) =>
      em.findOne(UserRecord, { where: { email: email.toLowerCase() } }),
    );
    const valid = await this.passwords.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !valid) {
      throw new DomainError(
        'unauthenticated',
        'AUTH.INVALID_CREDENTIALS',
        'E-mail address or password is wrong',
      );
    }
    return this.sessions.open(asUserId(user.id));
  }
}
