import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Aggregates } from '@rl/event-store';
import { CITY_ROLES } from '@rl/kernel';
import {
  ApiCommand,
  ApiErrors,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  versionConflict,
} from '@rl/web';
import { ChangeCitySettingsCommand } from './commands/change-city-settings/change-city-settings.command';
import { CitySettingsDto } from './commands/change-city-settings/change-city-settings.dto';
import { citySettingsDecider, citySettingsStream } from './domain/city-settings.decider';
import { CitySettingsView } from './reporting.view';

@ApiTags('reporting')
@Controller('v1/cities/:city/settings')
export class CitySettingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: Aggregates,
  ) {}

  @Get()
  @CityAccess(CITY_ROLES)
  @ApiOperation({ summary: "The city's review rules (four eyes), as its settings stream says now" })
  @ApiOkResponse({ type: CitySettingsView })
  async get(@CurrentCity() city: CityContext): Promise<CitySettingsView> {
    const { state, version, position } = await this.aggregates.load(
      city.id,
      citySettingsDecider,
      citySettingsStream(city.id),
    );
    return { ...state, version, position };
  }

  @Put()
  @ApiOperation({ summary: "Change the city's review rules; each change is an audited event" })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CitySettingsView } })
  @ApiErrors(versionConflict('CITY_SETTINGS'))
  change(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: CitySettingsDto,
  ): Promise<CitySettingsView> {
    return this.commands.execute(new ChangeCitySettingsCommand(city.id, body, metadata));
  }
}
