import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

import { MovePeriodDeadlineDto } from './move-period-deadline.dto';

export class MovePeriodDeadlineCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly timezone: string,
    readonly periodId: string,
    readonly expectedVersion: number,
    readonly input: MovePeriodDeadlineDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
