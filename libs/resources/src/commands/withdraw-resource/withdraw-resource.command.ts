import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class WithdrawResourceCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly resourceId: string,
    readonly expectedVersion: number,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
