import { Command } from '@nestjs/cqrs';
import { TokenPairView } from '../../auth/session.view';

export class RefreshSessionCommand extends Command<TokenPairView> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
