import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { MeetingSummaryView } from '../../meeting.view';
import { MeetingsReadModel } from '../../persistence/meetings.repository';
import { MEETINGS_PROJECTION } from '../../projections/meetings.projection';
import { toMeetingSummary } from '../meeting-views';
import { ListMeetingsQuery } from './list-meetings.query';

@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery, Page<MeetingSummaryView>> {
  constructor(
    private readonly meetings: MeetingsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page, minPosition }: ListMeetingsQuery): Promise<Page<MeetingSummaryView>> {
    const after = cursorOf(page, ['instant', 'uuid']);
    await this.waiter.waitFor(cityId, MEETINGS_PROJECTION, minPosition);
    const rows = await this.meetings.page(cityId, filter, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.startsAtKey, row.id], toMeetingSummary);
  }
}
