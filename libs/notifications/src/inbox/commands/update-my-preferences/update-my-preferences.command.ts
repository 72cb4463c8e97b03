import { Command } from '@nestjs/cqrs';
import { UserId } from '@rl/kernel';
import { NotificationPreferencesView } from '../../inbox.view';
import { UpdateMyPreferencesDto } from './update-my-preferences.dto';

export class UpdateMyPreferencesCommand extends Command<NotificationPreferencesView> {
  constructor(
    readonly userId: UserId,
    readonly input: UpdateMyPreferencesDto,
  ) {
    super();
  }
}
