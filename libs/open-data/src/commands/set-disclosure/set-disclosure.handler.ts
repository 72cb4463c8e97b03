import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { indicatorDecider, IndicatorErrors, indicatorStream } from '@rl/indicators';
import { WriteResultView } from '@rl/web';
import { disclosureDecider } from '../../domain/disclosure.decider';
import { disclosureStream } from '../../domain/disclosure.events';
import { SetDisclosureCommand } from './set-disclosure.command';

@CommandHandler(SetDisclosureCommand)
export class SetDisclosureHandler implements ICommandHandler<SetDisclosureCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ cityId, indicatorId, input, expectedVersion, metadata }: SetDisclosureCommand) {
    // Its definition is enough to know the indicator is the city's.
    const defined = await this.aggregates.load(cityId, indicatorDecider, indicatorStream(indicatorId), {
      version: 1,
    });
    if (!defined.state.exists) {
      throw IndicatorErrors.NOT_FOUND({ message: `No indicator ${indicatorId} in this city` });
    }
    const { version, position } = await this.aggregates.handle(
      cityId,
      disclosureDecider,
      disclosureStream(indicatorId),
      { type: 'SetDisclosureRule', indicatorId, ...input },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
