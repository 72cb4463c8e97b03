import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OperatorOnly } from '@rl/web';
import { CityView } from './city.view';
import { CreateCityCommand } from './commands/create-city/create-city.command';
import { CreateCityDto } from './commands/create-city/create-city.dto';
import { ListCitiesQuery } from './queries/list-cities/list-cities.query';

@ApiTags('platform')
@Controller('v1/platform/cities')
export class CitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @OperatorOnly()
  @ApiCreatedResponse({ type: CityView })
  @ApiConflictResponse({ description: 'CITY.SLUG_TAKEN' })
  create(@Body() body: CreateCityDto): Promise<CityView> {
    return this.commands.execute(new CreateCityCommand(body));
  }

  @Get()
  @OperatorOnly()
  @ApiOkResponse({ type: [CityView] })
  list(): Promise<CityView[]> {
    return this.queries.execute(new ListCitiesQuery());
  }
}
