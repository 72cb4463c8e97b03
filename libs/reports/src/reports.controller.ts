import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CITY_ROLES, CityRole, Page } from '@rl/kernel';
import {
  ApiCommand,
  ApiErrors,
  ApiPage,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  CurrentCityIfMember,
  PageQueryDto,
  pageRequest,
  uuidParam,
  WriteResultView,
} from '@rl/web';
import { PublishReportCommand } from './commands/publish-report/publish-report.command';
import { RequestReportCommand } from './commands/request-report/request-report.command';
import { RequestReportDto } from './commands/request-report/request-report.dto';
import { ReportErrors as E } from './domain/report.errors';
import { ReportScope, ReportsReader } from './queries/reports-reader';
import { RequestedReportView, ReportSummaryView, ReportView } from './report.view';

const COORDINATORS: readonly CityRole[] = ['coordinator'];
export const HTML_MEDIA_TYPE = 'text/html; charset=utf-8';
export const PDF_MEDIA_TYPE = 'application/pdf';

// A member reads the city's reports; a caller without a bearer reads a published one on the same path
// (API.md: "members (public once published)"), through the anonymous reader like /v1/public.
const scopeOf = (member: CityContext | undefined, slug: string): ReportScope =>
  member ? { cityId: member.id } : { citySlug: slug };
const MEMBERS_OR_ANYONE_ONCE_PUBLISHED = CityAccess(CITY_ROLES, { anonymous: true });

// The annual reports of a city, for its members; published ones for anyone, here and under /v1/public
// (see PublicReportsController).
@ApiTags('reports')
@Controller('v1/cities/:city/reports')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ReportsReader,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Request an annual report: the worker generates it pinned to the log head (poll GET …/:id)',
  })
  @ApiCommand({ roles: COORDINATORS, answer: { type: RequestedReportView, status: 202 } })
  @ApiErrors(E.INVALID)
  request(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: RequestReportDto,
  ): Promise<RequestedReportView> {
    return this.commands.execute(new RequestReportCommand(city.id, city.timezone, body, metadata));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a generated report: anyone may then read it under /v1/public' })
  @ApiCommand({ roles: COORDINATORS })
  @ApiErrors(E.NOT_FOUND, E.NOT_GENERATED)
  publish(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WriteResultView> {
    return this.commands.execute(new PublishReportCommand(city.id, id, metadata));
  }

  @Get()
  @ApiOperation({
    summary:
      "The city's reports, newest first (open one for its errata and renderings); without a bearer, the published ones",
  })
  @MEMBERS_OR_ANYONE_ONCE_PUBLISHED
  @ApiPage(ReportSummaryView, 'Newest first')
  list(
    @CurrentCityIfMember() member: CityContext | undefined,
    @Param('city') city: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReportSummaryView>> {
    return this.reader.list(scopeOf(member, city), pageRequest(query));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A report: status and progress, its pin (position, head hash), content hash, errata',
  })
  @MEMBERS_OR_ANYONE_ONCE_PUBLISHED
  @ApiOkResponse({ type: ReportView })
  @ApiErrors(E.NOT_FOUND)
  get(
    @CurrentCityIfMember() member: CityContext | undefined,
    @Param('city') city: string,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ReportView> {
    return this.reader.view(scopeOf(member, city), id);
  }

  @Get(':id/report.html')
  @ApiOperation({ summary: 'The report as an accessible HTML page, its errata listed after it' })
  @MEMBERS_OR_ANYONE_ONCE_PUBLISHED
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(E.NOT_FOUND, E.NOT_GENERATED)
  async html(
    @CurrentCityIfMember() member: CityContext | undefined,
    @Param('city') city: string,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const html = await this.reader.html(scopeOf(member, city), id);
    res.setHeader('Content-Type', HTML_MEDIA_TYPE);
    return html;
  }

  @Get(':id/report.pdf')
  @ApiOperation({ summary: 'The report as a PDF (deterministic: the same content gives the same bytes)' })
  @MEMBERS_OR_ANYONE_ONCE_PUBLISHED
  @ApiProduces(PDF_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'PDF',
    content: { [PDF_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(E.NOT_FOUND, E.NOT_GENERATED)
  async pdf(
    @CurrentCityIfMember() member: CityContext | undefined,
    @Param('city') city: string,
    @Param('id', uuidParam('id')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    res.type(PDF_MEDIA_TYPE).send(await this.reader.pdf(scopeOf(member, city), id));
  }
}
