import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { RecordAttendanceDto } from './record-attendance.dto';

export class RecordAttendanceCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly meetingId: string,
    readonly input: RecordAttendanceDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
