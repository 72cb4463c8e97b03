import { Command } from '@nestjs/cqrs';
import { CityId, UserId } from '@rl/kernel';
import { CalendarLinkView } from '../../inbox.view';

export class IssueCalendarTokenCommand extends Command<CalendarLinkView> {
  constructor(
    readonly cityId: CityId,
    readonly citySlug: string,
    readonly userId: UserId,
  ) {
    super();
  }
}
