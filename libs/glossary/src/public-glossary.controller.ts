import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PublicRead } from '@rl/web';
import { GLOSSARY_TERMS_PROJECTION } from './projections/glossary-terms.projection';
import { GlossaryPublicationStamp } from './public/glossary-publication-stamp';
import { toJsonLd } from './public/skos-json-ld';
import { toTurtle } from './public/skos-rdf';
import { SkosScheme } from './public/skos-scheme';
import { PublicGlossaryQuery } from './queries/public-glossary/public-glossary.query';

const FORMATS = ['application/json', 'text/turtle', 'application/ld+json'];

@ApiTags('glossary')
@Controller('v1/public/cities/:city/glossary')
export class PublicGlossaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @PublicRead({ projections: [GLOSSARY_TERMS_PROJECTION], also: GlossaryPublicationStamp })
  @ApiOperation({ summary: "A city's published glossary as JSON, SKOS Turtle or JSON-LD (by Accept)" })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiProduces(...FORMATS)
  @ApiOkResponse({
    description:
      'Adopted and deprecated terms of a public glossary: a skos:ConceptScheme, concept URIs under PUBLIC_URL, ' +
      'language-tagged labels, owl:deprecated and dct:isReplacedBy',
  })
  @ApiNotFoundResponse({ description: 'CITY.NOT_FOUND' })
  async glossary(
    @Param('city') city: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SkosScheme | Record<string, unknown> | string> {
    const scheme = await this.queries.execute(new PublicGlossaryQuery(city));
    res.vary('Accept');
    const format = req.accepts(FORMATS) || 'application/json';
    if (format === 'text/turtle') {
      res.type('text/turtle; charset=utf-8');
      return toTurtle(scheme);
    }
    if (format === 'application/ld+json') {
      res.type('application/ld+json; charset=utf-8');
      return JSON.stringify(toJsonLd(scheme));
    }
    return scheme;
  }
}
