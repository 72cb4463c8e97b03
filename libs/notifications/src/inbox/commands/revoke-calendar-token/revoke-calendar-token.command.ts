import { Command } from '@nestjs/cqrs';
import { CityId, UserId } from '@rl/kernel';

export class RevokeCalendarTokenCommand extends Command<void> {
  constructor(
    readonly cityId: CityId,
    readonly userId: UserId,
  ) {
    super();
  }
}
