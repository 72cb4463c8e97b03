import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@rl/kernel';
import { ApiCityList, CityContext, CurrentCity, pageRequest } from '@rl/web';
import { GetTimelineQuery } from './queries/get-timeline/get-timeline.query';
import { TimelineReadDto } from './timeline-read.dto';
import { TimelineEntryView } from './timeline.view';

@ApiTags('participation')
@Controller('v1/cities/:city/timeline')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "The city's one timeline: reporting deadlines, task dues and meetings",
    description:
      'Every source of dated work in one list, oldest first; filter by instant range, organisation and kind.',
  })
  @ApiCityList(TimelineEntryView, 'By instant, then kind, then id')
  list(@CurrentCity() city: CityContext, @Query() query: TimelineReadDto): Promise<Page<TimelineEntryView>> {
    const filter = {
      ...(query.from && { from: query.from }),
      ...(query.to && { to: query.to }),
      ...(query.organisationId && { organisationId: query.organisationId }),
      ...(query.kind && { kinds: query.kind }),
    };
    return this.queries.execute(new GetTimelineQuery(city.id, filter, pageRequest(query), query.minPosition));
  }
}
