import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IndicatorErrors } from '@rl/indicators';
import { CITY_ROLES } from '@rl/kernel';
import {
  ApiCommand,
  ApiErrors,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  uuidParam,
  WriteResultView,
} from '@rl/web';
import { SetPopulationCommand } from './commands/set-population/set-population.command';
import { SetPopulationDto } from './commands/set-population/set-population.dto';
import { SetPublicationCommand } from './commands/set-publication/set-publication.command';
import { SetPublicationDto } from './commands/set-publication/set-publication.dto';
import { PopulationView, PublicationView } from './comparisons.view';
import { PopulationErrors } from './domain/comparison.errors';
import { Publications } from './persistence/publications.repository';

@ApiTags('comparisons')
@Controller('v1/cities/:city')
export class PublicationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly publications: Publications,
  ) {}

  @Put('indicators/:id/publication')
  @ApiOperation({ summary: "Set an indicator's publication" })
  @ApiCommand({
    roles: ['coordinator'],
    answer: { type: PublicationView, description: 'Only validated values of the indicator leave the city' },
  })
  @ApiErrors(IndicatorErrors.NOT_FOUND)
  publish(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SetPublicationDto,
  ): Promise<PublicationView> {
    return this.commands.execute(new SetPublicationCommand(city.id, id, body, metadata));
  }

  @Get('indicators/:id/publication')
  @ApiOperation({ summary: "Get an indicator's publication" })
  @CityAccess(CITY_ROLES)
  @ApiOkResponse({ type: SetPublicationDto })
  @ApiErrors(IndicatorErrors.NOT_FOUND)
  async publication(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<SetPublicationDto> {
    const flags = await this.publications.flags(city.id, id);
    if (!flags) throw IndicatorErrors.NOT_FOUND({ message: `No indicator ${id} in this city` });
    return flags;
  }

  @Put('population/:year')
  @ApiOperation({ summary: "Set the city's population for a year" })
  @ApiCommand({ roles: ['coordinator'] })
  @ApiErrors(PopulationErrors.INVALID_YEAR, PopulationErrors.INVALID)
  setPopulation(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('year') year: string,
    @Body() body: SetPopulationDto,
  ): Promise<WriteResultView> {
    const parsed = Number(year);
    if (!/^\d{4}$/.test(year) || parsed < 1900 || parsed > 2100)
      throw PopulationErrors.INVALID_YEAR({
        errors: [{ field: 'year', message: 'must be a year between 1900 and 2100' }],
      });
    return this.commands.execute(new SetPopulationCommand(city.id, parsed, body, metadata));
  }

  @Get('population')
  @ApiOperation({ summary: "List the city's population by year" })
  @CityAccess(CITY_ROLES)
  @ApiOkResponse({ type: [PopulationView] })
  population(@CurrentCity() city: CityContext): Promise<PopulationView[]> {
    return this.publications.population(city.id);
  }
}
