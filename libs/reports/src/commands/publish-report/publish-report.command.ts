import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class PublishReportCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly reportId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
