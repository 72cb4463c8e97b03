import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionWaiter } from '@rl/projections';
import { MeetingErrors } from '../../domain/meeting.errors';
import { MeetingView } from '../../meeting.view';
import { MeetingsReadModel } from '../../persistence/meetings.repository';
import { evolveMeetingRow, MEETINGS_PROJECTION, MeetingRow } from '../../projections/meetings.projection';
import { toMeetingView } from '../meeting-views';
import { GetMeetingQuery } from './get-meeting.query';

@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery, MeetingView> {
  constructor(
    private readonly meetings: MeetingsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, meetingId, options }: GetMeetingQuery): Promise<MeetingView> {
    let row: MeetingRow | null | undefined;
    if (options.asOf) {
      // As it was then: the projection's own fold over the meeting's events up to that instant.
      const events = await this.meetings.stream(cityId, meetingId, options.asOf);
      row = events.reduce<MeetingRow | undefined>(evolveMeetingRow, undefined);
    } else {
      await this.waiter.waitFor(cityId, MEETINGS_PROJECTION, options.minPosition);
      row = await this.meetings.byId(cityId, meetingId);
    }
    if (!row) throw MeetingErrors.NOT_FOUND();
    const organisations = [
      ...new Set(row.attendees.flatMap((a) => (a.organisationId ? [a.organisationId] : []))),
    ];
    return toMeetingView(row, await this.meetings.organisationKinds(cityId, organisations));
  }
}
