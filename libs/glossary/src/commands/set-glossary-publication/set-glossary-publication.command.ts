import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { GlossaryPublicationView } from '../../term.view';

export class SetGlossaryPublicationCommand extends Command<GlossaryPublicationView> {
  constructor(
    readonly cityId: CityId,
    readonly isPublic: boolean,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
