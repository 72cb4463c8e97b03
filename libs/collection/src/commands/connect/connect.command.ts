import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedConnectionView } from '../../collection.view';
import { ConnectDto } from './connect.dto';

export class ConnectCommand extends Command<CreatedConnectionView> {
  constructor(
    readonly cityId: CityId,
    readonly input: ConnectDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
