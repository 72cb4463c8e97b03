import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { SetPopulationDto } from './set-population.dto';

export class SetPopulationCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly year: number,
    readonly input: SetPopulationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
