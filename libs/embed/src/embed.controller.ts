import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { OPEN_DATA_PROJECTION, OpenDataErrors } from '@rl/open-data';
import { ApiErrors, PublicRead } from '@rl/web';
import { EmbedErrors } from './domain/embed.errors';
import { EmbedCharts } from './embed-charts';
import { EmbedQueryDto } from './embed-query.dto';

export const SVG_MEDIA_TYPE = 'image/svg+xml; charset=utf-8';

@ApiTags('embed')
@Controller('embed/cities/:city/indicators')
export class EmbedController {
  constructor(private readonly charts: EmbedCharts) {}

  @Get(':code.svg')
  @ApiOperation({
    summary:
      "A public indicator's chart as a standalone SVG for other sites' <img>: series breaks marked, suppressed values as gaps",
  })
  @PublicRead({ projections: [OPEN_DATA_PROJECTION] })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiParam({ name: 'code', description: "The indicator's code in the city", example: 'OD-P1' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({
    description:
      'An SVG (role img, title and desc naming the indicator, the city, the periods, first and last values, the ' +
      'unit and the suppressed periods), numbers in the city locale, no script',
    content: { 'image/svg+xml': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID naming from, to, disaggregation or type' })
  @ApiErrors(OpenDataErrors.NOT_FOUND, EmbedErrors.BAD_RANGE, EmbedErrors.UNKNOWN_DIMENSION)
  async chart(
    @Param('city') city: string,
    @Param('code') code: string,
    @Query() query: EmbedQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const svg = await this.charts.svg(city, code, query);
    res.setHeader('Content-Type', SVG_MEDIA_TYPE);
    return svg;
  }
}
