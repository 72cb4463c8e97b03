import { Controller, Get, NotAcceptableException, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotAcceptableResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CityErrors } from '@rl/tenancy';
import { PUBLICATION_PROJECTION } from '@rl/comparisons';
import { DATASETS_PROJECTION } from '@rl/datasets';
import { ApiErrors, PublicRead } from '@rl/web';
import { CatalogQueryDto, sinceInstant } from './catalog-query.dto';
import { toJsonLd, toTurtle } from './domain/rdf';
import { GetCatalogQuery } from './queries/get-catalog/get-catalog.query';

const JSON_LD = 'application/ld+json';
const TURTLE = 'text/turtle';

@ApiTags('open data')
@Controller('v1/public/cities/:city/catalog')
export class CatalogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @PublicRead({ projections: [PUBLICATION_PROJECTION, DATASETS_PROJECTION] })
  @ApiOperation({ summary: "A city's DCAT-AP 3 catalogue as JSON-LD or Turtle (by Accept), paged" })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiProduces(JSON_LD, TURTLE)
  @ApiOkResponse({
    description:
      'A dcat:Catalog with a dcat:Dataset per public indicator series and public catalogued dataset ' +
      '(stable URIs under PUBLIC_URL), and a hydra:PagedCollection node as ckanext-dcat reads it',
  })
  @ApiBadRequestResponse({ description: 'page or modified_since out of range' })
  @ApiNotAcceptableResponse({ description: 'Accept names neither application/ld+json nor text/turtle' })
  @ApiErrors(CityErrors.NOT_FOUND)
  async catalog(
    @Param('city') city: string,
    @Query() query: CatalogQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // JSON-LD unless the client asks for Turtle; a client that accepts neither is told so before any work.
    const format = req.accepts([JSON_LD, TURTLE]);
    if (!format) throw new NotAcceptableException(`Acceptable types: ${JSON_LD}, ${TURTLE}`);
    const since = query.modified_since ? sinceInstant(query.modified_since) : null;
    const graph = await this.queries.execute(new GetCatalogQuery(city, query.page ?? 1, since));
    res.vary('Accept');
    if (format === TURTLE) {
      res.type('text/turtle; charset=utf-8');
      return toTurtle(graph);
    }
    res.type('application/ld+json; charset=utf-8');
    return JSON.stringify(toJsonLd(graph));
  }
}
