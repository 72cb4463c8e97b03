import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class SetBudgetLinePublicationCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly lineId: string,
    readonly isPublic: boolean,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
