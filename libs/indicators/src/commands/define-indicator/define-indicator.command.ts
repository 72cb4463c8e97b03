import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedIndicatorView } from '../../indicator.view';
import { DefineIndicatorDto } from './define-indicator.dto';

export class DefineIndicatorCommand extends Command<CreatedIndicatorView> {
  constructor(
    readonly cityId: CityId,
    readonly input: DefineIndicatorDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
