import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { ReviseMeetingDto } from './revise-meeting.dto';

export class ReviseMeetingCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly meetingId: string,
    readonly expectedVersion: number,
    readonly changes: ReviseMeetingDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
