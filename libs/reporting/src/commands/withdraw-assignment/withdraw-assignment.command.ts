import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { WriteResultView } from '../../reporting.view';

export class WithdrawAssignmentCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly assignmentId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
