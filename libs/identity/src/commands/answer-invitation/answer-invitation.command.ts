import { Command } from '@nestjs/cqrs';
import { CityId, UserId } from '@rl/kernel';

// The signed-in user accepts or declines a membership a city offered them.
export class AnswerInvitationCommand extends Command<void> {
  constructor(
    readonly userId: UserId,
    readonly cityId: CityId,
    readonly answer: 'accept' | 'decline',
  ) {
    super();
  }
}
