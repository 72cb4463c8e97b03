import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { Clock, CLOCK } from '@rl/kernel';
import { WriteResultView } from '@rl/web';
import { meetingDecider } from '../../domain/meeting.decider';
import { meetingStream } from '../../domain/meeting.events';
import { MeetingReferences, Reference } from '../../persistence/meeting-references';
import { RecordAttendanceCommand } from './record-attendance.command';

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: MeetingReferences,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ cityId, meetingId, input, metadata }: RecordAttendanceCommand): Promise<WriteResultView> {
    const references = input.attendees.flatMap((a, i): Reference[] => [
      ...(a.userId ? [{ field: `attendees[${i}].userId`, kind: 'member' as const, id: a.userId }] : []),
      ...(a.organisationId
        ? [{ field: `attendees[${i}].organisationId`, kind: 'organisation' as const, id: a.organisationId }]
        : []),
    ]);
    await this.references.assertKnown(cityId, references);
    const { version, position } = await this.aggregates.handle(
      cityId,
      meetingDecider,
      meetingStream(meetingId),
      { type: 'RecordAttendance', now: this.clock.now(), attendees: input.attendees },
      { metadata },
    );
    return { version, position };
  }
}
