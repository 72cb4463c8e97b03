import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarTokens } from '../../../persistence/calendar.repository';
import { RevokeCalendarTokenCommand } from './revoke-calendar-token.command';

// Ends the caller's calendar link in this city (no link: nothing to do, still a success).
@CommandHandler(RevokeCalendarTokenCommand)
export class RevokeCalendarTokenHandler implements ICommandHandler<RevokeCalendarTokenCommand, void> {
  constructor(private readonly tokens: CalendarTokens) {}

  execute({ cityId, userId }: RevokeCalendarTokenCommand): Promise<void> {
    return this.tokens.revoke(cityId, userId);
  }
}
