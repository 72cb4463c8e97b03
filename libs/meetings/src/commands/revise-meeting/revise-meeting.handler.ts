import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { meetingDecider } from '../../domain/meeting.decider';
import { MeetingErrors } from '../../domain/meeting.errors';
import { meetingStream } from '../../domain/meeting.events';
import { MeetingReferences } from '../../persistence/meeting-references';
import { meetingReferences } from '../meeting-references';
import { ReviseMeetingCommand } from './revise-meeting.command';

const REMOVABLE = ['place', 'online'];

@CommandHandler(ReviseMeetingCommand)
export class ReviseMeetingHandler implements ICommandHandler<ReviseMeetingCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: MeetingReferences,
  ) {}

  async execute({
    cityId,
    meetingId,
    expectedVersion,
    changes,
    metadata,
  }: ReviseMeetingCommand): Promise<WriteResultView> {
    const { status, reason, ...fields } = changes;
    // The DTO lets every field be left out; null removes only what a meeting may lack.
    const nulls = Object.entries(fields).filter(
      ([field, value]) => value === null && !REMOVABLE.includes(field),
    );
    if (nulls.length > 0) {
      throw MeetingErrors.NOT_REMOVABLE({
        errors: nulls.map(([field]) => ({ field, message: 'cannot be null' })),
      });
    }
    if (reason !== undefined && status !== 'cancelled') {
      throw MeetingErrors.CANCEL_ALONE({
        errors: [{ field: 'reason', message: 'goes with status cancelled' }],
      });
    }
    await this.references.assertKnown(cityId, meetingReferences(fields));
    const { version, position } = await this.aggregates.handle(
      cityId,
      meetingDecider,
      meetingStream(meetingId),
      { type: 'ReviseMeeting', ...fields, ...(status === 'cancelled' && { cancel: { reason } }) },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
