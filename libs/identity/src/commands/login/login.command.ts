import { Command } from '@nestjs/cqrs';
import { SessionView } from '../../auth/session.view';

export class LoginCommand extends Command<SessionView> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
