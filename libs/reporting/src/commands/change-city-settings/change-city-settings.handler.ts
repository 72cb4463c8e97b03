import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { citySettingsStream, decideCitySettings } from '../../domain/city-settings';
import { CitySettingsHistory } from '../../reporting-history';
import { CitySettingsView } from '../../reporting.view';
import { ChangeCitySettingsCommand } from './change-city-settings.command';

@CommandHandler(ChangeCitySettingsCommand)
export class ChangeCitySettingsHandler implements ICommandHandler<
  ChangeCitySettingsCommand,
  CitySettingsView
> {
  constructor(
    private readonly events: EventStore,
    private readonly settings: CitySettingsHistory,
  ) {}

  async execute({ cityId, input, metadata }: ChangeCitySettingsCommand): Promise<CitySettingsView> {
    const wanted = { fourEyes: input.fourEyes };
    const current = await this.settings.load(cityId);
    const events = decideCitySettings(wanted, current.state);
    if (events.length === 0)
      return { ...current.state, version: current.version, position: current.position };
    // Appended at the version just read: a concurrent change answers 409 instead of being lost.
    const { version, position } = await this.events.append(
      cityId,
      citySettingsStream(cityId),
      current.version,
      events,
      metadata,
    );
    return { ...wanted, version, position };
  }
}
