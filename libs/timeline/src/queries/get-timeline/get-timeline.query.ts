import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { TimelineKind } from '../../timeline-source';
import { TimelineEntryView } from '../../timeline.view';

export interface TimelineQueryFilter {
  from?: Date;
  to?: Date;
  organisationId?: string;
  kinds?: readonly TimelineKind[];
}

export class GetTimelineQuery extends Query<Page<TimelineEntryView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: TimelineQueryFilter,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
