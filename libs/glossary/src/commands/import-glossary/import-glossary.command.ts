import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { GlossaryImportView } from '../../term.view';

export class ImportGlossaryCommand extends Command<GlossaryImportView> {
  constructor(
    readonly cityId: CityId,
    readonly turtle: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
