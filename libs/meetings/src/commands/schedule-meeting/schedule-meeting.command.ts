import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedMeetingView } from '../../meeting.view';
import { ScheduleMeetingDto } from './schedule-meeting.dto';

export class ScheduleMeetingCommand extends Command<CreatedMeetingView> {
  constructor(
    readonly cityId: CityId,
    readonly input: ScheduleMeetingDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
