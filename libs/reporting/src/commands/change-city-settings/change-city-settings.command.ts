import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CitySettingsView } from '../../reporting.view';
import { CitySettingsDto } from './change-city-settings.dto';

export class ChangeCitySettingsCommand extends Command<CitySettingsView> {
  constructor(
    readonly cityId: CityId,
    readonly input: CitySettingsDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
