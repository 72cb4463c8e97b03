import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCityRead,
  ApiCommand,
  ApiErrors,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  IfMatchVersion,
  PagedReadDto,
  pageRequest,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { OrganisationErrors } from './domain/organisation.errors';
import { RegisterOrganisationCommand } from './commands/register-organisation/register-organisation.command';
import { RegisterOrganisationDto } from './commands/register-organisation/register-organisation.dto';
import { UpdateOrganisationCommand } from './commands/update-organisation/update-organisation.command';
import { UpdateOrganisationDto } from './commands/update-organisation/update-organisation.dto';
import { CreatedOrganisationView, OrganisationView } from './organisation.view';
import { GetOrganisationQuery } from './queries/get-organisation/get-organisation.query';
import { ListOrganisationsQuery } from './queries/list-organisations/list-organisations.query';
import { OrganisationReadDto } from './read-options.dto';

@ApiTags('stakeholders')
@Controller('v1/cities/:city/organisations')
export class OrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register an organisation' })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CreatedOrganisationView, status: 201 } })
  register(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: RegisterOrganisationDto,
  ): Promise<CreatedOrganisationView> {
    return this.commands.execute(new RegisterOrganisationCommand(city.id, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an organisation' })
  @ApiCommand({ roles: ['coordinator'], ifMatch: true })
  @ApiErrors(
    OrganisationErrors.NOTHING_TO_CHANGE,
    OrganisationErrors.NOT_FOUND,
    versionConflict('ORGANISATION'),
  )
  update(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: UpdateOrganisationDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new UpdateOrganisationCommand(city.id, id, expectedVersion, body, metadata));
  }

  @Get()
  @ApiOperation({ summary: 'List organisations' })
  @ApiCityList(OrganisationView, 'By name')
  list(@CurrentCity() city: CityContext, @Query() query: PagedReadDto): Promise<Page<OrganisationView>> {
    return this.queries.execute(new ListOrganisationsQuery(city.id, pageRequest(query), query.minPosition));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an organisation, optionally as it was at an instant' })
  @ApiCityRead(OrganisationView)
  @ApiErrors(OrganisationErrors.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: OrganisationReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationView> {
    const view = await this.queries.execute(new GetOrganisationQuery(city.id, id, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
