import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedSubmissionView } from '../../reporting.view';
import { SubmitDataDto } from './submit-data.dto';

export class SubmitDataCommand extends Command<CreatedSubmissionView> {
  constructor(
    readonly cityId: CityId,
    readonly input: SubmitDataDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
