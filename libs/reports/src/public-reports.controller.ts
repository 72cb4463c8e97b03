import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { COMMENT_THREADS_PROJECTION } from '@rl/comments';
import { Page } from '@rl/kernel';
import { CityErrors } from '@rl/tenancy';
import { ApiErrors, ApiPage, PageQueryDto, pageRequest, PublicRead, uuidParam } from '@rl/web';
import { ReportErrors as E } from './domain/report.errors';
import { REPORTS_PROJECTION } from './projections/reports.projection';
import { ReportsReader } from './queries/reports-reader';
import { HTML_MEDIA_TYPE, PDF_MEDIA_TYPE } from './reports.controller';
import { ReportSummaryView, ReportView } from './report.view';

const READ = { projections: [REPORTS_PROJECTION] };
// The renderings also show the words of the public comments the report cites, read at render time: a
// retraction must change the tag, or a 304 would keep the retracted words in the reader's copy.
const RENDERED = { projections: [REPORTS_PROJECTION, COMMENT_THREADS_PROJECTION] };

// Published reports for anyone, read through the anonymous reader role: an unpublished report, or
// another city's id, is a 404 like a report that does not exist.
@ApiTags('reports')
@Controller('v1/public/cities/:city/reports')
@ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
export class PublicReportsController {
  constructor(private readonly reader: ReportsReader) {}

  @Get()
  @PublicRead(READ)
  @ApiOperation({ summary: "The city's published reports, newest first" })
  @ApiPage(ReportSummaryView, 'Newest first')
  @ApiErrors(CityErrors.NOT_FOUND)
  list(@Param('city') city: string, @Query() query: PageQueryDto): Promise<Page<ReportSummaryView>> {
    return this.reader.list({ citySlug: city }, pageRequest(query));
  }

  @Get(':id')
  @PublicRead(READ)
  @ApiOperation({ summary: 'A published report: its pin (position, head hash), content hash and errata' })
  @ApiOkResponse({ type: ReportView })
  @ApiErrors(E.NOT_FOUND)
  get(@Param('city') city: string, @Param('id', uuidParam('id')) id: string): Promise<ReportView> {
    return this.reader.view({ citySlug: city }, id);
  }

  @Get(':id/report.html')
  @PublicRead(RENDERED)
  @ApiOperation({ summary: 'A published report as an accessible HTML page, its errata listed after it' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(E.NOT_FOUND)
  async html(
    @Param('city') city: string,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const html = await this.reader.html({ citySlug: city }, id);
    res.setHeader('Content-Type', HTML_MEDIA_TYPE);
    return html;
  }

  @Get(':id/report.pdf')
  @PublicRead(RENDERED)
  @ApiOperation({ summary: 'A published report as a PDF' })
  @ApiProduces(PDF_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'PDF',
    content: { [PDF_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(E.NOT_FOUND)
  async pdf(
    @Param('city') city: string,
    @Param('id', uuidParam('id')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    res.type(PDF_MEDIA_TYPE).send(await this.reader.pdf({ citySlug: city }, id));
  }
}
