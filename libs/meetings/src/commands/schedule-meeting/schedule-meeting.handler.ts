import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { meetingDecider } from '../../domain/meeting.decider';
import { meetingIdOfStream, meetingStream } from '../../domain/meeting.events';
import { CreatedMeetingView } from '../../meeting.view';
import { MeetingReferences } from '../../persistence/meeting-references';
import { meetingReferences } from '../meeting-references';
import { ScheduleMeetingCommand } from './schedule-meeting.command';

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand, CreatedMeetingView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: MeetingReferences,
  ) {}

  async execute({ cityId, input, metadata }: ScheduleMeetingCommand): Promise<CreatedMeetingView> {
    await this.references.assertKnown(cityId, meetingReferences(input));
    const meetingId = uuidv7();
    const result = await this.aggregates.handle(
      cityId,
      meetingDecider,
      meetingStream(meetingId),
      { type: 'ScheduleMeeting', meetingId, ...input },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return { id: meetingIdOfStream(result.streamId), version: result.version, position: result.position };
  }
}
