import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CityRole, Page } from '@rl/kernel';
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
  pageRequest,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { OfferResourceCommand } from './commands/offer-resource/offer-resource.command';
import { OfferResourceDto } from './commands/offer-resource/offer-resource.dto';
import { ReviseResourceCommand } from './commands/revise-resource/revise-resource.command';
import { ReviseResourceDto } from './commands/revise-resource/revise-resource.dto';
import { WithdrawResourceCommand } from './commands/withdraw-resource/withdraw-resource.command';
import { ResourceErrors as E } from './domain/resource.errors';
import { GetResourceQuery } from './queries/get-resource/get-resource.query';
import { ResourceReadDto } from './queries/get-resource/get-resource.dto';
import { ListResourcesDto } from './queries/list-resources/list-resources.dto';
import { ListResourcesQuery } from './queries/list-resources/list-resources.query';
import { CreatedResourceView, ResourceView } from './resource.view';

// A collector only for their own organisation (checked per command: NOT_YOUR_ORGANISATION).
const OFFERERS: readonly CityRole[] = ['coordinator', 'official', 'collector'];
const DETAIL_ERRORS = [
  E.TOO_LARGE,
  E.AMOUNT_NOT_FINANCIAL,
  E.INVALID_AMOUNT,
  E.INVALID_AVAILABILITY,
  E.CONTACT_DATA,
  E.UNKNOWN_LINK,
];

@ApiTags('resources')
@Controller('v1/cities/:city/resources')
export class ResourcesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: "Offer an organisation's material, financial or knowledge resource" })
  @ApiCommand({ roles: OFFERERS, answer: { type: CreatedResourceView, status: 201 } })
  @ApiErrors(E.NOT_YOUR_ORGANISATION, E.UNKNOWN_ORGANISATION, ...DETAIL_ERRORS)
  offer(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: OfferResourceDto,
  ): Promise<CreatedResourceView> {
    return this.commands.execute(new OfferResourceCommand(city.id, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a resource (the fields given; null clears an optional one)' })
  @ApiCommand({ roles: OFFERERS, ifMatch: true })
  @ApiErrors(
    E.NOTHING_TO_CHANGE,
    E.NOT_FOUND,
    E.NOT_YOUR_ORGANISATION,
    E.WITHDRAWN,
    ...DETAIL_ERRORS,
    versionConflict('RESOURCE'),
  )
  revise(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: ReviseResourceDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new ReviseResourceCommand(city.id, id, expectedVersion, body, metadata));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a resource: it is no longer offered (it stays readable)' })
  @ApiCommand({ roles: OFFERERS, ifMatch: true })
  @ApiErrors(E.NOT_FOUND, E.NOT_YOUR_ORGANISATION, versionConflict('RESOURCE'))
  withdraw(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
  ): Promise<WriteResultView> {
    return this.commands.execute(new WithdrawResourceCommand(city.id, id, expectedVersion, metadata));
  }

  @Get()
  @ApiOperation({
    summary: 'List resources by title; filter by kind, organisation, words, indicator, status',
  })
  @ApiCityList(ResourceView, 'By title')
  list(@CurrentCity() city: CityContext, @Query() query: ListResourcesDto): Promise<Page<ResourceView>> {
    const { kind, organisation, q, indicatorId, status, minPosition } = query;
    return this.queries.execute(
      new ListResourcesQuery(
        city.id,
        { kind, organisationId: organisation, q, indicatorId, status },
        pageRequest(query),
        minPosition,
      ),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a resource, optionally as it was at an instant' })
  @ApiCityRead(ResourceView)
  @ApiErrors(E.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ResourceReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResourceView> {
    const view = await this.queries.execute(new GetResourceQuery(city.id, id, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
