import { Command } from '@nestjs/cqrs';
import { SessionView } from '../../auth/session.view';

export class AcceptInvitationCommand extends Command<SessionView> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
