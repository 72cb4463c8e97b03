import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CITY_ROLES, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import {
  ApiIdempotencyKey,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  WriteResultView,
  uuidParam,
} from '@rl/web';
import { SetPopulationCommand } from './commands/set-population/set-population.command';
import { SetPopulationDto } from './commands/set-population/set-population.dto';
import { SetPublicationCommand } from './commands/set-publication/set-publication.command';
import { SetPublicationDto } from './commands/set-publication/set-publication.dto';
import { PopulationView, PublicationView } from './comparisons.view';

@ApiTags('comparisons')
@Controller('v1/cities/:city')
export class PublicationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly db: TenantDb,
  ) {}

  @Put('indicators/:id/publication')
  @ApiOperation({ summary: "Set an indicator's publication" })
  @CityAccess(['coordinator'])
  @ApiIdempotencyKey()
  @ApiOkResponse({
    type: PublicationView,
    description: 'Only validated values of the indicator leave the city',
  })
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
  async publication(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<SetPublicationDto> {
    const [row] = await this.db.inCity(city.id, (em) =>
      em.query<SetPublicationDto[]>(
        `SELECT comparable, public FROM publication_indicators WHERE tenant_id = $1 AND indicator_id = $2`,
        [city.id, id],
      ),
    );
    if (!row) throw new DomainError('not_found', 'INDICATOR.NOT_FOUND', `No indicator ${id} in this city`);
    return row;
  }

  @Put('population/:year')
  @ApiOperation({ summary: "Set the city's population for a year" })
  @CityAccess(['coordinator'])
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: WriteResultView })
  setPopulation(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('year') year: string,
    @Body() body: SetPopulationDto,
  ): Promise<WriteResultView> {
    const parsed = Number(year);
    if (!/^\d{4}$/.test(year) || parsed < 1900 || parsed > 2100)
      throw new DomainError('bad_request', 'POPULATION.INVALID_YEAR', 'The year must be 1900-2100', [
        { field: 'year', message: 'must be a year between 1900 and 2100' },
      ]);
    return this.commands.execute(new SetPopulationCommand(city.id, parsed, body, metadata));
  }

  @Get('population')
  @ApiOperation({ summary: "List the city's population by year" })
  @CityAccess(CITY_ROLES)
  @ApiOkResponse({ type: [PopulationView] })
  population(@CurrentCity() city: CityContext): Promise<PopulationView[]> {
    return this.db.inCity(city.id, (em) =>
      em.query<PopulationView[]>(
        `SELECT year, total, districts FROM publication_population WHERE tenant_id = $1 ORDER BY year`,
        [city.id],
      ),
    );
  }
}
