import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { SubmissionWriteView } from '../../reporting.view';
import { CorrectSubmissionDto } from './correct-submission.dto';

export class CorrectSubmissionCommand extends Command<SubmissionWriteView> {
  constructor(
    readonly cityId: CityId,
    readonly submissionId: string,
    readonly input: CorrectSubmissionDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
