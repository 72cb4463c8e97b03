import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedView } from '../../budget.views';
import { CreateCallDto } from './create-call.dto';

export class CreateCallCommand extends Command<CreatedView> {
  constructor(
    readonly cityId: CityId,
    readonly input: CreateCallDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
