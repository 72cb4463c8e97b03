import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { meetingDecider } from '../../domain/meeting.decider';
import { meetingStream } from '../../domain/meeting.events';
import { RecordMinutesCommand } from './record-minutes.command';

@CommandHandler(RecordMinutesCommand)
export class RecordMinutesHandler implements ICommandHandler<RecordMinutesCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ cityId, meetingId, input, metadata }: RecordMinutesCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      meetingDecider,
      meetingStream(meetingId),
      { type: 'RecordMinutes', ...input },
      { metadata },
    );
    return { version, position };
  }
}
