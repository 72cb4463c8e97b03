import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { SubmissionWriteView } from '../../reporting.view';

export class ValidateSubmissionCommand extends Command<SubmissionWriteView> {
  constructor(
    readonly cityId: CityId,
    readonly submissionId: string,
    readonly expectedVersion: number,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
