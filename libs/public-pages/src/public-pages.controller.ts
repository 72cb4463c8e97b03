import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BUDGET_LINES_PROJECTION, FUNDED_PROJECTS_PROJECTION } from '@rl/budget';
import { COMMENT_THREADS_PROJECTION } from '@rl/comments';
import { PUBLICATION_PROJECTION } from '@rl/comparisons';
import { DATASETS_PROJECTION } from '@rl/datasets';
import { GLOSSARY_TERMS_PROJECTION, GlossaryPublicationStamp } from '@rl/glossary';
import { INDICATOR_CATALOG_PROJECTION } from '@rl/indicators';
import { OPEN_DATA_PROJECTION, OpenDataErrors } from '@rl/open-data';
import { SUBMISSIONS_PROJECTION } from '@rl/reporting';
import { REPORTS_PROJECTION } from '@rl/reports';
import { ORGANISATIONS_PROJECTION } from '@rl/stakeholders';
import { CityErrors } from '@rl/tenancy';
import { ApiErrors, PublicRead } from '@rl/web';
import { PAGE_LANGUAGE_QUERY, pageLanguage } from './page-language.pipe';
import { PublicPages } from './public-pages';
import { PageLanguage } from './render/messages';
import { PAGE_CSP } from './render/layout';

// The read models a city page is written from (its published reports included); an indicator page adds
// its comments, datasets and budget.
// The glossary's publication flag follows no projection: its stamp joins the tag (as the glossary's own).
const CITY_PAGE_READS = [
  OPEN_DATA_PROJECTION,
  PUBLICATION_PROJECTION,
  INDICATOR_CATALOG_PROJECTION,
  SUBMISSIONS_PROJECTION,
  ORGANISATIONS_PROJECTION,
  GLOSSARY_TERMS_PROJECTION,
  REPORTS_PROJECTION,
];
const INDICATOR_PAGE_READS = [
  ...CITY_PAGE_READS,
  COMMENT_THREADS_PROJECTION,
  DATASETS_PROJECTION,
  BUDGET_LINES_PROJECTION,
  FUNDED_PROJECTS_PROJECTION,
];

const HTML_PAGE = {
  description:
    'A server-rendered HTML page (no script): landmarks, one h1, tables with headers and captions, numbers ' +
    "and dates in the page's locale, small numbers shown as gaps. Content-Security-Policy allows only its own " +
    'inline stylesheet and images of this API',
  content: { 'text/html': { schema: { type: 'string' } } },
};

@ApiTags('public pages')
@Controller('cities/:city')
export class PublicPagesController {
  constructor(private readonly pages: PublicPages) {}

  @Get()
  @ApiOperation({
    summary:
      "A city's public page: its public indicators by right, latest values and trend, submitters, glossary " +
      'definitions and data downloads',
  })
  @PublicRead({ projections: CITY_PAGE_READS, also: GlossaryPublicationStamp })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  @ApiQuery(PAGE_LANGUAGE_QUERY)
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID naming lang; other query parameters are ignored' })
  @ApiErrors(CityErrors.NOT_FOUND)
  async city(
    @Param('city') city: string,
    @Query('lang', pageLanguage) lang: PageLanguage | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return asPage(res, await this.pages.cityPage(city, req.path, lang));
  }

  @Get('indicators/:code')
  @ApiOperation({
    summary:
      "A public indicator's page: series chart and table, disaggregations, metadata, public comments, linked " +
      'datasets and funded projects, downloads',
  })
  @PublicRead({ projections: INDICATOR_PAGE_READS, also: GlossaryPublicationStamp })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiParam({ name: 'code', description: "The indicator's code in the city", example: 'ED-O1' })
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  @ApiQuery(PAGE_LANGUAGE_QUERY)
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID naming lang; other query parameters are ignored' })
  @ApiErrors(CityErrors.NOT_FOUND, OpenDataErrors.NOT_FOUND)
  async indicator(
    @Param('city') city: string,
    @Param('code') code: string,
    @Query('lang', pageLanguage) lang: PageLanguage | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return asPage(res, await this.pages.indicatorPage(city, code, req.path, lang));
  }
}

function asPage(res: Response, page: string): string {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  return page;
}
