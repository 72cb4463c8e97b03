import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { CalendarTokens } from '../../../persistence/calendar.repository';
import { calendarTokenHash, newCalendarToken } from '../../calendar-token';
import { CalendarLinkView } from '../../inbox.view';
import { IssueCalendarTokenCommand } from './issue-calendar-token.command';

// One link per member and city: a new one replaces (and so revokes) the previous one. A retried request
// simply issues another link; the one in the last answer is the one that works.
@CommandHandler(IssueCalendarTokenCommand)
export class IssueCalendarTokenHandler implements ICommandHandler<
  IssueCalendarTokenCommand,
  CalendarLinkView
> {
  constructor(
    private readonly tokens: CalendarTokens,
    private readonly config: AppConfig,
  ) {}

  async execute({ cityId, citySlug, userId }: IssueCalendarTokenCommand): Promise<CalendarLinkView> {
    const token = newCalendarToken();
    await this.tokens.replace(cityId, userId, calendarTokenHash(token));
    const base = this.config.publicUrl.replace(/\/+$/, '');
    return { url: `${base}/v1/cities/${encodeURIComponent(citySlug)}/calendar.ics?token=${token}` };
  }
}
