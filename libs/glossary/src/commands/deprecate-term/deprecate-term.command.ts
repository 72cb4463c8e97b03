import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { DeprecateTermDto } from './deprecate-term.dto';

export class DeprecateTermCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly termId: string,
    readonly expectedVersion: number,
    readonly input: DeprecateTermDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
