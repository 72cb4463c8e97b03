import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedDecisionView } from '../../meeting.view';
import { RecordDecisionDto } from './record-decision.dto';

export class RecordDecisionCommand extends Command<CreatedDecisionView> {
  constructor(
    readonly cityId: CityId,
    readonly meetingId: string,
    readonly input: RecordDecisionDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
