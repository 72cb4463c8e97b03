import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { RecordMinutesDto } from './record-minutes.dto';

export class RecordMinutesCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly meetingId: string,
    readonly input: RecordMinutesDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
