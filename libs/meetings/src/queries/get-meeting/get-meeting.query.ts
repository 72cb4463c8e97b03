import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { MeetingView } from '../../meeting.view';

export class GetMeetingQuery extends Query<MeetingView> {
  constructor(
    readonly cityId: CityId,
    readonly meetingId: string,
    readonly options: { asOf?: Date; minPosition?: number },
  ) {
    super();
  }
}
