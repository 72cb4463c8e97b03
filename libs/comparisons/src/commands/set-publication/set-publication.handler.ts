import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { indicatorDecider, IndicatorErrors, indicatorStream } from '@rl/indicators';
import { PublicationView } from '../../comparisons.view';
import { Publications } from '../../persistence/publications.repository';
import { SetPublicationCommand } from './set-publication.command';

@CommandHandler(SetPublicationCommand)
export class SetPublicationHandler implements ICommandHandler<SetPublicationCommand, PublicationView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly publications: Publications,
  ) {}

  async execute({ cityId, indicatorId, input, metadata }: SetPublicationCommand): Promise<PublicationView> {
    // Its definition is enough to know the indicator is the city's.
    const defined = await this.aggregates.load(cityId, indicatorDecider, indicatorStream(indicatorId), {
      version: 1,
    });
    if (!defined.state.exists) {
      throw IndicatorErrors.NOT_FOUND({ message: `No indicator ${indicatorId} in this city` });
    }
    const change = { indicatorId, comparable: input.comparable, public: input.public };
    const { version, position } = await this.publications.change(cityId, change, metadata);
    return { ...change, version, position };
  }
}
