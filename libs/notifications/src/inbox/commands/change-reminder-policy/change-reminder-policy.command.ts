import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { ChangeReminderPolicyDto } from './change-reminder-policy.dto';

export class ChangeReminderPolicyCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly input: ChangeReminderPolicyDto,
    // The policy version the client saw (If-Match); undefined = replace whatever is there.
    readonly expectedVersion: number | undefined,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
