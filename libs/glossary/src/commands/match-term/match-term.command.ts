import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { MatchTermDto } from './match-term.dto';

export class MatchTermCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly termId: string,
    readonly input: MatchTermDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
