import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class RevokeMandateCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly organisationId: string,
    readonly mandateId: string,
    readonly expectedVersion: number,
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
