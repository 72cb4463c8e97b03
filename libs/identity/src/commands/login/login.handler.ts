import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { asUserId } from '@rl/kernel';
import { PasswordLogin } from '../../auth/password-login';
import { SessionOpener } from '../../auth/session-opener';
import { SessionView } from '../../auth/session.view';
import { LoginCommand } from './login.command';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, SessionView> {
  constructor(
    private readonly logins: PasswordLogin,
    private readonly sessions: SessionOpener,
  ) {}

  async execute({ email, password }: LoginCommand): Promise<SessionView> {
    const user = await this.logins.verify(email, password);
    return this.sessions.open(asUserId(user.id));
  }
}
