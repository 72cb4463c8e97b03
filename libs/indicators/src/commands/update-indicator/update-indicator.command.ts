import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

import { UpdateIndicatorDto } from './update-indicator.dto';

export class UpdateIndicatorCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly expectedVersion: number,
    readonly changes: UpdateIndicatorDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
