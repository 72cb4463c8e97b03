import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@rl/kernel';
import { ApiErrors, ApiPage, OperatorOnly, PageQueryDto, pageRequest } from '@rl/web';
import { CityView } from './city.view';
import { CreateCityCommand } from './commands/create-city/create-city.command';
import { CreateCityDto } from './commands/create-city/create-city.dto';
import { CityErrors } from './domain/tenancy.errors';
import { ListCitiesQuery } from './queries/list-cities/list-cities.query';

@ApiTags('platform')
@Controller('v1/platform/cities')
export class CitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a city' })
  @OperatorOnly()
  @ApiCreatedResponse({ type: CityView })
  @ApiErrors(CityErrors.SLUG_TAKEN)
  create(@Body() body: CreateCityDto): Promise<CityView> {
    return this.commands.execute(new CreateCityCommand(body));
  }

  @Get()
  @ApiOperation({ summary: 'List cities' })
  @OperatorOnly()
  @ApiPage(CityView, 'By slug')
  list(@Query() query: PageQueryDto): Promise<Page<CityView>> {
    return this.queries.execute(new ListCitiesQuery(pageRequest(query)));
  }
}
