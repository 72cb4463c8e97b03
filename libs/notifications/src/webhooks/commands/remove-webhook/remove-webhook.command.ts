import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class RemoveWebhookCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly webhookId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
