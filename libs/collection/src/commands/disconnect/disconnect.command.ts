import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class DisconnectCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly connectionId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
