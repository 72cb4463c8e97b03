import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CITY_ROLES } from '@rl/kernel';
import {
  ApiIdempotencyKey,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
} from '@rl/web';
import { ChangeCitySettingsCommand } from './commands/change-city-settings/change-city-settings.command';
import { CitySettingsDto } from './commands/change-city-settings/change-city-settings.dto';
import { CitySettingsHistory } from './reporting-history';
import { CitySettingsView } from './reporting.view';

@ApiTags('reporting')
@Controller('v1/cities/:city/settings')
export class CitySettingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly settings: CitySettingsHistory,
  ) {}

  @Get()
  @CityAccess(CITY_ROLES)
  @ApiOperation({ summary: "The city's review rules (four eyes), as its settings stream says now" })
  @ApiOkResponse({ type: CitySettingsView })
  async get(@CurrentCity() city: CityContext): Promise<CitySettingsView> {
    const { state, version, position } = await this.settings.load(city.id);
    return { ...state, version, position };
  }

  @Put()
  @CityAccess(['coordinator'])
  @ApiOperation({ summary: "Change the city's review rules; each change is an audited event" })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CitySettingsView })
  @ApiConflictResponse({ description: 'CITY_SETTINGS.VERSION_CONFLICT: changed concurrently, retry' })
  change(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: CitySettingsDto,
  ): Promise<CitySettingsView> {
    return this.commands.execute(new ChangeCitySettingsCommand(city.id, body, metadata));
  }
}
