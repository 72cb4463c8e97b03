import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { ReviseResourceDto } from './revise-resource.dto';

export class ReviseResourceCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly resourceId: string,
    readonly expectedVersion: number,
    readonly changes: ReviseResourceDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
