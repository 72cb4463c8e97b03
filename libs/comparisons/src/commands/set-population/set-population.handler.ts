import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { WriteResultView } from '@rl/web';
import { populationStream } from '../../domain/comparisons.events';
import { SetPopulationCommand } from './set-population.command';

@CommandHandler(SetPopulationCommand)
export class SetPopulationHandler implements ICommandHandler<SetPopulationCommand, WriteResultView> {
  constructor(private readonly events: EventStore) {}

  async execute({ cityId, year, input, metadata }: SetPopulationCommand): Promise<WriteResultView> {
    const districts = input.districts ?? null;
    const bad = Object.entries(districts ?? {}).find(([, n]) => !Number.isInteger(n) || n < 0);
    if (bad)
      throw new DomainError('bad_request', 'POPULATION.INVALID', `District ${bad[0]} needs a whole number`, [
        { field: `districts.${bad[0]}`, message: 'must be a whole number of inhabitants' },
      ]);
    const { version, position } = await this.events.append(
      cityId,
      populationStream(cityId),
      'any',
      [
        {
          type: 'ReferencePopulationSet',
          data: { year, total: input.total, districts, source: input.source ?? null },
        },
      ],
      metadata,
    );
    return { version, position };
  }
}
