import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { populationStream } from '../../domain/comparisons.events';
import { populationDecider } from '../../domain/population.decider';
import { SetPopulationCommand } from './set-population.command';

@CommandHandler(SetPopulationCommand)
export class SetPopulationHandler implements ICommandHandler<SetPopulationCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ cityId, year, input, metadata }: SetPopulationCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      populationDecider,
      populationStream(cityId),
      {
        type: 'SetPopulation',
        year,
        total: input.total,
        districts: input.districts ?? null,
        source: input.source ?? null,
      },
      // Figures of other years may come in between: each one stands alone.
      { expected: 'any', metadata },
    );
    return { version, position };
  }
}
