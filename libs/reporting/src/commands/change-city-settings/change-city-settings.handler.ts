import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { citySettingsDecider, citySettingsStream } from '../../domain/city-settings.decider';
import { CitySettingsView } from '../../reporting.view';
import { ChangeCitySettingsCommand } from './change-city-settings.command';

@CommandHandler(ChangeCitySettingsCommand)
export class ChangeCitySettingsHandler implements ICommandHandler<
  ChangeCitySettingsCommand,
  CitySettingsView
> {
  constructor(private readonly aggregates: Aggregates) {}

  // Decided at the version just read: a concurrent change answers 409 instead of being lost.
  async execute({ cityId, input, metadata }: ChangeCitySettingsCommand): Promise<CitySettingsView> {
    const wanted = { fourEyes: input.fourEyes };
    const { version, position } = await this.aggregates.handle(
      cityId,
      citySettingsDecider,
      citySettingsStream(cityId),
      { type: 'ChangeCitySettings', ...wanted },
      { metadata },
    );
    return { ...wanted, version, position };
  }
}
