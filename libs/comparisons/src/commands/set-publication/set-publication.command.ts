import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { PublicationView } from '../../comparisons.view';
import { SetPublicationDto } from './set-publication.dto';

export class SetPublicationCommand extends Command<PublicationView> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly input: SetPublicationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
