import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class WithdrawAssignmentCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly assignmentId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
