import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CITY_ROLES, Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCityRead,
  ApiCommand,
  ApiErrors,
  ApiProjectionBehind,
  CityAccess,
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
import { AmendMandateCommand } from './commands/amend-mandate/amend-mandate.command';
import { AmendMandateDto } from './commands/amend-mandate/amend-mandate.dto';
import { GrantMandateCommand } from './commands/grant-mandate/grant-mandate.command';
import { GrantMandateDto } from './commands/grant-mandate/grant-mandate.dto';
import { RevokeMandateCommand } from './commands/revoke-mandate/revoke-mandate.command';
import { RevokeMandateDto } from './commands/revoke-mandate/revoke-mandate.dto';
import { MandateErrors as E } from './domain/mandate.errors';
import { CreatedMandateView, MandateView, ParticipationView } from './mandate.view';
import { GetMandateQuery } from './queries/get-mandate/get-mandate.query';
import { ListMandatesQuery } from './queries/list-mandates/list-mandates.query';
import { ParticipationQuery } from './queries/participation/participation.query';
import { MandateReadDto } from './queries/read-options.dto';

const CONTENT_ERRORS = [
  E.INVALID_DATE,
  E.INVALID_PERIOD,
  E.EMPTY_SCOPE,
  E.TOO_LARGE,
  E.UNKNOWN_INDICATOR,
  E.UNKNOWN_TASK,
];

@ApiTags('participation')
@Controller('v1/cities/:city/organisations/:id')
export class MandatesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('mandates')
  @ApiOperation({
    summary: "Record a mandate from the organisation for one of its members (dates in the city's zone)",
  })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CreatedMandateView, status: 201 } })
  @ApiErrors(E.ORGANISATION_NOT_FOUND, E.UNKNOWN_HOLDER, ...CONTENT_ERRORS)
  grant(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) organisationId: string,
    @Body() body: GrantMandateDto,
  ): Promise<CreatedMandateView> {
    return this.commands.execute(new GrantMandateCommand(city.id, organisationId, body, metadata));
  }

  @Patch('mandates/:mandateId')
  @ApiOperation({ summary: 'Amend a mandate: its validity, scope or document reference' })
  @ApiCommand({ roles: ['coordinator'], ifMatch: true })
  @ApiErrors(E.NOTHING_TO_CHANGE, E.NOT_FOUND, E.REVOKED, ...CONTENT_ERRORS, versionConflict('MANDATE'))
  amend(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) organisationId: string,
    @Param('mandateId', uuidParam('mandateId')) mandateId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: AmendMandateDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(
      new AmendMandateCommand(city.id, organisationId, mandateId, expectedVersion, body, metadata),
    );
  }

  @Post('mandates/:mandateId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a mandate with a reason (it stays listed, revoked)' })
  @ApiCommand({ roles: ['coordinator'], ifMatch: true })
  @ApiErrors(E.NOT_FOUND, E.REVOKED, E.TOO_LARGE, versionConflict('MANDATE'))
  revoke(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) organisationId: string,
    @Param('mandateId', uuidParam('mandateId')) mandateId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: RevokeMandateDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(
      new RevokeMandateCommand(city.id, organisationId, mandateId, expectedVersion, body.reason, metadata),
    );
  }

  @Get('mandates')
  @ApiOperation({ summary: "The organisation's mandates, valid and expiring ones flagged" })
  @ApiCityList(MandateView, 'In the order they were granted')
  @ApiErrors(E.ORGANISATION_NOT_FOUND)
  list(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) organisationId: string,
    @Query() query: PagedReadDto,
  ): Promise<Page<MandateView>> {
    return this.queries.execute(
      new ListMandatesQuery(city, organisationId, pageRequest(query), query.minPosition),
    );
  }

  @Get('mandates/:mandateId')
  @ApiOperation({ summary: 'A mandate, optionally as it was at an instant' })
  @ApiCityRead(MandateView)
  @ApiErrors(E.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) organisationId: string,
    @Param('mandateId', uuidParam('mandateId')) mandateId: string,
    @Query() query: MandateReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MandateView> {
    const view = await this.queries.execute(new GetMandateQuery(city, organisationId, mandateId, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get('participation')
  @ApiOperation({ summary: "The organisation's active members and who holds a valid mandate" })
  @CityAccess(CITY_ROLES)
  @ApiOkResponse({ type: ParticipationView, description: 'A page of members: pass `next` as `after`' })
  @ApiProjectionBehind()
  @ApiErrors(E.ORGANISATION_NOT_FOUND)
  participation(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) organisationId: string,
    @Query() query: PagedReadDto,
  ): Promise<ParticipationView> {
    return this.queries.execute(
      new ParticipationQuery(city, organisationId, pageRequest(query), query.minPosition),
    );
  }
}
