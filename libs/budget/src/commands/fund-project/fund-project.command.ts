import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedView } from '../../budget.views';
import { FundProjectDto } from './fund-project.dto';

export class FundProjectCommand extends Command<CreatedView> {
  constructor(
    readonly cityId: CityId,
    readonly callId: string,
    readonly input: FundProjectDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
