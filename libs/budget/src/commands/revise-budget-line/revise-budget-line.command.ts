import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { ReviseBudgetLineDto } from './revise-budget-line.dto';

export class ReviseBudgetLineCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly lineId: string,
    readonly expectedVersion: number,
    readonly changes: ReviseBudgetLineDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
