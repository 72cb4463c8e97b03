import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedWebhookView } from '../../webhook.view';
import { RegisterWebhookDto } from './register-webhook.dto';

export class RegisterWebhookCommand extends Command<CreatedWebhookView> {
  constructor(
    readonly cityId: CityId,
    readonly input: RegisterWebhookDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
