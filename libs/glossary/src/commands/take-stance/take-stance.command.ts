import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { Stance } from '../../domain/glossary-term.events';

export class TakeStanceCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly termId: string,
    readonly proposalId: string,
    readonly stance: Stance,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
