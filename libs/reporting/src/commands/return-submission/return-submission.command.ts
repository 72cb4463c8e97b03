import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { SubmissionWriteView } from '../../reporting.view';
import { ReturnSubmissionDto } from './return-submission.dto';

export class ReturnSubmissionCommand extends Command<SubmissionWriteView> {
  constructor(
    readonly cityId: CityId,
    readonly submissionId: string,
    readonly input: ReturnSubmissionDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
