import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedPeriodView } from '../../reporting.view';
import { DefinePeriodDto } from './define-period.dto';

export class DefinePeriodCommand extends Command<CreatedPeriodView> {
  constructor(
    readonly cityId: CityId,
    readonly timezone: string,
    readonly input: DefinePeriodDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
