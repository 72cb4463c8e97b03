import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { indicatorDecider, IndicatorErrors, indicatorStream } from '@rl/indicators';
import { WriteResultView } from '@rl/web';
import { indicatorFollowsDecider, indicatorFollowsStream } from '../../../domain/indicator-follows';
import { FollowIndicatorCommand } from './follow-indicator.command';

// The caller follows (or stops following) an indicator of the city: told in-app when a glossary term it
// links changes (glossary-notices projection).
@CommandHandler(FollowIndicatorCommand)
export class FollowIndicatorHandler implements ICommandHandler<FollowIndicatorCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ cityId, indicatorId, follow, metadata }: FollowIndicatorCommand): Promise<WriteResultView> {
    // Its definition is enough to know the indicator is the city's (indicators are never removed).
    const defined = await this.aggregates.load(cityId, indicatorDecider, indicatorStream(indicatorId), {
      version: 1,
    });
    if (!defined.state.exists)
      throw IndicatorErrors.NOT_FOUND({ message: `No indicator ${indicatorId} in this city` });
    const userId = metadata.actorId;
    const { version, position } = await this.aggregates.handle(
      cityId,
      indicatorFollowsDecider,
      indicatorFollowsStream(userId),
      { type: follow ? 'Follow' : 'Unfollow', userId, indicatorId },
      { metadata },
    );
    return { version, position };
  }
}
