import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { MeetingSummaryView } from '../../meeting.view';
import { MeetingFilter } from '../../persistence/meetings.repository';

export class ListMeetingsQuery extends Query<Page<MeetingSummaryView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: MeetingFilter,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
