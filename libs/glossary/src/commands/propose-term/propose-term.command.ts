import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedTermView } from '../../term.view';
import { ProposeTermDto } from './propose-term.dto';

export class ProposeTermCommand extends Command<CreatedTermView> {
  constructor(
    readonly cityId: CityId,
    readonly input: ProposeTermDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
